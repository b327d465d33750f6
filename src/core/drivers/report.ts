/**
 * What managers see of drivers and eNPS, under the threshold rule of DESIGN.md: a driver item's
 * figure needs k scores of its own (one score per respondent per item, so k distinct people), a
 * driver's figure in a round is the mean of its items that reached k, and eNPS needs k answers.
 * Nothing under k is shown, not even how far it fell short.
 */
import type { Correlation } from '../stats';
import { driverAssociations, roundsNeeded } from '../stats';
import { rotationLength } from './rotation';
import { DRIVERS, driverOfQuestion, ENPS_QUESTION_ID, type DriverId } from './bank';

/** How many answers gave `score` to `questionId` (null: an answer without a score); a score may have several entries. */
export interface ScoreCount {
  questionId: string;
  score: number | null;
  n: number;
}

/** One closed round as the report reads it: what it asked and the scores given (no respondent, no comment). */
export interface DriverRoundFacts {
  roundId: string;
  closesAt: Date;
  /** The driver items the round asked (response question ids). */
  driverItems: readonly string[];
  enps: boolean;
  /** Every score of the round counted by question and score (mood included): a tally, not a list of answers. */
  scores: readonly ScoreCount[];
  /** The round's mood average when at least k people gave it; null under k. */
  mood: number | null;
}

/** eNPS of one round: shown (at least k answers) or withheld. */
export type EnpsReading =
  | { kind: 'withheld'; roundId: string }
  | {
      kind: 'shown';
      roundId: string;
      /** %promoters (9–10) − %detractors (0–6), rounded half away from zero: −100..+100. */
      score: number;
      promoters: number;
      passives: number;
      detractors: number;
      /** The mean answer, 0–10. */
      mean: number;
      respondents: number;
    };

/** A driver as its latest measurement shows it. */
export type DriverReading =
  | { driver: DriverId; state: 'off' }
  | { driver: DriverId; state: 'not_asked' }
  | { driver: DriverId; state: 'withheld' }
  | { driver: DriverId; state: 'shown'; score: number; change: number | null };

export interface DriversView {
  threshold: number;
  drivers: DriverReading[];
  /** The lowest one or two drivers and the strongest one; null with fewer than two drivers shown. */
  focus: { lowest: DriverId[]; strongest: DriverId } | null;
  /** Each driver beside the mood, same round (lag fixed at 0); null until a driver has MIN_ASSOCIATION_ROUNDS rounds. */
  associations: Array<{ driver: DriverId; correlation: Correlation }> | null;
  /** The latest eNPS round's reading; null when no round asked it. */
  enps: EnpsReading | null;
  /** Measured rounds a moderate link (r = 0.3, the upper range of published team-level effects) needs to show, and how often a driver is asked. */
  power: { rounds: number; every: number } | null;
}

/** The size of link the power line speaks of: moderate, within Harter et al.'s (2002) r = 0.2–0.35. */
const EXPECTED_R = 0.3;

/** A correlation is shown from this many rounds with both a driver score and a mood (below it, stats says "none"). */
export const MIN_ASSOCIATION_ROUNDS = 4;

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** eNPS of a set of 0–10 answers under threshold k. */
export function enpsOf(roundId: string, scores: readonly number[], threshold: number): EnpsReading {
  const valid = scores.filter((s) => Number.isInteger(s) && s >= 0 && s <= 10);
  if (valid.length < threshold || valid.length === 0) return { kind: 'withheld', roundId };
  const promoters = valid.filter((s) => s >= 9).length;
  const detractors = valid.filter((s) => s <= 6).length;
  const raw = ((promoters - detractors) * 100) / valid.length;
  return {
    kind: 'shown',
    roundId,
    score: Math.sign(raw) * Math.round(Math.abs(raw)) + 0,
    promoters,
    passives: valid.length - promoters - detractors,
    detractors,
    mean: mean(valid),
    respondents: valid.length,
  };
}

