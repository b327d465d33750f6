/**
 * A closed round's tally: what its answers came to, written once when it closes (in the close's own
 * transaction, after every answer saved before it has committed: see answer-repository.ts) and read by
 * the dashboard's heatmap, which then reads one small value per round instead of every answer.
 *
 * It holds counts only: how many people were asked (those away left out) and, for the mood, eNPS and
 * driver items, how many answers gave each score. No respondent hash, no comment, no order of answering.
 * The threshold k is applied where it is read (core/dashboard.ts), exactly as for figures read from the answers.
 */

export type { RoundTally, TallyScore } from '../core/model';

/**
 * The SQL expression of the tally of the round whose id is `roundId` (a column or a parameter of the
 * enclosing statement). The migration that added the column backfilled closed rounds with this same
 * expression (test/unit/round-tally.test.ts keeps the two the same).
 */
export function roundTallyExpression(roundId: string): string {
  return `jsonb_build_object(
    'asked', (select count(*) from deliveries d where d.round_id = ${roundId} and d.state <> 'away'),
    'scores', coalesce((
      select jsonb_agg(jsonb_build_object('q', h.question_id, 's', h.score, 'n', h.n) order by h.question_id, h.score)
      from (
        select question_id, score, count(*)::int as n from responses
        where round_id = ${roundId} and (question_id in ('mood', 'enps') or question_id like 'driver:%')
        group by question_id, score
      ) h
    ), '[]'::jsonb))`;
}
