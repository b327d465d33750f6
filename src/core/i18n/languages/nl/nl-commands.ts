/**
 * Dutch texts for the /pulse and /kudos command grammar, addressed as "je" like Dutch workplace tools.
 * Command words stay English (the parser reads English); the sentences around them explain them.
 */
import type { enCommands } from '../en/en-commands';

export const nlCommands: Record<keyof typeof enCommands, string> = {
  'usage.pulse': '{commands}',
  'help.pulse.help':
    '*`/pulse`-commando’s* (voor de managers van het team; iedereen mag `/pulse mine`, `/pulse forget-me`, `/pulse away`, `/pulse kudos` en `/pulse help` gebruiken)',
  'help.section.setup': '*Instellen*',
  'help.pulse.setup': '• `/pulse setup`: maak van dit kanaal een team, met jou als manager',
  'help.pulse.schedule': [
    '• `/pulse schedule fri 14:00`: check-ins op deze dagen en dit tijdstip, in de eigen tijdzone van elk lid (`mon,thu 9:30` werkt ook; dagen in het Engels: mon, tue, wed, thu, fri, sat, sun)',
    '• `/pulse schedule off`: geplande check-ins stoppen',
  ].join('\n'),
  'help.pulse.now': '• `/pulse now`: nu meteen een check-in-ronde openen',
  'help.pulse.status':
    '• `/pulse status`: hoeveel mensen de open ronde hebben beantwoord (alleen aantallen, nooit namen)',
  'help.section.results': '*Bekijk wat het team zei*',
  'help.pulse.summary': '• `/pulse summary 3`: anonieme samenvattingen van de laatste rondes (1 tot 12, standaard 1)',
  'help.pulse.symmetry': [
    '• `/pulse symmetry 8`: de stemming in het team naast de klanttevredenheid over de laatste rondes',
    '• `/pulse config symmetry-lag 1`: klanten een ronde later lezen in plaats van in dezelfde ronde (kies dit vooraf; standaard 0)',
  ].join('\n'),
  'help.pulse.mine': '• `/pulse mine`: je eigen antwoorden, alleen voor jou zichtbaar',
  'help.pulse.export':
    '• `/pulse export`: een CSV met de resultaten van de rondes van het team (met dezelfde anonimiteitsdrempel), privé naar jou gestuurd',
  'help.pulse.conversations':
    '• `/pulse conversations`: de anonieme opmerkingen van het team die je kunt zien, onbeantwoorde eerst, met hun gesprekken; antwoord vanaf daar',
  'help.pulse.forget_me':
    '• `/pulse forget-me`: alles wissen wat Symmetry over jou bewaart (je antwoorden, check-ins, instellingen) en je kudos anonimiseren',
  'help.pulse.away':
    '• `/pulse away until 2026-12-24` · `/pulse away 2w` · `/pulse away off`: je bent afwezig (geen check-ins, geen herinneringen, niet meegeteld); `/pulse away` zegt tot wanneer',
  'help.section.ask': '*Vragen en doen*',
  'help.pulse.ask': [
    '• `/pulse ask Hoe duidelijk zijn onze prioriteiten?`: voeg een vraag (1–10) toe aan de volgende ronde',
    '• `/pulse ask --text Waar moeten we mee beginnen?`: voeg een vraag met een geschreven antwoord toe',
  ].join('\n'),
  'help.pulse.questions': '• `/pulse questions`: de toegevoegde vragen tonen; `/pulse unask 2` verwijdert de tweede',
  'help.pulse.action': [
    '• `/pulse action We verplaatsen de planning naar dinsdag`: vertel het team wat je doet met wat ze zeiden',
    '• `/pulse action done 1`: die actie als afgerond markeren',
  ].join('\n'),
  'help.section.kudos': '*Kudos*',
  'help.pulse.kudos': [
    '• `/kudos @alex voor het repareren van de deploy #samenwerking`: bedank iemand in het openbaar',
    '• `/pulse kudos 4`: wie de afgelopen weken de meeste kudos gaf en kreeg (standaard 4)',
  ].join('\n'),
  'help.section.settings': '*Instellingen*',
  'help.pulse.config': [
    '• `/pulse config`: de instellingen van dit team tonen',
    '• `/pulse config threshold 5`: minimum aantal antwoorden voordat er iets getoond wordt (3 tot 10)',
    '• `/pulse config window 3d` · `reminder 24h` (of `off`): hoe lang een ronde openstaat, wanneer de herinnering komt (`d` = dagen, `h` = uren)',
    '• `/pulse config holidays 2026-12-24,2026-12-25` (of `none`) · `workdays mon-fri` · `timezone Europe/Amsterdam`',
    '• `/pulse config language nl` ({languages}) · `channel #team-pulse` · `managers add @alex` (of `remove`)',
    '• `/pulse config admins add @alex` (of `remove`, of `list`): organisatiebeheerders, die alle teams op het dashboard zien',
    '• `/pulse config kudos-emoji :clap: :taco:` · `kudos-channel #kudos` (of `off`) · `kudos-limit 5` · `values samenwerking,klantgericht`',
  ].join('\n'),
  'usage.kudos':
    'Gebruik: `/kudos @alex voor het repareren van de deploy #samenwerking`. Bedank een of meer mensen (kies ze in het @-menu), zeg waarvoor, en zet #tags aan het eind: de waarden van het team, of eigen woorden.',
  'parse.too_long':
    'Dat zijn {length} tekens; `{command}` accepteert er hoogstens {max}. Maak het korter en probeer het opnieuw.',
  'parse.unknown_subcommand': '`/pulse {command}` is geen commando. Probeer `/pulse help` om ze allemaal te zien.',
  'parse.unknown_subcommand_suggest':
    '`/pulse {command}` is geen commando. Bedoelde je `/pulse {suggestion}`? `/pulse help` toont ze allemaal.',
  'parse.unexpected_args': '`/pulse {command}` verwacht geen `{extra}`. Gebruik het zo: `{usage}`.',
  'parse.bad_number':
    '`/pulse {command}` verwacht een heel getal van {min} tot {max}, zoals `{usage}`; `{value}` is dat niet.',
  'parse.schedule_missing':
    '`/pulse schedule` heeft dagen en een tijd nodig, zoals `/pulse schedule fri 14:00`, of `/pulse schedule off` om de check-ins te stoppen.',
  'parse.schedule_missing_days':
    '`/pulse schedule` heeft minstens één dag vóór de tijd nodig, zoals `/pulse schedule fri {time}` (dagen in het Engels: mon, tue, wed, thu, fri, sat, sun).',
  'parse.schedule_missing_time':
    '`/pulse schedule` heeft een tijd na de dagen nodig, zoals `/pulse schedule {days} 14:00`.',
  'parse.schedule_two_times':
    '`/pulse schedule` neemt één tijd, niet zowel `{first}` als `{second}`. Eén planning heeft één tijd, zoals `/pulse schedule mon,thu 14:00`.',
  'parse.bad_day':
    '`{value}` is geen dag: gebruik de Engelse afkortingen mon, tue, wed, thu, fri, sat of sun (maandag t/m zondag), gescheiden door komma’s (zoals `mon,wed,fri`) of als reeks (zoals `mon-fri`).',
  'parse.bad_time': '`{value}` is geen tijd: gebruik de 24-uursnotatie UU:MM, zoals 14:00.',
  'parse.ask_missing':
    '`/pulse ask` heeft een vraag nodig, zoals `/pulse ask Hoe duidelijk zijn onze prioriteiten?` (antwoord van 1 tot 10) of `/pulse ask --text Waar moeten we mee beginnen?` (antwoord in woorden).',
  'parse.question_too_short': 'Die vraag is maar {length} tekens; schrijf er minstens {min}.',
  'parse.question_too_long': 'Die vraag is {length} tekens; houd het bij {max}.',
  'parse.unask_missing':
    '`/pulse unask` heeft het nummer nodig van de vraag die weg moet, zoals `/pulse unask 2`. `/pulse questions` toont de nummers.',
  'parse.bad_index': '`{value}` is geen geldig nummer: gebruik een heel getal van 1 tot {max}, zoals `{usage}`.',
  'parse.action_missing':
    '`/pulse action` heeft nodig wat je gaat doen, zoals `/pulse action We verplaatsen de planning naar dinsdag`, of `/pulse action done 1` om er een af te sluiten.',
  'parse.action_done_missing':
    '`/pulse action done` heeft het nummer van de actie nodig, zoals `/pulse action done 1`.',
  'parse.action_too_long': 'Die actie is {length} tekens; houd het bij {max}.',
  'parse.config_unknown_key': '`{key}` is geen instelling. De instellingen zijn: {keys}.',
  'parse.config_missing_value': '`/pulse config {key}` heeft een waarde nodig, zoals `{usage}`.',
  'parse.bad_duration':
    '`{value}` is geen duur tussen {min} en {max}: gebruik uren of dagen (`h` of `d`), zoals `{usage}`.',
  'parse.bad_reminder':
    '`{value}` is geen geldige wachttijd voor de herinnering: gebruik uren, van {min} tot {max}, zoals `/pulse config reminder 24h`, of `/pulse config reminder off` voor geen herinnering.',
  'parse.bad_date':
    '`{value}` is geen datum: gebruik jjjj-MM-dd, zoals 2026-12-25, gescheiden door komma’s, of `none` om de feestdagen te wissen.',
  'parse.too_many_items': '`/pulse config {key}` accepteert er hoogstens {max}; dit zijn er {count}.',
  'parse.bad_timezone':
    '`{value}` is geen tijdzone: gebruik een IANA-naam zoals Europe/Amsterdam, America/New_York of UTC.',
  'parse.bad_language': '`{value}` is geen taal die de bot spreekt: gebruik {languages}.',
  'parse.bad_channel': '`{value}` is geen kanaal: kies er een in het #-menu, zoals `{usage}`.',
  'parse.admins_missing':
    '`/pulse config admins` verwacht `add` of `remove` en een of meer personen, zoals `/pulse config admins add @alex`, of `list`.',
  'parse.managers_missing':
    '`/pulse config managers` heeft `add` (toevoegen) of `remove` (verwijderen) nodig en een of meer mensen, zoals `/pulse config managers add @alex`.',
  'parse.not_a_user': '`{value}` is geen persoon: kies iemand in het @-menu, zoals `{usage}`.',
  'parse.bad_emoji':
    '`{value}` is geen emojinaam: gebruik namen tussen dubbele punten, zoals `/pulse config kudos-emoji :clap: :taco:`.',
  'parse.bad_value_name':
    '`{value}` is geen geldige naam voor een waarde: gebruik letters, cijfers en streepjes, zoals `/pulse config values samenwerking,klantgericht`, of `none` om ze te wissen.',
  'parse.kudos_missing_recipient':
    '`/kudos` heeft eerst iemand nodig om te bedanken, zoals `/kudos @alex voor het repareren van de deploy #samenwerking`.',
  'parse.kudos_missing_reason':
    '`/kudos` heeft een reden nodig na de mensen, zoals `/kudos {recipients} voor het repareren van de deploy`.',
  'parse.kudos_reason_too_long': 'Die reden is {length} tekens; houd het bij {max}.',
  'parse.kudos_too_many_tags': 'Dat zijn {count} tags; houd het bij {max}.',
  'parse.away_bad':
    '`{value}` is geen dag en geen duur van afwezigheid: gebruik `/pulse away until 2026-12-24` (jjjj-MM-dd, je laatste dag afwezig), `/pulse away 2w` of `/pulse away 10d` (tot {max} dagen), of `/pulse away off`.',
  'parse.bad_driver':
    '`{value}` is geen driver. De drivers zijn: {drivers}. Bijvoorbeeld: `/pulse config drivers off autonomy`.',
  'parse.drivers_usage':
    'Zeg `on` of `off` en één driver, bijvoorbeeld `/pulse config drivers off autonomy`. De drivers zijn: {drivers}.',
  'help.pulse.drivers':
    '• `/pulse drivers`: de laatste score en trend van elke driver, de aandachtspunten en welke drivers meebewegen met de stemming (de drempel geldt)',
};
