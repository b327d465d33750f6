/**
 * Redaction of free-text comments before anyone but their author reads them.
 *
 * A comment is shown to a team only as part of an anonymized summary, so whatever in it points
 * at a person (a mention, a handle, an email address, a phone number) is replaced by a neutral
 * token. The tokens are plain ASCII in brackets and carry no language: a renderer may translate
 * them through the message catalog (`[someone]` → "quelqu'un") or show them as they are.
 *
 * What is deliberately NOT redacted: names written as plain words ("Alex was great") cannot be
 * told apart from other words; URLs are kept whole (a link someone shares is part of what they
 * said), except `mailto:` and `tel:` links, which are an email address and a phone number.
 * Ordinary numbers (scores, years, ISO dates, times, percentages, amounts, versions) are kept.
 * Known gaps: a typed "@Alex Smith" loses only "@Alex"; spelled-out addresses ("alex at x dot
 * com") are not recognized. The result is plain text: renderers still escape it for their platform.
 */

/** Stands for a person who was mentioned or addressed by handle. */
export const REDACTED_PERSON = '[someone]';
/** Stands for a broadcast or group mention (`@here`, `@channel`, a user group). */
export const REDACTED_GROUP = '[group]';
/** Stands for an email address. */
export const REDACTED_EMAIL = '[email]';
/** Stands for a phone number. */
export const REDACTED_PHONE = '[phone]';
/** Every token redactComment can insert, for renderers that translate them. */
export const REDACTION_TOKENS: readonly string[] = [REDACTED_PERSON, REDACTED_GROUP, REDACTED_EMAIL, REDACTED_PHONE];

// C0/C1 controls become spaces (a tab or newline separated words); invisible format characters
// that could hide an address from the patterns below ("alex\u200b@x.com") or reorder what a
// reader sees (bidi overrides and isolates) are removed. ZWJ/ZWNJ stay: emoji and Arabic/Persian
// shaping need them.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const INVISIBLE = /[\u00ad\u200b\u2060\ufeff\u202a-\u202e\u2066-\u2069]/g;
const WHITESPACE_RUN = /\s+/g;

/** A run of the text: `fixed` runs are final (a token, or something kept verbatim) and no later pattern sees them. */
interface Piece {
  text: string;
  fixed: boolean;
}

/** What a pass puts in place of a match: `text` replaces the first `length` characters of it (all by default). */
interface Replacement {
  text: string;
  length?: number;
}

/**
 * Runs `pattern` over the free pieces. `decide` returns what replaces a match (it becomes a fixed
 * piece), or null to leave it free; the search then resumes one character later, so a shorter
 * match that starts inside a rejected one is still found. Later patterns never match across a
 * fixed piece, which is what keeps a date or a URL from becoming part of a phone number.
 */
function pass(pieces: Piece[], pattern: RegExp, decide: (match: RegExpExecArray) => Replacement | null): Piece[] {
  const out: Piece[] = [];
  for (const piece of pieces) {
    if (piece.fixed) {
      out.push(piece);
      continue;
    }
    let last = 0;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(piece.text); m !== null; m = pattern.exec(piece.text)) {
      const result = m[0] === '' ? null : decide(m);
      if (result === null) {
        pattern.lastIndex = m.index + 1;
        continue;
      }
      const end = m.index + (result.length ?? m[0].length);
      if (m.index > last) out.push({ text: piece.text.slice(last, m.index), fixed: false });
      out.push({ text: result.text, fixed: true });
      last = end;
      pattern.lastIndex = end;
    }
    if (last < piece.text.length) out.push({ text: piece.text.slice(last), fixed: false });
  }
  return out;
}

const keep = (m: RegExpExecArray): Replacement => ({ text: m[0] });
const token = (text: string) => (): Replacement => ({ text });

