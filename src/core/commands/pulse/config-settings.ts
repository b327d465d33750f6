/**
 * `/pulse config <key> <value>`: each setting is one entry (aliases, example, parser), in the order
 * the unknown-key message lists them. The compiler asks for an entry for every key of `ConfigSetting`.
 */
import { LANGUAGE_CODES, LANGUAGE_LIST, type SupportedLanguage } from '../../i18n/languages';
import { MAX_THRESHOLD, MIN_THRESHOLD, type SymmetryLag, type Weekday } from '../../model';
import { DRIVERS, findDriver, type DriverId } from '../../drivers/bank';
import {
  MAX_HOLIDAYS,
  MAX_KUDOS_EMOJI,
  MAX_KUDOS_LIMIT,
  MAX_REMINDER_HOURS,
  MAX_VALUES,
  MAX_WINDOW_HOURS,
  MIN_KUDOS_LIMIT,
  MIN_REMINDER_HOURS,
  MIN_WINDOW_HOURS,
} from '../limits';
import { decodeEntities, displayToken, type Token } from '../mentions';
import {
  LIST_SEPARATOR,
  OFF_WORDS,
  canonicalTimeZone,
  echoText,
  echoTokens,
  fail,
  isIsoDate,
  keywordOf,
  listPieces,
  parseDayPieces,
  parseDurationHours,
  parseValueSlug,
  parseWholeNumber,
  type CommandError,
} from '../words';

/** A language `/pulse config language` accepts: a registered language pack's code. */
export type Language = SupportedLanguage;

/** One setting changed by `/pulse config <key> <value>`. Durations are in hours. */
export type ConfigSetting =
  | { key: 'threshold'; value: number }
  | { key: 'window'; value: number }
  | { key: 'reminder'; value: number | null }
  | { key: 'holidays'; value: string[] }
  | { key: 'workdays'; value: Weekday[] }
  | { key: 'timezone'; value: string }
  | { key: 'language'; value: Language }
  | { key: 'channel'; value: string }
  | { key: 'managers'; op: 'add' | 'remove'; value: string[] }
  | { key: 'kudos-emoji'; value: string[] }
  | { key: 'kudos-channel'; value: string | null }
  | { key: 'kudos-limit'; value: number }
  | { key: 'values'; value: string[] }
  | { key: 'drivers'; op: 'on' | 'off'; value: DriverId }
  | { key: 'symmetry-lag'; value: SymmetryLag };

export type ConfigKey = ConfigSetting['key'];

type SettingResult<K extends ConfigKey> =
  { ok: true; setting: Extract<ConfigSetting, { key: K }> } | { ok: false; error: CommandError };

/** How one setting is spelled, shown by example and read. */
interface SettingEntry<K extends ConfigKey> {
  /** Other words that reach it (`tz` for `timezone`); `_` is read as `-` before the lookup. */
  aliases: readonly string[];
  /** The command that problem messages quote as the way to use it. */
  example: string;
  /** Reads the value: one or more tokens after the key. */
  parse(value: readonly Token[], example: string): SettingResult<K>;
}

/** For settings that take one word: the extra words are the problem. */
function single(
  key: ConfigKey,
  value: readonly Token[],
  example: string,
): { ok: true; token: Token } | { ok: false; error: CommandError } {
  if (value.length > 1)
    return fail('parse.unexpected_args', {
      command: `config ${key}`,
      extra: echoTokens(value.slice(1)),
      usage: example,
    });
  return { ok: true, token: value[0] as Token };
}

function configNumber<K extends 'threshold' | 'kudos-limit' | 'symmetry-lag'>(
  key: K,
  value: readonly Token[],
  example: string,
  min: number,
  max: number,
): SettingResult<K> {
  const one = single(key, value, example);
  if (!one.ok) return one;
  const word = keywordOf(one.token);
  const n = word === null ? null : parseWholeNumber(word, min, max);
  if (n === null)
    return fail('parse.bad_number', { command: `config ${key}`, min, max, usage: example, value: echoTokens(value) });
  return { ok: true, setting: { key, value: n } as Extract<ConfigSetting, { key: K }> };
}

