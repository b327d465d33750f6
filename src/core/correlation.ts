/** Team mood beside customer satisfaction: Pearson's r, at the same round and one round later. */

import { pearson } from './stats';

export { pearson };

/** Rounds needed before any correlation is reported: fewer pairs say nothing worth reading. */
export const MIN_ROUNDS_FOR_CORRELATION = 6;

export interface SymmetryPoint {
  /** Team mood of a whole round (null when the round was under the threshold). */
  mood: number | null;
  /** Customer satisfaction for the same period (null when none was reported). */
  customer: number | null;
}

export type Strength = 'none' | 'weak' | 'moderate' | 'strong';

export interface SymmetryReading {
  /** Rounds that have both a mood and a customer figure. */
  paired: number;
  /** r at the same round, and with customers one round later (null: undefined or too few rounds). */
  sameRound: number | null;
  nextRound: number | null;
  /** How many more paired rounds are needed before r is reported (0 when enough). */
  roundsNeeded: number;
  strength: Strength;
  direction: 'together' | 'opposite' | null;
}

/** Plain-words strength of |r| (Cohen's conventional cut-offs). */
export function strengthOf(r: number | null): Strength {
  if (r === null) return 'none';
  const a = Math.abs(r);
  return a >= 0.5 ? 'strong' : a >= 0.3 ? 'moderate' : a >= 0.1 ? 'weak' : 'none';
}

/** Reads a series of rounds (oldest first): r at the same round and with customers lagging one round. */
export function readSymmetry(points: readonly SymmetryPoint[]): SymmetryReading {
  const same = points.filter((p): p is { mood: number; customer: number } => p.mood !== null && p.customer !== null);
  const lagged: Array<[number, number]> = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const mood = points[i]!.mood;
    const customer = points[i + 1]!.customer;
    if (mood !== null && customer !== null) lagged.push([mood, customer]);
  }
  const enough = same.length >= MIN_ROUNDS_FOR_CORRELATION;
  const sameRound = enough
    ? pearson(
        same.map((p) => p.mood),
        same.map((p) => p.customer),
      )
    : null;
  const nextRound =
    lagged.length >= MIN_ROUNDS_FOR_CORRELATION
      ? pearson(
          lagged.map((p) => p[0]),
          lagged.map((p) => p[1]),
        )
      : null;
  // The reading leads with the stronger of the two relations.
  const lead = Math.abs(nextRound ?? 0) > Math.abs(sameRound ?? 0) ? nextRound : sameRound;
  return {
    paired: same.length,
    sameRound,
    nextRound,
    roundsNeeded: Math.max(0, MIN_ROUNDS_FOR_CORRELATION - same.length),
    strength: strengthOf(lead),
    direction: lead === null || strengthOf(lead) === 'none' ? null : lead > 0 ? 'together' : 'opposite',
  };
}
