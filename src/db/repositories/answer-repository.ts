/**
 * Answers. The response (what) and the delivery's answered mark (that someone answered)
 * commit in one statement, yet nothing stored links one to the other.
 */
import { and, eq, isNotNull, ne, notLike, sql } from 'drizzle-orm';
import { DRIVER_PREFIX, ENPS_QUESTION_ID } from '../../core/drivers/bank';
import { MOOD_QUESTION_ID } from '../../core/model';
import type { AnswerRepository, RoundAnswers, SavedAnswerRow } from '../../core/ports';
import { uuidArrayPlaceholder } from './rows';
import type { Database } from '../client';
import { responses } from '../schema';

/**
 * Saves one answer and marks the delivery answered (the first time only) in ONE statement, so both
 * commit together in a single round trip; returns the respondent's row as it now stands, or null when
 * the round is no longer open. The save holds the open round's row FOR SHARE until it commits: the
 * close (an update of that row) waits for it, so the close's anonymising rewrite and its tally see every
 * answer saved, and an answer a moment too late is refused instead of landing after them. Marking with
 * `where answered_at is null` rather than coalesce(): no new row version is written when someone
 * edits an answer, so edits do not touch the delivery at all. Prepared once per connection.
 */
function saveStatement(column: 'score' | 'comment'): string {
  // A comment comes with a fresh comment id and the author's address sealed for that id (an edit gets both anew).
  const extra =
    column === 'comment'
      ? {
          cols: ', comment_id, author_seal',
          set: ', comment_id = excluded.comment_id, author_seal = excluded.author_seal',
        }
      : { cols: '', set: '' };
  const value = column === 'score' ? '$5::smallint' : '$5::text';
  const extraValues = column === 'comment' ? ', $8::uuid, $9::text' : '';
  const readBack = column === 'comment' ? '$10::text[]' : '$8::text[]';
  // The respondent's other answers are read in the same statement, from its snapshot (as they stood before it):
  // the saved question's own row is left out there, since its new version is the one `saved` returns.
  return `with open_round as (
      select id from rounds where id = $1::uuid and status = 'open' for share
    ), saved as (
      insert into responses (round_id, team_id, question_id, respondent_hash, ${column}${extra.cols})
      select $1::uuid, $2::uuid, $3::text, $4::text, ${value}${extraValues} from open_round
      on conflict (round_id, question_id, respondent_hash) do update set ${column} = excluded.${column}${extra.set}
      returning question_id, score, comment
    ), marked as (
      update deliveries set answered_at = $6 where id = $7 and answered_at is null and exists (select 1 from saved)
    )
    select true as saved, question_id, score, comment from saved
    union all
    select false, question_id, score, comment from responses
      where round_id = $1::uuid and question_id = any(${readBack}) and respondent_hash = $4::text
        and question_id <> $3::text and exists (select 1 from saved)`;
}
const SAVE_SCORE = saveStatement('score');
const SAVE_COMMENT = saveStatement('comment');

