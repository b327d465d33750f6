/** The Swedish catalog. Informal "du", as Swedish workplace tools address everyone. Placeholders are {name}. */
import type { CatalogOf } from '../../message-key';
import { svCommands } from './sv-commands';
import { svDrivers } from './sv-drivers';
import { svDashboard } from './sv-dashboard';
import { svDashboardAuth } from './sv-dashboard-auth';

/** The plural categories of sv's cardinal rules besides `other` (CLDR, as Node's ICU has them). */
export type SvPlural = 'one';

export const sv: CatalogOf<SvPlural> = {
  ...svCommands,
  ...svDrivers,
  ...svDashboard,
  ...svDashboardAuth,
  'checkin.question': 'Hur mår du på jobbet den här veckan, från 1 (mycket dåligt) till 10 (toppen)?',
  'checkin.privacy':
    'Ditt svar är anonymt: ditt team ser bara medelvärden från minst {threshold} personer, aldrig ditt namn bredvid ett betyg.',
  'checkin.open_until': 'Du kan ändra ditt svar tills omgången stänger ({closesAt}).',
  'checkin.selected': 'Du svarade *{score}*. Sparat.',
  'checkin.comment_saved': 'Din kommentar är också sparad. Tack!',
  'checkin.closed': 'Den här incheckningen är stängd.',
  'checkin.fallback': 'Incheckning: hur mår du på jobbet den här veckan?',
  'checkin.button_alt': 'Betyg {score}',
  'reminder.text':
    'En vänlig påminnelse: din incheckning är öppen tills omgången stänger ({closesAt}). Det tar tio sekunder.',
  'comment.title': 'Din incheckning',
  'comment.question': 'Vad ligger bakom ditt betyg den här veckan?',
  'comment.hint':
    'Frivilligt. Anonymt precis som ditt betyg; visas för ditt team bara bland minst {threshold} svar, utan namn, e-postadresser och telefonnummer.',
  'comment.submit': 'Spara',
  'comment.cancel': 'Hoppa över',
  'comment.too_long': 'Håll dig till {max} tecken (det här är {length}).',
  'answer.saving': 'Sparar ditt svar…',
  'answer.retry':
    'Vi kunde inte bekräfta ditt svar just nu. Klicka på ditt betyg igen om en minut; två klick räknas aldrig dubbelt.',
  'answer.not_yours': 'Den här incheckningen tillhör någon annan.',
  'answer.round_closed': 'Den här incheckningen har stängt, så svaren kan inte längre ändras.',
  'answer.invalid': 'Det svaret är inte giltigt: använd knapparna i din senaste check-in.',
  'answer.out_of_range': 'Det svaret är inte giltigt: den här frågan besvaras med ett betyg från {min} till {max}.',
  'pulse.setup_started':
    'Den här kanalen görs om till ett team. Medlemmarna (inga bottar) läggs till om en liten stund; du är teamets chef. Nästa steg: `/pulse schedule fri 14:00` (dagarna skrivs på engelska: `fri` = fredag).',
  'pulse.setup_exists': 'Den här kanalen är redan ett team (som leds av {managers}). Medlemslistan uppdateras.',
  'pulse.schedule_set':
    'Incheckningarna skickas varje vecka ({days}) kl. {time}, i varje medlems egen tidszon, bara på arbetsdagar.',
  'pulse.round_opening': 'En omgång öppnas nu: incheckningarna är på väg till {members} medlemmar.',
  'pulse.unscheduled':
    'Schemalagda incheckningar är avstängda för det här teamet. `/pulse schedule fri 14:00` slår på dem igen.',
  'pulse.round_already_open': 'En omgång är redan öppen till {closesAt}. `/pulse status` visar hur det går.',
  'pulse.status_open': '{answered} av {total} har svarat. Omgången är öppen till {closesAt}.',
  'pulse.status_none': 'Ingen omgång är öppen. `/pulse now` öppnar en; `/pulse schedule` ställer in en fast tid.',
  'pulse.not_a_team': 'Den här kanalen är inte ett team än. Kör `/pulse setup` här först.',
  'pulse.not_manager': 'Tyvärr kan bara teamets chefer och arbetsytans administratörer göra det.',
  'pulse.not_a_working_day': '{day} är inte en av teamets arbetsdagar ({workdays}).',
  'pulse.no_members': 'Teamet har inga medlemmar än; lägg först till personer i kanalen.',
  'pulse.not_available': '`/pulse {command}` finns inte i den här versionen än. `/pulse help` visar vad som finns.',
  'config.show':
    '*Teaminställningar*\n• `threshold` (tröskel): {threshold} (inga siffror visas vid färre svar)\n• `window` (svarstid): {window}\n• `reminder` (påminnelse): {reminder}\n• `holidays` (helgdagar): {holidays}\n• `workdays` (arbetsdagar): {workdays}\n• `timezone` (tidszon): {timezone} (för medlemmar vars egen tidszon är okänd)\n• `language` (språk): {language}\n• `channel` (kanal): {channel} (sammanfattningarna hamnar här)\n• `managers` (chefer): {managers}\n• `schedule` (schema): {schedule}\n• `symmetry-lag`: {symmetryLag} (0: kunderna i samma omgång, 1: en omgång senare)\n• `drivers` avstängda: {driversOff} (t.ex. `/pulse config drivers on growth` ställer den igen)',
  'config.show_all': '{team}\n\n{kudos}',
  'config.reminder_not_before_window':
    'Påminnelsen ({reminder}) måste komma innan omgången stänger ({window}). Korta påminnelsen eller förläng svarstiden.',
  'config.schedule_outside_workdays':
    'Schemat använder {days}, som då inte längre skulle vara en arbetsdag. Ändra schemat först (`/pulse schedule …`).',
  'config.symmetry_lag_fixed':
    'Kundförskjutningen förblir {lag}: teamet har redan tillräckligt många omgångar bredvid sina kunder för att visa en korrelation, och en förskjutning som väljs efter att man sett den väljer den snyggaste avläsningen. Välj den före de första omgångarna.',
  'config.last_manager': 'Ett team behöver minst en chef. Lägg till en annan chef innan du tar bort den här.',
  'config.managers_set': 'Cheferna är nu {managers}.',
  'questions.too_many':
    'En omgång ställer högst {max} egna frågor, så att den hålls kort. Ta bort en först, t.ex. med `/pulse unask 1`.',
  'questions.added_scale': 'Fråga {n} tillagd (1–10): ”{question}”. Den ställs från och med nästa omgång.',
  'questions.added_text': 'Fråga {n} tillagd (fritext): ”{question}”. Den ställs från och med nästa omgång.',
  'questions.none':
    'Inga egna frågor. Lägg till en med `/pulse ask Hur tydliga är våra prioriteringar?` (1–10) eller `/pulse ask --text Vad borde vi sluta göra?`.',
  'questions.list': '*Egna frågor* (ställs i varje ny omgång):\n{list}\nTa bort en med `/pulse unask 1` (dess nummer).',
  'questions.no_such': 'Det finns ingen fråga {n}; teamet har {count}. `/pulse questions` listar dem.',
  'questions.removed': 'Tog bort ”{question}”. Omgångar som redan är öppna ställer den fortfarande.',
  'action.added':
    'Publicerad för teamet som åtgärd {n}. Den visas under varje sammanfattning tills `/pulse action done {n}`.',
  'action.no_such': 'Det finns ingen öppen åtgärd {n}; teamet har {count}.',
  'action.done': 'Markerad som klar: ”{text}”.',
  'action.announcement': '*Ni sa, vi gjorde* — från <@{manager}>:\n{text}',
  'summary.none': 'Ingen omgång har stängt än, så det finns inget att sammanfatta.',
  'summary.header': {
    one: 'Den senaste omgången, så som teamet ser den:',
    other: 'De senaste {count} omgångarna, så som teamet ser dem:',
  },
  'summary.title': '*Teamets puls* — omgången stängde {date}',
  'summary.withheld': 'För få svar för att hålla dem anonyma ({needed} behövs). Inget från den här omgången visas.',
  'summary.rate': 'Svarsfrekvens: {respondents} av {invited} ({rate} %)',
  'summary.away': 'Borta (inte tillfrågade, inte räknade): {away}',
  'summary.average': 'Genomsnittlig stämning: *{average}* / 10',
  'summary.change_up': '▲ {change} sedan förra omgången',
  'summary.change_down': '▼ {change} sedan förra omgången',
  'summary.change_same': '= samma som förra omgången',
  'summary.distribution': '1–4: {low} · 5–7: {mid} · 8–10: {high}',
  'summary.question_scale': '”{question}”: *{average}* / 10 ({respondents} svar)',
  'summary.question_withheld': '”{question}”: för få svar för att visa ({needed} behövs)',
  'summary.question_text': '”{question}”',
  'summary.comments': '*Det här sa folk* (i slumpad ordning, utan namn och kontaktuppgifter):',
  'summary.themes': 'Återkommande teman: {themes}',
  'summary.actions': '*Ni sa, vi gjorde* (öppna åtgärder):',
  'symmetry.none': 'Ingen omgång har stängt än, så det finns inget att ställa bredvid kundnöjdheten.',
  'symmetry.header': {
    one: 'Teamets stämning bredvid kundnöjdheten, senaste omgången:',
    other: 'Teamets stämning bredvid kundnöjdheten, senaste {count} omgångarna:',
  },
  'symmetry.title': '*Symmetri*: teamets stämning bredvid kundnöjdheten',
  'symmetry.mood': 'stämning *{mood}* / 10',
  'symmetry.mood_withheld': 'stämning visas inte (under tröskeln)',
  'symmetry.csat': 'CSAT *{value} %*',
  'symmetry.nps': 'NPS *{value}*',
  'symmetry.no_customers': 'ingen kundsiffra',
  'symmetry.no_signals':
    'Ingen kund-CSAT eller -NPS för dessa omgångar än: koppla ett helpdesk- eller enkätverktyg till POST /api/signals.',
  'symmetry.lag_same': 'samma omgång',
  'symmetry.lag_next': 'kunderna en omgång senare',
  'symmetry.correlation': 'Kund-{metric} ({lag}): r = {r}, 95 %-intervall {low} till {high}, n = {n} omgångar.',
  'symmetry.undefined': 'Kund-{metric} ({lag}): inget r, eftersom den ena sidan inte ändrades under {n} omgångar.',
  'symmetry.no_evidence':
    'Ännu inte tillräckligt underlag för ett samband med kund-{metric}: intervallet innehåller 0, så det visar ingen riktning.',
  'symmetry.together':
    'Hela intervallet ligger över 0: teamets stämning och kund-{metric} har hittills rört sig tillsammans.',
  'symmetry.opposite':
    'Hela intervallet ligger under 0: teamets stämning och kund-{metric} har hittills rört sig åt motsatt håll.',
  'symmetry.power':
    'Som jämförelse: publicerade samband mellan medarbetar- och kundnöjdhet på teamnivå ligger kring r = 0,2–0,35 (Harter et al. 2002); ett samband av den storleken kräver ungefär {fewest} (r = 0,35) till {most} (r = 0,2) omgångar med båda siffrorna innan det kan synas.',
  'symmetry.more_rounds': {
    one: 'Kund-{metric}: {count} omgång till med både teamstämning och kundsiffra behövs innan en korrelation visas ({paired} hittills).',
    other:
      'Kund-{metric}: {count} omgångar till med både teamstämning och kundsiffra behövs innan en korrelation visas ({paired} hittills).',
  },
  'symmetry.caveat':
    'Korrelation är inte orsak: båda kan följa något annat, som en lansering, säsongen eller bemanningen.',
  'chart.title': 'Teamets stämning och kundnöjdhet',
  'chart.caption': 'Kund-{metric} ({lag}): r = {r} [{low}; {high}], n = {n}: {evidence}',
  'chart.evidence_none': 'ännu inte tillräckligt underlag',
  'chart.evidence_positive': 'hittills tillsammans',
  'chart.evidence_negative': 'hittills åt motsatt håll',
  'chart.mood_axis': 'Stämning (1–10)',
  'chart.customers_axis': 'Svarsfrekvens / kunder',
  'chart.legend_mood': 'Teamets stämning (1–10)',
  'chart.legend_rate': 'Svarsfrekvens (%)',
  'chart.legend_csat': 'Kund-CSAT (%)',
  'chart.legend_nps': 'Kund-NPS',
  'chart.on_its_way': 'Trenddiagrammet (PNG) är på väg till dina meddelanden med Symmetry.',
  'mine.none': 'Du har inga svar på incheckningar än.',
  'mine.list': '*Dina egna svar* (bara du kan se dem):\n{list}',
  'away.set':
    'Du är borta till och med {date} (din tidszon, {zone}): inga incheckningar och inga påminnelser till dess, och du räknas inte i svarsfrekvensen. Tillbaka tidigare? `/pulse away off`.',
  'away.status': 'Du är borta till och med {date} (din tidszon, {zone}). `/pulse away off` avslutar det nu.',
  'away.none': 'Du är inte borta. `/pulse away until 2026-12-24` eller `/pulse away 2w` pausar dina incheckningar.',
  'away.off':
    'Välkommen tillbaka: du är inte längre borta. Har ditt team en öppen omgång kommer din incheckning inom ett par minuter.',
  'away.past':
    '{date} har redan passerat i din tidszon ({zone}; i dag är det {today}). Välj i dag eller en senare dag.',
  'away.too_far': '{date} ligger mer än ett år fram; senast {latest}. Ställ in det igen närmare datumet.',
  'away.not_member': 'Du är inte med i något Symmetry-team än, så ingen kommer att fråga dig något.',
  'home.title': 'Symmetry',
  'home.own_title': '*Dina senaste incheckningar* (bara du kan se dem)',
  'home.own_none': 'Inga incheckningar än. När ditt team kör en kommer den hit som ett meddelande.',
  'home.own_line': '{date}: {score}{comment}{open}',
  'home.teams_title': '*Team som du leder*',
  'home.team_line': '<#{channel}>',
  'home.team_next': 'Nästa omgång: {date}',
  'home.team_next_none': 'Inget schema. `/pulse schedule fri 14:00` i kanalen ställer in ett.',
  'home.team_open': 'Öppen omgång: {answered} av {total} har svarat, till {date}',
  'home.team_last': 'Förra omgången: {rate} % svarade, genomsnittlig stämning {average}',
  'home.team_last_withheld': 'Förra omgången: för få svar för att visa ({needed} behövs)',
  'kudos.limit_reached':
    'Du har gett alla dina {limit} kudos för i dag. Tack för att du uppmärksammar andra! Fler i morgon.',
  'kudos.self': 'Kudos är till för andra — du kan inte ge dem till dig själv.',
  'kudos.bot': '<@{user}> är en bot; kudos är till för människor.',
  'kudos.limit_left': 'Du har {left} kudos kvar i dag (av {limit}). Välj färre personer, eller ge fler i morgon.',
  'kudos.sent': 'Kudos är på väg till {recipients}. Tack!',
  'kudos.sent_free_tags':
    'Kudos är på väg till {recipients}. Tack!\nSparas som fria taggar, eftersom de inte är företagets värderingar: {tags} (arbetsytans värderingar är {values}). En chef kan göra dem till värderingar med `/pulse config values {proposed}`.',
  'kudos.board_empty':
    'Inga kudos än under senaste {weeks} vecka/veckor. Reagera på ett meddelande med :raised_hands: eller använd `/kudos`.',
  'kudos.board':
    '*Kudos, senaste {weeks} vecka/veckor*\n*Fick flest*\n{receivers}\n*Gav flest*\n{givers}\n*Värderingar*: {values}\n*Fria taggar*: {tags}',
  'kudos.settings':
    '*Inställningar för uppskattning* (hela arbetsytan)\n• `kudos-emoji`: {emoji}\n• `kudos-channel` (kanal): {channel}\n• `kudos-limit` (gräns): {limit} per dag\n• `values` (värderingar): {values}\nÄndra en så här: `/pulse config threshold 4`.',
  'kudos.in_thread': 'i meddelandets tråd',
  'shoutout.text': ':tada: <@{giver}> uppmärksammade {recipients}',
  'shoutout.more': ' (+{more} till)',
  'shoutout.reason': '”{reason}”',
  'shoutout.values': 'Värderingar: {values}',
  'shoutout.tags': 'Taggar: {tags}',
  'shoutout.excerpt': '> {excerpt}',
  'shoutout.link': '<{permalink}|Se meddelandet>',
  'shoutout.withdrawn': 'Den här uppskattningen har dragits tillbaka.',
  'digest.title': '*Veckans kudos* — {total} totalt',
  'digest.line': '<@{user}>: {count}',
  'home.kudos_title': '*Kudos du har fått* (senaste 30 dagarna)',
  'home.kudos_count': '{count} kudos',
  'home.kudos_none': 'Inga än. Kudos som andra ger dig visas här.',
  'error.unknown_command': '`{command}` är inget Symmetry-kommando. Prova `/pulse help`.',
  'error.other_workspace': 'Den här Symmetry är installerad i en annan arbetsyta och kan därför inte göra något här.',
  'install.done':
    'Symmetry är installerad. Gå tillbaka till Slack: bjud in @Symmetry till en teamkanal och kör /pulse setup där.',
  'install.failed':
    'Installationen slutfördes inte ({reason}). Börja om från sidan Lägg till i Slack; länken därifrån fungerar en gång, i 10 minuter.',
  'kudos.unknown_user': 'Jag hittar inte <@{user}> i den här arbetsytan; kudos går till personer här.',
  'privacy.forgotten':
    'Klart. Borttaget: {answers} svar, {deliveries} incheckningspost(er), ditt medlemskap i {teams} team och dina inställningar; {kudos} kudos visar dig nu som ”någon”. Om du stannar kvar i ett teams kanal lägger en senare synkronisering till dig igen och du får incheckningar igen; lämna kanalen för att stoppa dem.',
  'privacy.export_queued':
    'Exporten förbereds; den kommer som en CSV-fil i dina meddelanden med Symmetry. Omgångar under tröskeln listas utan siffror.',
  'error.queue_unavailable': 'Något hos oss svarar inte. Inget har ändrats; försök igen om en minut.',
  'error.generic': 'Något gick fel hos oss. Inget har ändrats; försök igen.',
  'day.mon': 'måndag',
  'day.tue': 'tisdag',
  'day.wed': 'onsdag',
  'day.thu': 'torsdag',
  'day.fri': 'fredag',
  'day.sat': 'lördag',
  'day.sun': 'söndag',
  'home.conversations_title':
    '*Samtal*: kommentarer som ännu inte besvarats, sedan pågående trådar (`/pulse conversations` visar alla).',
  'thread.sent':
    'Skickat. Bara skribenten läser det, utan att någonsin namnges för dig; alla teamets chefer ser tråden.',
  'thread.answer_sent': 'Skickat till teamets chefer.',
  'thread.answer_sent_named': 'Skickat till teamets chefer, med ditt namn bara på det här svaret.',
  'thread.empty': 'Skriv något innan du skickar.',
  'thread.too_long': 'Håll dig till {max} tecken (det här är {length}).',
  'thread.cap':
    'Den här kommentaren har redan {max} svar från chefer i dag. Vänta till i morgon: gränsen hindrar någon från att leta efter vem som skrev den.',
  'thread.not_visible':
    'Du kan bara svara på kommentarer du kan se: från en stängd omgång i ett team du leder som nådde anonymitetströskeln.',
  'thread.not_yours': 'Den här konversationen tillhör någon annan.',
  'thread.unreachable':
    'Kommentarens skribent går inte längre att nå (hen har lämnat teamet eller arbetsytan). Ditt svar finns kvar i tråden.',
  'thread.answer_undelivered':
    'Ditt svar kunde inte levereras: ingen av teamets chefer går att nå just nu (de kan ha lämnat teamet eller arbetsytan). Det finns kvar i tråden.',
  'thread.retry':
    'Det gick inte att skicka just nu. Försök igen om en minut; att skicka två gånger skickar bara en gång.',
  'thread.quick.noted': 'Tack, noterat.',
  'thread.quick.working': 'Vi arbetar på det.',
  'thread.quick.talk': 'Kan vi prata om det här?',
  'thread.anonymous': 'Anonym teamkamrat',
  'thread.you': 'Du',
  'thread.manager': 'Chef {manager}',
  'thread.your_comment': 'Din anonyma kommentar:',
  'thread.comment_in': 'Anonym kommentar i {channel}:',
  'thread.reply_button': 'Svara…',
  'thread.answer_button': 'Svara tillbaka…',
  'thread.modal_title': 'Svar',
  'thread.field_label': 'Ditt svar (högst 2 000 tecken)',
  'thread.reveal_label': 'Visa mitt namn för cheferna, bara på det här svaret',
  'thread.reveal_hint':
    'Av som standard. På: cheferna ser ditt namn vid just det här svaret; din kommentar och dina andra svar förblir anonyma.',
  'thread.reveal_confirm_title': 'Visa ditt namn?',
  'thread.reveal_confirm':
    'Teamets chefer ser ditt namn vid det här svaret. Din kommentar och dina andra svar förblir anonyma. Det går inte att ångra.',
  'thread.reveal_yes': 'Ja, visa mitt namn',
  'thread.reveal_no': 'Nej, förbli anonym',
  'thread.send': 'Skicka',
  'thread.unanswered': 'Inte besvarad än.',
  'thread.manager_forgotten': 'En chef',
  'thread.earlier_hidden': {
    one: '{count} tidigare meddelande visas inte här.',
    other: '{count} tidigare meddelanden visas inte här.',
  },
  'conversations.header':
    'Ditt teams kommentarer från omgångar som nådde tröskeln, och deras konversationer ({count}):',
  'conversations.none':
    'Inga kommentarer att besvara: ingen av teamets senaste omgångar som nådde tröskeln har en kommentar.',
  'summary.answered': '{answered} av {comments} kommentarer besvarade.',
};
