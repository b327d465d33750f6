CREATE TABLE "customer_signals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"value" double precision NOT NULL,
	"responses" integer DEFAULT 1 NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"day" date NOT NULL,
	"source" text DEFAULT 'api' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_signals_team_metric_source_day_key" UNIQUE("team_id","metric","source","day"),
	CONSTRAINT "customer_signals_metric" CHECK (metric in ('csat', 'nps')),
	CONSTRAINT "customer_signals_value_range" CHECK ((metric = 'csat' and value between 0 and 100) or (metric = 'nps' and value between -100 and 100)),
	CONSTRAINT "customer_signals_responses_positive" CHECK (responses >= 1)
);
--> statement-breakpoint
ALTER TABLE "customer_signals" ADD CONSTRAINT "customer_signals_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_signals_team_day_idx" ON "customer_signals" USING btree ("team_id","day");