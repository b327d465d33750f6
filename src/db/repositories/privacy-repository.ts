/** Erasure (`/pulse forget-me`) and comment retention, each in one transaction. */
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import type { PrivacyRepository } from '../../core/ports';
import type { Database } from '../client';
import { deliveries, kudos, members, responses, rounds, teamMembers } from '../schema';
import { deleteThreadPosts, forgetThreadManager } from './thread-repository';

/** The PostgreSQL PrivacyRepository. */
export function createPrivacyRepository(db: Database): PrivacyRepository {
  return {
    async forgetMember({ workspaceId, memberId, platformUserId, answers }) {
      return db.transaction(async (tx) => {
        let answered = 0;
        for (const a of answers) {
          const answer = and(eq(responses.roundId, a.roundId), eq(responses.respondentHash, a.respondentHash));
          // Their threads go with their comments (the foreign key cascades); the records of those threads' DMs first.
          await deleteThreadPosts(tx, tx.select({ id: responses.commentId }).from(responses).where(answer));
          const gone = await tx.delete(responses).where(answer).returning({ q: responses.questionId });
          answered += gone.length;
        }
        const delivered = memberId
          ? await tx.delete(deliveries).where(eq(deliveries.memberId, memberId)).returning({ id: deliveries.id })
          : [];
        const teamsLeft = memberId
          ? await tx.delete(teamMembers).where(eq(teamMembers.memberId, memberId)).returning({ t: teamMembers.teamId })
          : [];
        if (memberId) await tx.delete(members).where(eq(members.id, memberId));
        // Replies they wrote as a manager stay in the threads, no longer naming them.
        await forgetThreadManager(tx, workspaceId, platformUserId);
        // Kudos stay as recognition of others, with this person replaced by a name nobody can follow.
        const gave = await tx
          .update(kudos)
          .set({ giver: sql`'forgotten:' || ${kudos.id}::text` })
          .where(and(eq(kudos.workspaceId, workspaceId), eq(kudos.giver, platformUserId)))
          .returning({ id: kudos.id });
        const got = await tx
          .update(kudos)
          .set({ recipient: sql`'forgotten:' || ${kudos.id}::text` })
          .where(and(eq(kudos.workspaceId, workspaceId), eq(kudos.recipient, platformUserId)))
          .returning({ id: kudos.id });
        return {
          deliveries: delivered.length,
          answers: answered,
          kudos: gave.length + got.length,
          teams: teamsLeft.length,
        };
      });
    },

    async purgeComments(before) {
      return db.transaction(async (tx) => {
        const old = tx
          .select({ id: rounds.id })
          .from(rounds)
          .where(and(eq(rounds.status, 'closed'), lt(rounds.closesAt, before)));
        const cleared = await tx
          .update(responses)
          .set({ comment: null })
          .where(and(inArray(responses.roundId, old), sql`${responses.comment} is not null`))
          .returning({ r: responses.roundId });
        await tx
          .delete(responses)
          .where(
            and(inArray(responses.roundId, old), sql`${responses.score} is null and ${responses.comment} is null`),
          );
        return cleared.length;
      });
    },
  };
}
