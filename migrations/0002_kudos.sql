CREATE TABLE "kudos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "kudos_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"workspace_id" uuid NOT NULL,
	"giver" text NOT NULL,
	"recipient" text NOT NULL,
	"source_key" text NOT NULL,
	"shoutout_key" text NOT NULL,
	"emoji" text,
	"reason" text,
	"values" text[] DEFAULT '{}'::text[] NOT NULL,
	"giver_date" text NOT NULL,
	"given_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "kudos_giver_source_recipient_key" UNIQUE("workspace_id","giver","source_key","recipient")
);
--> statement-breakpoint
CREATE TABLE "kudos_digests" (
	"team_id" uuid NOT NULL,
	"period" text NOT NULL,
	"posted_at" timestamp with time zone,
	CONSTRAINT "kudos_digests_pkey" PRIMARY KEY("team_id","period")
);
--> statement-breakpoint
CREATE TABLE "kudos_notices" (
	"workspace_id" uuid NOT NULL,
	"giver" text NOT NULL,
	"giver_date" text NOT NULL,
	CONSTRAINT "kudos_notices_pkey" PRIMARY KEY("workspace_id","giver","giver_date")
);
--> statement-breakpoint
CREATE TABLE "shoutouts" (
	"workspace_id" uuid NOT NULL,
	"shoutout_key" text NOT NULL,
	"state" text DEFAULT 'posting' NOT NULL,
	"channel_id" text,
	"message_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "shoutouts_pkey" PRIMARY KEY("workspace_id","shoutout_key")
);
--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "kudos_settings" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "kudos" ADD CONSTRAINT "kudos_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kudos_digests" ADD CONSTRAINT "kudos_digests_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kudos_notices" ADD CONSTRAINT "kudos_notices_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shoutouts" ADD CONSTRAINT "shoutouts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kudos_giver_date_idx" ON "kudos" USING btree ("workspace_id","giver","giver_date");--> statement-breakpoint
CREATE INDEX "kudos_shoutout_idx" ON "kudos" USING btree ("workspace_id","shoutout_key");--> statement-breakpoint
CREATE INDEX "kudos_given_at_idx" ON "kudos" USING btree ("workspace_id","given_at");