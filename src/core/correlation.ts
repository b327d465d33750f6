/**
 * Team mood beside customer satisfaction: Pearson's r with its 95% interval, at the one lag the team chose
 * beforehand (the same round, or customers one round later). Only that lag is computed, so the reading can never
 * be the better-looking of two.
 */
import type { SymmetryLag } from './model';
import { correlate, type Correlation } from './stats';

/** Paired rounds needed before any correlation is shown: with fewer, the 95% interval spans nearly −1 … 1. */
export const MIN_ROUNDS_FOR_CORRELATION = 6;

export interface SymmetryPoint {
  /** Team mood of a whole round (null when the round was under the threshold). */
  mood: number | null;
  /** Customer satisfaction for the same period (null when none was reported). */
  customer: number | null;
}

export interface SymmetryReading {
  /** The lag the reading pairs rounds at (the team's setting). */
  lag: SymmetryLag;
  /** Pairs at that lag: a round's mood with the customer figure of the same or the next round. */
  paired: number;
  /** How many more paired rounds are needed before r is shown (0 when enough). */
  roundsNeeded: number;
  /** r, its 95% interval and evidence; null until there are enough pairs. */
  correlation: Correlation | null;
}

/** Reads a series of rounds (oldest first) at the given lag: each round's mood with the customers `lag` rounds later. */
export function readSymmetry(points: readonly SymmetryPoint[], lag: SymmetryLag): SymmetryReading {
  const moods: number[] = [];
  const customers: number[] = [];
  for (let i = 0; i + lag < points.length; i += 1) {
    const mood = points[i]!.mood;
    const customer = points[i + lag]!.customer;
    if (mood === null || customer === null) continue;
    moods.push(mood);
    customers.push(customer);
  }
  const paired = moods.length;
  return {
    lag,
    paired,
    roundsNeeded: Math.max(0, MIN_ROUNDS_FOR_CORRELATION - paired),
    correlation: paired >= MIN_ROUNDS_FOR_CORRELATION ? correlate(moods, customers) : null,
  };
}
