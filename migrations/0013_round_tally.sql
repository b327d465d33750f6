ALTER TABLE "rounds" ADD COLUMN "tally" jsonb;--> statement-breakpoint
-- Rounds closed before this column: their tally as the close now writes it (src/db/round-tally.ts).
UPDATE "rounds" SET "tally" = jsonb_build_object(
    'asked', (select count(*) from deliveries d where d.round_id = rounds.id and d.state <> 'away'),
    'scores', coalesce((
      select jsonb_agg(jsonb_build_object('q', h.question_id, 's', h.score, 'n', h.n) order by h.question_id, h.score)
      from (
        select question_id, score, count(*)::int as n from responses
        where round_id = rounds.id and (question_id in ('mood', 'enps') or question_id like 'driver:%')
        group by question_id, score
      ) h
    ), '[]'::jsonb)) WHERE "status" = 'closed';
