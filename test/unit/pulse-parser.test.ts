import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { commandText, SLACK_REFERENCE } from '../support/command-text';
import { MAX_COMMAND_LENGTH } from '../../src/core/commands/limits';
import type { PulseCommand } from '../../src/core/commands/pulse/command';
import { CONFIG_KEYS, CONFIG_SETTINGS, findSetting } from '../../src/core/commands/pulse/config-settings';
import {
  findSubcommand,
  helpKeys,
  PULSE_SUBCOMMANDS,
  pulseHelp,
  SUGGESTED_NAMES,
} from '../../src/core/commands/pulse/registry';
import { parsePulseCommand, readPulseCommand } from '../../src/core/commands/pulse-parser';
import type { CommandError } from '../../src/core/commands/words';
import { joinTokens, tokenizeSlackText } from '../../src/core/commands/mentions';
import { catalogs, SUPPORTED_LANGUAGES, translate } from '../../src/core/i18n';
import { enCommands } from '../../src/core/i18n/languages/en/en-commands';

/** The sentence an error becomes, checked to exist and to have every placeholder filled. */
function expectTranslatable(error: CommandError): string {
  expect(Object.keys(enCommands)).toContain(error.key);
  const template: string = enCommands[error.key];
  for (const [, name] of template.matchAll(/\{(\w+)\}/g)) expect(error.params).toHaveProperty([name as string]);
  const text = translate('en', error.key, error.params);
  // What the person typed may hold braces of its own; only the template's must all be gone.
  const typed = Object.values(error.params).some((value) => /[{}]/.test(String(value)));
  if (!typed) expect(text).not.toMatch(/\{\w+\}/);
  return text;
}

const FRI_14: PulseCommand = { type: 'schedule', days: ['fri'], time: '14:00' };
const setting = (s: Extract<PulseCommand, { type: 'config-set' }>['setting']): PulseCommand => ({
  type: 'config-set',
  setting: s,
});

