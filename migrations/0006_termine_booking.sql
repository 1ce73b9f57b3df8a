CREATE TABLE "termin_appointments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"location_id" uuid NOT NULL,
	"service_ids" uuid[] NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"persons" integer NOT NULL,
	"status" text NOT NULL,
	"channel" text NOT NULL,
	"language" text DEFAULT 'de' NOT NULL,
	"name" text,
	"email" text,
	"phone" text,
	"bg_nummer" text,
	"hold_token_hash" text,
	"hold_expires_at" timestamp with time zone,
	"hold_extensions" integer DEFAULT 0 NOT NULL,
	"confirm_by" timestamp with time zone,
	"reminder_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"booked_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"status_changed_at" timestamp with time zone,
	"reschedule_count" integer DEFAULT 0 NOT NULL,
	"anonymised_at" timestamp with time zone,
	CONSTRAINT "termin_appointments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "termin_appointments_persons_check" CHECK ("termin_appointments"."persons" between 1 and 3),
	CONSTRAINT "termin_appointments_range_check" CHECK ("termin_appointments"."ends_at" > "termin_appointments"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "termin_captcha_uses" (
	"tenant_id" uuid NOT NULL,
	"challenge_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "termin_captcha_uses_tenant_id_challenge_hash_pk" PRIMARY KEY("tenant_id","challenge_hash")
);
--> statement-breakpoint
CREATE TABLE "termin_closures" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"location_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "termin_closures_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "termin_closures_range_check" CHECK ("termin_closures"."ends_at" > "termin_closures"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "termin_idempotency" (
	"tenant_id" uuid NOT NULL,
	"key_hash" text NOT NULL,
	"fingerprint" text NOT NULL,
	"appointment_id" uuid NOT NULL,
	"token_cipher" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "termin_idempotency_tenant_id_key_hash_pk" PRIMARY KEY("tenant_id","key_hash")
);
--> statement-breakpoint
CREATE TABLE "termin_location_services" (
	"tenant_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	CONSTRAINT "termin_location_services_tenant_id_location_id_service_id_pk" PRIMARY KEY("tenant_id","location_id","service_id")
);
--> statement-breakpoint
CREATE TABLE "termin_locations" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"street" text NOT NULL,
	"postal_code" text NOT NULL,
	"city" text NOT NULL,
	"phone" text,
	"directions" jsonb NOT NULL,
	"accessibility" jsonb NOT NULL,
	"slot_minutes" integer DEFAULT 15 NOT NULL,
	"seats_total" integer NOT NULL,
	"seats_online" integer NOT NULL,
	"horizon_days" integer DEFAULT 42 NOT NULL,
	"min_notice_kind" text DEFAULT 'nextWorkingDay' NOT NULL,
	"min_notice_hours" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "termin_locations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "termin_locations_seats_check" CHECK ("termin_locations"."seats_online" >= 0 and "termin_locations"."seats_online" <= "termin_locations"."seats_total"),
	CONSTRAINT "termin_locations_slot_check" CHECK ("termin_locations"."slot_minutes" between 5 and 240)
);
--> statement-breakpoint
CREATE TABLE "termin_manage_tokens" (
	"tenant_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"appointment_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "termin_manage_tokens_tenant_id_token_hash_pk" PRIMARY KEY("tenant_id","token_hash")
);
--> statement-breakpoint
CREATE TABLE "termin_opening_hours" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"location_id" uuid NOT NULL,
	"weekday" integer NOT NULL,
	"opens_at" text NOT NULL,
	"closes_at" text NOT NULL,
	CONSTRAINT "termin_opening_hours_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "termin_opening_hours_weekday_check" CHECK ("termin_opening_hours"."weekday" between 1 and 7)
);
--> statement-breakpoint
CREATE TABLE "termin_rate_limits" (
	"tenant_id" uuid NOT NULL,
	"bucket" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "termin_rate_limits_tenant_id_bucket_window_start_pk" PRIMARY KEY("tenant_id","bucket","window_start")
);
--> statement-breakpoint
CREATE TABLE "termin_seats" (
	"tenant_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"unit_start" timestamp with time zone NOT NULL,
	"seat_no" integer NOT NULL,
	"appointment_id" uuid NOT NULL,
	"expires_at" timestamp with time zone,
	CONSTRAINT "termin_seats_tenant_id_location_id_unit_start_seat_no_pk" PRIMARY KEY("tenant_id","location_id","unit_start","seat_no"),
	CONSTRAINT "termin_seats_seat_check" CHECK ("termin_seats"."seat_no" >= 1)
);
--> statement-breakpoint
CREATE TABLE "termin_services" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"duration_minutes" integer NOT NULL,
	"bring_list" jsonb NOT NULL,
	"online_bookable" boolean DEFAULT true NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "termin_services_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "termin_services_duration_check" CHECK ("termin_services"."duration_minutes" between 5 and 480)
);
--> statement-breakpoint
CREATE TABLE "termin_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"hold_minutes" integer DEFAULT 10 NOT NULL,
	"double_opt_in" boolean DEFAULT false NOT NULL,
	"confirm_minutes" integer DEFAULT 60 NOT NULL,
	"reminder_hours" integer DEFAULT 24 NOT NULL,
	"max_future_appointments_per_email" integer DEFAULT 2 NOT NULL,
	"retention_days" integer DEFAULT 30 NOT NULL,
	"holds_per_ip_hour" integer DEFAULT 30 NOT NULL,
	"bookings_per_ip_hour" integer DEFAULT 10 NOT NULL,
	"bookings_per_email_day" integer DEFAULT 5 NOT NULL,
	"heiligabend" text DEFAULT 'closed' NOT NULL,
	"silvester" text DEFAULT 'closed' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "termin_appointments" ADD CONSTRAINT "termin_appointments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "termin_appointments" ADD CONSTRAINT "termin_appointments_tenant_id_location_id_termin_locations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","location_id") REFERENCES "public"."termin_locations"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "termin_captcha_uses" ADD CONSTRAINT "termin_captcha_uses_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "termin_closures" ADD CONSTRAINT "termin_closures_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "termin_closures" ADD CONSTRAINT "termin_closures_tenant_id_location_id_termin_locations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","location_id") REFERENCES "public"."termin_locations"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "termin_idempotency" ADD CONSTRAINT "termin_idempotency_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "termin_location_services" ADD CONSTRAINT "termin_location_services_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "termin_location_services" ADD CONSTRAINT "termin_location_services_tenant_id_location_id_termin_locations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","location_id") REFERENCES "public"."termin_locations"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "termin_location_services" ADD CONSTRAINT "termin_location_services_tenant_id_service_id_termin_services_tenant_id_id_fk" FOREIGN KEY ("tenant_id","service_id") REFERENCES "public"."termin_services"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "termin_locations" ADD CONSTRAINT "termin_locations_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "termin_manage_tokens" ADD CONSTRAINT "termin_manage_tokens_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "termin_manage_tokens" ADD CONSTRAINT "termin_manage_tokens_tenant_id_appointment_id_termin_appointments_tenant_id_id_fk" FOREIGN KEY ("tenant_id","appointment_id") REFERENCES "public"."termin_appointments"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "termin_opening_hours" ADD CONSTRAINT "termin_opening_hours_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "termin_opening_hours" ADD CONSTRAINT "termin_opening_hours_tenant_id_location_id_termin_locations_tenant_id_id_fk" FOREIGN KEY ("tenant_id","location_id") REFERENCES "public"."termin_locations"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "termin_rate_limits" ADD CONSTRAINT "termin_rate_limits_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "termin_seats" ADD CONSTRAINT "termin_seats_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "termin_seats" ADD CONSTRAINT "termin_seats_tenant_id_appointment_id_termin_appointments_tenant_id_id_fk" FOREIGN KEY ("tenant_id","appointment_id") REFERENCES "public"."termin_appointments"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "termin_services" ADD CONSTRAINT "termin_services_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "termin_settings" ADD CONSTRAINT "termin_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "termin_appointments_hold_idx" ON "termin_appointments" USING btree ("tenant_id","hold_token_hash");--> statement-breakpoint
CREATE INDEX "termin_appointments_day_idx" ON "termin_appointments" USING btree ("tenant_id","location_id","starts_at");--> statement-breakpoint
CREATE INDEX "termin_appointments_email_idx" ON "termin_appointments" USING btree ("tenant_id","email","starts_at");--> statement-breakpoint
CREATE INDEX "termin_appointments_status_idx" ON "termin_appointments" USING btree ("status","starts_at");--> statement-breakpoint
CREATE INDEX "termin_closures_location_idx" ON "termin_closures" USING btree ("tenant_id","location_id","ends_at");--> statement-breakpoint
CREATE UNIQUE INDEX "termin_locations_key_idx" ON "termin_locations" USING btree ("tenant_id","key");--> statement-breakpoint
CREATE INDEX "termin_manage_tokens_appointment_idx" ON "termin_manage_tokens" USING btree ("tenant_id","appointment_id");--> statement-breakpoint
CREATE INDEX "termin_opening_hours_location_idx" ON "termin_opening_hours" USING btree ("tenant_id","location_id");--> statement-breakpoint
CREATE INDEX "termin_seats_appointment_idx" ON "termin_seats" USING btree ("tenant_id","appointment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "termin_services_key_idx" ON "termin_services" USING btree ("tenant_id","key");