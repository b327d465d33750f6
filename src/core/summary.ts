/**
 * The anonymized summary of one closed round, and the trend across rounds.
 *
 * Everything here follows the threshold rule of DESIGN.md: an aggregate is shown only when at
 * least k distinct people contributed to it, and k applies to each aggregate on its own. A round
 * below k yields a `withheld` summary that carries k and nothing derived from the answers (not
 * even how many there were, which would tell a team "only two of you answered").
 *
 * Decisions:
 * - The round's gate is the mood question: k people must have given it a score. Only then is
 *   anything shown, custom questions included, since a summary of a round without its headline
 *   would still be a summary of fewer than k people.
 * - Mood comments are shown when the round met the threshold, whatever their own number: each
 *   one hides among the k+ people who answered, as in Culture Amp and Qualtrics. Requiring k
 *   comments as well would hide almost every comment in small teams. Comment-only rows (a comment
 *   without a score) are shown with them but never counted as respondents.
 * - A custom scale question needs k scores of its own; a custom text question k non-empty
 *   answers (after redaction) of its own. Answers to text questions are shuffled like comments.
 * - Scores outside 1–10 or not whole numbers are ignored, as if never given.
 * - Only whole rounds are summarized, so no two overlapping summaries can be subtracted to
 *   isolate one person's answer.
 */
import { randomInt } from 'node:crypto';
import { DEFAULT_TEAM_SETTINGS, MAX_THRESHOLD, MIN_THRESHOLD, MOOD_QUESTION_ID } from './model';
import { redactComment } from './redact';
import { extractThemes } from './themes';

/** What the repository gives for one closed round. Rows carry no respondent hash. */
export interface RoundFacts {
  roundId: string;
  period: string;
  closesAt: Date;
  /** Deliveries of people who were not away (the response rate's denominator). */
  invited: number;
  /** People away when their check-in was due: not asked, not in `invited` (0 when absent). */
  away?: number;
  /** The round's rows of the responses table, without respondent hashes. */
  responses: Array<{ questionId: string; score: number | null; comment: string | null }>;
  /** Distinct respondent hashes that gave the mood question a score. */
  respondents: number;
}

/** A question asked in the round besides mood. */
export interface QuestionDef {
  id: string;
  kind: 'scale' | 'text';
  text: string;
}

/** One custom question in a summary: its aggregate, or only the k it still needs. */
export type QuestionSummary =
  | { id: string; text: string; kind: 'scale'; average: number; respondents: number }
  | { id: string; text: string; kind: 'scale'; withheld: true; needed: number }
  | { id: string; text: string; kind: 'text'; answers: string[] }
  | { id: string; text: string; kind: 'text'; withheld: true; needed: number };

/** Counts of mood scores 1–4, 5–7 and 8–10. */
export interface Distribution {
  low: number;
  mid: number;
  high: number;
}

/**
 * `closesAt` is when the round was scheduled to close, a fact of the schedule and not of anyone's
 * answer, so even a withheld round carries it (a renderer titles the summary with its date).
 */
export type RoundSummary =
  | { kind: 'withheld'; roundId: string; period: string; closesAt: Date; needed: number }
  | {
      kind: 'summary';
      roundId: string;
      period: string;
      closesAt: Date;
      threshold: number;
      invited: number;
      /** How many were away (a count only, never who: it says nothing about any answer). */
      away: number;
      respondents: number;
      /** respondents / invited, 0..1 (1 when more answered than the deliveries recorded). */
      responseRate: number;
      /** Mood average to one decimal. */
      average: number;
      /** Against the previous round's average, to one decimal; null when that round was withheld or absent. */
      change: number | null;
      distribution: Distribution;
      /** Counts of each mood score, index 0 = score 1. */
      histogram: number[];
      questions: QuestionSummary[];
      /** Mood comments, redacted and shuffled, without times. */
      comments: string[];
      themes: string[];
    };

export interface SummaryOptions {
  /** The team's k; clamped to 3–10. */
  threshold: number;
  /** Custom questions of the round, in the order to show them. */
  questions: QuestionDef[];
  previous?: RoundFacts | null;
  /** Returns [0, 1); for tests. The default draws from node:crypto. */
  random?: () => number;
}

export interface TrendPoint {
  roundId: string;
  period: string;
  average: number | null;
  responseRate: number | null;
}

/** k as it is enforced: a whole number from MIN_THRESHOLD (3) to MAX_THRESHOLD (10); a missing or invalid value means the default. */
export function clampThreshold(k: number): number {
  if (Number.isNaN(k)) return DEFAULT_TEAM_SETTINGS.threshold;
  // Rounded up: a fractional k never lowers the bar.
  return Math.min(MAX_THRESHOLD, Math.max(MIN_THRESHOLD, Math.ceil(k)));
}

