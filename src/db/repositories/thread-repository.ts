/** Conversations on anonymous comments: each message in order, appended one at a time per comment. */
import { and, asc, eq, gte, inArray, isNotNull, like, lt, sql, type SQLWrapper } from 'drizzle-orm';
import type { CommentThread, QuickReply, ThreadReply } from '../../core/model';
import type { CommentThreadRepository } from '../../core/ports';
import type { Database } from '../client';
import { commentReplies, postedMessages, responses, rounds, teams } from '../schema';
import { isUuid, uuidArrayPlaceholder } from './rows';

type ReplyRow = typeof commentReplies.$inferSelect;

function toReply(row: ReplyRow): ThreadReply {
  return {
    id: row.id,
    commentId: row.commentId,
    position: row.position,
    fromAuthor: row.fromAuthor,
    managerId: row.managerId,
    text: row.text,
    quick: row.quick as QuickReply | null,
    revealedAs: row.revealedAs,
    state: row.state,
  };
}

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * Deletes the records of the thread DMs of these comments (Teams keeps one per DM, keyed `reply-<message>`
 * or `reply-<message>-<manager>`: see threadDmKey), before the messages themselves go.
 */
export async function deleteThreadPosts(tx: Tx, commentIds: SQLWrapper): Promise<void> {
  const messages = tx
    .select({ id: sql<string>`${commentReplies.id}::text` })
    .from(commentReplies)
    .where(inArray(commentReplies.commentId, commentIds));
  await tx
    .delete(postedMessages)
    .where(and(like(postedMessages.key, 'reply-%'), inArray(sql`substr(${postedMessages.key}, 7, 36)`, messages)));
}

/**
 * A manager's `/pulse forget-me`, for the threads of one workspace: their replies stay in the threads without their
 * id (read as "A manager"; the daily cap still counts them), and the records of the thread DMs sent to them
 * (keyed `reply-<message>-<manager>`) go.
 */
export async function forgetThreadManager(tx: Tx, workspaceId: string, platformUserId: string): Promise<void> {
  const workspaceTeams = tx.select({ id: teams.id }).from(teams).where(eq(teams.workspaceId, workspaceId));
  await tx
    .update(commentReplies)
    .set({ managerId: null })
    .where(and(inArray(commentReplies.teamId, workspaceTeams), eq(commentReplies.managerId, platformUserId)));
  // 'reply-' and the message's uuid and '-' are 43 characters: the manager's id starts at the 44th.
  await tx
    .delete(postedMessages)
    .where(
      and(
        eq(postedMessages.workspaceId, workspaceId),
        like(postedMessages.key, 'reply-%'),
        sql`substr(${postedMessages.key}, 44) = ${platformUserId}`,
      ),
    );
}

