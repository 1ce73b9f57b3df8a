CREATE TABLE "presse_figure_imports" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_by" uuid NOT NULL,
	"month" text NOT NULL,
	"rows" jsonb NOT NULL,
	"unrecognised" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"committed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "presse_labour_market_figures" (
	"tenant_id" uuid NOT NULL,
	"region" text NOT NULL,
	"region_name" text NOT NULL,
	"month" text NOT NULL,
	"unemployed" integer,
	"unemployed_sgb2" integer,
	"unemployed_sgb3" integer,
	"rate_tenths" integer NOT NULL,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "presse_labour_market_figures_tenant_id_region_month_pk" PRIMARY KEY("tenant_id","region","month"),
	CONSTRAINT "presse_figures_month_ck" CHECK ("presse_labour_market_figures"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
CREATE TABLE "presse_counters" (
	"tenant_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"next" integer NOT NULL,
	"preset_by_admin" boolean DEFAULT false NOT NULL,
	CONSTRAINT "presse_counters_tenant_id_year_pk" PRIMARY KEY("tenant_id","year"),
	CONSTRAINT "presse_counters_next_ck" CHECK ("presse_counters"."next" > 0)
);
--> statement-breakpoint
CREATE TABLE "presse_releases" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"subtitle" text DEFAULT '' NOT NULL,
	"dateline" text NOT NULL,
	"body" text NOT NULL,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"author_id" uuid NOT NULL,
	"approver_id" uuid,
	"approved_at" timestamp with time zone,
	"embargo_until" timestamp with time zone,
	"visible_from" timestamp with time zone,
	"year" integer,
	"number" integer,
	"correction" text,
	"corrected_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"mailed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "presse_releases_number_ck" CHECK (("presse_releases"."number" IS NULL) = ("presse_releases"."year" IS NULL) AND ("presse_releases"."number" IS NULL OR "presse_releases"."number" > 0)),
	CONSTRAINT "presse_releases_published_ck" CHECK ("presse_releases"."status" NOT IN ('published', 'withdrawn') OR ("presse_releases"."number" IS NOT NULL AND "presse_releases"."visible_from" IS NOT NULL)),
	CONSTRAINT "presse_releases_four_eyes_ck" CHECK ("presse_releases"."approver_id" IS NULL OR "presse_releases"."approver_id" <> "presse_releases"."author_id")
);
--> statement-breakpoint
CREATE TABLE "presse_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"dateline" text NOT NULL,
	"contact" text NOT NULL,
	"comparison_region" text DEFAULT 'suedhessen' NOT NULL,
	"district_region" text DEFAULT '06431' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "presse_subscribers" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"confirm_token_hash" text NOT NULL,
	"unsubscribe_token_hash" text NOT NULL,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "presse_figure_imports" ADD CONSTRAINT "presse_figure_imports_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "presse_labour_market_figures" ADD CONSTRAINT "presse_labour_market_figures_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "presse_counters" ADD CONSTRAINT "presse_counters_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "presse_releases" ADD CONSTRAINT "presse_releases_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "presse_settings" ADD CONSTRAINT "presse_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "presse_subscribers" ADD CONSTRAINT "presse_subscribers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "presse_releases_number_uq" ON "presse_releases" USING btree ("tenant_id","year","number");--> statement-breakpoint
CREATE INDEX "presse_releases_visible_idx" ON "presse_releases" USING btree ("tenant_id","visible_from");--> statement-breakpoint
CREATE UNIQUE INDEX "presse_subscribers_email_uq" ON "presse_subscribers" USING btree ("tenant_id","email");--> statement-breakpoint
CREATE UNIQUE INDEX "presse_subscribers_unsub_uq" ON "presse_subscribers" USING btree ("unsubscribe_token_hash");