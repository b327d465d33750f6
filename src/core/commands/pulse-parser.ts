/**
 * The `/pulse` grammar: the text after the command, turned into a typed command or a precise,
 * translatable error. Pure: no I/O, no clock, never throws.
 */
import type { enCommands } from '../i18n/en-commands';
import { MAX_THRESHOLD, MIN_THRESHOLD, WEEKDAYS, type Weekday } from '../model';
import {
  decodeEntities,
  displayToken,
  displayTokens,
  joinTokens,
  tokenizeSlackText,
  visibleLength,
  type Token,
} from './mentions';

/** A message key of the command catalog. */
export type CommandMessageKey = keyof typeof enCommands;

/** What was wrong with a command, as a catalog key and the values its sentence needs. */
export interface CommandError {
  key: CommandMessageKey;
  params: Record<string, string | number>;
}

export type ParseResult<T> = { ok: true; command: T } | { ok: false; error: CommandError };

export const LANGUAGES = ['en', 'fr', 'nl', 'sv', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Longer input is refused before it is read, so a 10 KB paste costs nothing. */
export const MAX_COMMAND_LENGTH = 4000;
export const MIN_QUESTION_LENGTH = 3;
export const MAX_QUESTION_LENGTH = 300;
export const MAX_ACTION_LENGTH = 1000;
export const MAX_SUMMARY_ROUNDS = 12;
export const MAX_SYMMETRY_ROUNDS = 52;
export const DEFAULT_SYMMETRY_ROUNDS = 8;
export const MAX_KUDOS_WEEKS = 52;
export const DEFAULT_KUDOS_WEEKS = 4;
export const MAX_ITEM_INDEX = 100;
export const MIN_WINDOW_HOURS = 1;
export const MAX_WINDOW_HOURS = 14 * 24;
export const MIN_REMINDER_HOURS = 1;
export const MAX_REMINDER_HOURS = 72;
export const MIN_KUDOS_LIMIT = 1;
export const MAX_KUDOS_LIMIT = 50;
export const MAX_KUDOS_EMOJI = 10;
export const MAX_VALUES = 20;
export const MAX_HOLIDAYS = 366;

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
  | { key: 'values'; value: string[] };

export type ConfigKey = ConfigSetting['key'];

/**
 * A `/pulse` command. Free text (`question`, `text`) is in the canonical form of `./mentions`:
 * escaped `&amp; &lt; &gt;`, people as `<@U…>`, broadcast mentions defused.
 */
export type PulseCommand =
  | { type: 'help' }
  | { type: 'setup' }
  | { type: 'schedule'; days: Weekday[]; time: string }
  | { type: 'unschedule' }
  | { type: 'now' }
  | { type: 'status' }
  | { type: 'summary'; rounds: number }
  | { type: 'ask'; kind: 'scale' | 'text'; question: string }
  | { type: 'questions' }
  | { type: 'unask'; index: number }
  | { type: 'config' }
  | { type: 'config-set'; setting: ConfigSetting }
  | { type: 'action'; text: string }
  | { type: 'action-done'; index: number }
  | { type: 'mine' }
  | { type: 'forget-me' }
  | { type: 'export' }
  | { type: 'kudos'; weeks: number }
  | { type: 'symmetry'; rounds: number };

export type PulseParseResult = ParseResult<PulseCommand>;

/** The subcommands, in the order `/pulse help` shows them; also what "did you mean" picks from. */
export const PULSE_SUBCOMMANDS = [
  'help',
  'setup',
  'schedule',
  'now',
  'status',
  'summary',
  'symmetry',
  'mine',
  'forget-me',
  'export',
  'ask',
  'questions',
  'unask',
  'action',
  'kudos',
  'config',
] as const;

export const CONFIG_KEYS: readonly ConfigKey[] = [
  'threshold',
  'window',
  'reminder',
  'holidays',
  'workdays',
  'timezone',
  'language',
  'channel',
  'managers',
  'kudos-emoji',
  'kudos-channel',
  'kudos-limit',
  'values',
];

const CONFIG_ALIASES: Record<string, ConfigKey> = {
  tz: 'timezone',
  'time-zone': 'timezone',
  lang: 'language',
  manager: 'managers',
  holiday: 'holidays',
  workday: 'workdays',
  value: 'values',
  'kudos-emojis': 'kudos-emoji',
};

const DAY_NAMES: Record<string, Weekday> = {
  mon: 'mon', monday: 'mon',
  tue: 'tue', tues: 'tue', tuesday: 'tue',
  wed: 'wed', weds: 'wed', wednesday: 'wed',
  thu: 'thu', thur: 'thu', thurs: 'thu', thursday: 'thu',
  fri: 'fri', friday: 'fri',
  sat: 'sat', saturday: 'sat',
  sun: 'sun', sunday: 'sun',
};

const OFF_WORDS = new Set(['off', 'none', 'no', 'never', 'stop', 'clear', 'disable', 'disabled']);
const HELP_WORDS = new Set(['help', '?', '-h', '--help', '—help', 'usage']);
const LIST_SEPARATOR = /[,،、;]+/;
const ECHO_MAX = 40;

// ---------------------------------------------------------------------------------------------
// Small helpers shared with the kudos parser.

const fail = (key: CommandMessageKey, params: Record<string, string | number> = {}): { ok: false; error: CommandError } => ({
  ok: false,
  error: { key, params },
});

/** Arabic-Indic and Persian digits as ASCII, so `١٤:٠٠` is a time like `14:00`. */
function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String((d.codePointAt(0) as number) & 0xf));
}

