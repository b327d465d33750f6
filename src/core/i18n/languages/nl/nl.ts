/** The Dutch catalog. Informal "je", as Dutch workplace tools address employees. Placeholders are {name}. */
import type { CatalogOf } from '../../message-key';
import { nlCommands } from './nl-commands';
import { nlDrivers } from './nl-drivers';
import { nlDashboard } from './nl-dashboard';
import { nlDashboardAuth } from './nl-dashboard-auth';

/** The plural categories of nl's cardinal rules besides `other` (CLDR, as Node's ICU has them). */
export type NlPlural = 'one';

export const nl: CatalogOf<NlPlural> = {
  ...nlCommands,
  ...nlDrivers,
  ...nlDashboard,
  ...nlDashboardAuth,
  'checkin.question': 'Hoe voel je je deze week op het werk, van 1 (heel slecht) tot 10 (geweldig)?',
  'checkin.privacy':
    'Je antwoord is anoniem: je team ziet alleen gemiddelden van minstens {threshold} mensen, nooit je naam naast een score.',
  'checkin.open_until': 'Je kunt je antwoord nog wijzigen tot de ronde sluit ({closesAt}).',
  'checkin.selected': 'Je antwoordde *{score}*. Opgeslagen.',
  'checkin.comment_saved': 'Je opmerking is ook opgeslagen. Dank je wel.',
  'checkin.closed': 'Deze check-in is gesloten.',
  'checkin.fallback': 'Check-in: hoe voel je je deze week op het werk?',
  'checkin.button_alt': 'Score {score}',
  'reminder.text':
    'Een vriendelijke herinnering: je check-in staat nog open tot de ronde sluit ({closesAt}). Het kost je tien seconden.',
  'comment.title': 'Je check-in',
  'comment.question': 'Wat zit er achter je score van deze week?',
  'comment.hint':
    'Optioneel. Anoniem, net als je score; alleen aan je team getoond tussen minstens {threshold} antwoorden, zonder namen, e-mailadressen en telefoonnummers.',
  'comment.submit': 'Opslaan',
  'comment.cancel': 'Overslaan',
  'comment.too_long': 'Houd het bij {max} tekens (dit zijn er {length}).',
  'answer.saving': 'Je antwoord wordt opgeslagen…',
  'answer.retry':
    'We konden je antwoord nu niet bevestigen. Klik over een minuutje nog eens op je score; twee keer klikken telt nooit dubbel.',
  'answer.not_yours': 'Deze check-in is van iemand anders.',
  'answer.round_closed': 'Deze check-in is gesloten, dus antwoorden kunnen niet meer worden gewijzigd.',
  'answer.invalid': 'Dat antwoord is niet geldig: gebruik de knoppen van je laatste check-in.',
  'answer.out_of_range': 'Dat antwoord is niet geldig: deze vraag krijgt een score van {min} tot {max}.',
  'pulse.setup_started':
    'Dit kanaal wordt als team ingesteld. De leden (geen bots) worden zo toegevoegd; jij bent de manager. Volgende stap: `/pulse schedule fri 14:00` (dagen in het Engels: `fri` = vrijdag).',
  'pulse.setup_exists': 'Dit kanaal is al een team (beheerd door {managers}). De ledenlijst wordt bijgewerkt.',
  'pulse.schedule_set':
    'Check-ins gaan elke week uit ({days}) om {time}, in de eigen tijdzone van elk lid, alleen op werkdagen.',
  'pulse.round_opening': 'Er gaat nu een ronde open: de check-ins zijn onderweg naar {members} leden.',
  'pulse.unscheduled': 'Geplande check-ins staan uit voor dit team. `/pulse schedule fri 14:00` zet ze weer aan.',
  'pulse.round_already_open': 'Er staat al een ronde open tot {closesAt}. `/pulse status` laat zien hoe het gaat.',
  'pulse.status_open': '{answered} van de {total} hebben geantwoord. De ronde staat open tot {closesAt}.',
  'pulse.status_none':
    'Er staat geen ronde open. `/pulse now` opent er een; `/pulse schedule` stelt een vast tijdstip in.',
  'pulse.not_a_team': 'Dit kanaal is nog geen team. Voer hier eerst `/pulse setup` uit.',
  'pulse.not_manager': 'Sorry, alleen de managers van dit team en de beheerders van de werkruimte kunnen dat doen.',
  'pulse.not_a_working_day': '{day} is geen werkdag van het team ({workdays}).',
  'pulse.no_members': 'Dit team heeft nog geen leden; voeg eerst mensen toe aan het kanaal.',
  'pulse.not_available':
    '`/pulse {command}` is in deze versie nog niet beschikbaar. `/pulse help` toont wat er wel is.',
  'config.show':
    '*Teaminstellingen*\n• `threshold` (drempel): {threshold} (bij minder antwoorden wordt geen cijfer getoond)\n• `window` (looptijd): {window}\n• `reminder` (herinnering): {reminder}\n• `holidays` (feestdagen): {holidays}\n• `workdays` (werkdagen): {workdays}\n• `timezone` (tijdzone): {timezone} (voor leden van wie die onbekend is)\n• `language` (taal): {language}\n• `channel` (kanaal): {channel} (hier komen de samenvattingen)\n• `managers`: {managers}\n• `schedule` (planning): {schedule}\n• `symmetry-lag`: {symmetryLag} (0: klanten van dezelfde ronde, 1: een ronde later)\n• `drivers` uit: {driversOff} (bijv. `/pulse config drivers on growth` vraagt die weer)',
  'config.show_all': '{team}\n\n{kudos}',
  'config.reminder_not_before_window':
    'De herinnering ({reminder}) moet komen voordat de ronde sluit ({window}). Maak de herinnering korter of de looptijd langer.',
  'config.schedule_outside_workdays':
    'De planning gebruikt {days}, en dat zou dan geen werkdag meer zijn. Pas eerst de planning aan (`/pulse schedule …`).',
  'config.symmetry_lag_fixed':
    'De klantvertraging blijft {lag}: dit team heeft al genoeg rondes naast zijn klanten om een correlatie te tonen, en een vertraging die je kiest nadat je die hebt gezien, kiest de mooiste uitkomst. Kies haar vóór de eerste rondes.',
  'config.last_manager':
    'Een team heeft minstens één manager nodig. Voeg eerst een andere manager toe voordat je deze verwijdert.',
  'config.managers_set': 'De managers zijn nu {managers}.',
  'questions.too_many':
    'Een ronde stelt hoogstens {max} eigen vragen, zodat hij kort blijft. Verwijder er eerst een, bijvoorbeeld met `/pulse unask 1`.',
  'questions.added_scale': 'Vraag {n} toegevoegd (1–10): ‘{question}’. Die wordt vanaf de volgende ronde gesteld.',
  'questions.added_text':
    'Vraag {n} toegevoegd (open antwoord): ‘{question}’. Die wordt vanaf de volgende ronde gesteld.',
  'questions.none':
    'Geen eigen vragen. Voeg er een toe met `/pulse ask Hoe duidelijk zijn onze prioriteiten?` (1–10) of `/pulse ask --text Waar moeten we mee stoppen?`.',
  'questions.list':
    '*Eigen vragen* (gesteld in elke nieuwe ronde):\n{list}\nVerwijder er een met `/pulse unask 1` (het nummer).',
  'questions.no_such': 'Er is geen vraag {n}; dit team heeft er {count}. `/pulse questions` toont ze.',
  'questions.removed': '‘{question}’ verwijderd. Rondes die al openstaan, stellen de vraag nog wel.',
  'action.added': 'Als actie {n} met het team gedeeld. Die staat onder elke samenvatting tot `/pulse action done {n}`.',
  'action.no_such': 'Er is geen open actie {n}; dit team heeft er {count}.',
  'action.done': 'Afgerond: ‘{text}’.',
  'action.announcement': '*Jullie zeiden, wij deden* — van <@{manager}>:\n{text}',
  'summary.none': 'Er is nog geen ronde gesloten, dus er valt nog niets samen te vatten.',
  'summary.header': {
    one: 'De laatste ronde, zoals het team die ziet:',
    other: 'De laatste {count} rondes, zoals het team ze ziet:',
  },
  'summary.title': '*Teamstemming* — ronde gesloten op {date}',
  'summary.withheld':
    'Niet genoeg antwoorden om ze anoniem te houden ({needed} nodig). Van deze ronde wordt niets getoond.',
  'summary.rate': 'Respons: {respondents} van de {invited} ({rate}%)',
  'summary.away': 'Afwezig (niet gevraagd, niet meegeteld): {away}',
  'summary.average': 'Gemiddelde stemming: *{average}* / 10',
  'summary.change_up': '▲ {change} sinds de vorige ronde',
  'summary.change_down': '▼ {change} sinds de vorige ronde',
  'summary.change_same': '= gelijk aan de vorige ronde',
  'summary.distribution': '1–4: {low} · 5–7: {mid} · 8–10: {high}',
  'summary.question_scale': '‘{question}’: *{average}* / 10 ({respondents} antwoorden)',
  'summary.question_withheld': '‘{question}’: niet genoeg antwoorden om te tonen ({needed} nodig)',
  'summary.question_text': '‘{question}’',
  'summary.comments': '*Wat mensen zeiden* (in willekeurige volgorde, zonder namen en contactgegevens):',
  'summary.themes': 'Terugkerende thema’s: {themes}',
  'summary.actions': '*Jullie zeiden, wij deden* (open acties):',
  'symmetry.none': 'Er is nog geen ronde gesloten, dus er is nog niets om naast klanttevredenheid te zetten.',
  'symmetry.header': {
    one: 'Teamstemming naast klanttevredenheid, laatste ronde:',
    other: 'Teamstemming naast klanttevredenheid, laatste {count} rondes:',
  },
  'symmetry.title': '*Symmetrie*: teamstemming naast klanttevredenheid',
  'symmetry.mood': 'stemming *{mood}* / 10',
  'symmetry.mood_withheld': 'stemming niet getoond (onder de drempel)',
  'symmetry.csat': 'CSAT *{value}%*',
  'symmetry.nps': 'NPS *{value}*',
  'symmetry.no_customers': 'geen klantcijfer',
  'symmetry.no_signals':
    'Nog geen klant-CSAT of -NPS voor deze rondes: koppel een helpdesk- of enquêtetool aan POST /api/signals.',
  'symmetry.lag_same': 'dezelfde ronde',
  'symmetry.lag_next': 'klanten een ronde later',
  'symmetry.correlation': 'Klant-{metric} ({lag}): r = {r}, 95%-interval {low} tot {high}, n = {n} rondes.',
  'symmetry.undefined': 'Klant-{metric} ({lag}): geen r, want een van beide veranderde niet in {n} rondes.',
  'symmetry.no_evidence':
    'Nog niet genoeg bewijs voor een verband met klant-{metric}: het interval bevat 0, dus het wijst geen richting aan.',
  'symmetry.together': 'Het hele interval ligt boven 0: teamstemming en klant-{metric} bewogen tot nu toe samen.',
  'symmetry.opposite':
    'Het hele interval ligt onder 0: teamstemming en klant-{metric} bewogen tot nu toe in tegengestelde richting.',
  'symmetry.power':
    'Ter vergelijking: gepubliceerde verbanden tussen medewerkers- en klanttevredenheid op teamniveau liggen rond r = 0,2–0,35 (Harter et al. 2002); een verband van die grootte vraagt ongeveer {fewest} (r = 0,35) tot {most} (r = 0,2) rondes met beide cijfers voordat het zichtbaar kan worden.',
  'symmetry.more_rounds': {
    one: 'Klant-{metric}: nog {count} ronde met zowel een teamstemming als een klantcijfer nodig voordat een correlatie wordt getoond ({paired} tot nu toe).',
    other:
      'Klant-{metric}: nog {count} rondes met zowel een teamstemming als een klantcijfer nodig voordat een correlatie wordt getoond ({paired} tot nu toe).',
  },
  'symmetry.caveat':
    'Correlatie is geen oorzaak: beide kunnen iets anders volgen, zoals een lancering, het seizoen of de bezetting.',
  'chart.title': 'Teamstemming en klanttevredenheid',
  'chart.caption': 'Klant-{metric} ({lag}): r = {r} [{low}; {high}], n = {n}: {evidence}',
  'chart.evidence_none': 'nog niet genoeg bewijs',
  'chart.evidence_positive': 'tot nu toe samen',
  'chart.evidence_negative': 'tot nu toe tegengesteld',
  'chart.mood_axis': 'Stemming (1–10)',
  'chart.customers_axis': 'Responspercentage / klanten',
  'chart.legend_mood': 'Teamstemming (1–10)',
  'chart.legend_rate': 'Responspercentage (%)',
  'chart.legend_csat': 'Klant-CSAT (%)',
  'chart.legend_nps': 'Klant-NPS',
  'chart.on_its_way': 'De trendgrafiek (PNG) is onderweg naar je berichten met Symmetry.',
  'mine.none': 'Je hebt nog geen antwoorden op check-ins.',
  'mine.list': '*Je eigen antwoorden* (alleen jij kunt ze zien):\n{list}',
  'away.set':
    'Je bent afwezig tot en met {date} (jouw tijdzone, {zone}): tot dan geen check-ins en geen herinneringen, en je telt niet mee in de respons. Eerder terug? `/pulse away off`.',
  'away.status': 'Je bent afwezig tot en met {date} (jouw tijdzone, {zone}). `/pulse away off` beëindigt het nu.',
  'away.none': 'Je bent niet afwezig. `/pulse away until 2026-12-24` of `/pulse away 2w` pauzeert je check-ins.',
  'away.off':
    'Welkom terug: je bent niet meer afwezig. Heeft je team een ronde open, dan komt je check-in binnen een paar minuten.',
  'away.past':
    '{date} is in jouw tijdzone al voorbij ({zone}; vandaag is het {today}). Kies vandaag of een latere dag.',
  'away.too_far': '{date} ligt meer dan een jaar vooruit; uiterlijk {latest}. Stel het later opnieuw in.',
  'away.not_member': 'Je zit nog niet in een Symmetry-team, dus niemand zal je iets vragen.',
  'home.title': 'Symmetry',
  'home.own_title': '*Je recente check-ins* (alleen jij kunt ze zien)',
  'home.own_none': 'Nog geen check-ins. Als je team er een houdt, komt die hier binnen als bericht.',
  'home.own_line': '{date}: {score}{comment}{open}',
  'home.teams_title': '*Teams die je beheert*',
  'home.team_line': '<#{channel}>',
  'home.team_next': 'Volgende ronde: {date}',
  'home.team_next_none': 'Geen planning. `/pulse schedule fri 14:00` in het kanaal stelt er een in.',
  'home.team_open': 'Open ronde: {answered} van de {total} geantwoord, tot {date}',
  'home.team_last': 'Vorige ronde: {rate}% geantwoord, gemiddelde stemming {average}',
  'home.team_last_withheld': 'Vorige ronde: niet genoeg antwoorden om te tonen ({needed} nodig)',
  'kudos.limit_reached':
    'Je hebt al je {limit} kudos voor vandaag gegeven. Fijn dat je oog hebt voor anderen! Morgen kun je weer.',
  'kudos.self': 'Kudos zijn voor anderen — je kunt ze niet aan jezelf geven.',
  'kudos.bot': '<@{user}> is een bot; kudos zijn voor mensen.',
  'kudos.limit_left':
    'Je hebt vandaag nog {left} kudos over (van de {limit}). Kies minder mensen, of geef morgen meer.',
  'kudos.sent': 'Kudos zijn onderweg naar {recipients}. Dank je wel!',
  'kudos.sent_free_tags':
    'Kudos zijn onderweg naar {recipients}. Dank je wel!\nBewaard als vrije tags, want het zijn geen bedrijfswaarden: {tags} (de waarden van deze werkruimte zijn {values}). Een manager kan er waarden van maken met `/pulse config values {proposed}`.',
  'kudos.board_empty':
    'Nog geen kudos in de afgelopen {weeks} week/weken. Reageer op een bericht met :raised_hands: of gebruik `/kudos`.',
  'kudos.board':
    '*Kudos, afgelopen {weeks} week/weken*\n*Meest ontvangen*\n{receivers}\n*Meest gegeven*\n{givers}\n*Waarden*: {values}\n*Vrije tags*: {tags}',
  'kudos.settings':
    '*Instellingen voor waardering* (de hele werkruimte)\n• `kudos-emoji`: {emoji}\n• `kudos-channel` (kanaal): {channel}\n• `kudos-limit` (limiet): {limit} per dag\n• `values` (waarden): {values}\nWijzig er een zo: `/pulse config threshold 4`.',
  'kudos.in_thread': 'in de thread van het bericht',
  'shoutout.text': ':tada: <@{giver}> zet {recipients} in het zonnetje',
  'shoutout.more': ' (+{more} anderen)',
  'shoutout.reason': '‘{reason}’',
  'shoutout.values': 'Waarden: {values}',
  'shoutout.tags': 'Tags: {tags}',
  'shoutout.excerpt': '> {excerpt}',
  'shoutout.link': '<{permalink}|Bekijk het bericht>',
  'shoutout.withdrawn': 'Deze waardering is ingetrokken.',
  'digest.title': '*Kudos deze week* — {total} in totaal',
  'digest.line': '<@{user}>: {count}',
  'home.kudos_title': '*Kudos die je kreeg* (laatste 30 dagen)',
  'home.kudos_count': '{count} kudos',
  'home.kudos_none': 'Nog geen. Kudos die anderen je geven, verschijnen hier.',
  'error.unknown_command': '`{command}` is geen Symmetry-commando. Probeer `/pulse help`.',
  'error.other_workspace': 'Deze Symmetry is in een andere werkruimte geïnstalleerd en kan hier dus niets doen.',
  'install.done':
    'Symmetry is geïnstalleerd. Ga terug naar Slack: nodig @Symmetry uit in het kanaal van een team en voer daar /pulse setup uit.',
  'install.failed':
    'De installatie is niet voltooid ({reason}). Begin opnieuw op de pagina Toevoegen aan Slack; de link daarvan werkt één keer, 10 minuten lang.',
  'kudos.unknown_user': 'Ik kan <@{user}> niet vinden in deze werkruimte; kudos gaan naar mensen hier.',
  'privacy.forgotten':
    'Klaar. Verwijderd: {answers} antwoord(en), {deliveries} check-inregistratie(s), je lidmaatschap van {teams} team(s) en je instellingen; bij {kudos} kudos sta je nu als ‘iemand’. Blijf je in het kanaal van een team, dan voegt een latere synchronisatie je weer toe en krijg je weer check-ins; verlaat het kanaal om dat te stoppen.',
  'privacy.export_queued':
    'De export wordt voorbereid; je krijgt hem als CSV-bestand in je berichten met Symmetry. Rondes onder de drempel staan erin zonder cijfers.',
  'error.queue_unavailable':
    'Iets aan onze kant reageert niet. Er is niets gewijzigd; probeer het over een minuutje opnieuw.',
  'error.generic': 'Er ging iets mis aan onze kant. Er is niets gewijzigd; probeer het opnieuw.',
  'day.mon': 'maandag',
  'day.tue': 'dinsdag',
  'day.wed': 'woensdag',
  'day.thu': 'donderdag',
  'day.fri': 'vrijdag',
  'day.sat': 'zaterdag',
  'day.sun': 'zondag',
  'home.conversations_title':
    '*Gesprekken*: opmerkingen nog zonder antwoord, dan lopende gesprekken (`/pulse conversations` toont ze allemaal).',
  'thread.sent':
    'Verstuurd. Alleen de schrijver leest het, zonder ooit aan jou genoemd te worden; alle managers van het team zien het gesprek.',
  'thread.answer_sent': 'Verstuurd naar de managers van het team.',
  'thread.answer_sent_named': 'Verstuurd naar de managers van het team, met je naam alleen bij dit antwoord.',
  'thread.empty': 'Schrijf eerst iets voordat je verstuurt.',
  'thread.too_long': 'Houd het bij {max} tekens (dit zijn er {length}).',
  'thread.cap':
    'Deze opmerking heeft vandaag al {max} antwoorden van managers. Wacht tot morgen: deze grens voorkomt dat iemand uitzoekt wie het schreef.',
  'thread.not_visible':
    'Je kunt alleen antwoorden op opmerkingen die je kunt zien: uit een gesloten ronde van een team dat je beheert en die de anonimiteitsdrempel haalde.',
  'thread.not_yours': 'Dit gesprek is van iemand anders.',
  'thread.unreachable':
    'De schrijver van deze opmerking is niet meer bereikbaar (die heeft het team of de werkruimte verlaten). Je antwoord blijft in het gesprek.',
  'thread.answer_undelivered':
    'Je antwoord kon niet worden bezorgd: geen van de managers van het team is nu bereikbaar (misschien hebben ze het team of de werkruimte verlaten). Het blijft in het gesprek.',
  'thread.retry':
    'Versturen lukte nu niet. Probeer het over een minuut opnieuw; twee keer versturen verstuurt maar één keer.',
  'thread.quick.noted': 'Dank je, genoteerd.',
  'thread.quick.working': 'We zijn ermee bezig.',
  'thread.quick.talk': 'Kunnen we hierover praten?',
  'thread.anonymous': 'Anonieme teamgenoot',
  'thread.you': 'Jij',
  'thread.manager': 'Manager {manager}',
  'thread.your_comment': 'Je anonieme opmerking:',
  'thread.comment_in': 'Anonieme opmerking in {channel}:',
  'thread.reply_button': 'Antwoorden…',
  'thread.answer_button': 'Terugschrijven…',
  'thread.modal_title': 'Antwoord',
  'thread.field_label': 'Je antwoord (maximaal 2.000 tekens)',
  'thread.reveal_label': 'Toon mijn naam aan de managers, alleen bij dit antwoord',
  'thread.reveal_hint':
    'Standaard uit. Aan: de managers zien je naam bij dit ene antwoord; je opmerking en je andere antwoorden blijven anoniem.',
  'thread.reveal_confirm_title': 'Je naam tonen?',
  'thread.reveal_confirm':
    'De managers van het team zien je naam bij dit antwoord. Je opmerking en je andere antwoorden blijven anoniem. Dit kan niet ongedaan worden gemaakt.',
  'thread.reveal_yes': 'Ja, toon mijn naam',
  'thread.reveal_no': 'Nee, blijf anoniem',
  'thread.send': 'Versturen',
  'thread.unanswered': 'Nog niet beantwoord.',
  'thread.manager_forgotten': 'Een manager',
  'thread.earlier_hidden': {
    one: '{count} eerder bericht wordt hier niet getoond.',
    other: '{count} eerdere berichten worden hier niet getoond.',
  },
  'conversations.header': 'Opmerkingen van je team uit rondes die de drempel haalden, en hun gesprekken ({count}):',
  'conversations.none':
    'Geen opmerkingen om te beantwoorden: geen recente ronde die de drempel haalde heeft een opmerking.',
  'summary.answered': '{answered} van {comments} opmerkingen beantwoord.',
};
