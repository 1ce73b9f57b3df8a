CREATE TABLE "seminar_feedback" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seminar_id" uuid NOT NULL,
	"rating" integer NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"answered_on" text NOT NULL,
	CONSTRAINT "seminar_feedback_rating_check" CHECK ("seminar_feedback"."rating" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "seminar_feedback_given" (
	"tenant_id" uuid NOT NULL,
	"enrolment_id" uuid PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seminar_reminders" (
	"tenant_id" uuid NOT NULL,
	"key" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "seminar_reminders_tenant_id_key_pk" PRIMARY KEY("tenant_id","key")
);
--> statement-breakpoint
ALTER TABLE "seminars" ADD COLUMN "target_teams" uuid[] DEFAULT array[]::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "seminars" ADD COLUMN "mandatory_for_teams" uuid[] DEFAULT array[]::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "seminar_feedback" ADD CONSTRAINT "seminar_feedback_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seminar_feedback" ADD CONSTRAINT "seminar_feedback_seminar_id_seminars_id_fk" FOREIGN KEY ("seminar_id") REFERENCES "public"."seminars"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seminar_feedback_given" ADD CONSTRAINT "seminar_feedback_given_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seminar_feedback_given" ADD CONSTRAINT "seminar_feedback_given_enrolment_id_seminar_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."seminar_enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seminar_reminders" ADD CONSTRAINT "seminar_reminders_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "seminar_feedback_seminar_idx" ON "seminar_feedback" USING btree ("tenant_id","seminar_id");