ALTER TABLE "deliveries" ADD COLUMN "batch" uuid;--> statement-breakpoint
CREATE INDEX "deliveries_batch_idx" ON "deliveries" USING btree ("batch") WHERE state in ('pending', 'sending');