CREATE TABLE "coaching_aktivitaeten" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"teilnehmende_id" uuid NOT NULL,
	"typ" text NOT NULL,
	"title" text NOT NULL,
	"wer" text NOT NULL,
	"due_on" date,
	"status" text DEFAULT 'geplant' NOT NULL,
	"wartet_auf" text DEFAULT 'niemand' NOT NULL,
	"agreed_at" timestamp with time zone,
	"agreed_via" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coaching_arbeitsmarkt" (
	"tenant_id" uuid NOT NULL,
	"kldb" text NOT NULL,
	"nachfrage" text NOT NULL,
	"offene_stellen" integer,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "coaching_einstellungen" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"retention_months" integer DEFAULT 24 NOT NULL,
	"restricted_retention_months" integer DEFAULT 3 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coaching_kontakte" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"teilnehmende_id" uuid NOT NULL,
	"kanal" text NOT NULL,
	"contact_on" date NOT NULL,
	"summary" text NOT NULL,
	"coach_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coaching_links" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"teilnehmende_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coaching_nachrichten" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"aktivitaet_id" uuid NOT NULL,
	"author" text NOT NULL,
	"author_id" uuid,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coaching_plaene" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"teilnehmende_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"ziele" text NOT NULL,
	"schritte" jsonb NOT NULL,
	"review_on" date NOT NULL,
	"agreed_at" timestamp with time zone,
	"agreed_via" text,
	"schlichtung" boolean DEFAULT false NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coaching_potenzial" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"teilnehmende_id" uuid NOT NULL,
	"bereich" text NOT NULL,
	"text" text NOT NULL,
	"anerkennung" text,
	"dqr" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coaching_rechtsgrundlagen" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coaching_teilnehmende" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"birth_date" date NOT NULL,
	"email" text,
	"phone" text,
	"languages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"bg_nummer" text,
	"rechtsgrundlage_id" uuid NOT NULL,
	"start_on" date NOT NULL,
	"coach_id" uuid NOT NULL,
	"source" text NOT NULL,
	"referred_by" uuid,
	"consent_version" text NOT NULL,
	"consent_text" text NOT NULL,
	"consent_given_on" date NOT NULL,
	"phase" text DEFAULT 'aufnahme' NOT NULL,
	"next_contact_on" date,
	"exit_reason" text,
	"exit_on" date,
	"beschaeftigung" jsonb,
	"still_employed_at6_months" boolean,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coaching_vertraulich" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"teilnehmende_id" uuid NOT NULL,
	"kategorie" text NOT NULL,
	"text" text NOT NULL,
	"share_consent" boolean DEFAULT false NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coaching_zielberufe" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"teilnehmende_id" uuid NOT NULL,
	"kldb" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "coaching_aktivitaeten" ADD CONSTRAINT "coaching_aktivitaeten_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_aktivitaeten" ADD CONSTRAINT "coaching_aktivitaeten_teilnehmende_id_coaching_teilnehmende_id_fk" FOREIGN KEY ("teilnehmende_id") REFERENCES "public"."coaching_teilnehmende"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_arbeitsmarkt" ADD CONSTRAINT "coaching_arbeitsmarkt_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_einstellungen" ADD CONSTRAINT "coaching_einstellungen_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_kontakte" ADD CONSTRAINT "coaching_kontakte_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_kontakte" ADD CONSTRAINT "coaching_kontakte_teilnehmende_id_coaching_teilnehmende_id_fk" FOREIGN KEY ("teilnehmende_id") REFERENCES "public"."coaching_teilnehmende"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_links" ADD CONSTRAINT "coaching_links_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_links" ADD CONSTRAINT "coaching_links_teilnehmende_id_coaching_teilnehmende_id_fk" FOREIGN KEY ("teilnehmende_id") REFERENCES "public"."coaching_teilnehmende"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_nachrichten" ADD CONSTRAINT "coaching_nachrichten_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_nachrichten" ADD CONSTRAINT "coaching_nachrichten_aktivitaet_id_coaching_aktivitaeten_id_fk" FOREIGN KEY ("aktivitaet_id") REFERENCES "public"."coaching_aktivitaeten"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_plaene" ADD CONSTRAINT "coaching_plaene_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_plaene" ADD CONSTRAINT "coaching_plaene_teilnehmende_id_coaching_teilnehmende_id_fk" FOREIGN KEY ("teilnehmende_id") REFERENCES "public"."coaching_teilnehmende"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_potenzial" ADD CONSTRAINT "coaching_potenzial_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_potenzial" ADD CONSTRAINT "coaching_potenzial_teilnehmende_id_coaching_teilnehmende_id_fk" FOREIGN KEY ("teilnehmende_id") REFERENCES "public"."coaching_teilnehmende"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_rechtsgrundlagen" ADD CONSTRAINT "coaching_rechtsgrundlagen_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_teilnehmende" ADD CONSTRAINT "coaching_teilnehmende_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_teilnehmende" ADD CONSTRAINT "coaching_teilnehmende_rechtsgrundlage_id_coaching_rechtsgrundlagen_id_fk" FOREIGN KEY ("rechtsgrundlage_id") REFERENCES "public"."coaching_rechtsgrundlagen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_vertraulich" ADD CONSTRAINT "coaching_vertraulich_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_vertraulich" ADD CONSTRAINT "coaching_vertraulich_teilnehmende_id_coaching_teilnehmende_id_fk" FOREIGN KEY ("teilnehmende_id") REFERENCES "public"."coaching_teilnehmende"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_zielberufe" ADD CONSTRAINT "coaching_zielberufe_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_zielberufe" ADD CONSTRAINT "coaching_zielberufe_teilnehmende_id_coaching_teilnehmende_id_fk" FOREIGN KEY ("teilnehmende_id") REFERENCES "public"."coaching_teilnehmende"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coaching_aktivitaeten_tn_idx" ON "coaching_aktivitaeten" USING btree ("tenant_id","teilnehmende_id");--> statement-breakpoint
