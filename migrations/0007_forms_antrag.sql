CREATE TABLE "antrag_housing_limits" (
	"tenant_id" uuid NOT NULL,
	"household_size" integer NOT NULL,
	"bruttokaltmiete_cents" integer NOT NULL,
	"heizkosten_cents" integer,
	"note" text NOT NULL,
	CONSTRAINT "antrag_housing_limits_tenant_id_household_size_pk" PRIMARY KEY("tenant_id","household_size")
);
--> statement-breakpoint
CREATE TABLE "form_drafts" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"flow_id" text NOT NULL,
	"token_hash" text NOT NULL,
	"resume_token_hash" text,
	"data" jsonb,
	"version" integer DEFAULT 0 NOT NULL,
	"has_resume_email" boolean DEFAULT false NOT NULL,
	"lang" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"reminder_sent_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"submission_id" uuid,
	"submitted_status_token" jsonb
);
--> statement-breakpoint
CREATE TABLE "form_submission_events" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"submission_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"status" text,
	"note" jsonb,
	"actor_id" uuid
);
--> statement-breakpoint
CREATE TABLE "form_submissions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"flow_id" text NOT NULL,
	"draft_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"status_token_hash" text NOT NULL,
	"data" jsonb NOT NULL,
	"pdf" "bytea" NOT NULL,
	"facets" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"lang" text NOT NULL,
	"status" text DEFAULT 'eingegangen' NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"status_changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "antrag_housing_limits" ADD CONSTRAINT "antrag_housing_limits_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_drafts" ADD CONSTRAINT "form_drafts_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_submission_events" ADD CONSTRAINT "form_submission_events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_submission_events" ADD CONSTRAINT "form_submission_events_submission_id_form_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."form_submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_submissions" ADD CONSTRAINT "form_submissions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "form_drafts_token_idx" ON "form_drafts" USING btree ("tenant_id","token_hash");--> statement-breakpoint
CREATE INDEX "form_drafts_resume_idx" ON "form_drafts" USING btree ("tenant_id","resume_token_hash");--> statement-breakpoint
CREATE INDEX "form_drafts_expiry_idx" ON "form_drafts" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "form_submission_events_idx" ON "form_submission_events" USING btree ("tenant_id","submission_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "form_submissions_draft_idx" ON "form_submissions" USING btree ("tenant_id","draft_id");--> statement-breakpoint
CREATE UNIQUE INDEX "form_submissions_reference_idx" ON "form_submissions" USING btree ("tenant_id","reference");--> statement-breakpoint
CREATE INDEX "form_submissions_list_idx" ON "form_submissions" USING btree ("tenant_id","status","submitted_at");