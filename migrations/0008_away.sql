ALTER TABLE "deliveries" ADD COLUMN "away_reason" text;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "away_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "status_read" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "away_until" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "deliveries_away_idx" ON "deliveries" USING btree ("round_id") WHERE state = 'away';