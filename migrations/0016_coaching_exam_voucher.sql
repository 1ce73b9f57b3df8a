CREATE TABLE "coaching_angst_bewertungen" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"teilnehmende_id" uuid NOT NULL,
	"rating" integer NOT NULL,
	"moment" text NOT NULL,
	"rated_on" date NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coaching_bildungsgutscheine" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"teilnehmende_id" uuid NOT NULL,
	"ziel" text NOT NULL,
	"requested_on" date NOT NULL,
	"issued_on" date,
	"valid_until" date,
	"provider" text,
	"course" text,
	"redeemed_on" date,
	"course_start_on" date,
	"course_end_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coaching_pruefung_sitzungen" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"teilnehmende_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"session_on" date NOT NULL,
	"materials" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coaching_pruefungen" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"teilnehmende_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kammer" text NOT NULL,
	"exam_on" date NOT NULL,
	"reminded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "coaching_plaene" ADD COLUMN "review_reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "coaching_angst_bewertungen" ADD CONSTRAINT "coaching_angst_bewertungen_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_angst_bewertungen" ADD CONSTRAINT "coaching_angst_bewertungen_teilnehmende_id_coaching_teilnehmende_id_fk" FOREIGN KEY ("teilnehmende_id") REFERENCES "public"."coaching_teilnehmende"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_bildungsgutscheine" ADD CONSTRAINT "coaching_bildungsgutscheine_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_bildungsgutscheine" ADD CONSTRAINT "coaching_bildungsgutscheine_teilnehmende_id_coaching_teilnehmende_id_fk" FOREIGN KEY ("teilnehmende_id") REFERENCES "public"."coaching_teilnehmende"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_pruefung_sitzungen" ADD CONSTRAINT "coaching_pruefung_sitzungen_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_pruefung_sitzungen" ADD CONSTRAINT "coaching_pruefung_sitzungen_teilnehmende_id_coaching_teilnehmende_id_fk" FOREIGN KEY ("teilnehmende_id") REFERENCES "public"."coaching_teilnehmende"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_pruefungen" ADD CONSTRAINT "coaching_pruefungen_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_pruefungen" ADD CONSTRAINT "coaching_pruefungen_teilnehmende_id_coaching_teilnehmende_id_fk" FOREIGN KEY ("teilnehmende_id") REFERENCES "public"."coaching_teilnehmende"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coaching_angst_tn_idx" ON "coaching_angst_bewertungen" USING btree ("tenant_id","teilnehmende_id","rated_on");--> statement-breakpoint
CREATE INDEX "coaching_bildungsgutscheine_tn_idx" ON "coaching_bildungsgutscheine" USING btree ("tenant_id","teilnehmende_id");--> statement-breakpoint
CREATE INDEX "coaching_pruefung_sitzungen_tn_idx" ON "coaching_pruefung_sitzungen" USING btree ("tenant_id","teilnehmende_id","session_on");--> statement-breakpoint
CREATE INDEX "coaching_pruefungen_tn_idx" ON "coaching_pruefungen" USING btree ("tenant_id","teilnehmende_id");--> statement-breakpoint
CREATE INDEX "coaching_pruefungen_date_idx" ON "coaching_pruefungen" USING btree ("exam_on");