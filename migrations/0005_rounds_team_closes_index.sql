DROP INDEX "rounds_team_id_status_idx";--> statement-breakpoint
CREATE INDEX "rounds_team_status_closes_at_idx" ON "rounds" USING btree ("team_id","status","closes_at");