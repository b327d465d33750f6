/** Seeds closed rounds with mood answers straight into the database, for symmetry tests. */
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';

const WEEK = 7 * 86_400_000;

export interface SeededRound {
  id: string;
  opensAt: Date;
  closesAt: Date;
}

/** Five mood scores (1–10, whole) whose average is exactly `average` (a multiple of 0.2). */
export function scoresFor(average: number): number[] {
  const sum = Math.round(average * 5);
  const base = Math.floor(sum / 5);
  const extra = sum - base * 5;
  return [...Array.from({ length: 5 - extra }, () => base), ...Array.from({ length: extra }, () => base + 1)];
}

/**
 * One closed weekly round per mood (oldest first), the last closing a day before `now`: five
 * respondents with scores averaging the mood, or two (under any k) where the mood is null.
 * `now` is the test's own clock (no default: a seed placed by the wall clock moves with the hour the test runs).
 */
export async function seedClosedRounds(
  pool: Pool,
  teamId: string,
  moods: Array<number | null>,
  now: Date,
): Promise<SeededRound[]> {
  const out: SeededRound[] = [];
  for (const [i, mood] of moods.entries()) {
    const closesAt = new Date(now.getTime() - 86_400_000 - (moods.length - 1 - i) * WEEK);
    const opensAt = new Date(closesAt.getTime() - 2 * 86_400_000);
    const { rows } = await pool.query<{ id: string }>(
      `insert into rounds (team_id, period, kind, opens_at, closes_at, status, closed_at, summary_state)
       values ($1, $2, 'scheduled', $3, $4, 'closed', $4, 'posted') returning id`,
      [teamId, `seed-${randomUUID()}`, opensAt, closesAt],
    );
    const id = rows[0]!.id;
    const scores = mood === null ? [7, 7] : scoresFor(mood);
    for (const score of scores) {
      await pool.query(
        `insert into responses (round_id, team_id, question_id, respondent_hash, score) values ($1, $2, 'mood', $3, $4)`,
        [id, teamId, randomUUID(), score],
      );
    }
    out.push({ id, opensAt, closesAt });
  }
  return out;
}