/** Each driver's score in one round: the mean of its items that reached k scores; absent when none did. */
export function driverScores(round: DriverRoundFacts, threshold: number): Partial<Record<DriverId, number>> {
  // Each item's number of scores and their sum (whole numbers: the sum, and so the mean, is exact).
  const byItem = new Map<string, { n: number; sum: number }>();
  for (const { questionId, score, n } of round.scores) {
    if (score === null || !Number.isInteger(score) || score < 1 || score > 10 || !(n > 0)) continue;
    if (!round.driverItems.includes(questionId)) continue;
    const item = byItem.get(questionId) ?? { n: 0, sum: 0 };
    item.n += n;
    item.sum += score * n;
    byItem.set(questionId, item);
  }
  const itemMeans = new Map<DriverId, number[]>();
  for (const [item, { n, sum }] of byItem) {
    const driver = driverOfQuestion(item);
    if (!driver || n < threshold) continue;
    itemMeans.set(driver, [...(itemMeans.get(driver) ?? []), sum / n]);
  }
  return Object.fromEntries([...itemMeans].map(([driver, means]) => [driver, mean(means)]));
}

/** The drivers a round asked. */
function askedDrivers(round: DriverRoundFacts): Set<DriverId> {
  return new Set(round.driverItems.map(driverOfQuestion).filter((d): d is DriverId => d !== null));
}

/** The latest reading of every driver, focus areas, driver–mood associations and eNPS, from closed rounds oldest first. */
export function buildDriversView(
  rounds: readonly DriverRoundFacts[],
  threshold: number,
  disabled: readonly string[],
): DriversView {
  const scored = rounds.map((r) => ({ round: r, asked: askedDrivers(r), scores: driverScores(r, threshold) }));
  const drivers: DriverReading[] = DRIVERS.map((driver) => {
    if (disabled.includes(driver)) return { driver, state: 'off' };
    const measured = scored.filter((s) => s.asked.has(driver));
    const latest = measured.at(-1);
    if (!latest) return { driver, state: 'not_asked' };
    const score = latest.scores[driver];
    if (score === undefined) return { driver, state: 'withheld' };
    const before = measured
      .slice(0, -1)
      .map((s) => s.scores[driver])
      .filter((s): s is number => s !== undefined)
      .at(-1);
    return { driver, state: 'shown', score, change: before === undefined ? null : score - before };
  });
  const shown = drivers
    .filter((d): d is Extract<DriverReading, { state: 'shown' }> => d.state === 'shown')
    .sort((a, b) => a.score - b.score || DRIVERS.indexOf(a.driver) - DRIVERS.indexOf(b.driver));
  const focus =
    shown.length < 2
      ? null
      : {
          lowest: shown.slice(0, shown.length >= 3 ? 2 : 1).map((d) => d.driver),
          strongest: shown.at(-1)!.driver,
        };
  const withMood = scored.filter((s) => s.round.mood !== null);
  const correlations = driverAssociations(withMood.map((s) => ({ mood: s.round.mood!, drivers: s.scores })));
  const enabled = DRIVERS.filter((d) => !disabled.includes(d));
  const associations = enabled.some((d) => (correlations[d]?.n ?? 0) >= MIN_ASSOCIATION_ROUNDS)
    ? enabled.flatMap((driver) => {
        const correlation = correlations[driver];
        return correlation ? [{ driver, correlation }] : [];
      })
    : null;
  const enpsRound = [...rounds].reverse().find((r) => r.enps);
  const enps = enpsRound
    ? enpsOf(
        enpsRound.roundId,
        enpsRound.scores.flatMap((s) =>
          s.questionId === ENPS_QUESTION_ID && s.score !== null ? Array<number>(Math.max(0, s.n)).fill(s.score) : [],
        ),
        threshold,
      )
    : null;
  const every = rotationLength(enabled.length);
  return {
    threshold,
    drivers,
    focus,
    associations,
    enps,
    power: every ? { rounds: roundsNeeded(EXPECTED_R), every } : null,
  };
}
