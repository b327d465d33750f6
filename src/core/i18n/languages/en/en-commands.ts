/** English texts for the /pulse and /kudos command grammar (usage and parse errors). Placeholders are {name}. */
export const enCommands = {
  // `/pulse help` is put together from the help.* keys below, in the order of src/core/commands/pulse/registry.ts.
  'usage.pulse': '{commands}',
  'help.pulse.help':
    "*`/pulse` commands* (for the team's managers; anyone may use `/pulse mine`, `/pulse forget-me`, `/pulse away`, `/pulse kudos` and `/pulse help`)",
  'help.section.setup': '*Set up*',
  'help.pulse.setup': '• `/pulse setup`: make this channel a team, with you as its manager',
  'help.pulse.schedule': [
    "• `/pulse schedule fri 14:00`: check in on these days at this time, in each member's own time zone (`mon,thu 9:30` works too)",
    '• `/pulse schedule off`: stop scheduled check-ins',
  ].join('\n'),
  'help.pulse.now': '• `/pulse now`: open a check-in round right away',
  'help.pulse.status': '• `/pulse status`: how many have answered the open round (counts only, never names)',
  'help.section.results': '*See what the team said*',
  'help.pulse.summary': '• `/pulse summary 3`: anonymous summaries of the last rounds (1 to 12, default 1)',
  'help.pulse.symmetry': [
    "• `/pulse symmetry 8`: the team's mood beside customer satisfaction over the last rounds",
    '• `/pulse config symmetry-lag 1`: read customers one round later instead of in the same round (choose before looking; default 0)',
  ].join('\n'),
  'help.pulse.mine': '• `/pulse mine`: your own answers, seen only by you',
  'help.pulse.export':
    "• `/pulse export`: a CSV of the team's round results (same anonymity threshold), sent to you privately",
  'help.pulse.conversations':
    "• `/pulse conversations`: the team's anonymous comments you can see, unanswered ones first, with their conversations; reply from there",
  'help.pulse.forget_me':
    '• `/pulse forget-me`: delete everything Symmetry holds about you (your answers, check-ins, settings) and anonymize your kudos',
  'help.pulse.away':
    '• `/pulse away until 2026-12-24` · `/pulse away 2w` · `/pulse away off`: you are away (no check-ins, no reminders, not counted); `/pulse away` says until when',
  'help.section.ask': '*Ask and act*',
  'help.pulse.ask': [
    '• `/pulse ask How clear are our priorities?`: add a 1–10 question to the next round',
    '• `/pulse ask --text What should we start doing?`: add a question with a written answer',
  ].join('\n'),
  'help.pulse.questions': '• `/pulse questions`: list the added questions; `/pulse unask 2` removes the second',
  'help.pulse.action': [
    '• `/pulse action We will move planning to Tuesdays`: tell the team what you will do about what they said',
    '• `/pulse action done 1`: mark that action done',
  ].join('\n'),
  'help.section.kudos': '*Kudos*',
  'help.pulse.kudos': [
    '• `/kudos @alex for fixing the deploy #teamwork`: thank someone in public',
    '• `/pulse kudos 4`: who gave and received most kudos in the last weeks (default 4)',
  ].join('\n'),
  'help.section.settings': '*Settings*',
  'help.pulse.config': [
    "• `/pulse config`: show this team's settings",
    '• `/pulse config threshold 5`: fewest answers before anything is shown (3 to 10)',
    '• `/pulse config window 3d` · `reminder 24h` (or `off`): how long a round stays open, when to remind',
    '• `/pulse config holidays 2026-12-24,2026-12-25` (or `none`) · `workdays mon-fri` · `timezone Europe/Paris`',
    '• `/pulse config language fr` ({languages}) · `channel #team-pulse` · `managers add @alex` (or `remove`)',
    '• `/pulse config admins add @alex` (or `remove`, or `list`): org admins, who see every team on the dashboard',
    '• `/pulse config kudos-emoji :clap: :taco:` · `kudos-channel #kudos` (or `off`) · `kudos-limit 5` · `values teamwork,customer-care`',
  ].join('\n'),
  'usage.kudos':
    "Usage: `/kudos @alex for fixing the deploy #teamwork`. Thank one or more people (pick them from the @ menu), say what for, and add #tags at the end: the team's values, or words of your own.",
  'parse.too_long': 'That is {length} characters; `{command}` takes at most {max}. Please shorten it and try again.',
  'parse.unknown_subcommand': '`/pulse {command}` is not a command. Try `/pulse help` to see them all.',
  'parse.unknown_subcommand_suggest':
    '`/pulse {command}` is not a command. Did you mean `/pulse {suggestion}`? `/pulse help` lists them all.',
  'parse.unexpected_args': '`/pulse {command}` does not take `{extra}`. Use it like this: `{usage}`.',
  'parse.bad_number':
    '`/pulse {command}` takes a whole number from {min} to {max}, like `{usage}`; `{value}` is not one.',
  'parse.schedule_missing':
    '`/pulse schedule` needs days and a time, like `/pulse schedule fri 14:00`, or `/pulse schedule off` to stop check-ins.',
  'parse.schedule_missing_days':
    '`/pulse schedule` needs at least one day before the time, like `/pulse schedule fri {time}`.',
  'parse.schedule_missing_time': '`/pulse schedule` needs a time after the days, like `/pulse schedule {days} 14:00`.',
  'parse.schedule_two_times':
    '`/pulse schedule` takes one time, not both `{first}` and `{second}`. One schedule has one time, like `/pulse schedule mon,thu 14:00`.',
  'parse.bad_day':
    '`{value}` is not a day: use mon, tue, wed, thu, fri, sat or sun, separated by commas (like `mon,wed,fri`) or as a range (like `mon-fri`).',
  'parse.bad_time': '`{value}` is not a time: use 24-hour HH:MM like 14:00.',
  'parse.ask_missing':
    '`/pulse ask` needs a question, like `/pulse ask How clear are our priorities?` (answered 1–10) or `/pulse ask --text What should we start doing?` (answered in words).',
  'parse.question_too_short': 'That question is only {length} characters; please write at least {min}.',
  'parse.question_too_long': 'That question is {length} characters; please keep it to {max}.',
  'parse.unask_missing':
    '`/pulse unask` needs the number of the question to remove, like `/pulse unask 2`. `/pulse questions` shows the numbers.',
  'parse.bad_index': '`{value}` is not an item number: use a whole number from 1 to {max}, like `{usage}`.',
  'parse.action_missing':
    '`/pulse action` needs what you will do, like `/pulse action We will move planning to Tuesdays`, or `/pulse action done 1` to close one.',
  'parse.action_done_missing': '`/pulse action done` needs the number of the action, like `/pulse action done 1`.',
  'parse.action_too_long': 'That action is {length} characters; please keep it to {max}.',
  'parse.config_unknown_key': '`{key}` is not a setting. The settings are: {keys}.',
  'parse.config_missing_value': '`/pulse config {key}` needs a value, like `{usage}`.',
  'parse.bad_duration': '`{value}` is not a duration from {min} to {max}: use hours or days, like `{usage}`.',
  'parse.bad_reminder':
    '`{value}` is not a reminder delay: use hours from {min} to {max}, like `/pulse config reminder 24h`, or `/pulse config reminder off` for no reminder.',
  'parse.bad_date':
    '`{value}` is not a date: use yyyy-MM-dd like 2026-12-25, separated by commas, or `none` to clear the holidays.',
  'parse.too_many_items': '`/pulse config {key}` takes at most {max}; that is {count}.',
  'parse.bad_timezone': '`{value}` is not a time zone: use an IANA name like Europe/Paris, America/New_York or UTC.',
  'parse.bad_language': '`{value}` is not a language the bot speaks: use {languages}.',
  'parse.bad_channel': '`{value}` is not a channel: pick one from the # menu, like `{usage}`.',
  'parse.admins_missing':
    '`/pulse config admins` takes `add` or `remove` and one or more people, like `/pulse config admins add @alex`, or `list`.',
  'parse.managers_missing':
    '`/pulse config managers` needs `add` or `remove` and one or more people, like `/pulse config managers add @alex`.',
  'parse.not_a_user': '`{value}` is not a person: pick someone from the @ menu, like `{usage}`.',
  'parse.bad_emoji':
    '`{value}` is not an emoji name: use names between colons, like `/pulse config kudos-emoji :clap: :taco:`.',
  'parse.bad_value_name':
    '`{value}` is not a value name: use letters, digits and dashes, like `/pulse config values teamwork,customer-care`, or `none` to clear them.',
  'parse.kudos_missing_recipient':
    '`/kudos` needs someone to thank first, like `/kudos @alex for fixing the deploy #teamwork`.',
  'parse.kudos_missing_reason':
    '`/kudos` needs a reason after the people, like `/kudos {recipients} for fixing the deploy`.',
  'parse.kudos_reason_too_long': 'That reason is {length} characters; please keep it to {max}.',
  'parse.kudos_too_many_tags': 'That is {count} tags; please keep it to {max}.',
  'parse.away_bad':
    '`{value}` is not a day or a length of leave: use `/pulse away until 2026-12-24` (yyyy-MM-dd, the last day you are away), `/pulse away 2w` or `/pulse away 10d` (up to {max} days), or `/pulse away off`.',
  'parse.bad_driver':
    '`{value}` is not a driver. The drivers are: {drivers}. For example: `/pulse config drivers off autonomy`.',
  'parse.drivers_usage':
    'Say `on` or `off` and one driver, for example `/pulse config drivers off autonomy`. The drivers are: {drivers}.',
  'help.pulse.drivers':
    "• `/pulse drivers`: each driver's latest score and trend, the focus areas and which drivers move with the mood (threshold applies)",
} as const;
