CREATE TABLE "conversation_references" (
	"workspace_id" uuid NOT NULL,
	"conversation_id" text NOT NULL,
	"kind" text NOT NULL,
	"user_id" text,
	"group_id" text,
	"reference" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversation_references_pkey" PRIMARY KEY("workspace_id","conversation_id")
);
--> statement-breakpoint
CREATE TABLE "platform_contacts" (
	"workspace_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"directory_id" text,
	"timezone" text,
	"locale" text,
	"unreachable_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "platform_contacts_pkey" PRIMARY KEY("workspace_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "posted_messages" (
	"workspace_id" uuid NOT NULL,
	"key" text NOT NULL,
	"channel_id" text NOT NULL,
	"message_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "posted_messages_pkey" PRIMARY KEY("workspace_id","key")
);
--> statement-breakpoint
CREATE TABLE "recognized_messages" (
	"workspace_id" uuid NOT NULL,
	"channel_id" text NOT NULL,
	"message_id" text NOT NULL,
	"excerpt" text NOT NULL,
	"permalink" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recognized_messages_pkey" PRIMARY KEY("workspace_id","channel_id","message_id")
);
--> statement-breakpoint
ALTER TABLE "conversation_references" ADD CONSTRAINT "conversation_references_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "platform_contacts" ADD CONSTRAINT "platform_contacts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posted_messages" ADD CONSTRAINT "posted_messages_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recognized_messages" ADD CONSTRAINT "recognized_messages_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversation_references_personal_idx" ON "conversation_references" USING btree ("workspace_id","user_id") WHERE kind = 'personal';--> statement-breakpoint
CREATE INDEX "conversation_references_group_idx" ON "conversation_references" USING btree ("workspace_id","group_id");--> statement-breakpoint
CREATE INDEX "conversation_references_updated_idx" ON "conversation_references" USING btree ("workspace_id","updated_at");--> statement-breakpoint
CREATE INDEX "platform_contacts_directory_idx" ON "platform_contacts" USING btree ("workspace_id","directory_id");--> statement-breakpoint
CREATE INDEX "posted_messages_ref_idx" ON "posted_messages" USING btree ("workspace_id","channel_id","message_id");