CREATE UNIQUE INDEX "coaching_arbeitsmarkt_idx" ON "coaching_arbeitsmarkt" USING btree ("tenant_id","kldb");--> statement-breakpoint
CREATE INDEX "coaching_kontakte_tn_idx" ON "coaching_kontakte" USING btree ("tenant_id","teilnehmende_id","contact_on");--> statement-breakpoint
CREATE UNIQUE INDEX "coaching_links_token_idx" ON "coaching_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "coaching_links_tn_idx" ON "coaching_links" USING btree ("tenant_id","teilnehmende_id");--> statement-breakpoint
CREATE INDEX "coaching_nachrichten_akt_idx" ON "coaching_nachrichten" USING btree ("tenant_id","aktivitaet_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "coaching_plaene_version_idx" ON "coaching_plaene" USING btree ("tenant_id","teilnehmende_id","version");--> statement-breakpoint
CREATE INDEX "coaching_potenzial_tn_idx" ON "coaching_potenzial" USING btree ("tenant_id","teilnehmende_id");--> statement-breakpoint
CREATE UNIQUE INDEX "coaching_rechtsgrundlagen_key_idx" ON "coaching_rechtsgrundlagen" USING btree ("tenant_id","key");--> statement-breakpoint
CREATE INDEX "coaching_teilnehmende_coach_idx" ON "coaching_teilnehmende" USING btree ("tenant_id","coach_id","phase");--> statement-breakpoint
CREATE INDEX "coaching_teilnehmende_exit_idx" ON "coaching_teilnehmende" USING btree ("tenant_id","exit_on");--> statement-breakpoint
CREATE INDEX "coaching_vertraulich_tn_idx" ON "coaching_vertraulich" USING btree ("tenant_id","teilnehmende_id");--> statement-breakpoint
CREATE UNIQUE INDEX "coaching_zielberufe_idx" ON "coaching_zielberufe" USING btree ("tenant_id","teilnehmende_id","kldb");