/** The PostgreSQL AnswerRepository. */
export function createAnswerRepository(db: Database): AnswerRepository {
  type SavedRow = { saved: boolean; question_id: string; score: number | null; comment: string | null };
  const save = async (
    name: string,
    text: string,
    values: unknown[],
    readBack: boolean,
  ): Promise<SavedAnswerRow | null> => {
    const { rows } = await db.$client.query<SavedRow>({ name, text, values });
    const own = rows.find((r) => r.saved);
    if (!own) return null;
    const others = rows.filter((r) => !r.saved);
    return {
      score: own.score,
      comment: own.comment,
      ...(readBack && {
        others: new Map(others.map((r) => [r.question_id, { score: r.score, comment: r.comment }])),
      }),
    };
  };
  // What summaries and trends read of their rounds: prepared once per connection, parsed and planned once.
  const ofRounds = sql`${responses.roundId} = any(${uuidArrayPlaceholder('ids')})`;
  const moodOfRounds = and(ofRounds, eq(responses.questionId, MOOD_QUESTION_ID), isNotNull(responses.score));
  // Ordered by hash within a round, never by insertion: the order must carry nothing about who answered when.
  const roundAnswers = db
    .select({
      roundId: responses.roundId,
      questionId: responses.questionId,
      score: responses.score,
      comment: responses.comment,
    })
    .from(responses)
    // What a summary shows: driver items and eNPS are the drivers view's (listScores), not sent here.
    .where(
      and(ofRounds, ne(responses.questionId, ENPS_QUESTION_ID), notLike(responses.questionId, `${DRIVER_PREFIX}%`)),
    )
    .orderBy(responses.roundId, responses.respondentHash, responses.questionId)
    .prepare('symmetry_round_answers');
  const roundRespondents = db
    .select({ roundId: responses.roundId, n: sql<number>`count(distinct ${responses.respondentHash})::int` })
    .from(responses)
    .where(moodOfRounds)
    .groupBy(responses.roundId)
    .prepare('symmetry_round_respondents');
  // Aggregated in PostgreSQL and sorted by score: no row order, no hash, nothing but the numbers leaves the database.
  const roundMoods = db
    .select({
      roundId: responses.roundId,
      scores: sql<number[]>`array_agg(${responses.score} order by ${responses.score})`,
    })
    .from(responses)
    .where(moodOfRounds)
    .groupBy(responses.roundId)
    .prepare('symmetry_round_moods');
  const roundScores = db
    .select({
      roundId: responses.roundId,
      questionId: responses.questionId,
      score: sql<number>`${responses.score}`,
      n: sql<number>`count(*)::int`,
    })
    .from(responses)
    .where(and(ofRounds, isNotNull(responses.score)))
    .groupBy(responses.roundId, responses.questionId, responses.score)
    .prepare('symmetry_round_scores');
  // Every answer's job reads the person's answers back to show them in their check-in: one index descent per question.
  const ownAnswers = db
    .select({ questionId: responses.questionId, score: responses.score, comment: responses.comment })
    .from(responses)
    .where(
      and(
        eq(responses.roundId, sql.placeholder('roundId')),
        sql`${responses.questionId} = any(${sql.placeholder('questionIds')}::text[])`,
        eq(responses.respondentHash, sql.placeholder('hash')),
      ),
    )
    .prepare('symmetry_own_answers');

  return {
    async saveScore({ deliveryId, roundId, teamId, questionId, respondentHash, score, at, readBack = [] }) {
      return save(
        'symmetry_save_score_read_back',
        SAVE_SCORE,
        [roundId, teamId, questionId, respondentHash, score, at, deliveryId, readBack],
        readBack.length > 0,
      );
    },

    async saveComment({
      deliveryId,
      roundId,
      teamId,
      questionId,
      respondentHash,
      comment,
      at,
      commentId,
      authorSeal,
      readBack = [],
    }) {
      return save(
        'symmetry_save_comment_read_back',
        SAVE_COMMENT,
        [roundId, teamId, questionId, respondentHash, comment, at, deliveryId, commentId, authorSeal, readBack],
        readBack.length > 0,
      );
    },

    async listForRounds(roundIds) {
      const ids = [...new Set(roundIds)];
      const byRound = new Map(ids.map((id) => [id, { answers: [] as RoundAnswers['answers'], respondents: 0 }]));
      if (ids.length === 0) return byRound;
      const [answers, counts] = await Promise.all([roundAnswers.execute({ ids }), roundRespondents.execute({ ids })]);
      for (const { roundId, ...answer } of answers) byRound.get(roundId)?.answers.push(answer);
      for (const { roundId, n } of counts) byRound.get(roundId)!.respondents = n;
      return byRound;
    },

    async listMoodScores(roundIds) {
      const ids = [...new Set(roundIds)];
      const byRound = new Map(ids.map((id) => [id, [] as number[]]));
      if (ids.length === 0) return byRound;
      const rows = await roundMoods.execute({ ids });
      for (const { roundId, scores } of rows) byRound.set(roundId, scores);
      return byRound;
    },

    async listScores(roundIds) {
      const ids = [...new Set(roundIds)];
      const byRound = new Map(ids.map((id) => [id, [] as Array<{ questionId: string; score: number; n: number }>]));
      if (ids.length === 0) return byRound;
      for (const { roundId, ...count } of await roundScores.execute({ ids })) byRound.get(roundId)?.push(count);
      return byRound;
    },

    async listOwn(roundId, questionIds, respondentHash) {
      const own = new Map<string, { score: number | null; comment: string | null }>();
      if (questionIds.length === 0) return own;
      const rows = await ownAnswers.execute({ roundId, questionIds: [...questionIds], hash: respondentHash });
      for (const { questionId, ...answer } of rows) own.set(questionId, answer);
      return own;
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