describe('parsePulseCommand: commands', () => {
  const cases: [string, PulseCommand][] = [
    // issue 2
    ['', { type: 'help' }],
    ['   ', { type: 'help' }],
    ['help', { type: 'help' }],
    ['HELP schedule', { type: 'help' }],
    ['?', { type: 'help' }],
    ['setup', { type: 'setup' }],
    ['Setup', { type: 'setup' }],
    ['ｓｅｔｕｐ', { type: 'setup' }],
    ['now', { type: 'now' }],
    ['NOW', { type: 'now' }],
    ['status', { type: 'status' }],
    ['schedule fri 14:00', FRI_14],
    ['  schedule\t\tfri \n 14:00  ', FRI_14],
    ['schedule\u00a0fri\u3000 14:00', FRI_14],
    ['SCHEDULE FRIDAY 14:00', FRI_14],
    ['schedule Fridays at 14:00', FRI_14],
    ['schedule fri 14:00', FRI_14],
    ['schedule 14:00 fri', FRI_14],
    ['schedule fri,fri,FRI 14:00', FRI_14],
    ['schedule fri ١٤:٠٠', FRI_14],
    ['schedule fri １４：００', FRI_14],
    ['schedule mon,wed,fri 9:30', { type: 'schedule', days: ['mon', 'wed', 'fri'], time: '09:30' }],
    ['schedule fri, mon ,wed 09:30', { type: 'schedule', days: ['mon', 'wed', 'fri'], time: '09:30' }],
    ['schedule sun,sat,thu,tue 0:00', { type: 'schedule', days: ['tue', 'thu', 'sat', 'sun'], time: '00:00' }],
    ['schedule tues thurs 23:59', { type: 'schedule', days: ['tue', 'thu'], time: '23:59' }],
    ['schedule mon-fri 8:05', { type: 'schedule', days: ['mon', 'tue', 'wed', 'thu', 'fri'], time: '08:05' }],
    ['schedule fri-mon 10:00', { type: 'schedule', days: ['mon', 'fri', 'sat', 'sun'], time: '10:00' }],
    ['schedule off', { type: 'unschedule' }],
    ['schedule OFF', { type: 'unschedule' }],
    ['unschedule', { type: 'unschedule' }],
    // issue 3
    ['summary', { type: 'summary', rounds: 1 }],
    ['summary 3', { type: 'summary', rounds: 3 }],
    ['summary 12', { type: 'summary', rounds: 12 }],
    ['summary ٣', { type: 'summary', rounds: 3 }],
    ['ask How clear are our priorities?', { type: 'ask', kind: 'scale', question: 'How clear are our priorities?' }],
    ['ask --scale How clear?', { type: 'ask', kind: 'scale', question: 'How clear?' }],
    ['ask --text What should we start doing?', { type: 'ask', kind: 'text', question: 'What should we start doing?' }],
    ['ask —text What should we stop?', { type: 'ask', kind: 'text', question: 'What should we stop?' }],
    ['ask -t Why?', { type: 'ask', kind: 'text', question: 'Why?' }],
    ['ASK   How   is\n\nthe  workload?', { type: 'ask', kind: 'scale', question: 'How is the workload?' }],
    ['ask --text ما الذي يمكننا تحسينه؟', { type: 'ask', kind: 'text', question: 'ما الذي يمكننا تحسينه؟' }],
    ['ask Ça va, l’équipe ? 😀👍🏽', { type: 'ask', kind: 'scale', question: 'Ça va, l’équipe ? 😀👍🏽' }],
    ['questions', { type: 'questions' }],
    ['unask 2', { type: 'unask', index: 2 }],
    ['unask #3', { type: 'unask', index: 3 }],
    ['config', { type: 'config' }],
    ['settings', { type: 'config' }],
    ['config threshold 5', setting({ key: 'threshold', value: 5 })],
    ['config threshold 3', setting({ key: 'threshold', value: 3 })],
    ['config THRESHOLD 10', setting({ key: 'threshold', value: 10 })],
    ['config window 3d', setting({ key: 'window', value: 72 })],
    ['config window 72h', setting({ key: 'window', value: 72 })],
    ['config window 3 days', setting({ key: 'window', value: 72 })],
    ['config window 1d12h', setting({ key: 'window', value: 36 })],
    ['config window 1h', setting({ key: 'window', value: 1 })],
    ['config window 14d', setting({ key: 'window', value: 336 })],
    ['config reminder 24h', setting({ key: 'reminder', value: 24 })],
    ['config reminder 72 hours', setting({ key: 'reminder', value: 72 })],
    ['config reminder off', setting({ key: 'reminder', value: null })],
    ['config reminder None', setting({ key: 'reminder', value: null })],
    ['config holidays 2026-12-25', setting({ key: 'holidays', value: ['2026-12-25'] })],
    [
      'config holidays 2026-12-25, 2026-12-24 2026-12-25',
      setting({ key: 'holidays', value: ['2026-12-24', '2026-12-25'] }),
    ],
    ['config holidays 2028-02-29', setting({ key: 'holidays', value: ['2028-02-29'] })],
    ['config holidays none', setting({ key: 'holidays', value: [] })],
    ['config workdays mon-fri', setting({ key: 'workdays', value: ['mon', 'tue', 'wed', 'thu', 'fri'] })],
    ['config workdays sun-thu', setting({ key: 'workdays', value: ['mon', 'tue', 'wed', 'thu', 'sun'] })],
    ['config workdays mon,tue, thu', setting({ key: 'workdays', value: ['mon', 'tue', 'thu'] })],
    ['config workdays mon-wed,fri', setting({ key: 'workdays', value: ['mon', 'tue', 'wed', 'fri'] })],
    ['config timezone Europe/Paris', setting({ key: 'timezone', value: 'Europe/Paris' })],
    ['config timezone europe/paris', setting({ key: 'timezone', value: 'Europe/Paris' })],
    ['config tz America/Argentina/Buenos_Aires', setting({ key: 'timezone', value: 'America/Argentina/Buenos_Aires' })],
    ['config timezone UTC', setting({ key: 'timezone', value: 'UTC' })],
    ['config timezone utc', setting({ key: 'timezone', value: 'UTC' })],
    ['config timezone etc/gmt+2', setting({ key: 'timezone', value: 'Etc/GMT+2' })],
    ['config timezone Europe/Kyiv', setting({ key: 'timezone', value: 'Europe/Kyiv' })],
    ['config timezone Asia/Kolkata', setting({ key: 'timezone', value: 'Asia/Kolkata' })],
    ['config language fr', setting({ key: 'language', value: 'fr' })],
    ['config language AR', setting({ key: 'language', value: 'ar' })],
    ['config lang sv-SE', setting({ key: 'language', value: 'sv' })],
    ['config channel <#C0123ABC|team-pulse>', setting({ key: 'channel', value: 'C0123ABC' })],
    ['config channel <#C0123ABC>', setting({ key: 'channel', value: 'C0123ABC' })],
    ['config managers add <@U123ABC|alex>', setting({ key: 'managers', op: 'add', value: ['U123ABC'] })],
    ['config managers add <@U123ABC>', setting({ key: 'managers', op: 'add', value: ['U123ABC'] })],
    [
      'config managers ADD <@U123ABC|alex>, <@W456DEF> and <@U123ABC>',
      setting({ key: 'managers', op: 'add', value: ['U123ABC', 'W456DEF'] }),
    ],
    [
      'config manager remove <@U123ABC|alex><@U999>',
      setting({ key: 'managers', op: 'remove', value: ['U123ABC', 'U999'] }),
    ],
    ['config kudos-emoji :taco:', setting({ key: 'kudos-emoji', value: ['taco'] })],
    [
      'config kudos_emoji :clap: :Raised_Hands:, taco',
      setting({ key: 'kudos-emoji', value: ['clap', 'raised_hands', 'taco'] }),
    ],
    ['config kudos-emoji :+1::skin-tone-2: :+1:', setting({ key: 'kudos-emoji', value: ['+1'] })],
    ['config kudos-channel <#C777|kudos>', setting({ key: 'kudos-channel', value: 'C777' })],
    ['config kudos-channel off', setting({ key: 'kudos-channel', value: null })],
    ['config kudos-limit 1', setting({ key: 'kudos-limit', value: 1 })],
    ['config kudos-limit 50', setting({ key: 'kudos-limit', value: 50 })],
    ['config symmetry-lag 0', setting({ key: 'symmetry-lag', value: 0 })],
    ['config symmetry_lag 1', setting({ key: 'symmetry-lag', value: 1 })],
    ['config lag 1', setting({ key: 'symmetry-lag', value: 1 })],
    ['config values teamwork,customer-care', setting({ key: 'values', value: ['teamwork', 'customer-care'] })],
    ['config values #Teamwork #kundfokus, teamwork', setting({ key: 'values', value: ['teamwork', 'kundfokus'] })],
    ['config values <#C9|ownership> écoute', setting({ key: 'values', value: ['ownership', 'écoute'] })],
    ['config values none', setting({ key: 'values', value: [] })],
    ['config drivers off autonomy', setting({ key: 'drivers', op: 'off', value: 'autonomy' })],
    ['config driver ON Customers', setting({ key: 'drivers', op: 'on', value: 'customers' })],
    ['drivers', { type: 'drivers' }],
    ['enps', { type: 'drivers' }],
    ['action We will move planning to Tuesdays', { type: 'action', text: 'We will move planning to Tuesdays' }],
    ['action done with long meetings, from now on', { type: 'action', text: 'done with long meetings, from now on' }],
    ['action done 2', { type: 'action-done', index: 2 }],
    ['action DONE #1', { type: 'action-done', index: 1 }],
    ['mine', { type: 'mine' }],
    ['kudos', { type: 'kudos', weeks: 4 }],
    ['kudos 12', { type: 'kudos', weeks: 12 }],
    ['kudos 52w', { type: 'kudos', weeks: 52 }],
    ['symmetry', { type: 'symmetry', rounds: 8 }],
    ['symmetry 6', { type: 'symmetry', rounds: 6 }],
    // issue 18: away
    ['away', { type: 'away-status' }],
    ['away off', { type: 'away-off' }],
    ['AWAY back', { type: 'away-off' }],
    ['away until 2026-12-24', { type: 'away', until: { date: '2026-12-24' } }],
    ['away till 2028-02-29', { type: 'away', until: { date: '2028-02-29' } }],
    ['away 2026-12-24', { type: 'away', until: { date: '2026-12-24' } }],
    ['away 2w', { type: 'away', until: { days: 14 } }],
    ['away 10d', { type: 'away', until: { days: 10 } }],
    ['away 3 weeks', { type: 'away', until: { days: 21 } }],
    ['away for 1 day', { type: 'away', until: { days: 1 } }],
    ['away 365d', { type: 'away', until: { days: 365 } }],
    ['vacation 1w', { type: 'away', until: { days: 7 } }],
  ];

  it.each(cases)('%j', (text, command) => {
    expect(parsePulseCommand(text)).toEqual({ ok: true, command });
  });
});

