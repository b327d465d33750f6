/** Customer signals (CSAT/NPS per team and day), upserted in one transaction per batch. */
import { and, asc, gte, inArray, lte, eq, sql } from 'drizzle-orm';
import type { SignalRepository } from '../../core/ports';
import type { CustomerSignal } from '../../core/signals';
import type { Database } from '../client';
import { customerSignals, teams } from '../schema';

/** Rows per insert statement: well under PostgreSQL's 65535 bind parameters. */
const CHUNK = 1000;

/** The PostgreSQL SignalRepository. */
export function createSignalRepository(db: Database): SignalRepository {
  // Every trend reads its days' figures: prepared once per connection.
  const teamDays = db
    .select()
    .from(customerSignals)
    .where(
      and(
        eq(customerSignals.teamId, sql.placeholder('teamId')),
        gte(customerSignals.day, sql.placeholder('from')),
        lte(customerSignals.day, sql.placeholder('to')),
      ),
    )
    .orderBy(asc(customerSignals.day), asc(customerSignals.at))
    .prepare('symmetry_signals_team_days');

  return {
    async teamsByChannel(channelIds) {
      const out = new Map<string, string[]>();
      const ids = [...new Set(channelIds)];
      if (ids.length === 0) return out;
      const rows = await db
        .select({ id: teams.id, channelId: teams.channelId })
        .from(teams)
        .where(inArray(teams.channelId, ids));
      for (const row of rows) out.set(row.channelId, [...(out.get(row.channelId) ?? []), row.id]);
      return out;
    },

    async upsertMany(signals) {
      if (signals.length === 0) return 0;
      // The last of several rows with one key wins, as if they had been sent one after the other
      // (PostgreSQL refuses one statement that touches a row twice).
      const byKey = new Map<string, CustomerSignal>();
      for (const s of signals) byKey.set(`${s.teamId}|${s.metric}|${s.source}|${s.day}`, s);
      const rows = [...byKey.values()];
      await db.transaction(async (tx) => {
        for (let i = 0; i < rows.length; i += CHUNK) {
          await tx
            .insert(customerSignals)
            .values(
              rows.slice(i, i + CHUNK).map((s) => ({
                teamId: s.teamId,
                metric: s.metric,
                value: s.value,
                responses: s.responses,
                at: s.at,
                day: s.day,
                source: s.source,
              })),
            )
            .onConflictDoUpdate({
              target: [customerSignals.teamId, customerSignals.metric, customerSignals.source, customerSignals.day],
              set: {
                value: sql`excluded.value`,
                responses: sql`excluded.responses`,
                at: sql`excluded.at`,
                updatedAt: sql`now()`,
              },
            });
        }
      });
      return rows.length;
    },

    async listForTeam(teamId, fromDay, toDay) {
      const rows = await teamDays.execute({ teamId, from: fromDay, to: toDay });
      return rows.map((r) => ({
        teamId: r.teamId,
        metric: r.metric,
        value: r.value,
        responses: r.responses,
        at: r.at,
        day: r.day,
        source: r.source,
      }));
    },
  };
}
