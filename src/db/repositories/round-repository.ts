/** Check-in rounds, unique per (team, period). */
import { and, asc, desc, eq, getTableColumns, lte, sql } from 'drizzle-orm';
import type { RoundRepository } from '../../core/ports';
import type { Database } from '../client';
import { responses, rounds, teams } from '../schema';
import { toRound, isUuid } from './rows';
import { roundTallyExpression } from '../round-tally';

/** The PostgreSQL RoundRepository. */
export function createRoundRepository(db: Database): RoundRepository {
  // Every summary, trend and chart starts here: prepared once per connection.
  const closedRounds = db
    .select()
    .from(rounds)
    .where(and(eq(rounds.teamId, sql.placeholder('teamId')), eq(rounds.status, 'closed')))
    .orderBy(desc(rounds.closesAt), desc(rounds.createdAt))
    .limit(sql.placeholder('limit'))
    .prepare('symmetry_rounds_closed');

  return {
    async ensure({ teamId, period, kind, opensAt, closesAt, questions, driverItems, enps }) {
      const [inserted] = await db
        .insert(rounds)
        .values({
          teamId,
          period,
          kind,
          opensAt,
          closesAt,
          questions: questions ?? [],
          driverItems: driverItems ?? [],
          enps: enps ?? false,
        })
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

    async bankFacts(teamId, quarter, history) {
      const [[row], recent] = await Promise.all([
        db
          .select({
            enpsAsked: sql<boolean>`coalesce(bool_or(${rounds.enps} and ${rounds.kind} = 'scheduled' and ${rounds.period} between ${quarter.from} and ${quarter.to}), false)`,
          })
          .from(rounds)
          .where(eq(rounds.teamId, teamId)),
        db
          .select({ driverItems: rounds.driverItems })
          .from(rounds)
          .where(eq(rounds.teamId, teamId))
          .orderBy(desc(rounds.opensAt), desc(rounds.id))
          .limit(history),
      ]);
      return { recentDriverItems: recent.map((r) => r.driverItems), enpsAsked: row?.enpsAsked ?? false };
    },

    async findById(id) {
      if (!isUuid(id)) return null;
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

    async listDueToClose(workspaceId, now) {
      const rows = await db
        .select(getTableColumns(rounds))
        .from(rounds)
        .innerJoin(teams, eq(teams.id, rounds.teamId))
        .where(and(eq(teams.workspaceId, workspaceId), eq(rounds.status, 'open'), lte(rounds.closesAt, now)))
        .orderBy(asc(rounds.closesAt));
      return rows.map(toRound);
    },

    async close(roundId, at) {
      return db.transaction(async (tx) => {
        // Conditional update: of two workers closing the same round, exactly one gets true.
        const rows = await tx
          .update(rounds)
          .set({ status: 'closed', closedAt: at })
          .where(and(eq(rounds.id, roundId), eq(rounds.status, 'open')))
          .returning({ id: rounds.id });
        if (rows.length === 0) return false;
        // Rewrite every response of the round in one statement, in hash order: afterwards no
        // row's transaction id (xmin) or place on disk tells when, or next to whose delivery, it was written.
        await tx.execute(sql`
          update ${responses} set score = r.score
          from (select round_id, question_id, respondent_hash, score from ${responses}
                where round_id = ${roundId} order by respondent_hash) r
          where ${responses.roundId} = r.round_id and ${responses.questionId} = r.question_id
            and ${responses.respondentHash} = r.respondent_hash`);
        // The tally, read after the status change: any answer saved before it has committed (a save holds the
        // open round FOR SHARE, which the update above waited for), and none can be saved from now on.
        await tx.execute(
          sql`update ${rounds} set tally = ${sql.raw(roundTallyExpression('rounds.id'))} where ${rounds.id} = ${roundId}`,
        );
        return true;
      });
    },

    async listClosed(teamId, limit) {
      if (!isUuid(teamId)) return [];
      return (await closedRounds.execute({ teamId, limit })).map(toRound);
    },

    async beginSummary(roundId) {
      const moved = await db
        .update(rounds)
        .set({ summaryState: 'posting' })
        .where(and(eq(rounds.id, roundId), eq(rounds.summaryState, 'pending')))
        .returning({ id: rounds.id });
      if (moved.length > 0) return 'pending';
      const [row] = await db.select({ state: rounds.summaryState }).from(rounds).where(eq(rounds.id, roundId));
      return row?.state ?? null;
    },

    async markSummaryPosted(roundId, ref) {
      await db
        .update(rounds)
        .set({ summaryState: 'posted', summaryChannelId: ref.channelId, summaryMessageId: ref.messageId })
        .where(eq(rounds.id, roundId));
    },
  };
}