/** A new array with the items in uniformly random order (Fisher–Yates); `random` defaults to node:crypto, never Math.random. */
export function shuffle<T>(items: readonly T[], random?: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = random === undefined ? randomInt(i + 1) : Math.min(i, Math.floor(random() * (i + 1)));
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}

/** Rounds to one decimal, without a negative zero. */
function oneDecimal(value: number): number {
  return Math.round(value * 10) / 10 + 0;
}

function isScore(score: number | null): score is number {
  return score !== null && Number.isInteger(score) && score >= 1 && score <= 10;
}

function scoresOf(facts: RoundFacts, questionId: string): number[] {
  // One pass, no array per answer: a trend runs this over every answer of every round it shows.
  const scores: number[] = [];
  for (const r of facts.responses) if (r.questionId === questionId && isScore(r.score)) scores.push(r.score);
  return scores;
}

function averageOf(scores: readonly number[]): number {
  // Scores are whole numbers, so 10·sum/n is one exact division and rounds once.
  const sum = scores.reduce((a, b) => a + b, 0);
  return Math.round((sum * 10) / scores.length) / 10;
}

function redactedComments(facts: RoundFacts, questionId: string): string[] {
  return facts.responses
    .filter((r) => r.questionId === questionId && r.comment !== null)
    .map((r) => redactComment(r.comment ?? ''))
    .filter((c) => c !== '');
}

interface MoodFacts {
  respondents: number;
  rate: number;
  scores: number[];
  average: number;
}

/**
 * The mood aggregate when the round met k, else null. Both the repository's count of distinct
 * respondents and the score rows must reach k: if they ever disagree, the smaller one decides.
 */
function mood(facts: RoundFacts, k: number): MoodFacts | null {
  const scores = scoresOf(facts, MOOD_QUESTION_ID);
  if (facts.respondents < k || scores.length < k) return null;
  const respondents = facts.respondents;
  const rate = Math.min(1, respondents / Math.max(facts.invited, respondents));
  return { respondents, rate, scores, average: averageOf(scores) };
}

function summarizeQuestion(
  facts: RoundFacts,
  question: QuestionDef,
  k: number,
  random: (() => number) | undefined,
): QuestionSummary {
  const { id, text } = question;
  if (question.kind === 'scale') {
    const scores = scoresOf(facts, id);
    if (scores.length < k) return { id, text, kind: 'scale', withheld: true, needed: k };
    return { id, text, kind: 'scale', average: averageOf(scores), respondents: scores.length };
  }
  const answers = redactedComments(facts, id);
  if (answers.length < k) return { id, text, kind: 'text', withheld: true, needed: k };
  return { id, text, kind: 'text', answers: shuffle(answers, random) };
}

/** The round's anonymized summary: every aggregate met k on its own, or the round is withheld with nothing derived from its answers. */
export function summarizeRound(facts: RoundFacts, opts: SummaryOptions): RoundSummary {
  const k = clampThreshold(opts.threshold);
  const current = mood(facts, k);
  if (current === null)
    return { kind: 'withheld', roundId: facts.roundId, period: facts.period, closesAt: facts.closesAt, needed: k };

  const histogram = Array.from({ length: 10 }, () => 0);
  for (const score of current.scores) histogram[score - 1] = (histogram[score - 1] ?? 0) + 1;
  const sum = (from: number, to: number): number => histogram.slice(from - 1, to).reduce((a, b) => a + b, 0);

  const previous = opts.previous ? mood(opts.previous, k) : null;
  const comments = redactedComments(facts, MOOD_QUESTION_ID);
  return {
    kind: 'summary',
    roundId: facts.roundId,
    period: facts.period,
    closesAt: facts.closesAt,
    threshold: k,
    invited: facts.invited,
    away: facts.away ?? 0,
    respondents: current.respondents,
    responseRate: current.rate,
    average: current.average,
    // From the two rounded averages, so the arrow agrees with the numbers a reader sees.
    change: previous === null ? null : oneDecimal(current.average - previous.average),
    distribution: { low: sum(1, 4), mid: sum(5, 7), high: sum(8, 10) },
    histogram,
    questions: opts.questions
      .filter((q) => q.id !== MOOD_QUESTION_ID)
      .map((q) => summarizeQuestion(facts, q, k, opts.random)),
    comments: shuffle(comments, opts.random),
    themes: extractThemes(comments),
  };
}

/** One point per whole round, oldest first: its mood average and response rate, or nulls where the round is below k. */
export function trend(rounds: readonly RoundFacts[], threshold: number): TrendPoint[] {
  const k = clampThreshold(threshold);
  const ordered = [...rounds].sort(
    (a, b) => a.closesAt.getTime() - b.closesAt.getTime() || (a.period < b.period ? -1 : a.period > b.period ? 1 : 0),
  );
  return ordered.map((round) => {
    const point = mood(round, k);
    return {
      roundId: round.roundId,
      period: round.period,
      average: point?.average ?? null,
      responseRate: point?.rate ?? null,
    };
  });
}
