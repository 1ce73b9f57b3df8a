CREATE TABLE "mitwirkung_items" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"aufforderung_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"document_type" text NOT NULL,
	"description" text NOT NULL,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"review_reason" text,
	"review_note" text
);
--> statement-breakpoint
CREATE TABLE "mitwirkungsaufforderungen" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"bg_nummer" text NOT NULL,
	"message" text NOT NULL,
	"code_hash" text NOT NULL,
	"email" text,
	"lang" text DEFAULT 'de' NOT NULL,
	"created_by" text NOT NULL,
	"application_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unterlagen_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"bg_nummer_pattern" text NOT NULL,
	"bg_nummer_example" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "upload_files" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY NOT NULL,
	"upload_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"pages" integer,
	"sources" jsonb NOT NULL,
	"wrapped_key" text NOT NULL,
	"scan_status" text NOT NULL,
	"scan_signature" text,
	"scanned_at" timestamp with time zone,
	"storage_state" text DEFAULT 'staged' NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "uploads" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"receipt_token_hash" text NOT NULL,
	"receipt_expires_at" timestamp with time zone NOT NULL,
	"aufforderung_id" uuid,
	"item_id" uuid,
	"bg_nummer" text NOT NULL,
	"last_name" text,
	"birth_date" date,
	"document_type" text NOT NULL,
	"email" text,
	"lang" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"scan_status" text NOT NULL,
	"review_status" text DEFAULT 'new' NOT NULL,
	"review_reason" text,
	"review_note" text,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"delete_after" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "mitwirkung_items" ADD CONSTRAINT "mitwirkung_items_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mitwirkung_items" ADD CONSTRAINT "mitwirkung_items_aufforderung_id_mitwirkungsaufforderungen_id_fk" FOREIGN KEY ("aufforderung_id") REFERENCES "public"."mitwirkungsaufforderungen"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mitwirkungsaufforderungen" ADD CONSTRAINT "mitwirkungsaufforderungen_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unterlagen_settings" ADD CONSTRAINT "unterlagen_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "upload_files" ADD CONSTRAINT "upload_files_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "upload_files" ADD CONSTRAINT "upload_files_upload_id_uploads_id_fk" FOREIGN KEY ("upload_id") REFERENCES "public"."uploads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uploads" ADD CONSTRAINT "uploads_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uploads" ADD CONSTRAINT "uploads_aufforderung_id_mitwirkungsaufforderungen_id_fk" FOREIGN KEY ("aufforderung_id") REFERENCES "public"."mitwirkungsaufforderungen"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uploads" ADD CONSTRAINT "uploads_item_id_mitwirkung_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."mitwirkung_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mitwirkung_items_position_idx" ON "mitwirkung_items" USING btree ("tenant_id","aufforderung_id","position");--> statement-breakpoint
CREATE INDEX "mitwirkung_items_due_idx" ON "mitwirkung_items" USING btree ("tenant_id","status","due_date");--> statement-breakpoint
CREATE UNIQUE INDEX "mitwirkung_reference_idx" ON "mitwirkungsaufforderungen" USING btree ("tenant_id","reference");--> statement-breakpoint
CREATE UNIQUE INDEX "mitwirkung_code_idx" ON "mitwirkungsaufforderungen" USING btree ("tenant_id","code_hash");--> statement-breakpoint
CREATE INDEX "mitwirkung_bg_idx" ON "mitwirkungsaufforderungen" USING btree ("tenant_id","bg_nummer");--> statement-breakpoint
CREATE INDEX "upload_files_upload_idx" ON "upload_files" USING btree ("tenant_id","upload_id","position");--> statement-breakpoint
CREATE INDEX "upload_files_storage_idx" ON "upload_files" USING btree ("storage_state","created_at");--> statement-breakpoint
CREATE INDEX "upload_files_scan_idx" ON "upload_files" USING btree ("scan_status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "uploads_reference_idx" ON "uploads" USING btree ("tenant_id","reference");--> statement-breakpoint
CREATE UNIQUE INDEX "uploads_receipt_idx" ON "uploads" USING btree ("tenant_id","receipt_token_hash");--> statement-breakpoint
CREATE INDEX "uploads_inbox_idx" ON "uploads" USING btree ("tenant_id","review_status","received_at");--> statement-breakpoint
CREATE INDEX "uploads_delete_after_idx" ON "uploads" USING btree ("delete_after");