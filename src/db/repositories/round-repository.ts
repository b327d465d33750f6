/** Check-in rounds, unique per (team, period). */
import { and, asc, desc, eq, lte } from 'drizzle-orm';
import type { RoundRepository } from '../../core/ports';
import type { Database } from '../client';
import { rounds } from '../schema';
import { toRound } from './rows';

/** The PostgreSQL RoundRepository. */
export function createRoundRepository(db: Database): RoundRepository {
  return {
    async ensure({ teamId, period, kind, opensAt, closesAt }) {
      const [inserted] = await db
        .insert(rounds)
        .values({ teamId, period, kind, opensAt, closesAt })
        .onConflictDoNothing({ target: [rounds.teamId, rounds.period] })
        .returning();
      if (inserted) return { round: toRound(inserted), created: true };
      // The conflicting insert has committed by now (ON CONFLICT waits for it), so it is visible.
      const [existing] = await db
        .select()
        .from(rounds)
        .where(and(eq(rounds.teamId, teamId), eq(rounds.period, period)));
      if (!existing) throw new Error(`round ${period} of team ${teamId} vanished during ensure`);
      return { round: toRound(existing), created: false };
    },

    async findById(id) {
      const [row] = await db.select().from(rounds).where(eq(rounds.id, id));
      return row ? toRound(row) : null;
    },

    async findOpen(teamId) {
      const [row] = await db
        .select()
        .from(rounds)
        .where(and(eq(rounds.teamId, teamId), eq(rounds.status, 'open')))
        .orderBy(desc(rounds.opensAt), desc(rounds.createdAt))
        .limit(1);
      return row ? toRound(row) : null;
    },

    async listDueToClose(now) {
      const rows = await db
        .select()
        .from(rounds)
        .where(and(eq(rounds.status, 'open'), lte(rounds.closesAt, now)))
        .orderBy(asc(rounds.closesAt));
      return rows.map(toRound);
    },

    async close(roundId, at) {
      // Conditional update: of two workers closing the same round, exactly one gets true.
      const rows = await db
        .update(rounds)
        .set({ status: 'closed', closedAt: at })
        .where(and(eq(rounds.id, roundId), eq(rounds.status, 'open')))
        .returning({ id: rounds.id });
      return rows.length > 0;
    },
  };
}
