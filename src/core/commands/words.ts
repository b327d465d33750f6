/**
 * Reading words out of command tokens: keywords, numbers, times, days, durations, dates, time zones,
 * "did you mean", and the quoting of what was typed. Shared by the `/pulse` and `/kudos` grammars.
 * Pure: no I/O, no clock, never throws.
 */
import type { enCommands } from '../i18n/languages/en/en-commands';
import { WEEKDAYS, type Weekday } from '../model';
import { decodeEntities, displayTokens, type Token } from './mentions';

/** A message key of the command catalog. */
export type CommandMessageKey = keyof typeof enCommands;

/** What was wrong with a command, as a catalog key and the values its sentence needs. */
export interface CommandError {
  key: CommandMessageKey;
  params: Record<string, string | number>;
}

export type ParseResult<T> = { ok: true; command: T } | { ok: false; error: CommandError };

/** Words that switch a setting off or clear a list (`/pulse schedule off`, `config holidays none`). */
export const OFF_WORDS: ReadonlySet<string> = new Set([
  'off',
  'none',
  'no',
  'never',
  'stop',
  'clear',
  'disable',
  'disabled',
]);
/** What separates the items of a list typed as one word (`mon,wed`, Arabic and CJK commas too). */
export const LIST_SEPARATOR = /[,،、;]+/;
const ECHO_MAX = 40;

/** An error result: the catalog key and its values. */
export const fail = (
  key: CommandMessageKey,
  params: Record<string, string | number> = {},
): { ok: false; error: CommandError } => ({
  ok: false,
  error: { key, params },
});

const DAY_NAMES: Record<string, Weekday> = {
  mon: 'mon',
  monday: 'mon',
  tue: 'tue',
  tues: 'tue',
  tuesday: 'tue',
  wed: 'wed',
  weds: 'wed',
  wednesday: 'wed',
  thu: 'thu',
  thur: 'thu',
  thurs: 'thu',
  thursday: 'thu',
  fri: 'fri',
  friday: 'fri',
  sat: 'sat',
  saturday: 'sat',
  sun: 'sun',
  sunday: 'sun',
};

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

/** Typed tokens, quoted as `echoText` does. */
export function echoTokens(tokens: readonly Token[]): string {
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
export function listPieces(tokens: readonly Token[], onMention: (token: Token) => CommandError): Pieces {
  const pieces: string[] = [];
  for (const token of tokens) {
    const word = keywordOf(token);
    if (word === null) return { ok: false, error: onMention(token) };
    for (const piece of word.split(LIST_SEPARATOR)) if (piece !== '') pieces.push(piece);
  }
  return { ok: true, pieces };
}

/** Days in a list or ranges (`mon,wed`, `mon-fri`, `fri-mon` wraps), deduplicated and sorted mon..sun. */
export function parseDayPieces(
  pieces: readonly string[],
): { ok: true; days: Weekday[] } | { ok: false; error: CommandError } {
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
      current.push(
        Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost),
      );
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

/** A value tag such as `teamwork` or `#customer-care`: letters (any script), digits, `-` and `_`. */
export function parseValueSlug(text: string): string | null {
  const slug = text.normalize('NFKC').toLowerCase().replace(/^#/, '');
  return /^[\p{L}\p{N}][\p{L}\p{N}\p{M}_-]{0,39}$/u.test(slug) ? slug : null;
}