describe('parsePulseCommand: free text', () => {
  it.each([
    // Slack-escaped characters stay escaped; people stay mentions without their label.
    ['ask Q&amp;A &lt;b&gt;bold&lt;/b&gt; with <@U123ABC|alex>?', 'Q&amp;A &lt;b&gt;bold&lt;/b&gt; with <@U123ABC>?'],
    ['ask Q with <@U123ABC>?', 'Q with <@U123ABC>?'],
    // Broadcasts are defused: repeating the question never pings a crowd.
    ['ask <!channel> <!here|here> <!subteam^S0123|@devs> ok?', '@channel @here @devs ok?'],
    ['ask see <#C0123|general> and <https://example.com|the doc>', 'see <#C0123> and <https://example.com>'],
    // SQL and shell meta-characters are just text.
    [
      "ask Robert'); DROP TABLE responses;-- $(rm -rf /) `whoami` | cat",
      "Robert'); DROP TABLE responses;-- $(rm -rf /) `whoami` | cat",
    ],
    ['ask what\u0000is\u0007up\u001b[31m?', 'what is up [31m?'],
    ['ask a stray < or > char', 'a stray &lt; or &gt; char'],
    ['ask <unknown thing> here', '&lt;unknown thing&gt; here'],
  ])('%j', (text, question) => {
    const result = parsePulseCommand(text);
    expect(result).toEqual({ ok: true, command: { type: 'ask', kind: 'scale', question } });
  });
});

