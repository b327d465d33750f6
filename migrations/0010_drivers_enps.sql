ALTER TABLE "responses" DROP CONSTRAINT "responses_score_range";--> statement-breakpoint
ALTER TABLE "rounds" ADD COLUMN "driver_items" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "rounds" ADD COLUMN "enps" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_score_range" CHECK (score between 1 and 10 or (question_id = 'enps' and score = 0));