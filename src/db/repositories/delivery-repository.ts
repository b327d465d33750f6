/** Deliveries: who was asked in which round, and how far their DM got. Never what they answered. */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, getTableColumns, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { DeliveryCounts, DeliveryRepository } from '../../core/ports';
import type { Database } from '../client';
import { deliveries, members, rounds, teams, workspaces } from '../schema';
import { toDelivery, toMember, toRound, toTeam, toWorkspace, uuidArray, uuidArrayPlaceholder, isUuid } from './rows';

/** The PostgreSQL DeliveryRepository. */
export function createDeliveryRepository(db: Database): DeliveryRepository {
  // Every summary and trend counts its rounds' deliveries: prepared once per connection.
  const roundCounts = db
    .select({
      roundId: deliveries.roundId,
      // Someone away was not asked: not in the response rate's denominator, counted apart.
      total: sql<number>`(count(*) filter (where ${deliveries.state} <> 'away'))::int`,
      answered: sql<number>`count(${deliveries.answeredAt})::int`,
      away: sql<number>`(count(*) filter (where ${deliveries.state} = 'away'))::int`,
    })
    .from(deliveries)
    .where(sql`${deliveries.roundId} = any(${uuidArrayPlaceholder('ids')})`)
    .groupBy(deliveries.roundId)
    .prepare('symmetry_round_counts');

  async function countForRounds(roundIds: readonly string[]): Promise<Map<string, DeliveryCounts>> {
    const ids = [...new Set(roundIds)];
    const counts = new Map(ids.map((id) => [id, { total: 0, answered: 0, away: 0 }]));
    if (ids.length === 0) return counts;
    const rows = await roundCounts.execute({ ids });
    for (const { roundId, total, answered, away } of rows) counts.set(roundId, { total, answered, away });
    return counts;
  }

  // Every DM and every answer runs these: prepared once per connection, PostgreSQL parses and plans them once.
  // The member's workspace is the team's (members are synced from the team's channel), so one join reads all five.
  const contextById = db
    .select({ delivery: deliveries, round: rounds, team: teams, member: members, workspace: workspaces })
    .from(deliveries)
    .innerJoin(rounds, eq(rounds.id, deliveries.roundId))
    .innerJoin(teams, eq(teams.id, rounds.teamId))
    .innerJoin(workspaces, eq(workspaces.id, teams.workspaceId))
    .innerJoin(members, eq(members.id, deliveries.memberId))
    .where(eq(deliveries.id, sql.placeholder('id')))
    .prepare('symmetry_delivery_context');
  // A batched delivery belongs to its batch's job: a per-delivery job never claims it.
  const claimForSending = db
    .update(deliveries)
    .set({ state: 'sending' })
    .where(and(eq(deliveries.id, sql.placeholder('id')), eq(deliveries.state, 'pending'), isNull(deliveries.batch)))
    .returning({ id: deliveries.id })
    .prepare('symmetry_delivery_claim');
  const recordSent = db
    .update(deliveries)
    .set({
      state: 'sent',
      channelId: sql`${sql.placeholder('channelId')}`,
      messageId: sql`${sql.placeholder('messageId')}`,
      sentAt: sql`${sql.placeholder('at')}::timestamptz`,
    })
    .where(eq(deliveries.id, sql.placeholder('id')))
    .prepare('symmetry_delivery_sent');

  return {
    async ensureMany(roundId, memberIds, batchSize) {
      if (memberIds.length === 0) return [];
      // Sorted so concurrent calls take row locks in one order; the ids travel as one uuid[]
      // parameter, so a channel of thousands is a single INSERT and a single SELECT.
      const ids = [...new Set(memberIds)].sort();
      if (batchSize) {
        // New deliveries are born in their batches: chunks of batchSize, each labelled with its first delivery's id.
        const deliveryIds = ids.map(() => randomUUID());
        const labels = deliveryIds.map((_, i) => deliveryIds[i - (i % batchSize)]!);
        await db.execute(sql`
          insert into deliveries (id, round_id, member_id, batch)
          select d.id, ${roundId}::uuid, d.member_id, d.batch
          from unnest(${uuidArray(deliveryIds)}, ${uuidArray(ids)}, ${uuidArray(labels)}) as d(id, member_id, batch)
          on conflict (round_id, member_id) do nothing`);
      } else {
        await db.execute(sql`
          insert into deliveries (round_id, member_id)
          select ${roundId}::uuid, id from unnest(${uuidArray(ids)}) as id
          on conflict (round_id, member_id) do nothing`);
      }
      const rows = await db
        .select()
        .from(deliveries)
        .where(and(eq(deliveries.roundId, roundId), sql`${deliveries.memberId} = any(${uuidArray(ids)})`));
      const byMember = new Map(rows.map((r) => [r.memberId, toDelivery(r)]));
      return ids.flatMap((id) => byMember.get(id) ?? []);
    },

    async findById(id) {
      if (!isUuid(id)) return null;
      const [row] = await db.select().from(deliveries).where(eq(deliveries.id, id));
      return row ? toDelivery(row) : null;
    },

    async findWithContext(id) {
      if (!isUuid(id)) return null;
      const [row] = await contextById.execute({ id });
      return row
        ? {
            delivery: toDelivery(row.delivery),
            round: toRound(row.round),
            team: toTeam(row.team),
            member: toMember(row.member),
            workspace: toWorkspace(row.workspace),
          }
        : null;
    },

    async listForMember(memberId, limit) {
      const rows = await db
        .select(getTableColumns(deliveries))
        .from(deliveries)
        .innerJoin(rounds, eq(rounds.id, deliveries.roundId))
        .where(eq(deliveries.memberId, memberId))
        .orderBy(desc(rounds.opensAt))
        .limit(limit);
      return rows.map(toDelivery);
    },

    async markSending(id) {
      // The compare-and-set that keeps one DM per (round, member) whatever retries happen.
      const rows = await claimForSending.execute({ id });
      return rows.length > 0;
    },

    async markSent(id, ref, at) {
      await recordSent.execute({ id, channelId: ref.channelId, messageId: ref.messageId, at });
    },

    async assignBatches(ids, size) {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return [];
      // Chunks of `size` in id order, each labelled with its first delivery's id. `batch is null` makes it
      // once-only: a concurrent call blocks on the row, then finds it batched and leaves it.
      const todo = await db
        .select({ id: deliveries.id })
        .from(deliveries)
        .where(
          and(
            sql`${deliveries.id} = any(${uuidArray(unique)})`,
            eq(deliveries.state, 'pending'),
            isNull(deliveries.batch),
          ),
        )
        .orderBy(asc(deliveries.id));
      const labels = todo.map((_, i) => todo[i - (i % size)]!.id);
      if (todo.length > 0) {
        await db.execute(sql`
          update deliveries d set batch = v.batch
          from (select unnest(${uuidArray(todo.map((t) => t.id))}) as id, unnest(${uuidArray(labels)}) as batch) v
          where d.id = v.id and d.batch is null and d.state = 'pending'`);
      }
      const rows = await db
        .selectDistinct({ batch: deliveries.batch })
        .from(deliveries)
        .where(
          and(
            sql`${deliveries.id} = any(${uuidArray(unique)})`,
            inArray(deliveries.state, ['pending', 'sending']),
            isNotNull(deliveries.batch),
          ),
        );
      return rows.map((r) => r.batch!).sort();
    },

    async loadBatch(batch) {
      if (!isUuid(batch)) return null;
      const rows = await db
        .select({ delivery: deliveries, member: members })
        .from(deliveries)
        .innerJoin(members, eq(members.id, deliveries.memberId))
        .where(and(eq(deliveries.batch, batch), inArray(deliveries.state, ['pending', 'sending'])))
        .orderBy(asc(deliveries.id));
      if (rows.length === 0) return null;
      // A batch is cut from one round's deliveries; the members' workspace is the team's.
      const [context] = await db
        .select({ round: rounds, team: teams, workspace: workspaces })
        .from(rounds)
        .innerJoin(teams, eq(teams.id, rounds.teamId))
        .innerJoin(workspaces, eq(workspaces.id, teams.workspaceId))
        .where(eq(rounds.id, rows[0]!.delivery.roundId));
      if (!context) return null;
      return {
        round: toRound(context.round),
        team: toTeam(context.team),
        workspace: toWorkspace(context.workspace),
        deliveries: rows.map((r) => ({ delivery: toDelivery(r.delivery), member: toMember(r.member) })),
      };
    },

    async claimBatch(batch, ids) {
      if (ids.length === 0) return [];
      const rows = await db
        .update(deliveries)
        .set({ state: 'sending' })
        .where(
          and(
            eq(deliveries.batch, batch),
            sql`${deliveries.id} = any(${uuidArray([...ids])})`,
            eq(deliveries.state, 'pending'),
          ),
        )
        .returning({ id: deliveries.id });
      return rows.map((r) => r.id);
    },

    async markSentMany(sent, at) {
      if (sent.length === 0) return;
      await db.execute(sql`
        update deliveries d set state = 'sent', channel_id = v.channel_id, message_id = v.message_id, sent_at = ${at.toISOString()}::timestamptz
        from (select unnest(${uuidArray(sent.map((s) => s.id))}) as id,
                     unnest(${sql.param(sent.map((s) => s.ref.channelId))}::text[]) as channel_id,
                     unnest(${sql.param(sent.map((s) => s.ref.messageId))}::text[]) as message_id) v
        where d.id = v.id`);
    },

    async releaseMany(ids, statusRead = []) {
      if (ids.length === 0) return;
      await db
        .update(deliveries)
        .set({
          state: 'pending',
          ...(statusRead.length > 0
            ? { statusRead: sql`${deliveries.statusRead} or ${deliveries.id} = any(${uuidArray([...statusRead])})` }
            : {}),
        })
        .where(and(sql`${deliveries.id} = any(${uuidArray([...ids])})`, eq(deliveries.state, 'sending')));
    },

    async failBatch(batch) {
      await db
        .update(deliveries)
        .set({ state: 'failed' })
        .where(and(eq(deliveries.batch, batch), inArray(deliveries.state, ['pending', 'sending'])));
    },

    async releaseSending(id, statusRead = false) {
      await db
        .update(deliveries)
        .set({ state: 'pending', ...(statusRead ? { statusRead: true } : {}) })
        .where(and(eq(deliveries.id, id), eq(deliveries.state, 'sending')));
    },

    async markFailed(id) {
      // A DM that reached the person stays 'sent', whatever a late retry reports.
      await db
        .update(deliveries)
        .set({ state: 'failed' })
        .where(and(eq(deliveries.id, id), inArray(deliveries.state, ['pending', 'sending'])));
    },

    async markAway(id, away) {
      await db
        .update(deliveries)
        .set({ state: 'away', awayReason: away.reason, awayUntil: away.until, statusRead: away.statusRead })
        .where(and(eq(deliveries.id, id), eq(deliveries.state, 'sending')));
    },

    async returnFromAway(workspaceId, now, limit) {
      // A fresh batch each: the old batch's job id may still be kept (completed jobs dedupe for an hour).
      const at = now.toISOString();
      const rows = await db.execute<{ id: string }>(sql`
        update deliveries d set state = 'pending', batch = gen_random_uuid()
        where d.id in (
          select d2.id from deliveries d2
          join rounds r on r.id = d2.round_id
          join teams t on t.id = r.team_id
          join members m on m.id = d2.member_id
          where t.workspace_id = ${workspaceId}::uuid
            and d2.state = 'away' and r.status = 'open' and r.closes_at > ${at}::timestamptz
            and ((d2.away_reason = 'self' and (m.away_until is null or m.away_until <= ${at}::timestamptz))
              or (d2.away_reason = 'status' and d2.away_until is not null and d2.away_until <= ${at}::timestamptz))
          order by d2.id
          limit ${limit}
          for update of d2 skip locked)
          and d.state = 'away'
        returning d.id`);
      const ids = rows.rows.map((r) => r.id);
      if (ids.length === 0) return [];
      const back = await db
        .select()
        .from(deliveries)
        .where(sql`${deliveries.id} = any(${uuidArray(ids)})`);
      return back.map(toDelivery);
    },

    async markReminded(id, at) {
      const rows = await db
        .update(deliveries)
        .set({ remindedAt: at })
        .where(and(eq(deliveries.id, id), isNull(deliveries.remindedAt)))
        .returning({ id: deliveries.id });
      return rows.length > 0;
    },

    async listUnsent(workspaceId, limit) {
      const rows = await db
        .select(getTableColumns(deliveries))
        .from(deliveries)
        .innerJoin(rounds, eq(rounds.id, deliveries.roundId))
        .innerJoin(teams, eq(teams.id, rounds.teamId))
        .innerJoin(workspaces, eq(workspaces.id, teams.workspaceId))
        .where(
          and(
            eq(teams.workspaceId, workspaceId),
            inArray(deliveries.state, ['pending', 'sending']),
            eq(rounds.status, 'open'),
            isNull(workspaces.uninstalledAt),
          ),
        )
        .orderBy(asc(deliveries.createdAt), asc(deliveries.id))
        .limit(limit);
      return rows.map(toDelivery);
    },

    async listDueForReminder(workspaceId, now, limit) {
      // reminderHours lives in the team's settings jsonb; a JSON null (no reminders) reads as SQL null.
      const reminderHours = sql`(${teams.settings} ->> 'reminderHours')::float8`;
      const rows = await db
        .select(getTableColumns(deliveries))
        .from(deliveries)
        .innerJoin(rounds, eq(rounds.id, deliveries.roundId))
        .innerJoin(teams, eq(teams.id, rounds.teamId))
        .innerJoin(workspaces, eq(workspaces.id, teams.workspaceId))
        .where(
          and(
            isNull(workspaces.uninstalledAt),
            eq(teams.workspaceId, workspaceId),
            eq(deliveries.state, 'sent'),
            isNull(deliveries.answeredAt),
            isNull(deliveries.remindedAt),
            eq(rounds.status, 'open'),
            sql`${reminderHours} is not null`,
            sql`${deliveries.sentAt} <= ${now.toISOString()}::timestamptz - ${reminderHours} * interval '1 hour'`,
          ),
        )
        .orderBy(asc(deliveries.sentAt), asc(deliveries.id))
        .limit(limit);
      return rows.map(toDelivery);
    },

    async countForRound(roundId) {
      return (await countForRounds([roundId])).get(roundId)!;
    },

    countForRounds,
  };
}