/** Hours from `3d`, `72h`, `3 days`; null when a token is not a word or the words are no duration. */
function hoursOf(value: readonly Token[]): number | null {
  const words = value.map((t) => keywordOf(t));
  return words.includes(null) ? null : parseDurationHours(words.join(''));
}

function configChannel(
  key: 'channel' | 'kudos-channel',
  value: readonly Token[],
  example: string,
): { ok: true; id: string | null } | { ok: false; error: CommandError } {
  const one = single(key, value, example);
  if (!one.ok) return one;
  const word = keywordOf(one.token);
  if (key === 'kudos-channel' && word !== null && (OFF_WORDS.has(word) || word === 'thread'))
    return { ok: true, id: null };
  if (one.token.kind === 'channel') return { ok: true, id: one.token.id };
  return fail('parse.bad_channel', { value: echoTokens(value), usage: example });
}

/** True when the value is one word meaning "none" (`off`, `none`, `clear`…). */
function isOff(value: readonly Token[]): boolean {
  const first = keywordOf(value[0]);
  return value.length === 1 && first !== null && OFF_WORDS.has(first);
}

/**
 * `add|remove @a @b` (commas and "and" between people are fine): the operation and the people, once each; the
 * problem when the operation or the people are missing (`missing`) or a word is not a person.
 */
export function parsePeopleChange(
  value: readonly Token[],
  usage: (op: string) => string,
  missing: CommandError,
): { ok: true; op: 'add' | 'remove'; ids: string[] } | { ok: false; error: CommandError } {
  const op = keywordOf(value[0]);
  if (op !== 'add' && op !== 'remove') return { ok: false, error: missing };
  const ids: string[] = [];
  for (const token of value.slice(1)) {
    if (token.kind === 'user') {
      if (!ids.includes(token.id)) ids.push(token.id);
      continue;
    }
    const word = keywordOf(token);
    if (word !== null && /^(?:[,،、;&+]+|and|&amp;)$/.test(word)) continue;
    return fail('parse.not_a_user', { value: echoText(displayToken(token)), usage: usage(op) });
  }
  if (ids.length === 0) return { ok: false, error: missing };
  return { ok: true, op, ids };
}

function configManagers(value: readonly Token[]): SettingResult<'managers'> {
  const change = parsePeopleChange(
    value,
    (op) => `/pulse config managers ${op} @alex`,
    fail('parse.managers_missing').error,
  );
  return change.ok ? { ok: true, setting: { key: 'managers', op: change.op, value: change.ids } } : change;
}