/** The PostgreSQL CommentThreadRepository. */
export function createThreadRepository(db: Database): CommentThreadRepository {
  /** Each comment's replies in thread order, from rows ordered by comment and position. */
  const byCommentOf = (rows: readonly ReplyRow[]): Map<string, ThreadReply[]> => {
    const byComment = new Map<string, ThreadReply[]>();
    for (const row of rows) {
      const replies = byComment.get(row.commentId) ?? [];
      replies.push(toReply(row));
      byComment.set(row.commentId, replies);
    }
    return byComment;
  };
  const inThreadOrder = [asc(commentReplies.commentId), asc(commentReplies.position)];
  const repliesOf = async (commentIds: string[]): Promise<Map<string, ThreadReply[]>> => {
    if (commentIds.length === 0) return new Map();
    return byCommentOf(
      await db
        .select()
        .from(commentReplies)
        .where(inArray(commentReplies.commentId, commentIds))
        .orderBy(...inThreadOrder),
    );
  };
  const comments = {
    commentId: responses.commentId,
    roundId: responses.roundId,
    teamId: responses.teamId,
    comment: responses.comment,
    authorSeal: responses.authorSeal,
  };
  // Every summary reads its rounds' comments and their replies, side by side (one wait, not two): prepared once per connection.
  const commentsOfRounds = and(
    sql`${responses.roundId} = any(${uuidArrayPlaceholder('ids')})`,
    isNotNull(responses.comment),
  );
  const roundComments = db
    .select(comments)
    .from(responses)
    .where(commentsOfRounds)
    .orderBy(asc(responses.commentId))
    .prepare('symmetry_round_comments');
  const roundReplies = db
    .select()
    .from(commentReplies)
    .where(
      inArray(commentReplies.commentId, db.select({ id: responses.commentId }).from(responses).where(commentsOfRounds)),
    )
    .orderBy(...inThreadOrder)
    .prepare('symmetry_round_replies');

  return {
    async find(commentId) {
      if (!isUuid(commentId)) return null;
      const [row] = await db
        .select(comments)
        .from(responses)
        .where(and(eq(responses.commentId, commentId), isNotNull(responses.comment)));
      if (!row) return null;
      return { ...row, comment: row.comment!, replies: (await repliesOf([commentId])).get(commentId) ?? [] };
    },

    async listForRounds(roundIds) {
      if (roundIds.length === 0) return [];
      const ids = [...new Set(roundIds)];
      const [rows, replyRows] = await Promise.all([roundComments.execute({ ids }), roundReplies.execute({ ids })]);
      const replies = byCommentOf(replyRows);
      return rows.map((r): CommentThread => ({
        commentId: r.commentId,
        roundId: r.roundId,
        teamId: r.teamId,
        comment: r.comment!,
        replies: replies.get(r.commentId) ?? [],
      }));
    },

    async add({ commentId, teamId, fromAuthor, managerId, text, quick, revealedAs, requestKey, sentAt, cap }) {
      return db.transaction(async (tx) => {
        // Locking the comment's row serializes its thread: positions, the request key and the daily cap are read and written as one.
        const locked = await tx.execute(
          sql`select 1 from ${responses} where ${responses.commentId} = ${commentId} for update`,
        );
        if (locked.rows.length === 0) throw new Error('comment vanished while replying');
        const [seen] = await tx
          .select()
          .from(commentReplies)
          .where(and(eq(commentReplies.commentId, commentId), eq(commentReplies.requestKey, requestKey)));
        if (seen) return { status: 'duplicate' as const, reply: toReply(seen) };
        if (cap) {
          const [{ n }] = (await tx
            .select({ n: sql<number>`count(*)::int` })
            .from(commentReplies)
            .where(
              and(
                eq(commentReplies.commentId, commentId),
                eq(commentReplies.fromAuthor, false),
                gte(commentReplies.sentAt, cap.since),
              ),
            )) as [{ n: number }];
          if (n >= cap.max) return { status: 'cap' as const };
        }
        const [{ next }] = (await tx
          .select({ next: sql<number>`coalesce(max(${commentReplies.position}), 0)::int + 1` })
          .from(commentReplies)
          .where(eq(commentReplies.commentId, commentId))) as [{ next: number }];
        const [row] = await tx
          .insert(commentReplies)
          .values({
            commentId,
            teamId,
            position: next,
            fromAuthor,
            managerId,
            text,
            quick,
            revealedAs,
            requestKey,
            sentAt,
          })
          .returning();
        return { status: 'added' as const, reply: toReply(row!) };
      });
    },

    async findReply(replyId) {
      if (!isUuid(replyId)) return null;
      const [row] = await db.select().from(commentReplies).where(eq(commentReplies.id, replyId));
      return row ? toReply(row) : null;
    },

    async claim(replyId) {
      const rows = await db
        .update(commentReplies)
        .set({ state: 'sending' })
        .where(and(eq(commentReplies.id, replyId), eq(commentReplies.state, 'pending')))
        .returning({ id: commentReplies.id });
      return rows.length > 0;
    },

    async settle(replyId, state) {
      const rows = await db
        .update(commentReplies)
        .set({ state })
        .where(and(eq(commentReplies.id, replyId), inArray(commentReplies.state, ['pending', 'sending'])))
        .returning({ id: commentReplies.id });
      return rows.length > 0;
    },

    async purge(before) {
      return db.transaction(async (tx) => {
        const old = tx
          .select({ id: rounds.id })
          .from(rounds)
          .where(and(eq(rounds.status, 'closed'), lt(rounds.closesAt, before)));
        const oldComments = tx
          .select({ id: responses.commentId })
          .from(responses)
          .where(inArray(responses.roundId, old));
        await deleteThreadPosts(tx, oldComments);
        const gone = await tx
          .delete(commentReplies)
          .where(inArray(commentReplies.commentId, oldComments))
          .returning({ id: commentReplies.id });
        await tx
          .update(responses)
          .set({ authorSeal: null })
          .where(and(inArray(responses.roundId, old), isNotNull(responses.authorSeal)));
        return gone.length;
      });
    },
  };
}
