CREATE TABLE "seminar_attendance" (
	"tenant_id" uuid NOT NULL,
	"day_id" uuid NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"percent" integer NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "seminar_attendance_tenant_id_day_id_enrolment_id_pk" PRIMARY KEY("tenant_id","day_id","enrolment_id"),
	CONSTRAINT "seminar_attendance_percent_check" CHECK ("seminar_attendance"."percent" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "seminar_categories" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seminar_certificates" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"holder_name" text NOT NULL,
	"seminar_title" text NOT NULL,
	"dates" text NOT NULL,
	"ue" integer NOT NULL,
	"trainer" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text
);
--> statement-breakpoint
CREATE TABLE "seminar_enrolments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"status" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"seat_no" integer,
	"offer_expires_at" timestamp with time zone,
	"lead_decided_by" uuid,
	"lead_decided_at" timestamp with time zone,
	"hr_decided_by" uuid,
	"hr_decided_at" timestamp with time zone,
	"rejection_reason" text,
	"personalrat_involved_at" timestamp with time zone,
	"note" text DEFAULT '' NOT NULL,
	"cancelled_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "seminar_enrolments_seat_check" CHECK ("seminar_enrolments"."seat_no" is null or "seminar_enrolments"."seat_no" >= 1),
	CONSTRAINT "seminar_enrolments_seat_status_check" CHECK (("seminar_enrolments"."seat_no" is not null) = ("seminar_enrolments"."status" in ('offered', 'confirmed')))
);
--> statement-breakpoint
CREATE TABLE "seminar_session_days" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	CONSTRAINT "seminar_session_days_order_check" CHECK ("seminar_session_days"."ends_at" > "seminar_session_days"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "seminar_sessions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seminar_id" uuid NOT NULL,
	"room" text,
	"online_url" text,
	"seats" integer NOT NULL,
	"min_participants" integer DEFAULT 0 NOT NULL,
	"enrolment_deadline" timestamp with time zone NOT NULL,
	"cancellation_deadline" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"ics_sequence" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "seminar_sessions_seats_check" CHECK ("seminar_sessions"."seats" >= 1)
);
--> statement-breakpoint
CREATE TABLE "seminar_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"approval" text DEFAULT 'lead_hr' NOT NULL,
	"personalrat_required" boolean DEFAULT false NOT NULL,
	"offer_hours" integer DEFAULT 48 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seminar_trainer_links" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seminars" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"category_id" uuid NOT NULL,
	"ue" integer NOT NULL,
	"trainer_user_id" uuid,
	"external_trainer" text,
	"fee_cents" integer DEFAULT 0 NOT NULL,
	"prerequisites" text DEFAULT '' NOT NULL,
	"target_roles" text[] DEFAULT array[]::text[] NOT NULL,
	"mandatory_for_roles" text[] DEFAULT array[]::text[] NOT NULL,
	"validity_months" integer,
	"attendance_threshold_percent" integer DEFAULT 80 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "seminars_ue_check" CHECK ("seminars"."ue" >= 0),
	CONSTRAINT "seminars_fee_check" CHECK ("seminars"."fee_cents" >= 0),
	CONSTRAINT "seminars_threshold_check" CHECK ("seminars"."attendance_threshold_percent" between 1 and 100)
);
--> statement-breakpoint
ALTER TABLE "seminar_attendance" ADD CONSTRAINT "seminar_attendance_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seminar_attendance" ADD CONSTRAINT "seminar_attendance_day_id_seminar_session_days_id_fk" FOREIGN KEY ("day_id") REFERENCES "public"."seminar_session_days"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seminar_attendance" ADD CONSTRAINT "seminar_attendance_enrolment_id_seminar_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."seminar_enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seminar_categories" ADD CONSTRAINT "seminar_categories_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seminar_certificates" ADD CONSTRAINT "seminar_certificates_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seminar_certificates" ADD CONSTRAINT "seminar_certificates_enrolment_id_seminar_enrolments_id_fk" FOREIGN KEY ("enrolment_id") REFERENCES "public"."seminar_enrolments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seminar_enrolments" ADD CONSTRAINT "seminar_enrolments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seminar_enrolments" ADD CONSTRAINT "seminar_enrolments_session_id_seminar_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."seminar_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seminar_session_days" ADD CONSTRAINT "seminar_session_days_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seminar_session_days" ADD CONSTRAINT "seminar_session_days_session_id_seminar_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."seminar_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seminar_sessions" ADD CONSTRAINT "seminar_sessions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seminar_sessions" ADD CONSTRAINT "seminar_sessions_seminar_id_seminars_id_fk" FOREIGN KEY ("seminar_id") REFERENCES "public"."seminars"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seminar_settings" ADD CONSTRAINT "seminar_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seminar_trainer_links" ADD CONSTRAINT "seminar_trainer_links_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seminar_trainer_links" ADD CONSTRAINT "seminar_trainer_links_session_id_seminar_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."seminar_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seminars" ADD CONSTRAINT "seminars_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seminars" ADD CONSTRAINT "seminars_category_id_seminar_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."seminar_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "seminar_categories_name_idx" ON "seminar_categories" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "seminar_certificates_code_idx" ON "seminar_certificates" USING btree ("code_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "seminar_certificates_enrolment_idx" ON "seminar_certificates" USING btree ("tenant_id","enrolment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "seminar_enrolments_seat_idx" ON "seminar_enrolments" USING btree ("tenant_id","session_id","seat_no") WHERE "seminar_enrolments"."seat_no" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "seminar_enrolments_live_idx" ON "seminar_enrolments" USING btree ("tenant_id","session_id","user_id") WHERE "seminar_enrolments"."status" in ('pending_lead', 'pending_hr', 'waitlisted', 'offered', 'confirmed');--> statement-breakpoint
CREATE INDEX "seminar_enrolments_user_idx" ON "seminar_enrolments" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE INDEX "seminar_enrolments_queue_idx" ON "seminar_enrolments" USING btree ("tenant_id","session_id","status","requested_at");--> statement-breakpoint
CREATE INDEX "seminar_session_days_session_idx" ON "seminar_session_days" USING btree ("tenant_id","session_id","starts_at");--> statement-breakpoint
CREATE INDEX "seminar_sessions_seminar_idx" ON "seminar_sessions" USING btree ("tenant_id","seminar_id");--> statement-breakpoint
CREATE UNIQUE INDEX "seminar_trainer_links_token_idx" ON "seminar_trainer_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "seminars_category_idx" ON "seminars" USING btree ("tenant_id","category_id");