// Slack control sequences: <@U123>, <@U123|alex>, <!here>, <!subteam^S1|@devs>, <mailto:…|…>, <https://…|…>.
const SLACK_SEQUENCE = /<([^<>]+)>/g;
// Teams mentions arrive as <at>Alex Smith</at> (sometimes with attributes).
const TEAMS_MENTION = /<at\b[^>]*>[^<]*<\/at>/gi;
// Bare URLs, without the punctuation that ends the sentence around them.
const URL_WITH_SCHEME = /\b(?:https?|ftp):\/\/[^\s<>]*[^\s<>.,;:!?)\]}'"»”’]/giu;
const URL_WWW = /(?<![\p{L}\p{N}@.])www\.[^\s<>]*[^\s<>.,;:!?)\]}'"»”’]/giu;
// local@domain, Unicode allowed on both sides; an optional mailto: goes with it.
// Starts only where a run of address characters starts, so a long word costs one attempt, not one per letter.
const EMAIL =
  /(?<![\p{L}\p{N}\p{M}._%+'-])(?:mailto:)?[\p{L}\p{N}\p{M}_%+-](?:[\p{L}\p{N}\p{M}._%+'-]*[\p{L}\p{N}\p{M}_%+-])?@[\p{L}\p{N}\p{M}-]+(?:\.[\p{L}\p{N}\p{M}-]+)*/giu;
// Plain handles: "@alex", "@jean-luc", "@أحمد". A letter must follow the "@" so "@5pm" and "@ 3" stay.
const HANDLE = /(?<![\p{L}\p{N}\p{M}_.@/\\])@\p{L}(?:[\p{L}\p{N}\p{M}_.-]*[\p{L}\p{N}\p{M}_])?/gu;
const BROADCAST_HANDLES = new Set(['@here', '@channel', '@everyone']);

// Numbers that look like phone numbers by shape but are not, protected before the phone pass.
const ISO_DATE_TIME =
  /(?<!\p{N})\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?!\p{N})/gu;
const YEAR_FIRST_DATE = /(?<![\p{N}./-])\d{4}([./])\d{1,2}\1\d{1,2}(?![\p{N}]|[./-]\p{N})/gu;
const DAY_FIRST_DATE = /(?<![\p{N}./-])(\d{1,2})([./-])(\d{1,2})\2(\d{2}|\d{4})(?![\p{N}]|[./-]\p{N})/gu;
const TIME = /(?<![\p{N}:])\d{1,2}:\d{2}(?::\d{2})?(?![\p{N}]|:\p{N})/gu;
const IPV4 = /(?<![\p{N}.])\d{1,3}(?:\.\d{1,3}){3}(?![\p{N}]|\.\p{N})/gu;

/**
 * Phone-shaped runs, in any script's digits (٠٧٠ as well as 070): an optional tel:, an optional
 * +CC or 00CC, an optional (area), then digit groups separated by at most one space, dot or dash.
 * Not preceded by a letter, digit or a character that makes it part of something else (a version,
 * an amount, a range); not followed by a letter, a digit, %, or a separator and more digits.
 * Whether a run really is a phone number is decided by looksLikePhone.
 */
