/**
 * Away: a person on leave is not asked, not reminded and not counted in the response rate.
 * Two sources say someone is away: their own `/pulse away` (a date on the member) and, on Slack,
 * their status (emoji or text) as the platform reports it when their check-in is due.
 */
import { LANGUAGES } from './i18n/languages';
import { localDateKey, slotInstant } from './schedule';

/** A person's status as their platform shows it: Slack's profile.status_emoji, status_text and status_expiration. */
export interface PresenceStatus {
  /** The emoji name, with or without colons (Slack sends `:palm_tree:`). */
  emoji: string;
  text: string;
  /** When the status clears itself; null when it never does (Slack's 0). */
  expiresAt: Date | null;
}

/**
 * The status emoji that mean "away": Slack's own "Vacationing" and "Out sick" presets (palm tree,
 * thermometer face) and the usual signs of travel, illness and out-of-office. Not :house: or
 * :spiral_calendar_pad: (working from home, in a meeting): those people are at work.
 */
export const DEFAULT_AWAY_EMOJI: readonly string[] = [
  'palm_tree',
  'desert_island',
  'beach_with_umbrella',
  'airplane',
  'airplane_departure',
  'face_with_thermometer',
  'mask',
  'sneezing_face',
  'pill',
  'hospital',
  'no_entry',
  'no_entry_sign',
];

/** Lower case, accents and Arabic diacritics removed, every run of non-letters one space. */
function fold(text: string): string {
  return ` ${text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

// Every registered language's out-of-office words (each pack's `awayPhrases`), folded once.
const FOLDED_PHRASES = LANGUAGES.flatMap((pack) => pack.awayPhrases).map(fold);

/** True when a status text says its owner is out of office, in any registered language. */
export function statusTextSaysAway(text: string): boolean {
  const folded = fold(text);
  return FOLDED_PHRASES.some((phrase) => phrase.trim() !== '' && folded.includes(phrase));
}

/** An emoji name without colons or skin tone, lower case (`:Palm_Tree::skin-tone-2:` → `palm_tree`). */
export function emojiName(emoji: string): string {
  return emoji.trim().toLowerCase().replace(/^:/, '').replace(/:.*$/, '');
}

/**
 * Whether a status means away at `now`, and until when: `{ until: null }` for a status that never
 * expires, `null` when it does not say away (or has already expired).
 */
export function awayByStatus(
  status: PresenceStatus | null,
  now: Date,
  awayEmoji: readonly string[] = DEFAULT_AWAY_EMOJI,
): { until: Date | null } | null {
  if (!status) return null;
  if (status.expiresAt !== null && status.expiresAt.getTime() <= now.getTime()) return null;
  const emoji = emojiName(status.emoji);
  const byEmoji = emoji !== '' && awayEmoji.some((e) => emojiName(e) === emoji);
  if (!byEmoji && !statusTextSaysAway(status.text)) return null;
  return { until: status.expiresAt };
}

/** True while a person's own `/pulse away` date has not passed. */
export function isAwayUntil(awayUntil: Date | null, now: Date): boolean {
  return awayUntil !== null && awayUntil.getTime() > now.getTime();
}

/** The longest `/pulse away` a person may set, in days from their today. */
export const MAX_AWAY_DAYS = 365;

/** Adds whole days to a yyyy-MM-dd date (calendar arithmetic, no time zone involved). */
export function addDays(dateKey: string, days: number): string {
  const [y, m, d] = dateKey.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * The instant a `/pulse away` ends: the end of `lastDay` in the person's zone (the start of the next
 * local day), or the exact problem: a day before their today, or more than MAX_AWAY_DAYS ahead.
 */
export function awayEnd(
  lastDay: string,
  tz: string,
  now: Date,
): { ok: true; until: Date } | { ok: false; reason: 'past' | 'too_far'; today: string; latest: string } {
  const today = localDateKey(now, tz);
  const latest = addDays(today, MAX_AWAY_DAYS);
  if (lastDay < today) return { ok: false, reason: 'past', today, latest };
  if (lastDay > latest) return { ok: false, reason: 'too_far', today, latest };
  return { ok: true, until: slotInstant(addDays(lastDay, 1), '00:00', tz) };
}

/** The last local day of an away that ends at `until` (its end is the next day's midnight in `tz`). */
export function awayLastDay(until: Date, tz: string): string {
  return localDateKey(new Date(until.getTime() - 1), tz);
}
