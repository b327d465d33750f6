/**
 * Numbers, dates and text direction per locale, for the catalog languages (each pack in ./languages
 * gives its Intl locale, date-fns locale and date patterns).
 *
 * Formatting follows the catalog language, not the region: "fr-CA" and "fr-FR" both give the
 * French forms, so a message never mixes a French sentence with another convention.
 *
 * Digits: Arabic uses Western digits (0–9), `ar-u-nu-latn`. Slack users in Arab countries read
 * Western digits in business tools, the Maghreb writes them natively, and they are what the
 * score buttons show and the commands accept; date-fns's `ar` locale writes them too, so
 * numbers and dates agree. Decimal point "." as `ar-u-nu-latn` gives it.
 *
 * Direction: formatted numbers carry no bidi marks (ICU adds LRM around "%" and "-" in Arabic;
 * they are removed). `rtlText` marks the whole finished message once instead, so nothing is
 * marked twice and the same number reads the same in every sentence.
 */
import { tz } from '@date-fns/tz';
// A subpath, not the package root: that loads every date-fns function and all of its 90-odd locales (800 files, ~10 MB
// per process). Each language pack imports its own locale by subpath too.
import { format } from 'date-fns/format';
import { isValidTimeZone } from '../schedule';
import { isRtl, languageOf } from './index';
import { LANGUAGE_PACKS } from './languages';

// ICU's bidi marks (LRM, RLM, ALM); see the header.
const BIDI_MARKS = /[\u200e\u200f\u061c]/g;
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(
  locale: string | null | undefined,
  style: 'decimal' | 'percent',
  fractionDigits: number,
): Intl.NumberFormat {
  const tag = LANGUAGE_PACKS[languageOf(locale)].intlLocale;
  const digits = Math.min(Math.max(Math.trunc(fractionDigits), 0), 20);
  const cacheKey = `${tag}|${style}|${digits}`;
  let formatter = numberFormats.get(cacheKey);
  if (formatter === undefined) {
    formatter = new Intl.NumberFormat(tag, { style, minimumFractionDigits: digits, maximumFractionDigits: digits });
    numberFormats.set(cacheKey, formatter);
  }
  return formatter;
}

/** `value` with exactly `fractionDigits` decimals in the locale's language: 7.4 → "7,4" (fr, nl, sv), "7.4" (en, ar). */
export function formatNumber(locale: string | null | undefined, value: number, fractionDigits = 0): string {
  return numberFormat(locale, 'decimal', fractionDigits).format(value).replace(BIDI_MARKS, '');
}

/** A ratio (0.74) as a percentage in the locale's language: "74%" (en, nl, ar), "74 %" (fr, sv; no-break space). */
export function formatPercent(locale: string | null | undefined, ratio: number, fractionDigits = 0): string {
  return numberFormat(locale, 'percent', fractionDigits).format(ratio).replace(BIDI_MARKS, '');
}

function formatIn(
  pattern: 'datePattern' | 'dateTimePattern',
  locale: string | null | undefined,
  date: Date,
  timeZone: string,
): string {
  const pack = LANGUAGE_PACKS[languageOf(locale)];
  // A zone the runtime does not know falls back to UTC rather than throwing mid-message.
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  return format(date, pack[pattern], { locale: pack.dateFnsLocale, in: tz(zone) });
}

/** The calendar day of `date` in `timeZone`, short, in the locale's language: "ven. 27 nov." (fr). */
export function formatDate(locale: string | null | undefined, date: Date, timeZone = 'UTC'): string {
  return formatIn('datePattern', locale, date, timeZone);
}

/** The day and 24-hour time of `date` in `timeZone`, in the locale's language: "ven. 27 nov. à 14:00" (fr). */
export function formatDateTime(locale: string | null | undefined, date: Date, timeZone = 'UTC'): string {
  return formatIn('dateTimePattern', locale, date, timeZone);
}

