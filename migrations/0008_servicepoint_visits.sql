CREATE TABLE "servicepoint_rate_limits" (
	"tenant_id" uuid NOT NULL,
	"bucket" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "servicepoint_rate_limits_tenant_id_bucket_window_start_pk" PRIMARY KEY("tenant_id","bucket","window_start")
);
--> statement-breakpoint
CREATE TABLE "servicepoint_ticket_counters" (
	"tenant_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"local_day" date NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "servicepoint_ticket_counters_tenant_id_location_id_local_day_pk" PRIMARY KEY("tenant_id","location_id","local_day")
);
--> statement-breakpoint
CREATE TABLE "servicepoint_visits" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"location_id" uuid NOT NULL,
	"appointment_id" uuid,
	"service_id" uuid,
	"local_day" date NOT NULL,
	"ticket" integer NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"channel" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"arrived_at" timestamp with time zone NOT NULL,
	"called_at" timestamp with time zone,
	"counter" text,
	"called_by" uuid,
	"done_at" timestamp with time zone,
	CONSTRAINT "servicepoint_visits_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "servicepoint_visits_ticket_check" CHECK ("servicepoint_visits"."ticket" >= 1)
);
--> statement-breakpoint
ALTER TABLE "servicepoint_rate_limits" ADD CONSTRAINT "servicepoint_rate_limits_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "servicepoint_ticket_counters" ADD CONSTRAINT "servicepoint_ticket_counters_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "servicepoint_visits" ADD CONSTRAINT "servicepoint_visits_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "servicepoint_visits_ticket_idx" ON "servicepoint_visits" USING btree ("tenant_id","location_id","local_day","ticket");--> statement-breakpoint
CREATE UNIQUE INDEX "servicepoint_visits_appointment_idx" ON "servicepoint_visits" USING btree ("tenant_id","appointment_id");--> statement-breakpoint
CREATE INDEX "servicepoint_visits_queue_idx" ON "servicepoint_visits" USING btree ("tenant_id","location_id","local_day","status","due_at");