/** A word as a keyword: decoded, width-folded (`ｓｅｔｕｐ`), ASCII digits, lower case. */
export function keywordOf(token: Token | undefined): string | null {
  if (token === undefined || token.kind !== 'word') return null;
  return asciiDigits(decodeEntities(token.text).normalize('NFKC')).toLowerCase();
}

/**
 * User text safe to quote inside a message: no backticks or angle brackets, no bidi controls,
 * at most 40 characters, and isolated (FSI…PDI) when it holds right-to-left letters.
 */
export function echoText(text: string): string {
  const clean = text
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/`/g, "'")
    .replace(/</g, '‹')
    .replace(/>/g, '›')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = Array.from(clean.slice(0, ECHO_MAX * 2 + 2));
  const short = chars.length > ECHO_MAX ? `${chars.slice(0, ECHO_MAX - 1).join('')}…` : clean;
  return /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/.test(short) ? `\u2068${short}\u2069` : short;
}

function echoTokens(tokens: readonly Token[]): string {
  return echoText(displayTokens(tokens));
}

/** A whole number in [min, max], or null. Digits only: no sign, no decimals, no exponent. */
export function parseWholeNumber(text: string, min: number, max: number): number | null {
  const digits = asciiDigits(text.normalize('NFKC'));
  if (!/^\d{1,9}$/.test(digits)) return null;
  const n = Number(digits);
  return n >= min && n <= max ? n : null;
}

/** "14:00", "9:30", "٩:٣٠" as "HH:mm"; null when it is not a 24-hour time. */
export function parseTime(text: string): string | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(asciiDigits(text.normalize('NFKC')));
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** A day name (`fri`, `Friday`, `fridays`) as a Weekday, or null. */
export function parseWeekday(text: string): Weekday | null {
  const word = text.normalize('NFKC').toLowerCase();
  return DAY_NAMES[word] ?? (word.endsWith('s') ? (DAY_NAMES[word.slice(0, -1)] ?? null) : null);
}

type Pieces = { ok: true; pieces: string[] } | { ok: false; error: CommandError };

/** Words split further on commas (`mon,wed, fri` → mon, wed, fri). Non-words are refused with `onMention`. */
function listPieces(tokens: readonly Token[], onMention: (token: Token) => CommandError): Pieces {
  const pieces: string[] = [];
  for (const token of tokens) {
    const word = keywordOf(token);
    if (word === null) return { ok: false, error: onMention(token) };
    for (const piece of word.split(LIST_SEPARATOR)) if (piece !== '') pieces.push(piece);
  }
  return { ok: true, pieces };
}

/** Days in a list or ranges (`mon,wed`, `mon-fri`, `fri-mon` wraps), deduplicated and sorted mon..sun. */
function parseDayPieces(pieces: readonly string[]): { ok: true; days: Weekday[] } | { ok: false; error: CommandError } {
  const found = new Set<Weekday>();
  for (const piece of pieces) {
    const range = piece.split(/[-–—]/);
    if (range.length === 1) {
      const day = parseWeekday(piece);
      if (day === null) return fail('parse.bad_day', { value: echoText(piece) });
      found.add(day);
      continue;
    }
    const from = range.length === 2 ? parseWeekday(range[0] as string) : null;
    const to = range.length === 2 ? parseWeekday(range[1] as string) : null;
    if (from === null || to === null) return fail('parse.bad_day', { value: echoText(piece) });
    const start = WEEKDAYS.indexOf(from);
    const end = WEEKDAYS.indexOf(to);
    for (let i = start; ; i = (i + 1) % 7) {
      found.add(WEEKDAYS[i] as Weekday);
      if (i === end) break;
    }
  }
  return { ok: true, days: WEEKDAYS.filter((day) => found.has(day)) };
}

/** "3d", "72h", "1d12h", "3 days" as hours; null when it is not a duration. */
export function parseDurationHours(text: string): number | null {
  const compact = asciiDigits(text.normalize('NFKC')).toLowerCase().replace(/\s+/g, '');
  const match = /^(?:(\d{1,4})(?:d|days?))?(?:(\d{1,5})(?:h|hrs?|hours?))?$/.exec(compact);
  if (!match || (match[1] === undefined && match[2] === undefined)) return null;
  return Number(match[1] ?? 0) * 24 + Number(match[2] ?? 0);
}

/** True for a yyyy-MM-dd date that exists in the calendar (no 2026-02-30). */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

let knownZones: Map<string, string> | undefined;

/**
 * An IANA time zone the runtime knows, spelled properly (`europe/paris` → `Europe/Paris`), or null.
 * An alias the runtime's list does not name (`Europe/Kyiv`, `Asia/Kolkata`) is kept as typed rather
 * than swapped for the older name ICU may prefer; it works the same everywhere Intl is used.
 */
export function canonicalTimeZone(text: string): string | null {
  if (text.length > 64 || !/^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/.test(text)) return null;
  knownZones ??= new Map(Intl.supportedValuesOf('timeZone').map((zone) => [zone.toLowerCase(), zone]));
  const listed = knownZones.get(text.toLowerCase());
  if (listed !== undefined) return listed;
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: text }).resolvedOptions().timeZone;
    return resolved.toLowerCase() === text.toLowerCase() ? resolved : text;
  } catch {
    return null;
  }
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** The known word closest to a typo (`shedule` → `schedule`), if one is close enough to be meant. */
export function suggestWord(word: string, known: readonly string[]): string | null {
  if (word.length > 20) return null;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = candidate.startsWith(word) && word.length >= 3 ? 1 : levenshtein(word, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return bestDistance <= Math.min(2, Math.floor(best === null ? 0 : best.length / 3)) ? best : null;
}

// ---------------------------------------------------------------------------------------------
// Subcommands.

type Parsed = PulseParseResult;
const done = (command: PulseCommand): Parsed => ({ ok: true, command });

/** For commands that take nothing: anything after them is named as the problem. */
function noArgs(name: string, args: readonly Token[], command: PulseCommand): Parsed {
  if (args.length === 0) return done(command);
  return fail('parse.unexpected_args', { command: name, extra: echoTokens(args), usage: `/pulse ${name}` });
}

/** `[N]` commands: an optional number in a range, with a default. */
function optionalCount(
  name: string,
  args: readonly Token[],
  range: { min: number; max: number; fallback: number; example: number; unit?: RegExp },
): { ok: true; value: number } | { ok: false; error: CommandError } {
  const usage = `/pulse ${name} ${range.example}`;
  if (args.length === 0) return { ok: true, value: range.fallback };
  if (args.length > 1) return fail('parse.unexpected_args', { command: name, extra: echoTokens(args.slice(1)), usage });
  const word = keywordOf(args[0]);
  const value = word === null ? null : parseWholeNumber(range.unit ? word.replace(range.unit, '') : word, range.min, range.max);
  if (value === null) {
    return fail('parse.bad_number', { command: name, min: range.min, max: range.max, usage, value: echoTokens(args) });
  }
  return { ok: true, value };
}

function parseSchedule(args: readonly Token[]): Parsed {
  if (args.length === 0) return fail('parse.schedule_missing');
  const first = keywordOf(args[0]);
  if (args.length === 1 && first !== null && OFF_WORDS.has(first)) return done({ type: 'unschedule' });
  const listed = listPieces(args, (token) => ({ key: 'parse.bad_day', params: { value: echoText(displayToken(token)) } }));
  if (!listed.ok) return listed;
  const dayPieces: string[] = [];
  const times: string[] = [];
  for (const piece of listed.pieces) {
    if (piece === 'at' || piece === 'and' || piece === '@') continue;
    if (/^\d/.test(piece)) {
      const time = parseTime(piece);
      if (time === null) return fail('parse.bad_time', { value: echoText(piece) });
      times.push(time);
    } else {
      const days = parseDayPieces([piece]);
      if (!days.ok) return days;
      dayPieces.push(piece);
    }
  }
  const days = parseDayPieces(dayPieces);
  if (!days.ok) return days;
  const [time, second] = times;
  if (second !== undefined) return fail('parse.schedule_two_times', { first: time as string, second });
  if (days.days.length === 0 && time === undefined) return fail('parse.schedule_missing');
  if (days.days.length === 0) return fail('parse.schedule_missing_days', { time: time as string });
  if (time === undefined) return fail('parse.schedule_missing_time', { days: days.days.join(',') });
  return done({ type: 'schedule', days: days.days, time });
}

function parseAsk(args: readonly Token[]): Parsed {
  const flag = keywordOf(args[0]);
  let kind: 'scale' | 'text' = 'scale';
  let rest = args;
  if (flag !== null && /^(?:--|[—–]|-)(?:text|t|scale|s)$/.test(flag)) {
    kind = /(?:text|t)$/.test(flag) ? 'text' : 'scale';
    rest = args.slice(1);
  }
  if (rest.length === 0) return fail('parse.ask_missing');
  const question = joinTokens(rest);
  const length = visibleLength(question);
  if (length < MIN_QUESTION_LENGTH) return fail('parse.question_too_short', { length, min: MIN_QUESTION_LENGTH });
  if (length > MAX_QUESTION_LENGTH) return fail('parse.question_too_long', { length, max: MAX_QUESTION_LENGTH });
  return done({ type: 'ask', kind, question });
}

function parseIndex(args: readonly Token[], usage: string): { ok: true; value: number } | { ok: false; error: CommandError } {
  const word = keywordOf(args[0]);
  const value = word === null ? null : parseWholeNumber(word.replace(/^#/, ''), 1, MAX_ITEM_INDEX);
  if (value === null) return fail('parse.bad_index', { value: echoTokens(args.slice(0, 1)), max: MAX_ITEM_INDEX, usage });
  return { ok: true, value };
}

function parseUnask(args: readonly Token[]): Parsed {
  if (args.length === 0) return fail('parse.unask_missing');
  const usage = '/pulse unask 2';
  if (args.length > 1) return fail('parse.unexpected_args', { command: 'unask', extra: echoTokens(args.slice(1)), usage });
  const index = parseIndex(args, usage);
  return index.ok ? done({ type: 'unask', index: index.value }) : index;
}

function parseAction(args: readonly Token[]): Parsed {
  if (args.length === 0) return fail('parse.action_missing');
  // "done" and one item number closes an action; any longer sentence is an action starting with "done".
  if (keywordOf(args[0]) === 'done' && args.length <= 2) {
    if (args.length === 1) return fail('parse.action_done_missing');
    const index = parseIndex(args.slice(1), '/pulse action done 1');
    return index.ok ? done({ type: 'action-done', index: index.value }) : index;
  }
  const text = joinTokens(args);
  const length = visibleLength(text);
  if (length > MAX_ACTION_LENGTH) return fail('parse.action_too_long', { length, max: MAX_ACTION_LENGTH });
  return done({ type: 'action', text });
}

// ---------------------------------------------------------------------------------------------
// `/pulse config <key> <value>`.

type SettingResult = { ok: true; setting: ConfigSetting } | { ok: false; error: CommandError };
const set = (setting: ConfigSetting): SettingResult => ({ ok: true, setting });

const CONFIG_EXAMPLES: Record<ConfigKey, string> = {
  threshold: '/pulse config threshold 5',
  window: '/pulse config window 3d',
  reminder: '/pulse config reminder 24h',
  holidays: '/pulse config holidays 2026-12-24,2026-12-25',
  workdays: '/pulse config workdays mon-fri',
  timezone: '/pulse config timezone Europe/Paris',
  language: '/pulse config language fr',
  channel: '/pulse config channel #team-pulse',
  managers: '/pulse config managers add @alex',
  'kudos-emoji': '/pulse config kudos-emoji :clap: :taco:',
  'kudos-channel': '/pulse config kudos-channel #kudos',
  'kudos-limit': '/pulse config kudos-limit 5',
  values: '/pulse config values teamwork,customer-care',
};

/** For settings that take one word: the extra words are the problem. */
function single(key: ConfigKey, value: readonly Token[]): { ok: true; token: Token } | { ok: false; error: CommandError } {
  if (value.length > 1) {
    return fail('parse.unexpected_args', { command: `config ${key}`, extra: echoTokens(value.slice(1)), usage: CONFIG_EXAMPLES[key] });
  }
  return { ok: true, token: value[0] as Token };
}

function configNumber(key: 'threshold' | 'kudos-limit', value: readonly Token[], min: number, max: number): SettingResult {
  const one = single(key, value);
  if (!one.ok) return one;
  const word = keywordOf(one.token);
  const n = word === null ? null : parseWholeNumber(word, min, max);
  if (n === null) {
    return fail('parse.bad_number', { command: `config ${key}`, min, max, usage: CONFIG_EXAMPLES[key], value: echoTokens(value) });
  }
  return set({ key, value: n });
}

function configChannel(key: 'channel' | 'kudos-channel', value: readonly Token[]): { ok: true; id: string | null } | { ok: false; error: CommandError } {
  const one = single(key, value);
  if (!one.ok) return one;
  const word = keywordOf(one.token);
  if (key === 'kudos-channel' && word !== null && (OFF_WORDS.has(word) || word === 'thread')) return { ok: true, id: null };
  if (one.token.kind === 'channel') return { ok: true, id: one.token.id };
  return fail('parse.bad_channel', { value: echoTokens(value), usage: CONFIG_EXAMPLES[key] });
}

function configManagers(value: readonly Token[]): SettingResult {
  const op = keywordOf(value[0]);
  if (op !== 'add' && op !== 'remove') return fail('parse.managers_missing');
  const ids: string[] = [];
  for (const token of value.slice(1)) {
    if (token.kind === 'user') {
      if (!ids.includes(token.id)) ids.push(token.id);
      continue;
    }
    const word = keywordOf(token);
    if (word !== null && /^(?:[,،、;&+]+|and|&amp;)$/.test(word)) continue;
    return fail('parse.not_a_user', { value: echoText(displayToken(token)), usage: `/pulse config managers ${op} @alex` });
  }
  if (ids.length === 0) return fail('parse.managers_missing');
  return set({ key: 'managers', op, value: ids });
}

function configEmoji(value: readonly Token[]): SettingResult {
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
  if (names.length === 0) return fail('parse.config_missing_value', { key: 'kudos-emoji', usage: CONFIG_EXAMPLES['kudos-emoji'] });
  if (names.length > MAX_KUDOS_EMOJI) return fail('parse.too_many_items', { key: 'kudos-emoji', max: MAX_KUDOS_EMOJI, count: names.length });
  return set({ key: 'kudos-emoji', value: names });
}

/** A value tag such as `teamwork` or `#customer-care`: letters (any script), digits, `-` and `_`. */
export function parseValueSlug(text: string): string | null {
  const slug = text.normalize('NFKC').toLowerCase().replace(/^#/, '');
  return /^[\p{L}\p{N}][\p{L}\p{N}\p{M}_-]{0,39}$/u.test(slug) ? slug : null;
}

function configValues(value: readonly Token[]): SettingResult {
  const first = keywordOf(value[0]);
  if (value.length === 1 && first !== null && OFF_WORDS.has(first)) return set({ key: 'values', value: [] });
  const slugs: string[] = [];
  for (const token of value) {
    // Slack turns "#teamwork" into a channel link when such a channel exists; its name is the value.
    const texts = token.kind === 'channel' && token.label !== null ? [token.label] : token.kind === 'word' ? (keywordOf(token) as string).split(LIST_SEPARATOR) : null;
    if (texts === null) return fail('parse.bad_value_name', { value: echoText(displayToken(token)) });
    for (const text of texts) {
      if (text === '') continue;
      const slug = parseValueSlug(text);
      if (slug === null) return fail('parse.bad_value_name', { value: echoText(text) });
      if (!slugs.includes(slug)) slugs.push(slug);
    }
  }
  if (slugs.length === 0) return fail('parse.config_missing_value', { key: 'values', usage: CONFIG_EXAMPLES.values });
  if (slugs.length > MAX_VALUES) return fail('parse.too_many_items', { key: 'values', max: MAX_VALUES, count: slugs.length });
  return set({ key: 'values', value: slugs });
}

function configHolidays(value: readonly Token[]): SettingResult {
  const first = keywordOf(value[0]);
  if (value.length === 1 && first !== null && OFF_WORDS.has(first)) return set({ key: 'holidays', value: [] });
  const listed = listPieces(value, (token) => ({ key: 'parse.bad_date', params: { value: echoText(displayToken(token)) } }));
  if (!listed.ok) return listed;
  const dates = new Set<string>();
  for (const piece of listed.pieces) {
    if (!isIsoDate(piece)) return fail('parse.bad_date', { value: echoText(piece) });
    dates.add(piece);
  }
  if (dates.size > MAX_HOLIDAYS) return fail('parse.too_many_items', { key: 'holidays', max: MAX_HOLIDAYS, count: dates.size });
  return set({ key: 'holidays', value: [...dates].sort() });
}

function parseConfigValue(key: ConfigKey, value: readonly Token[]): SettingResult {
  switch (key) {
    case 'threshold':
      return configNumber(key, value, MIN_THRESHOLD, MAX_THRESHOLD);
    case 'kudos-limit':
      return configNumber(key, value, MIN_KUDOS_LIMIT, MAX_KUDOS_LIMIT);
    case 'window': {
      const words = value.map((t) => keywordOf(t));
      const hours = words.includes(null) ? null : parseDurationHours(words.join(''));
      if (hours === null || hours < MIN_WINDOW_HOURS || hours > MAX_WINDOW_HOURS) {
        return fail('parse.bad_duration', { value: echoTokens(value), min: `${MIN_WINDOW_HOURS}h`, max: `${MAX_WINDOW_HOURS / 24}d`, usage: CONFIG_EXAMPLES.window });
      }
      return set({ key, value: hours });
    }
    case 'reminder': {
      const words = value.map((t) => keywordOf(t));
      if (words.length === 1 && OFF_WORDS.has(words[0] ?? '')) return set({ key, value: null });
      const hours = words.includes(null) ? null : parseDurationHours(words.join(''));
      if (hours === null || hours < MIN_REMINDER_HOURS || hours > MAX_REMINDER_HOURS) {
        return fail('parse.bad_reminder', { value: echoTokens(value), min: `${MIN_REMINDER_HOURS}h`, max: `${MAX_REMINDER_HOURS}h` });
      }
      return set({ key, value: hours });
    }
    case 'holidays':
      return configHolidays(value);
    case 'workdays': {
      const listed = listPieces(value, (token) => ({ key: 'parse.bad_day', params: { value: echoText(displayToken(token)) } }));
      if (!listed.ok) return listed;
      const days = parseDayPieces(listed.pieces);
      if (!days.ok) return days;
      if (days.days.length === 0) return fail('parse.config_missing_value', { key, usage: CONFIG_EXAMPLES.workdays });
      return set({ key, value: days.days });
    }
    case 'timezone': {
      const one = single(key, value);
      if (!one.ok) return one;
      const word = one.token.kind === 'word' ? decodeEntities(one.token.text).normalize('NFKC') : '';
      const zone = canonicalTimeZone(word);
      if (zone === null) return fail('parse.bad_timezone', { value: echoTokens(value) });
      return set({ key, value: zone });
    }
    case 'language': {
      const one = single(key, value);
      if (!one.ok) return one;
      const code = /^([a-z]{2})(?:[-_][a-z0-9]{2,8})?$/.exec(keywordOf(one.token) ?? '')?.[1];
      const language = LANGUAGES.find((known) => known === code);
      if (language === undefined) return fail('parse.bad_language', { value: echoTokens(value), languages: LANGUAGES.join(', ') });
      return set({ key, value: language });
    }
    case 'channel': {
      const channel = configChannel(key, value);
      if (!channel.ok) return channel;
      return set({ key, value: channel.id as string });
    }
    case 'kudos-channel': {
      const channel = configChannel(key, value);
      return channel.ok ? set({ key, value: channel.id }) : channel;
    }
    case 'managers':
      return configManagers(value);
    case 'kudos-emoji':
      return configEmoji(value);
    case 'values':
      return configValues(value);
  }
}

function parseConfig(args: readonly Token[]): Parsed {
  if (args.length === 0) return done({ type: 'config' });
  const word = keywordOf(args[0]);
  const name = word?.replace(/_/g, '-') ?? '';
  const key = CONFIG_KEYS.find((known) => known === name) ?? CONFIG_ALIASES[name];
  if (key === undefined) {
    return fail('parse.config_unknown_key', { key: echoTokens(args.slice(0, 1)), keys: CONFIG_KEYS.join(', ') });
  }
  const value = args.slice(1);
  if (value.length === 0) return fail('parse.config_missing_value', { key, usage: CONFIG_EXAMPLES[key] });
  const setting = parseConfigValue(key, value);
  return setting.ok ? done({ type: 'config-set', setting: setting.setting }) : setting;
}

// ---------------------------------------------------------------------------------------------

/** Parses already-tokenized `/pulse` text (any platform's tokenizer). Never throws. */
export function parsePulseTokens(tokens: readonly Token[]): PulseParseResult {
  const [head, ...args] = tokens;
  if (head === undefined) return done({ type: 'help' });
  const name = keywordOf(head);
  if (name !== null && HELP_WORDS.has(name)) return done({ type: 'help' });
  switch (name) {
    case 'setup':
      return noArgs(name, args, { type: 'setup' });
    case 'schedule':
      return parseSchedule(args);
    case 'unschedule':
      return noArgs(name, args, { type: 'unschedule' });
    case 'now':
      return noArgs(name, args, { type: 'now' });
    case 'status':
      return noArgs(name, args, { type: 'status' });
    case 'questions':
      return noArgs(name, args, { type: 'questions' });
    case 'mine':
      return noArgs(name, args, { type: 'mine' });
    case 'forget-me':
      return noArgs(name, args, { type: 'forget-me' });
    case 'export':
      return noArgs(name, args, { type: 'export' });
    case 'summary': {
      const rounds = optionalCount(name, args, { min: 1, max: MAX_SUMMARY_ROUNDS, fallback: 1, example: 3 });
      return rounds.ok ? done({ type: 'summary', rounds: rounds.value }) : rounds;
    }
    case 'symmetry': {
      const range = { min: 1, max: MAX_SYMMETRY_ROUNDS, fallback: DEFAULT_SYMMETRY_ROUNDS, example: 8 };
      const rounds = optionalCount(name, args, range);
      return rounds.ok ? done({ type: 'symmetry', rounds: rounds.value }) : rounds;
    }
    case 'kudos': {
      const range = { min: 1, max: MAX_KUDOS_WEEKS, fallback: DEFAULT_KUDOS_WEEKS, example: 4, unit: /w$/ };
      const weeks = optionalCount(name, args, range);
      return weeks.ok ? done({ type: 'kudos', weeks: weeks.value }) : weeks;
    }
    case 'ask':
      return parseAsk(args);
    case 'unask':
      return parseUnask(args);
    case 'action':
      return parseAction(args);
    case 'config':
    case 'settings':
      return parseConfig(args);
  }
  const command = echoText(displayToken(head));
  const suggestion = name === null ? null : suggestWord(name, PULSE_SUBCOMMANDS);
  if (suggestion !== null) return fail('parse.unknown_subcommand_suggest', { command, suggestion });
  return fail('parse.unknown_subcommand', { command });
}

/** Parses the text after `/pulse` as Slack sends it (escaped). Returns a command or an error; never throws. */
export function parsePulseCommand(text: string): PulseParseResult {
  const input = typeof text === 'string' ? text : '';
  if (input.length > MAX_COMMAND_LENGTH) return fail('parse.too_long', { command: '/pulse', length: input.length, max: MAX_COMMAND_LENGTH });
  return parsePulseTokens(tokenizeSlackText(input));
}
