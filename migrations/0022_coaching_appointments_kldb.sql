CREATE TABLE "coaching_kldb" (
	"tenant_id" uuid NOT NULL,
	"kldb" text NOT NULL,
	"title" text NOT NULL,
	"imported_at" timestamp with time zone NOT NULL,
	CONSTRAINT "coaching_kldb_tenant_id_kldb_pk" PRIMARY KEY("tenant_id","kldb")
);
--> statement-breakpoint
CREATE TABLE "coaching_kldb_importe" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_by" uuid NOT NULL,
	"file_name" text NOT NULL,
	"rows" jsonb NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"committed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "coaching_aktivitaeten" ADD COLUMN "termin_id" uuid;--> statement-breakpoint
ALTER TABLE "coaching_teilnehmende" ADD COLUMN "mail_language" text DEFAULT 'de' NOT NULL;--> statement-breakpoint
ALTER TABLE "coaching_kldb" ADD CONSTRAINT "coaching_kldb_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_kldb_importe" ADD CONSTRAINT "coaching_kldb_importe_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coaching_kldb_title_idx" ON "coaching_kldb" USING btree ("tenant_id","title");