/**
 * Recurring themes in a round's comments, by plain keyword and two-word phrase extraction.
 *
 * No model and no network: comments are split into clauses and words, stop words and short
 * words dropped, plurals lightly folded, and what appears in at least two different comments is
 * a theme. One person repeating a word does not make a theme; two people saying it does.
 * Comments are expected to be redacted already; the redaction tokens are ignored here.
 *
 * Words that only judge (good, great, bad, fine, and the same in every language pack's
 * `judgingWords`) are never themes either: they say how the week felt, which the score already says, not
 * what it was about. "Recurring themes: good" tells a manager nothing.
 */
import { LANGUAGES } from './i18n/languages';
import { REDACTION_TOKENS } from './redact';

/** How many themes extractThemes returns unless told otherwise. */
export const DEFAULT_MAX_THEMES = 3;
/** How many distinct comments must contain a word or phrase before it is a theme. */
export const MIN_THEME_COMMENTS = 2;

const MIN_WORD_LENGTH = 3;

function words(...lists: string[]): Set<string> {
  return new Set(
    lists
      .join(' ')
      .split(/\s+/)
      .filter((w) => w !== ''),
  );
}

// Each language pack's function words and answer filler (week, feel, really…, which would otherwise
// top every round), and its judging words in the forms people write them (French and Swedish
// adjectives agree, Arabic takes the accusative after "كان"). Words about a cause stay themes:
// tired, stressed, calm, busy.
const STOP_WORDS: Readonly<Record<string, ReadonlySet<string>>> = Object.fromEntries(
  LANGUAGES.map((pack) => [pack.code, words(pack.stopWords, pack.judgingWords)]),
);

/**
 * The stop words for a language: English plus that language (teams write in English whatever
 * their locale), or every list when the language is unknown, since one team's members may each
 * answer in their own language.
 */
function stopWordsFor(language: string | undefined): ReadonlySet<string> {
  const base = language?.toLowerCase().split(/[-_]/)[0];
  const lists =
    base !== undefined && Object.hasOwn(STOP_WORDS, base)
      ? [STOP_WORDS.en, STOP_WORDS[base]]
      : Object.values(STOP_WORDS);
  const all = new Set<string>();
  for (const list of lists) for (const word of list ?? []) all.add(word);
  return all;
}

// Clause boundaries: a phrase never spans them ("the team. Deadlines" is not "team deadlines").
const CLAUSE = /[.,;:!?()[\]{}"“”«»…–—/\\|،؛؟]+/u;
// A word: letters with their combining marks; digits, apostrophes and hyphens split words.
const WORD = /\p{L}[\p{L}\p{M}]*/gu;

/**
 * The key a word is counted under: light plural folding ("meetings" → "meeting", "réunions" →
 * "réunion", "processes" → "process") and, for Arabic, the article ("الاجتماع" → "اجتماع").
 */
function foldKey(word: string): string {
  if (word.startsWith('ال') && [...word].length >= 5) return word.slice(2);
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(?:ss|ch|sh|x|z)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

interface Candidate {
  key: string;
  /** Fold keys of its words: one for a word, two for a phrase. */
  parts: string[];
  /** Indexes of the comments it appears in. */
  comments: Set<number>;
  /** How often each surface form was written, to show the most common one. */
  surfaces: Map<string, number>;
}

function note(table: Map<string, Candidate>, parts: string[], surface: string, comment: number): void {
  const key = parts.join(' ');
  let candidate = table.get(key);
  if (candidate === undefined) {
    candidate = { key, parts, comments: new Set(), surfaces: new Map() };
    table.set(key, candidate);
  }
  candidate.comments.add(comment);
  candidate.surfaces.set(surface, (candidate.surfaces.get(surface) ?? 0) + 1);
}

/** Code-point order, the same on every machine whatever its ICU data. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The most written surface form; ties go to the shorter, then the first in code-point order. */
function display(candidate: Candidate): string {
  const forms = [...candidate.surfaces.entries()];
  forms.sort(([a, na], [b, nb]) => nb - na || a.length - b.length || compareText(a, b));
  return forms[0]?.[0] ?? candidate.key;
}

function isSubset(small: ReadonlySet<number>, big: ReadonlySet<number>): boolean {
  for (const item of small) if (!big.has(item)) return false;
  return true;
}

/** Removes the redaction tokens ("[someone]") so they never become a theme. */
function withoutTokens(comment: string): string {
  let text = comment;
  for (const token of REDACTION_TOKENS) text = text.split(token).join(' . ');
  return text;
}

/**
 * Up to `max` (default 3) words or two-word phrases that each appear in at least two different
 * comments, most widespread first, then alphabetically; empty when nothing recurs. Deterministic.
 */
export function extractThemes(comments: readonly string[], opts: { max?: number; language?: string } = {}): string[] {
  const max = Number.isNaN(opts.max) ? DEFAULT_MAX_THEMES : Math.max(0, Math.floor(opts.max ?? DEFAULT_MAX_THEMES));
  if (max === 0) return [];
  const stop = stopWordsFor(opts.language);
  const unigrams = new Map<string, Candidate>();
  const bigrams = new Map<string, Candidate>();

  comments.forEach((comment, index) => {
    const text = withoutTokens(comment).normalize('NFC').toLowerCase();
    for (const clause of text.split(CLAUSE)) {
      // A phrase is two kept words with only spaces between them: a stop word, a short word,
      // a number or a hyphen in between ends it.
      let previous: string | null = null;
      let previousEnd = 0;
      for (const match of clause.matchAll(WORD)) {
        const word = match[0];
        const start = match.index ?? 0;
        const adjacent = previous !== null && /^\s+$/u.test(clause.slice(previousEnd, start));
        previousEnd = start + word.length;
        if (stop.has(word) || [...word].length < MIN_WORD_LENGTH) {
          previous = null;
          continue;
        }
        note(unigrams, [foldKey(word)], word, index);
        if (previous !== null && adjacent)
          note(bigrams, [foldKey(previous), foldKey(word)], `${previous} ${word}`, index);
        previous = word;
      }
    }
  });

  const recurs = (c: Candidate): boolean => c.comments.size >= MIN_THEME_COMMENTS;
  const phrases = [...bigrams.values()].filter(recurs);
  // A word is dropped in favour of a recurring phrase containing it, unless the word also recurs
  // on its own, outside the comments where that phrase appears.
  const single = [...unigrams.values()]
    .filter(recurs)
    .filter((word) =>
      phrases
        .filter((phrase) => phrase.parts.includes(word.key))
        .every((phrase) => [...word.comments].filter((c) => !phrase.comments.has(c)).length >= MIN_THEME_COMMENTS),
    );

  const ranked = [...phrases, ...single].map((c) => ({ c, label: display(c) }));
  ranked.sort((a, b) => b.c.comments.size - a.c.comments.size || compareText(a.label, b.label));

  // Two overlapping phrases found in the same comments ("code review", "review process") say one thing.
  const chosen: Candidate[] = [];
  const labels: string[] = [];
  for (const { c, label } of ranked) {
    if (chosen.length >= max) break;
    const repeats =
      c.parts.length === 2 &&
      chosen.some(
        (other) =>
          other.parts.length === 2 &&
          other.parts.some((p) => c.parts.includes(p)) &&
          isSubset(c.comments, other.comments),
      );
    if (repeats) continue;
    chosen.push(c);
    labels.push(label);
  }
  return labels;
}
