/** Kudos, shout-outs and digests: public recognition, idempotent by key, limited per giver and day. */
import { and, asc, desc, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import type { Kudos } from '../../core/model';
import type { KudosRepository } from '../../core/ports';
import type { Database } from '../client';
import { kudos, kudosDigests, kudosNotices, shoutouts } from '../schema';

const toKudos = (row: typeof kudos.$inferSelect): Kudos => ({
  id: row.id,
  workspaceId: row.workspaceId,
  giver: row.giver,
  recipient: row.recipient,
  shoutoutKey: row.shoutoutKey,
  emoji: row.emoji,
  reason: row.reason,
  values: row.values,
  tags: row.tags,
  givenAt: row.givenAt,
});

const live = (workspaceId: string) => and(eq(kudos.workspaceId, workspaceId), isNull(kudos.revokedAt));
/** People who asked to be forgotten stay out of rankings and digests. */
const known = (column: typeof kudos.giver | typeof kudos.recipient) => sql`${column} not like 'forgotten:%'`;

/** The PostgreSQL KudosRepository. */
export function createKudosRepository(db: Database): KudosRepository {
  return {
    async give(input) {
      return db.transaction(async (tx) => {
        // Serialize one giver's day: two reactions at once must not both slip under the limit.
        await tx.execute(
          sql`select pg_advisory_xact_lock(hashtextextended(${`kudos:${input.workspaceId}:${input.giver}:${input.giverDate}`}, 0))`,
        );
        const [existing] = await tx
          .select({ id: kudos.id, revokedAt: kudos.revokedAt })
          .from(kudos)
          .where(
            and(
              eq(kudos.workspaceId, input.workspaceId),
              eq(kudos.giver, input.giver),
              eq(kudos.sourceKey, input.sourceKey),
              eq(kudos.recipient, input.recipient),
            ),
          );
        if (existing && existing.revokedAt === null) return 'duplicate';
        const [counted] = await tx
          .select({ n: sql<number>`count(*)::int` })
          .from(kudos)
          .where(and(live(input.workspaceId), eq(kudos.giver, input.giver), eq(kudos.giverDate, input.giverDate)));
        if ((counted?.n ?? 0) >= input.limit) return 'limit';
        if (existing) {
          // Given, taken back, given again: the same kudos comes back to life.
          await tx
            .update(kudos)
            .set({ revokedAt: null, givenAt: input.givenAt, giverDate: input.giverDate })
            .where(eq(kudos.id, existing.id));
          return 'given';
        }
        const inserted = await tx
          .insert(kudos)
          .values({
            workspaceId: input.workspaceId,
            giver: input.giver,
            recipient: input.recipient,
            sourceKey: input.sourceKey,
            shoutoutKey: input.shoutoutKey,
            emoji: input.emoji,
            reason: input.reason,
            values: input.values,
            tags: input.tags,
            giverDate: input.giverDate,
            givenAt: input.givenAt,
          })
          .onConflictDoNothing()
          .returning({ id: kudos.id });
        return inserted.length > 0 ? 'given' : 'duplicate';
      });
    },

    async revoke(workspaceId, giver, sourceKey, at) {
      const rows = await db
        .update(kudos)
        .set({ revokedAt: at })
        .where(and(live(workspaceId), eq(kudos.giver, giver), eq(kudos.sourceKey, sourceKey)))
        .returning({ key: kudos.shoutoutKey });
      return rows[0]?.key ?? null;
    },

    async countGiven(workspaceId, giver, giverDate) {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(kudos)
        .where(and(live(workspaceId), eq(kudos.giver, giver), eq(kudos.giverDate, giverDate)));
      return row?.n ?? 0;
    },

    async listForShoutout(workspaceId, shoutoutKey) {
      const rows = await db
        .select()
        .from(kudos)
        .where(and(live(workspaceId), eq(kudos.shoutoutKey, shoutoutKey)))
        .orderBy(asc(kudos.givenAt), asc(kudos.seq));
      return rows.map(toKudos);
    },

    async markLimitNotice(workspaceId, giver, giverDate) {
      const rows = await db
        .insert(kudosNotices)
        .values({ workspaceId, giver, giverDate })
        .onConflictDoNothing()
        .returning({ giver: kudosNotices.giver });
      return rows.length > 0;
    },

    async leaderboard(workspaceId, since, top) {
      const recent = and(live(workspaceId), gte(kudos.givenAt, since));
      const givenBy = and(recent, known(kudos.giver));
      const givenTo = and(recent, known(kudos.recipient));
      const count = sql<number>`count(*)::int`;
      // How often each element of a tag column was used; values and free tags are two columns, counted apart.
      const tagCounts = async (column: typeof kudos.values | typeof kudos.tags) => {
        const rows = await db.execute<{ tag: string; count: number }>(sql`
          select t as tag, count(*)::int as count from ${kudos}, unnest(${column}) as t
          where ${kudos.workspaceId} = ${workspaceId} and ${kudos.revokedAt} is null and ${kudos.givenAt} >= ${since}
          group by t order by count(*) desc, t limit ${top}`);
        return rows.rows.map((r) => ({ tag: r.tag, count: Number(r.count) }));
      };
      const [givers, receivers, values, tags] = await Promise.all([
        db
          .select({ user: kudos.giver, count })
          .from(kudos)
          .where(givenBy)
          .groupBy(kudos.giver)
          .orderBy(desc(count), asc(kudos.giver))
          .limit(top),
        db
          .select({ user: kudos.recipient, count })
          .from(kudos)
          .where(givenTo)
          .groupBy(kudos.recipient)
          .orderBy(desc(count), asc(kudos.recipient))
          .limit(top),
        tagCounts(kudos.values),
        tagCounts(kudos.tags),
      ]);
      return { givers, receivers, values: values.map((v) => ({ value: v.tag, count: v.count })), tags };
    },

    async receivedBy(workspaceId, users, since) {
      if (users.length === 0) return [];
      const rows = await db
        .select({
          user: kudos.recipient,
          count: sql<number>`count(*)::int`,
          reasons: sql<string[]>`(array_remove(array_agg(${kudos.reason} order by ${kudos.givenAt} desc), null))[1:3]`,
        })
        .from(kudos)
        .where(and(live(workspaceId), gte(kudos.givenAt, since), inArray(kudos.recipient, users)))
        .groupBy(kudos.recipient)
        .orderBy(desc(sql`count(*)`), asc(kudos.recipient));
      return rows.map((r) => ({ user: r.user, count: r.count, reasons: r.reasons ?? [] }));
    },

    async claimShoutout(workspaceId, shoutoutKey) {
      const inserted = await db
        .insert(shoutouts)
        .values({ workspaceId, shoutoutKey })
        .onConflictDoNothing()
        .returning({ key: shoutouts.shoutoutKey });
      if (inserted.length > 0) return { state: 'claimed' };
      const [row] = await db
        .select()
        .from(shoutouts)
        .where(and(eq(shoutouts.workspaceId, workspaceId), eq(shoutouts.shoutoutKey, shoutoutKey)));
      if (row?.state === 'posted' && row.channelId && row.messageId)
        return { state: 'posted', ref: { channelId: row.channelId, messageId: row.messageId } };
      return { state: 'posting', since: row?.createdAt ?? new Date(0) };
    },

    async markShoutoutPosted(workspaceId, shoutoutKey, ref) {
      await db
        .update(shoutouts)
        .set({ state: 'posted', channelId: ref.channelId, messageId: ref.messageId })
        .where(and(eq(shoutouts.workspaceId, workspaceId), eq(shoutouts.shoutoutKey, shoutoutKey)));
    },

    async releaseShoutout(workspaceId, shoutoutKey) {
      await db
        .delete(shoutouts)
        .where(
          and(
            eq(shoutouts.workspaceId, workspaceId),
            eq(shoutouts.shoutoutKey, shoutoutKey),
            eq(shoutouts.state, 'posting'),
          ),
        );
    },

    async claimDigest(teamId, period) {
      const rows = await db
        .insert(kudosDigests)
        .values({ teamId, period, postedAt: new Date() })
        .onConflictDoNothing()
        .returning({ teamId: kudosDigests.teamId });
      return rows.length > 0;
    },
  };
}