function configEmoji(value: readonly Token[], example: string): SettingResult<'kudos-emoji'> {
  const names: string[] = [];
  for (const token of value) {
    const word = keywordOf(token);
    if (word === null) return fail('parse.bad_emoji', { value: echoText(displayToken(token)) });
    // ":+1::skin-tone-2:" is one emoji; any skin tone counts as the base emoji.
    const parts = word.split(/[:,\s]+/).filter((part) => part !== '' && !/^skin-tone-\d$/.test(part));
    for (const name of parts) {
      if (!/^[a-z0-9_+'-]{1,100}$/.test(name)) return fail('parse.bad_emoji', { value: echoText(name) });
      if (!names.includes(name)) names.push(name);
    }
  }
  if (names.length === 0) return fail('parse.config_missing_value', { key: 'kudos-emoji', usage: example });
  if (names.length > MAX_KUDOS_EMOJI)
    return fail('parse.too_many_items', { key: 'kudos-emoji', max: MAX_KUDOS_EMOJI, count: names.length });
  return { ok: true, setting: { key: 'kudos-emoji', value: names } };
}

function configValues(value: readonly Token[], example: string): SettingResult<'values'> {
  if (isOff(value)) return { ok: true, setting: { key: 'values', value: [] } };
  const slugs: string[] = [];
  for (const token of value) {
    // Slack turns "#teamwork" into a channel link when such a channel exists; its name is the value.
    const texts =
      token.kind === 'channel' && token.label !== null
        ? [token.label]
        : token.kind === 'word'
          ? (keywordOf(token) as string).split(LIST_SEPARATOR)
          : null;
    if (texts === null) return fail('parse.bad_value_name', { value: echoText(displayToken(token)) });
    for (const text of texts) {
      if (text === '') continue;
      const slug = parseValueSlug(text);
      if (slug === null) return fail('parse.bad_value_name', { value: echoText(text) });
      if (!slugs.includes(slug)) slugs.push(slug);
    }
  }
  if (slugs.length === 0) return fail('parse.config_missing_value', { key: 'values', usage: example });
  if (slugs.length > MAX_VALUES)
    return fail('parse.too_many_items', { key: 'values', max: MAX_VALUES, count: slugs.length });
  return { ok: true, setting: { key: 'values', value: slugs } };
}

function configHolidays(value: readonly Token[]): SettingResult<'holidays'> {
  if (isOff(value)) return { ok: true, setting: { key: 'holidays', value: [] } };
  const listed = listPieces(value, (token) => ({
    key: 'parse.bad_date',
    params: { value: echoText(displayToken(token)) },
  }));
  if (!listed.ok) return listed;
  const dates = new Set<string>();
  for (const piece of listed.pieces) {
    if (!isIsoDate(piece)) return fail('parse.bad_date', { value: echoText(piece) });
    dates.add(piece);
  }
  if (dates.size > MAX_HOLIDAYS)
    return fail('parse.too_many_items', { key: 'holidays', max: MAX_HOLIDAYS, count: dates.size });
  return { ok: true, setting: { key: 'holidays', value: [...dates].sort() } };
}

function configWorkdays(value: readonly Token[], example: string): SettingResult<'workdays'> {
  const listed = listPieces(value, (token) => ({
    key: 'parse.bad_day',
    params: { value: echoText(displayToken(token)) },
  }));
  if (!listed.ok) return listed;
  const days = parseDayPieces(listed.pieces);
  if (!days.ok) return days;
  if (days.days.length === 0) return fail('parse.config_missing_value', { key: 'workdays', usage: example });
  return { ok: true, setting: { key: 'workdays', value: days.days } };
}

/** `drivers off autonomy` / `drivers on autonomy`: one driver of the question bank, by its id. */
function configDrivers(value: readonly Token[]): SettingResult<'drivers'> {
  const drivers = DRIVERS.join(', ');
  const op = keywordOf(value[0]);
  if ((op !== 'on' && op !== 'off') || value.length !== 2) return fail('parse.drivers_usage', { drivers });
  const word = keywordOf(value[1]);
  const driver = word === null ? undefined : findDriver(word);
  if (driver === undefined) return fail('parse.bad_driver', { value: echoTokens(value.slice(1)), drivers });
  return { ok: true, setting: { key: 'drivers', op, value: driver } };
}

/** Every setting, in the order `/pulse config` lists them when a key is unknown. */
export const CONFIG_SETTINGS = {
  threshold: {
    aliases: [],
    example: '/pulse config threshold 5',
    parse: (value, example) => configNumber('threshold', value, example, MIN_THRESHOLD, MAX_THRESHOLD),
  },
  window: {
    aliases: [],
    example: '/pulse config window 3d',
    parse: (value, example) => {
      const hours = hoursOf(value);
      if (hours === null || hours < MIN_WINDOW_HOURS || hours > MAX_WINDOW_HOURS) {
        return fail('parse.bad_duration', {
          value: echoTokens(value),
          min: `${MIN_WINDOW_HOURS}h`,
          max: `${MAX_WINDOW_HOURS / 24}d`,
          usage: example,
        });
      }
      return { ok: true, setting: { key: 'window', value: hours } };
    },
  },
  reminder: {
    aliases: [],
    example: '/pulse config reminder 24h',
    parse: (value) => {
      if (isOff(value)) return { ok: true, setting: { key: 'reminder', value: null } };
      const hours = hoursOf(value);
      if (hours === null || hours < MIN_REMINDER_HOURS || hours > MAX_REMINDER_HOURS) {
        return fail('parse.bad_reminder', {
          value: echoTokens(value),
          min: `${MIN_REMINDER_HOURS}h`,
          max: `${MAX_REMINDER_HOURS}h`,
        });
      }
      return { ok: true, setting: { key: 'reminder', value: hours } };
    },
  },
  holidays: { aliases: ['holiday'], example: '/pulse config holidays 2026-12-24,2026-12-25', parse: configHolidays },
  workdays: { aliases: ['workday'], example: '/pulse config workdays mon-fri', parse: configWorkdays },
  timezone: {
    aliases: ['tz', 'time-zone'],
    example: '/pulse config timezone Europe/Paris',
    parse: (value, example) => {
      const one = single('timezone', value, example);
      if (!one.ok) return one;
      const word = one.token.kind === 'word' ? decodeEntities(one.token.text).normalize('NFKC') : '';
      const zone = canonicalTimeZone(word);
      if (zone === null) return fail('parse.bad_timezone', { value: echoTokens(value) });
      return { ok: true, setting: { key: 'timezone', value: zone } };
    },
  },
  language: {
    aliases: ['lang'],
    example: '/pulse config language fr',
    parse: (value, example) => {
      const one = single('language', value, example);
      if (!one.ok) return one;
      const code = /^([a-z]{2,3})(?:[-_][a-z0-9]{2,8})?$/.exec(keywordOf(one.token) ?? '')?.[1];
      const language = LANGUAGE_CODES.find((known) => known === code);
      if (language === undefined)
        return fail('parse.bad_language', { value: echoTokens(value), languages: LANGUAGE_LIST });
      return { ok: true, setting: { key: 'language', value: language } };
    },
  },
  channel: {
    aliases: [],
    example: '/pulse config channel #team-pulse',
    parse: (value, example) => {
      const channel = configChannel('channel', value, example);
      return channel.ok ? { ok: true, setting: { key: 'channel', value: channel.id as string } } : channel;
    },
  },
  managers: { aliases: ['manager'], example: '/pulse config managers add @alex', parse: configManagers },
  'kudos-emoji': { aliases: ['kudos-emojis'], example: '/pulse config kudos-emoji :clap: :taco:', parse: configEmoji },
  'kudos-channel': {
    aliases: [],
    example: '/pulse config kudos-channel #kudos',
    parse: (value, example) => {
      const channel = configChannel('kudos-channel', value, example);
      return channel.ok ? { ok: true, setting: { key: 'kudos-channel', value: channel.id } } : channel;
    },
  },
  'kudos-limit': {
    aliases: [],
    example: '/pulse config kudos-limit 5',
    parse: (value, example) => configNumber('kudos-limit', value, example, MIN_KUDOS_LIMIT, MAX_KUDOS_LIMIT),
  },
  values: { aliases: ['value'], example: '/pulse config values teamwork,customer-care', parse: configValues },
  drivers: { aliases: ['driver'], example: '/pulse config drivers off autonomy', parse: configDrivers },
  // Set before looking: the lag is never picked by the code after seeing which one reads stronger.
  'symmetry-lag': {
    aliases: ['lag'],
    example: '/pulse config symmetry-lag 1',
    parse: (value, example) => configNumber('symmetry-lag', value, example, 0, 1),
  },
} satisfies { [K in ConfigKey]: SettingEntry<K> };

/** The setting keys, in the registry's order. */
export const CONFIG_KEYS = Object.keys(CONFIG_SETTINGS) as ConfigKey[];

/** The setting a typed word names (`timezone`, `tz`, `kudos_emoji`), or undefined. */
export function findSetting(word: string): ConfigKey | undefined {
  const name = word.replace(/_/g, '-');
  return (
    CONFIG_KEYS.find((key) => key === name) ??
    CONFIG_KEYS.find((key) => CONFIG_SETTINGS[key].aliases.some((alias) => alias === name))
  );
}

/** Reads the value of one setting (at least one token); a command or the exact problem. */
export function parseSetting(
  key: ConfigKey,
  value: readonly Token[],
): { ok: true; setting: ConfigSetting } | { ok: false; error: CommandError } {
  const entry: SettingEntry<ConfigKey> = CONFIG_SETTINGS[key];
  return entry.parse(value, entry.example);
}
