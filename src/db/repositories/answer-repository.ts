/**
 * Answers. The response (what) and the delivery's answered mark (that someone answered)
 * commit in one transaction, yet nothing stored links one to the other.
 */
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { MOOD_QUESTION_ID } from '../../core/model';
import type { AnswerRepository } from '../../core/ports';
import type { Database } from '../client';
import { deliveries, responses } from '../schema';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

/** Marks the delivery answered the first time only; later edits leave its row untouched. */
async function markAnswered(tx: Tx, deliveryId: string, at: Date) {
  // `where answered_at is null` rather than coalesce(): same result, but no new row version
  // is written when someone edits an answer, so edits do not touch the delivery at all.
  await tx
    .update(deliveries)
    .set({ answeredAt: at })
    .where(and(eq(deliveries.id, deliveryId), isNull(deliveries.answeredAt)));
}

const responseKey = [responses.roundId, responses.questionId, responses.respondentHash];

/** The PostgreSQL AnswerRepository. */
export function createAnswerRepository(db: Database): AnswerRepository {
  return {
    async saveScore({ deliveryId, roundId, teamId, questionId, respondentHash, score, at }) {
      await db.transaction(async (tx) => {
        await tx
          .insert(responses)
          .values({ roundId, teamId, questionId, respondentHash, score, comment: null })
          .onConflictDoUpdate({ target: responseKey, set: { score } });
        await markAnswered(tx, deliveryId, at);
      });
    },

    async saveComment({ deliveryId, roundId, teamId, questionId, respondentHash, comment, at }) {
      await db.transaction(async (tx) => {
        await tx
          .insert(responses)
          .values({ roundId, teamId, questionId, respondentHash, score: null, comment })
          .onConflictDoUpdate({ target: responseKey, set: { comment } });
        await markAnswered(tx, deliveryId, at);
      });
    },

    async listForRound(roundId) {
      // Ordered by hash, never by insertion: the order must carry nothing about who answered when.
      const answers = await db
        .select({ questionId: responses.questionId, score: responses.score, comment: responses.comment })
        .from(responses)
        .where(eq(responses.roundId, roundId))
        .orderBy(responses.respondentHash, responses.questionId);
      const [counted] = await db
        .select({ n: sql<number>`count(distinct ${responses.respondentHash})::int` })
        .from(responses)
        .where(and(eq(responses.roundId, roundId), eq(responses.questionId, MOOD_QUESTION_ID), isNotNull(responses.score)));
      return { answers, respondents: counted?.n ?? 0 };
    },

    async findOwn(roundId, questionId, respondentHash) {
      const [row] = await db
        .select({ score: responses.score, comment: responses.comment })
        .from(responses)
        .where(
          and(
            eq(responses.roundId, roundId),
            eq(responses.questionId, questionId),
            eq(responses.respondentHash, respondentHash),
          ),
        );
      return row ?? null;
    },
  };
}
