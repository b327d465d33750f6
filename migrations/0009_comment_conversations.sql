CREATE TABLE "comment_replies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"comment_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"from_author" boolean NOT NULL,
	"manager_id" text,
	"text" text,
	"quick" text,
	"revealed_as" text,
	"request_key" text NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "comment_replies_comment_position_key" UNIQUE("comment_id","position"),
	CONSTRAINT "comment_replies_request_key" UNIQUE("comment_id","request_key"),
	CONSTRAINT "comment_replies_body" CHECK (text is not null or quick is not null),
	CONSTRAINT "comment_replies_author_has_no_time" CHECK (not from_author or (sent_at is null and manager_id is null))
);
--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "comment_id" uuid DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "author_seal" text;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_comment_id_key" UNIQUE("comment_id");--> statement-breakpoint
ALTER TABLE "comment_replies" ADD CONSTRAINT "comment_replies_comment_id_responses_comment_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."responses"("comment_id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "comment_replies" ADD CONSTRAINT "comment_replies_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "comment_replies_team_idx" ON "comment_replies" USING btree ("team_id");--> statement-breakpoint