/* ------------------------------------------------------------------------------------------ *
 * Right-to-left plain text.
 *
 * Slack shows message text without a `dir` attribute, so a line's direction comes from its
 * first strong character, and runs of neutral characters (spaces, "/", "@", ":", "%", "–")
 * between Arabic and Latin text are placed by the Unicode bidi algorithm, which is how
 * "/pulse now" turns into "pulse now/" inside an Arabic sentence. For Arabic, rtlText:
 *
 * - starts every non-empty line with U+200F RIGHT-TO-LEFT MARK, so the line is right to left
 *   even when it opens with a command, a mention or a number (after a leading "> " so a Slack
 *   quote stays a quote);
 * - isolates what is left to right so it keeps its inner order and moves as one piece:
 *   - LRI … PDI (U+2066 … U+2069) around what is known to be left to right: a code span that
 *     holds a command (`/pulse …`, `/kudos …`), and runs of Latin letters and digits such as
 *     7.4, 74%, 14:00, 2026-12-25, Europe/Paris, mon-fri, 24h;
 *   - FSI … PDI (U+2068 … U+2069) around what may be either: Slack entities (<@U…> shows the
 *     person's name, which may be Arabic; <#C…>, <!…>, <url|label>), and other code spans
 *     (an echoed value, a setting name), so the first strong letter inside decides;
 * - places the marks outside Slack's markup (`…`, <…>), so a command copied from the message
 *   has no invisible characters in it, and inside *bold*, next to the number it isolates;
 * - leaves alone emoji shortcodes (:tada:), Slack's escapes (&amp; &lt; &gt;) and text that is
 *   already isolated (echoText wraps Arabic user text in FSI … PDI), so applying it twice
 *   changes nothing.
 * Isolates rather than embeddings (LRE/RLE) or LRM pairs: they do not leak direction into the
 * surrounding text, and Unicode 6.3+ renderers (every current browser and phone) support them.
 * ------------------------------------------------------------------------------------------ */

const RLM = '\u200f';
const LRI = '\u2066';
const FSI = '\u2068';
const PDI = '\u2069';

// One isolate, possibly holding one more (an echoed value inside a code span).
const ISOLATED = String.raw`[\u2066-\u2068](?:[^\u2066-\u2069]|[\u2066-\u2068][^\u2066-\u2069]*\u2069)*\u2069`;
const SLACK_ENTITY = String.raw`<[^<>\n]+>`;
const CODE_SPAN = String.raw`\x60[^\x60\n]+\x60`;
const EMOJI = String.raw`:[a-z0-9_+'-]+:`;
const ESCAPE = String.raw`&(?:amp|lt|gt);`;
// A left-to-right word: Latin letters and digits, joined inside by . , : / - – _ ' + @ and
// ending in a letter, a digit or "%"; words separated by spaces join into one run.
const LTR_WORD = String.raw`[+\-−]?[\p{Script=Latin}0-9](?:[\p{Script=Latin}0-9_'’.,:/\-–+@]*[\p{Script=Latin}0-9%])?`;
const LTR_RUN = String.raw`${LTR_WORD}(?:[ \u00a0]+${LTR_WORD})*`;
const PIECES = new RegExp(`(${ISOLATED})|(${SLACK_ENTITY})|(${CODE_SPAN})|(${EMOJI})|(${ESCAPE})|(${LTR_RUN})`, 'gu');
const COMMAND_SPAN = /^`\/[a-z]/;
const QUOTE_PREFIX = /^(?:>|&gt;) ?/;

function isolateLine(line: string): string {
  return line.replace(
    PIECES,
    (piece: string, isolated?: string, entity?: string, code?: string, emoji?: string, escape?: string) => {
      if (isolated !== undefined || emoji !== undefined || escape !== undefined) return piece;
      if (entity !== undefined) return `${FSI}${piece}${PDI}`;
      if (code !== undefined) return COMMAND_SPAN.test(piece) ? `${LRI}${piece}${PDI}` : `${FSI}${piece}${PDI}`;
      return `${LRI}${piece}${PDI}`;
    },
  );
}

function rtlLine(line: string): string {
  if (line.trim() === '') return line;
  const quote = QUOTE_PREFIX.exec(line)?.[0] ?? '';
  let body = line.slice(quote.length);
  if (body.startsWith(RLM)) body = body.slice(RLM.length);
  return `${quote}${RLM}${isolateLine(body)}`;
}

/**
 * Text ready to show in the locale's direction. For Arabic: every line starts with an RLM and
 * embedded left-to-right pieces (mentions, commands, numbers, Latin words) are isolated, as
 * described above; idempotent. For every other language: `text` unchanged.
 */
export function rtlText(locale: string | null | undefined, text: string): string {
  if (!isRtl(locale)) return text;
  return text.split('\n').map(rtlLine).join('\n');
}