const PHONE_CANDIDATE =
  /(?<![\p{L}\p{N}\p{M}_@#$€£¥%+./-])(?:(?:tel|callto|sms):)?(?:(?:\+|00)\p{Nd}{1,3}[ .-]?)?(?:\(\p{Nd}{1,5}\)[ .-]?)?\p{Nd}{1,5}(?:[ .-]?\p{Nd}{2,5}){0,6}(?![\p{L}\p{N}\p{M}_%]|[.,/-]\p{N})/giu;
const THOUSANDS = /^[1-9]\d{0,2}([ .])\d{3}(?:\1\d{3})*$/;
const YEAR_RANGE = /^(?:19|20)\d{2}-(?:19|20)\d{2}$/;

/** The value 0–9 of a decimal digit of any script (Unicode lays digits out in runs of ten, starting at zero). */
function digitValue(digit: string): number {
  const code = digit.codePointAt(0) ?? 0;
  let start = code;
  while (code - start < 60 && /\p{Nd}/u.test(String.fromCodePoint(start - 1))) start -= 1;
  return (code - start) % 10;
}

/** Whether a phone-shaped run is a phone number rather than an amount, a range or a list of scores. */
function looksLikePhone(candidate: string): boolean {
  // Digits of other scripts count as their ASCII value would, so the shapes below apply to them too.
  const run = candidate.replace(/^[a-z]+:/i, '').replace(/\p{Nd}/gu, (d) => String(digitValue(d)));
  const digits = run.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return false;
  if (/^(?:\+|00)/.test(run) || run.includes('(')) return true;
  if (/^\d+$/.test(run)) {
    // One unbroken number: a phone only when it is long enough or has a trunk prefix ("0701234567"),
    // so that amounts and ids such as 1500000 stay.
    return digits.length >= 10 || (run.startsWith('0') && digits.length >= 8);
  }
  if (THOUSANDS.test(run) || YEAR_RANGE.test(run)) return false;
  // "10 9 8 10" or "10 10 10 10" are scores; numbers without a trunk 0 or a +CC have a group of 3+.
  return run.startsWith('0') || run.split(/[ .-]/).some((group) => group.length > 2);
}

/**
 * The longest phone number at the start of a phone-shaped run. The run may have swallowed a
 * neighbour ("+46701234567 5551234567" is two numbers), so trailing groups are dropped until what
 * is left is a phone number, or nothing is.
 */
function phoneAt(m: RegExpExecArray): Replacement | null {
  let run = m[0];
  for (;;) {
    if (looksLikePhone(run)) return { text: REDACTED_PHONE, length: run.length };
    const cut = run.search(/[ .-]\(?\p{Nd}+\)?$/u);
    if (cut <= 0) return null;
    run = run.slice(0, cut);
  }
}

function plausibleDayFirstDate(m: RegExpExecArray): Replacement | null {
  const a = Number(m[1]);
  const b = Number(m[3]);
  const ok = a >= 1 && b >= 1 && a <= 31 && b <= 31 && (a <= 12 || b <= 12);
  return ok ? keep(m) : null;
}

function slackSequence(m: RegExpExecArray): Replacement | null {
  const body = m[1] ?? '';
  const bar = body.indexOf('|');
  const head = (bar < 0 ? body : body.slice(0, bar)).trim();
  if (head.startsWith('@')) return { text: REDACTED_PERSON };
  if (/^!(?:here|channel|everyone|subteam\^)/i.test(head)) return { text: REDACTED_GROUP };
  if (/^mailto:/i.test(head)) return { text: REDACTED_EMAIL };
  if (/^(?:tel|sms|callto):/i.test(head)) return { text: REDACTED_PHONE };
  // Links and channel references are kept verbatim, labels included.
  if (/^(?:[a-z][a-z0-9+.-]*:\/\/|#)/i.test(head)) return keep(m);
  return null;
}

function handle(m: RegExpExecArray): Replacement {
  return { text: BROADCAST_HANDLES.has(m[0].toLowerCase()) ? REDACTED_GROUP : REDACTED_PERSON };
}

/** The comment with mentions, handles, emails and phone numbers replaced by the REDACTED_* tokens, control characters removed and whitespace collapsed. */
export function redactComment(text: string): string {
  const normalized = text
    .normalize('NFC')
    .replace(CONTROL, ' ')
    .replace(INVISIBLE, '')
    .replace(WHITESPACE_RUN, ' ')
    .trim();
  let pieces: Piece[] = [{ text: normalized, fixed: false }];
  pieces = pass(pieces, TEAMS_MENTION, token(REDACTED_PERSON));
  pieces = pass(pieces, SLACK_SEQUENCE, slackSequence);
  // URLs are set aside before emails so "https://user@host/…" stays a link, but "www." ones after,
  // so "alex@www.example.com" is an email and not a handle glued to a link.
  pieces = pass(pieces, URL_WITH_SCHEME, keep);
  pieces = pass(pieces, EMAIL, token(REDACTED_EMAIL));
  pieces = pass(pieces, URL_WWW, keep);
  pieces = pass(pieces, HANDLE, handle);
  for (const pattern of [ISO_DATE_TIME, YEAR_FIRST_DATE, TIME, IPV4]) pieces = pass(pieces, pattern, keep);
  pieces = pass(pieces, DAY_FIRST_DATE, plausibleDayFirstDate);
  pieces = pass(pieces, PHONE_CANDIDATE, phoneAt);
  return pieces
    .map((p) => p.text)
    .join('')
    .replace(WHITESPACE_RUN, ' ')
    .trim();
}
