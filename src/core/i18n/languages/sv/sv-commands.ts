/**
 * Swedish texts for the /pulse and /kudos command grammar, addressed as "du" like Swedish workplace tools.
 * Command words stay English (the parser reads English); the sentences around them explain them.
 */
import type { enCommands } from '../en/en-commands';

export const svCommands: Record<keyof typeof enCommands, string> = {
  'usage.pulse': '{commands}',
  'help.pulse.help':
    '*`/pulse`-kommandon* (för teamets chefer; alla kan använda `/pulse mine`, `/pulse forget-me`, `/pulse away`, `/pulse kudos` och `/pulse help`)',
  'help.section.setup': '*Kom igång*',
  'help.pulse.setup': '• `/pulse setup`: gör den här kanalen till ett team, med dig som chef',
  'help.pulse.schedule': [
    '• `/pulse schedule fri 14:00`: skicka incheckningar de här dagarna och den här tiden, i varje medlems egen tidszon (`mon,thu 9:30` fungerar också; dagarna skrivs på engelska: mon, tue, wed, thu, fri, sat, sun)',
    '• `/pulse schedule off`: stoppa schemalagda incheckningar',
  ].join('\n'),
  'help.pulse.now': '• `/pulse now`: öppna en incheckningsomgång direkt',
  'help.pulse.status': '• `/pulse status`: hur många som har svarat i den öppna omgången (bara antal, aldrig namn)',
  'help.section.results': '*Se vad teamet sa*',
  'help.pulse.summary':
    '• `/pulse summary 3`: anonyma sammanfattningar av de senaste omgångarna (1 till 12, standard 1)',
  'help.pulse.symmetry': [
    '• `/pulse symmetry 8`: teamets stämning bredvid kundnöjdheten under de senaste omgångarna',
    '• `/pulse config symmetry-lag 1`: läs kunderna en omgång senare i stället för i samma omgång (välj innan du tittar; standard 0)',
  ].join('\n'),
  'help.pulse.mine': '• `/pulse mine`: dina egna svar, som bara du ser',
  'help.pulse.export':
    '• `/pulse export`: en CSV-fil med teamets resultat per omgång (samma anonymitetströskel), skickad privat till dig',
  'help.pulse.conversations':
    '• `/pulse conversations`: teamets anonyma kommentarer som du kan se, obesvarade först, med sina konversationer; svara därifrån',
  'help.pulse.forget_me':
    '• `/pulse forget-me`: radera allt som Symmetry har sparat om dig (dina svar, incheckningar, inställningar) och anonymisera dina kudos',
  'help.pulse.away':
    '• `/pulse away until 2026-12-24` · `/pulse away 2w` · `/pulse away off`: du är borta (inga incheckningar, inga påminnelser, räknas inte); `/pulse away` säger till när',
  'help.section.ask': '*Fråga och agera*',
  'help.pulse.ask': [
    '• `/pulse ask Hur tydliga är våra prioriteringar?`: lägg till en fråga (1–10) i nästa omgång',
    '• `/pulse ask --text Vad borde vi börja göra?`: lägg till en fråga med skrivet svar',
  ].join('\n'),
  'help.pulse.questions': '• `/pulse questions`: lista de tillagda frågorna; `/pulse unask 2` tar bort den andra',
  'help.pulse.action': [
    '• `/pulse action Vi flyttar planeringen till tisdagar`: berätta för teamet vad du gör åt det de sa',
    '• `/pulse action done 1`: markera åtgärden som klar',
  ].join('\n'),
  'help.section.kudos': '*Kudos*',
  'help.pulse.kudos': [
    '• `/kudos @alex för att du fixade deployen #samarbete`: tacka någon offentligt',
    '• `/pulse kudos 4`: vem som gav och fick flest kudos de senaste veckorna (standard 4)',
  ].join('\n'),
  'help.section.settings': '*Inställningar*',
  'help.pulse.config': [
    '• `/pulse config`: visa teamets inställningar',
    '• `/pulse config threshold 5`: minsta antal svar innan något visas (3 till 10)',
    '• `/pulse config window 3d` · `reminder 24h` (eller `off`): hur länge en omgång är öppen, när påminnelsen skickas (`d` = dagar, `h` = timmar)',
    '• `/pulse config holidays 2026-12-24,2026-12-25` (eller `none`) · `workdays mon-fri` · `timezone Europe/Stockholm`',
    '• `/pulse config language sv` ({languages}) · `channel #team-pulse` · `managers add @alex` (eller `remove`)',
    '• `/pulse config admins add @alex` (eller `remove`, eller `list`): organisationsadministratörer, som ser alla team på instrumentpanelen',
    '• `/pulse config kudos-emoji :clap: :taco:` · `kudos-channel #kudos` (eller `off`) · `kudos-limit 5` · `values samarbete,kundfokus`',
  ].join('\n'),
  'usage.kudos':
    'Så här gör du: `/kudos @alex för att du fixade deployen #samarbete`. Tacka en eller flera personer (välj dem i @-menyn), säg för vad och lägg till #taggar i slutet: teamets värderingar eller egna ord.',
  'parse.too_long': 'Det är {length} tecken; `{command}` tar högst {max}. Korta ner det och försök igen.',
  'parse.unknown_subcommand': '`/pulse {command}` är inget kommando. Prova `/pulse help` för att se alla.',
  'parse.unknown_subcommand_suggest':
    '`/pulse {command}` är inget kommando. Menade du `/pulse {suggestion}`? `/pulse help` listar alla.',
  'parse.unexpected_args': '`/pulse {command}` tar inte `{extra}`. Använd det så här: `{usage}`.',
  'parse.bad_number':
    '`/pulse {command}` tar ett heltal från {min} till {max}, som `{usage}`; `{value}` är inget sådant.',
  'parse.schedule_missing':
    '`/pulse schedule` behöver dagar och en tid, som `/pulse schedule fri 14:00`, eller `/pulse schedule off` för att stoppa incheckningarna.',
  'parse.schedule_missing_days':
    '`/pulse schedule` behöver minst en dag före tiden, som `/pulse schedule fri {time}` (dagarna på engelska: mon, tue, wed, thu, fri, sat, sun).',
  'parse.schedule_missing_time': '`/pulse schedule` behöver en tid efter dagarna, som `/pulse schedule {days} 14:00`.',
  'parse.schedule_two_times':
    '`/pulse schedule` tar en tid, inte både `{first}` och `{second}`. Ett schema har en tid, som `/pulse schedule mon,thu 14:00`.',
  'parse.bad_day':
    '`{value}` är ingen dag: använd de engelska förkortningarna mon, tue, wed, thu, fri, sat eller sun (måndag–söndag), åtskilda med kommatecken (som `mon,wed,fri`) eller som ett intervall (som `mon-fri`).',
  'parse.bad_time': '`{value}` är ingen tid: använd 24-timmarsformat TT:MM, som 14:00.',
  'parse.ask_missing':
    '`/pulse ask` behöver en fråga, som `/pulse ask Hur tydliga är våra prioriteringar?` (besvaras 1–10) eller `/pulse ask --text Vad borde vi börja göra?` (besvaras med ord).',
  'parse.question_too_short': 'Frågan är bara {length} tecken; skriv minst {min}.',
  'parse.question_too_long': 'Frågan är {length} tecken; håll den till {max}.',
  'parse.unask_missing':
    '`/pulse unask` behöver numret på frågan som ska bort, som `/pulse unask 2`. `/pulse questions` visar numren.',
  'parse.bad_index': '`{value}` är inget giltigt nummer: använd ett heltal från 1 till {max}, som `{usage}`.',
  'parse.action_missing':
    '`/pulse action` behöver det du ska göra, som `/pulse action Vi flyttar planeringen till tisdagar`, eller `/pulse action done 1` för att stänga en.',
  'parse.action_done_missing': '`/pulse action done` behöver åtgärdens nummer, som `/pulse action done 1`.',
  'parse.action_too_long': 'Åtgärden är {length} tecken; håll den till {max}.',
  'parse.config_unknown_key': '`{key}` är ingen inställning. Inställningarna är: {keys}.',
  'parse.config_missing_value': '`/pulse config {key}` behöver ett värde, som `{usage}`.',
  'parse.bad_duration':
    '`{value}` är ingen tidslängd mellan {min} och {max}: använd timmar eller dagar (`h` eller `d`), som `{usage}`.',
  'parse.bad_reminder':
    '`{value}` är ingen giltig fördröjning för påminnelsen: använd timmar, från {min} till {max}, som `/pulse config reminder 24h`, eller `/pulse config reminder off` för ingen påminnelse.',
  'parse.bad_date':
    '`{value}` är inget datum: använd åååå-MM-dd, som 2026-12-25, åtskilda med kommatecken, eller `none` för att rensa helgdagarna.',
  'parse.too_many_items': '`/pulse config {key}` tar högst {max}; det här är {count}.',
  'parse.bad_timezone':
    '`{value}` är ingen tidszon: använd ett IANA-namn som Europe/Stockholm, America/New_York eller UTC.',
  'parse.bad_language': '`{value}` är inget språk som boten talar: använd {languages}.',
  'parse.bad_channel': '`{value}` är ingen kanal: välj en i #-menyn, som `{usage}`.',
  'parse.admins_missing':
    '`/pulse config admins` tar `add` eller `remove` och en eller flera personer, som `/pulse config admins add @alex`, eller `list`.',
  'parse.managers_missing':
    '`/pulse config managers` behöver `add` (lägg till) eller `remove` (ta bort) och en eller flera personer, som `/pulse config managers add @alex`.',
  'parse.not_a_user': '`{value}` är ingen person: välj någon i @-menyn, som `{usage}`.',
  'parse.bad_emoji':
    '`{value}` är inget emojinamn: använd namn mellan kolon, som `/pulse config kudos-emoji :clap: :taco:`.',
  'parse.bad_value_name':
    '`{value}` är inget giltigt namn på en värdering: använd bokstäver, siffror och bindestreck, som `/pulse config values samarbete,kundfokus`, eller `none` för att rensa dem.',
  'parse.kudos_missing_recipient':
    '`/kudos` behöver först någon att tacka, som `/kudos @alex för att du fixade deployen #samarbete`.',
  'parse.kudos_missing_reason':
    '`/kudos` behöver en anledning efter personerna, som `/kudos {recipients} för att du fixade deployen`.',
  'parse.kudos_reason_too_long': 'Anledningen är {length} tecken; håll den till {max}.',
  'parse.kudos_too_many_tags': 'Det är {count} taggar; håll dig till högst {max}.',
  'parse.away_bad':
    '`{value}` är varken en dag eller en längd på ledigheten: använd `/pulse away until 2026-12-24` (åååå-MM-dd, din sista dag borta), `/pulse away 2w` eller `/pulse away 10d` (upp till {max} dagar), eller `/pulse away off`.',
  'parse.bad_driver':
    '`{value}` är ingen drivkraft. Drivkrafterna är: {drivers}. Till exempel: `/pulse config drivers off autonomy`.',
  'parse.drivers_usage':
    'Skriv `on` eller `off` och en drivkraft, till exempel `/pulse config drivers off autonomy`. Drivkrafterna är: {drivers}.',
  'help.pulse.drivers':
    '• `/pulse drivers`: varje drivkrafts senaste värde och trend, fokusområdena och vilka drivkrafter som följer stämningen (tröskeln gäller)',
};