describe('parsePulseCommand: errors', () => {
  const cases: [string, CommandError['key'], Record<string, string | number>][] = [
    [
      'x'.repeat(MAX_COMMAND_LENGTH + 1),
      'parse.too_long',
      { command: '/pulse', length: MAX_COMMAND_LENGTH + 1, max: MAX_COMMAND_LENGTH },
    ],
    ['foo', 'parse.unknown_subcommand', { command: 'foo' }],
    ['drop table teams', 'parse.unknown_subcommand', { command: 'drop' }],
    ['<@U123ABC|bob> schedule', 'parse.unknown_subcommand', { command: '@bob' }],
    ['`rm', 'parse.unknown_subcommand', { command: "'rm" }],
    ['جدول', 'parse.unknown_subcommand', { command: '\u2068جدول\u2069' }],
    ['shedule fri 14:00', 'parse.unknown_subcommand_suggest', { command: 'shedule', suggestion: 'schedule' }],
    ['STAUTS', 'parse.unknown_subcommand_suggest', { command: 'STAUTS', suggestion: 'status' }],
    ['summry', 'parse.unknown_subcommand_suggest', { command: 'summry', suggestion: 'summary' }],
    ['conf', 'parse.unknown_subcommand_suggest', { command: 'conf', suggestion: 'config' }],
    ['exprot', 'parse.unknown_subcommand_suggest', { command: 'exprot', suggestion: 'export' }],
    // "Did you mean" offers what the help teaches: neither `unschedule` (taught as `schedule off`) nor an alias.
    ['unschedul', 'parse.unknown_subcommand', { command: 'unschedul' }],
    ['setings', 'parse.unknown_subcommand', { command: 'setings' }],
    ['unschedule now', 'parse.unexpected_args', { command: 'unschedule', extra: 'now', usage: '/pulse unschedule' }],
    ['forget-me please', 'parse.unexpected_args', { command: 'forget-me', extra: 'please', usage: '/pulse forget-me' }],
    ['export x', 'parse.unexpected_args', { command: 'export', extra: 'x', usage: '/pulse export' }],
    ['now please', 'parse.unexpected_args', { command: 'now', extra: 'please', usage: '/pulse now' }],
    [
      'setup <#C123|general> now',
      'parse.unexpected_args',
      { command: 'setup', extra: '#general now', usage: '/pulse setup' },
    ],
    ['status all', 'parse.unexpected_args', { command: 'status', extra: 'all', usage: '/pulse status' }],
    ['questions 1', 'parse.unexpected_args', { command: 'questions', extra: '1', usage: '/pulse questions' }],
    ['mine <@U1>', 'parse.unexpected_args', { command: 'mine', extra: '@U1', usage: '/pulse mine' }],
    ['away until 2026-02-30', 'parse.away_bad', { value: 'until 2026-02-30', max: 365 }],
    ['away until tomorrowish', 'parse.away_bad', { value: 'until tomorrowish', max: 365 }],
    ['away until', 'parse.away_bad', { value: 'until', max: 365 }],
    ['away 24/12/2026', 'parse.away_bad', { value: '24/12/2026', max: 365 }],
    ['away 0d', 'parse.away_bad', { value: '0d', max: 365 }],
    ['away 53w', 'parse.away_bad', { value: '53w', max: 365 }],
    ['away 2x', 'parse.away_bad', { value: '2x', max: 365 }],
    ['away <@U123ABC|bob> 2w', 'parse.away_bad', { value: '@bob 2w', max: 365 }],
    ['away off now', 'parse.away_bad', { value: 'off now', max: 365 }],
    ['schedule', 'parse.schedule_missing', {}],
    ['schedule at', 'parse.schedule_missing', {}],
    ['schedule frii 14:00', 'parse.bad_day', { value: 'frii' }],
    ['schedule mon,frii 14:00', 'parse.bad_day', { value: 'frii' }],
    ['schedule mon- 14:00', 'parse.bad_day', { value: 'mon-' }],
    ['schedule <#C123|general> 14:00', 'parse.bad_day', { value: '#general' }],
    ['schedule الجمعة 14:00', 'parse.bad_day', { value: '\u2068الجمعة\u2069' }],
    ['schedule fri 25:00', 'parse.bad_time', { value: '25:00' }],
    ['schedule fri 14:60', 'parse.bad_time', { value: '14:60' }],
    ['schedule fri 2pm', 'parse.bad_time', { value: '2pm' }],
    ['schedule fri 1400', 'parse.bad_time', { value: '1400' }],
    ['schedule fri 14:00:00', 'parse.bad_time', { value: '14:00:00' }],
    ['schedule 14:00', 'parse.schedule_missing_days', { time: '14:00' }],
    ['schedule mon,wed', 'parse.schedule_missing_time', { days: 'mon,wed' }],
    ['schedule fri 9:00 14:00', 'parse.schedule_two_times', { first: '09:00', second: '14:00' }],
    ['schedule off now', 'parse.bad_day', { value: 'off' }],
    ['summary 0', 'parse.bad_number', { command: 'summary', min: 1, max: 12, usage: '/pulse summary 3', value: '0' }],
    ['summary 13', 'parse.bad_number', { command: 'summary', min: 1, max: 12, usage: '/pulse summary 3', value: '13' }],
    [
      'summary three',
      'parse.bad_number',
      { command: 'summary', min: 1, max: 12, usage: '/pulse summary 3', value: 'three' },
    ],
    ['summary -1', 'parse.bad_number', { command: 'summary', min: 1, max: 12, usage: '/pulse summary 3', value: '-1' }],
    [
      'summary 1.5',
      'parse.bad_number',
      { command: 'summary', min: 1, max: 12, usage: '/pulse summary 3', value: '1.5' },
    ],
    [
      'summary 1e1',
      'parse.bad_number',
      { command: 'summary', min: 1, max: 12, usage: '/pulse summary 3', value: '1e1' },
    ],
    [
      'summary 99999999999999999999',
      'parse.bad_number',
      { command: 'summary', min: 1, max: 12, usage: '/pulse summary 3', value: '99999999999999999999' },
    ],
    ['summary 2 3', 'parse.unexpected_args', { command: 'summary', extra: '3', usage: '/pulse summary 3' }],
    ['kudos 53', 'parse.bad_number', { command: 'kudos', min: 1, max: 52, usage: '/pulse kudos 4', value: '53' }],
    [
      'symmetry 0',
      'parse.bad_number',
      { command: 'symmetry', min: 1, max: 52, usage: '/pulse symmetry 8', value: '0' },
    ],
    ['ask', 'parse.ask_missing', {}],
    ['ask --text', 'parse.ask_missing', {}],
    ['ask hi', 'parse.question_too_short', { length: 2, min: 3 }],
    [`ask ${'a'.repeat(301)}`, 'parse.question_too_long', { length: 301, max: 300 }],
    [`ask ${'😀'.repeat(301)}`, 'parse.question_too_long', { length: 301, max: 300 }],
    ['unask', 'parse.unask_missing', {}],
    ['unask two', 'parse.bad_index', { value: 'two', max: 100, usage: '/pulse unask 2' }],
    ['unask 0', 'parse.bad_index', { value: '0', max: 100, usage: '/pulse unask 2' }],
    ['unask 1 2', 'parse.unexpected_args', { command: 'unask', extra: '2', usage: '/pulse unask 2' }],
    ['action', 'parse.action_missing', {}],
    ['action done', 'parse.action_done_missing', {}],
    ['action done x', 'parse.bad_index', { value: 'x', max: 100, usage: '/pulse action done 1' }],
    [`action ${'a'.repeat(1001)}`, 'parse.action_too_long', { length: 1001, max: 1000 }],
    ['config colour blue', 'parse.config_unknown_key', { key: 'colour', keys: `${CONFIG_KEYS.join(', ')}, admins` }],
    ['config <@U1> 3', 'parse.config_unknown_key', { key: '@U1', keys: `${CONFIG_KEYS.join(', ')}, admins` }],
    // Names of Object.prototype are no settings (a plain-object lookup once took them for one and threw).
    [
      'config constructor 5',
      'parse.config_unknown_key',
      { key: 'constructor', keys: `${CONFIG_KEYS.join(', ')}, admins` },
    ],
    ['config toString 5', 'parse.config_unknown_key', { key: 'toString', keys: `${CONFIG_KEYS.join(', ')}, admins` }],
    [
      'settings __proto__ 5',
      'parse.config_unknown_key',
      { key: '__proto__', keys: `${CONFIG_KEYS.join(', ')}, admins` },
    ],
    ['config threshold', 'parse.config_missing_value', { key: 'threshold', usage: '/pulse config threshold 5' }],
    [
      'config values',
      'parse.config_missing_value',
      { key: 'values', usage: '/pulse config values teamwork,customer-care' },
    ],
    [
      'config threshold 2',
      'parse.bad_number',
      { command: 'config threshold', min: 3, max: 10, usage: '/pulse config threshold 5', value: '2' },
    ],
    [
      'config threshold 11',
      'parse.bad_number',
      { command: 'config threshold', min: 3, max: 10, usage: '/pulse config threshold 5', value: '11' },
    ],
    [
      'config threshold 5 6',
      'parse.unexpected_args',
      { command: 'config threshold', extra: '6', usage: '/pulse config threshold 5' },
    ],
    [
      'config window 15d',
      'parse.bad_duration',
      { value: '15d', min: '1h', max: '14d', usage: '/pulse config window 3d' },
    ],
    [
      'config window 72',
      'parse.bad_duration',
      { value: '72', min: '1h', max: '14d', usage: '/pulse config window 3d' },
    ],
    [
      'config window 0h',
      'parse.bad_duration',
      { value: '0h', min: '1h', max: '14d', usage: '/pulse config window 3d' },
    ],
    [
      'config window 3 <@U1>',
      'parse.bad_duration',
      { value: '3 @U1', min: '1h', max: '14d', usage: '/pulse config window 3d' },
    ],
    ['config reminder 73h', 'parse.bad_reminder', { value: '73h', min: '1h', max: '72h' }],
    ['config reminder soon', 'parse.bad_reminder', { value: 'soon', min: '1h', max: '72h' }],
    ['config holidays 2026-02-30', 'parse.bad_date', { value: '2026-02-30' }],
    ['config holidays 2027-02-29', 'parse.bad_date', { value: '2027-02-29' }],
    ['config holidays 25/12/2026', 'parse.bad_date', { value: '25/12/2026' }],
    ['config holidays 2026-12-25 <@U1>', 'parse.bad_date', { value: '@U1' }],
    ['config workdays mon-frii', 'parse.bad_day', { value: 'mon-frii' }],
    ['config workdays none', 'parse.bad_day', { value: 'none' }],
    ['config timezone Mars/Olympus_Mons', 'parse.bad_timezone', { value: 'Mars/Olympus_Mons' }],
    ['config timezone +02:00', 'parse.bad_timezone', { value: '+02:00' }],
    ['config timezone Europe/Paris;rm', 'parse.bad_timezone', { value: 'Europe/Paris;rm' }],
    [
      'config timezone Europe/Paris now',
      'parse.unexpected_args',
      { command: 'config timezone', extra: 'now', usage: '/pulse config timezone Europe/Paris' },
    ],
    ['config language de', 'parse.bad_language', { value: 'de', languages: SUPPORTED_LANGUAGES.join(', ') }],
    ['config language english', 'parse.bad_language', { value: 'english', languages: SUPPORTED_LANGUAGES.join(', ') }],
    ['config channel general', 'parse.bad_channel', { value: 'general', usage: '/pulse config channel #team-pulse' }],
    ['config channel #general', 'parse.bad_channel', { value: '#general', usage: '/pulse config channel #team-pulse' }],
    [
      'config channel <@U123ABC|alex>',
      'parse.bad_channel',
      { value: '@alex', usage: '/pulse config channel #team-pulse' },
    ],
    ['config channel off', 'parse.bad_channel', { value: 'off', usage: '/pulse config channel #team-pulse' }],
    [
      'config kudos-channel maybe',
      'parse.bad_channel',
      { value: 'maybe', usage: '/pulse config kudos-channel #kudos' },
    ],
    ['config managers <@U123ABC>', 'parse.managers_missing', {}],
    ['config managers add', 'parse.managers_missing', {}],
    ['config managers add bob', 'parse.not_a_user', { value: 'bob', usage: '/pulse config managers add @alex' }],
    ['config managers add @bob', 'parse.not_a_user', { value: '@bob', usage: '/pulse config managers add @alex' }],
    [
      'config managers remove <#C1|general>',
      'parse.not_a_user',
      { value: '#general', usage: '/pulse config managers remove @alex' },
    ],
    [
      'config managers add <!subteam^S123|@devs>',
      'parse.not_a_user',
      { value: '@devs', usage: '/pulse config managers add @alex' },
    ],
    ['config managers add <!here>', 'parse.not_a_user', { value: '@here', usage: '/pulse config managers add @alex' }],
    ['config kudos-emoji 🌮', 'parse.bad_emoji', { value: '🌮' }],
    ['config kudos-emoji <@U1>', 'parse.bad_emoji', { value: '@U1' }],
    [
      'config kudos-emoji ::',
      'parse.config_missing_value',
      { key: 'kudos-emoji', usage: '/pulse config kudos-emoji :clap: :taco:' },
    ],
    [
      `config kudos-emoji ${Array.from({ length: 11 }, (_, i) => `:e${i}:`).join(' ')}`,
      'parse.too_many_items',
      { key: 'kudos-emoji', max: 10, count: 11 },
    ],
    [
      'config kudos-limit 51',
      'parse.bad_number',
      { command: 'config kudos-limit', min: 1, max: 50, usage: '/pulse config kudos-limit 5', value: '51' },
    ],
    [
      'config kudos-limit 0',
      'parse.bad_number',
      { command: 'config kudos-limit', min: 1, max: 50, usage: '/pulse config kudos-limit 5', value: '0' },
    ],
    // The lag is 0 or 1: anything else is refused, with the range and the usage.
    ...['2', 'best'].map((value): [string, 'parse.bad_number', Record<string, string | number>] => [
      `config symmetry-lag ${value}`,
      'parse.bad_number',
      { command: 'config symmetry-lag', min: 0, max: 1, usage: '/pulse config symmetry-lag 1', value },
    ]),
    ['config values team work!', 'parse.bad_value_name', { value: 'work!' }],
    [
      'config drivers off happiness',
      'parse.bad_driver',
      { value: 'happiness', drivers: 'recognition, growth, wellbeing, manager, peers, alignment, autonomy, customers' },
    ],
    [
      'config drivers autonomy',
      'parse.drivers_usage',
      { drivers: 'recognition, growth, wellbeing, manager, peers, alignment, autonomy, customers' },
    ],
    [
      'config drivers off autonomy growth',
      'parse.drivers_usage',
      { drivers: 'recognition, growth, wellbeing, manager, peers, alignment, autonomy, customers' },
    ],
    ['config values <@U1>', 'parse.bad_value_name', { value: '@U1' }],
    [
      'config values ,,',
      'parse.config_missing_value',
      { key: 'values', usage: '/pulse config values teamwork,customer-care' },
    ],
    [
      `config values ${Array.from({ length: 21 }, (_, i) => `v${i}`).join(',')}`,
      'parse.too_many_items',
      { key: 'values', max: 20, count: 21 },
    ],
  ];

  it.each(cases)('%j → %s', (text, key, params) => {
    const result = parsePulseCommand(text);
    expect(result).toEqual({ ok: false, error: { key, params } });
    if (!result.ok) expectTranslatable(result.error);
  });

  it('names the exact problem in plain words', () => {
    const sentence = (text: string): string => {
      const result = parsePulseCommand(text);
      if (result.ok) throw new Error(`expected an error for ${text}`);
      return expectTranslatable(result.error);
    };
    expect(sentence('schedule frii 14:00')).toBe(
      '`frii` is not a day: use mon, tue, wed, thu, fri, sat or sun, separated by commas (like `mon,wed,fri`) or as a range (like `mon-fri`).',
    );
    expect(sentence('schedule fri 25:00')).toBe('`25:00` is not a time: use 24-hour HH:MM like 14:00.');
    expect(sentence('schedule')).toContain('`/pulse schedule` needs days and a time, like `/pulse schedule fri 14:00`');
    expect(sentence('foo')).toBe('`/pulse foo` is not a command. Try `/pulse help` to see them all.');
    expect(sentence('shedule')).toContain('Did you mean `/pulse schedule`?');
  });

  it('quotes at most 40 characters of what was typed, without backticks or angle brackets', () => {
    const result = parsePulseCommand(`${'z'.repeat(3000)}\`<>`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const command = String(result.error.params.command);
    expect(Array.from(command)).toHaveLength(40);
    expect(command.endsWith('…')).toBe(true);
    const odd = parsePulseCommand('a`b&lt;c&gt;\u202Ed');
    expect(odd.ok ? null : odd.error.params.command).toBe("a'b‹c›d");
  });
});

describe('parsePulseCommand: robustness', () => {
  it('refuses 10 KB fast, and reads 4,000 adversarial characters fast', () => {
    const inputs = [
      'schedule '.repeat(1200),
      '<'.repeat(MAX_COMMAND_LENGTH),
      `ask ${'<@'.repeat(1990)}`,
      `ask ${'<x '.repeat(1300)}`,
      `schedule ${'mon,'.repeat(995)} 14:00`,
      `config holidays ${'2026-01-01,'.repeat(360)}`,
      `config values ${'a,'.repeat(1990)}`,
      `${'ш'.repeat(MAX_COMMAND_LENGTH)}`,
    ];
    // Speed on adversarial input is measured in the benchmarks, not asserted here.
    for (const input of inputs) expect(() => parsePulseCommand(input)).not.toThrow();
    expect(parsePulseCommand('schedule '.repeat(1200))).toMatchObject({ ok: false, error: { key: 'parse.too_long' } });
  });

  it('accepts non-string input from a sloppy caller without throwing', () => {
    expect(parsePulseCommand(undefined as unknown as string)).toEqual({ ok: true, command: { type: 'help' } });
  });

  it('never throws, and every error is a catalog sentence with every placeholder filled (property, fast-check)', () => {
    const fragments = [
      'schedule',
      'config',
      'ask',
      '--text',
      'action',
      'done',
      'unask',
      'summary',
      'kudos',
      'managers',
      'add',
      'remove',
      'threshold',
      'window',
      'reminder',
      'holidays',
      'workdays',
      'timezone',
      'language',
      'channel',
      'kudos-emoji',
      'kudos-channel',
      'kudos-limit',
      'values',
      'off',
      'fri',
      'Mon-fri',
      '14:00',
      '25:61',
      '3d',
      '99',
      '-1',
      '0',
      '٣',
      '2026-02-29',
      'Europe/Paris',
      ':taco:',
      '#teamwork',
      '<@U123ABC|alex>',
      '<@W1>',
      '<#C1|general>',
      '<#C1>',
      '<!here>',
      '<!subteam^S1|@devs>',
      '<https://x.y|z>',
      '<',
      '>',
      '<@',
      '|',
      '&amp;',
      '&lt;',
      '`',
      '{x}',
      '{length}',
      "'; DROP TABLE teams;--",
      '$(rm -rf /)',
      '| cat /etc/passwd',
      'ما',
      'שלום',
      '\u202E',
      '\u200F',
      '😀',
      '👍🏽',
      '\u0000',
      '\n',
      '\t',
      '\u00a0',
      '\u3000',
      'ｓｅｔｕｐ',
      '\uD800',
      'é',
      ',',
      ' ',
      '  ',
    ];
    fc.assert(
      fc.property(commandText(fragments, 8), (text) => {
        let result: ReturnType<typeof parsePulseCommand> | undefined;
        expect(() => {
          result = parsePulseCommand(text);
        }).not.toThrow();
        if (!result) return;
        if (!result.ok) {
          expectTranslatable(result.error);
          return;
        }
        // Free text is safe to post as-is: every "<" opens a person, a channel or a link.
        const free =
          result.command.type === 'ask'
            ? result.command.question
            : result.command.type === 'action'
              ? result.command.text
              : '';
        expect(free.replace(SLACK_REFERENCE, '')).not.toMatch(/[<>]/);
      }),
      { seed: 0x5eed, numRuns: 3000 },
    );
  });
});

describe('help and tokens', () => {
  it('the help lists every subcommand and every setting', () => {
    const reply = pulseHelp('en');
    const help = translate('en', reply.key, reply.params);
    for (const entry of PULSE_SUBCOMMANDS) if (entry.listed) expect(help).toContain(`/pulse ${entry.name}`);
    for (const key of CONFIG_KEYS) expect(help).toContain(key);
    expect(help).not.toMatch(/[<>{}]/);
  });

  it('tokenizes both escaped mention forms the same way and keeps glued punctuation', () => {
    const tokens = tokenizeSlackText('thanks <@U123ABC|alex>, <@U456DEF> and <#C1|general>!');
    expect(tokens.map((t) => t.kind)).toEqual(['word', 'user', 'word', 'user', 'word', 'channel', 'word']);
    expect(tokens[1]).toMatchObject({ id: 'U123ABC', label: 'alex' });
    expect(tokens[3]).toMatchObject({ id: 'U456DEF', label: null });
    expect(joinTokens(tokens)).toBe('thanks <@U123ABC>, <@U456DEF> and <#C1>!');
  });
});

describe('the subcommand registry', () => {
  // What `/pulse help` said in each language before it was put together from the registry (a frozen copy).
  // A language added since has no such copy: the frozen languages are checked, and must all still be registered.
  const before = require('../fixtures/pulse-help.json') as Record<string, string>;
  const words = (entry: (typeof PULSE_SUBCOMMANDS)[number]) => [entry.name, ...entry.aliases];

  it('every language of the frozen help is still registered', () => {
    expect(
      Object.keys(before).filter((language) => !(SUPPORTED_LANGUAGES as readonly string[]).includes(language)),
    ).toEqual([]);
  });

  it.each(Object.keys(before))('the generated help is the text users saw before, word for word (%s)', (language) => {
    const reply = pulseHelp(language);
    // The frozen copy lists the five languages of its day; a language registered since joins that list.
    const frozen = before[language]?.replace('(en, fr, nl, sv, ar)', `(${SUPPORTED_LANGUAGES.join(', ')})`);
    expect(translate(language, reply.key, reply.params)).toBe(frozen);
  });

  it('every entry has its help key, and its heading, in every language; every help key of the catalogs is used', () => {
    const used = helpKeys();
    for (const language of SUPPORTED_LANGUAGES) {
      // Help lines are plain sentences (no plural forms).
      const catalog = catalogs[language] as unknown as Record<string, string | undefined>;
      for (const entry of PULSE_SUBCOMMANDS) {
        expect(catalog[entry.help]?.trim()).toBeTruthy();
        if (entry.section !== null) expect(catalog[entry.section]?.trim()).toBeTruthy();
      }
      const helpKeysOfCatalog = Object.keys(catalog).filter((key) => /^help\./.test(key));
      expect(helpKeysOfCatalog.filter((key) => !(used as string[]).includes(key))).toEqual([]);
    }
    // Each heading once: the entries of a section stand together.
    const headings = used.filter((key) => key.startsWith('help.section.'));
    expect(new Set(headings).size).toBe(headings.length);
  });

  it('every name and alias reaches its own entry, and no word names two', () => {
    const all = PULSE_SUBCOMMANDS.flatMap(words);
    expect(new Set(all).size).toBe(all.length);
    for (const entry of PULSE_SUBCOMMANDS) {
      for (const word of words(entry)) {
        expect(findSubcommand(word)).toBe(entry);
        const read = readPulseCommand(word);
        // Typed alone, a word reaches its parser: a command, or that parser's own request for more.
        if (read.ok) expect(read.invocation.access).toBe(entry.access);
        else expect(read.error.key).not.toMatch(/^parse\.unknown_subcommand/);
      }
    }
    expect(SUGGESTED_NAMES).toEqual(PULSE_SUBCOMMANDS.filter((entry) => entry.listed).map((entry) => entry.name));
    expect(SUGGESTED_NAMES).not.toContain('unschedule');
  });

  it('says who may run each subcommand: anyone, the caller about themselves, or a manager of the team', () => {
    const access = Object.fromEntries(PULSE_SUBCOMMANDS.map((entry) => [entry.name, entry.access]));
    expect(access).toEqual({
      help: 'anyone',
      // Anyone may make a channel a team; once it is one, only its managers may run setup again.
      setup: 'anyone',
      kudos: 'anyone',
      mine: 'self',
      'forget-me': 'self',
      away: 'self',
      schedule: 'manager',
      unschedule: 'manager',
      now: 'manager',
      status: 'manager',
      summary: 'manager',
      drivers: 'manager',
      symmetry: 'manager',
      export: 'manager',
      conversations: 'manager',
      ask: 'manager',
      questions: 'manager',
      unask: 'manager',
      action: 'manager',
      config: 'manager',
    });
  });

  it.each([
    ['settings', { type: 'config' }],
    ['SETTINGS', { type: 'config' }],
    ['--help', { type: 'help' }],
    ['-h', { type: 'help' }],
    ['—help', { type: 'help' }],
    ['usage', { type: 'help' }],
    ['Usage now', { type: 'help' }],
    ['settings tz UTC', { type: 'config-set', setting: { key: 'timezone', value: 'UTC' } }],
    ['config time_zone UTC', { type: 'config-set', setting: { key: 'timezone', value: 'UTC' } }],
    ['config kudos_emojis :taco:', { type: 'config-set', setting: { key: 'kudos-emoji', value: ['taco'] } }],
    ['config holiday none', { type: 'config-set', setting: { key: 'holidays', value: [] } }],
    ['config workday mon', { type: 'config-set', setting: { key: 'workdays', value: ['mon'] } }],
    ['config value none', { type: 'config-set', setting: { key: 'values', value: [] } }],
  ] as [string, PulseCommand][])('alias %j', (text, command) => {
    expect(parsePulseCommand(text)).toEqual({ ok: true, command });
  });

  it('every setting key and alias reaches its own setting, and no word names two', () => {
    const all = CONFIG_KEYS.flatMap((key) => [key, ...CONFIG_SETTINGS[key].aliases]);
    expect(new Set(all).size).toBe(all.length);
    for (const key of CONFIG_KEYS) {
      for (const word of [key, ...CONFIG_SETTINGS[key].aliases]) expect(findSetting(word)).toBe(key);
      // Each example is a complete command that sets its own key (as Slack sends it: a picked channel or person is a link).
      const typed = CONFIG_SETTINGS[key].example
        .slice('/pulse '.length)
        .replace(/#([a-z-]+)$/, '<#C1|$1>')
        .replace(/@([a-z]+)$/, '<@U1|$1>');
      const example = parsePulseCommand(typed);
      expect(example).toMatchObject({ ok: true, command: { type: 'config-set', setting: { key } } });
    }
  });

  it('every subcommand a module of commands/pulse defines is in the registry', () => {
    const folder = join(__dirname, '..', '..', 'src', 'core', 'commands', 'pulse');
    const defined = readdirSync(folder)
      .filter((file) => file.endsWith('.ts'))
      .flatMap((file) => Object.values(require(join(folder, file)) as Record<string, unknown>))
      .filter(
        (value): value is { name: string } =>
          typeof value === 'object' && value !== null && 'read' in value && 'help' in value,
      );
    expect(defined.length).toBeGreaterThan(10);
    for (const entry of defined) expect(PULSE_SUBCOMMANDS).toContain(entry);
  });
});
