/**
 * Answers. The response (what) and the delivery's answered mark (that someone answered)
 * commit in one transaction, yet nothing stored links one to the other.
 */
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { MOOD_QUESTION_ID } from '../../core/model';
import type { AnswerRepository, RoundAnswers } from '../../core/ports';
import { uuidArray } from './rows';
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

    async listForRounds(roundIds) {
      const ids = [...new Set(roundIds)];
      const byRound = new Map(ids.map((id) => [id, { answers: [] as RoundAnswers['answers'], respondents: 0 }]));
      if (ids.length === 0) return byRound;
      // Ordered by hash within a round, never by insertion: the order must carry nothing about who answered when.
      const [answers, counts] = await Promise.all([
        db
          .select({ roundId: responses.roundId, questionId: responses.questionId, score: responses.score, comment: responses.comment })
          .from(responses)
          .where(sql`${responses.roundId} = any(${uuidArray(ids)})`)
          .orderBy(responses.roundId, responses.respondentHash, responses.questionId),
        db
          .select({ roundId: responses.roundId, n: sql<number>`count(distinct ${responses.respondentHash})::int` })
          .from(responses)
          .where(and(sql`${responses.roundId} = any(${uuidArray(ids)})`, eq(responses.questionId, MOOD_QUESTION_ID), isNotNull(responses.score)))
          .groupBy(responses.roundId),
      ]);
      for (const { roundId, ...answer } of answers) byRound.get(roundId)?.answers.push(answer);
      for (const { roundId, n } of counts) byRound.get(roundId)!.respondents = n;
      return byRound;
    },

    async listMoodScores(roundIds) {
      const ids = [...new Set(roundIds)];
      const byRound = new Map(ids.map((id) => [id, [] as number[]]));
      if (ids.length === 0) return byRound;
      // Aggregated in PostgreSQL and sorted by score: no row order, no hash, nothing but the numbers leaves the database.
      const rows = await db
        .select({ roundId: responses.roundId, scores: sql<number[]>`array_agg(${responses.score} order by ${responses.score})` })
        .from(responses)
        .where(and(sql`${responses.roundId} = any(${uuidArray(ids)})`, eq(responses.questionId, MOOD_QUESTION_ID), isNotNull(responses.score)))
        .groupBy(responses.roundId);
      for (const { roundId, scores } of rows) byRound.set(roundId, scores);
      return byRound;
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
