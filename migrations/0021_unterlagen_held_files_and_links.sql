CREATE TABLE "held_upload_files" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"form" text NOT NULL,
	"group_no" integer NOT NULL,
	"position" integer NOT NULL,
	"original_name" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"wrapped_key" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "upload_files" ADD COLUMN "document_type" text;--> statement-breakpoint
ALTER TABLE "uploads" ADD COLUMN "application_id" uuid;--> statement-breakpoint
ALTER TABLE "uploads" ADD COLUMN "application_reference" text;--> statement-breakpoint
ALTER TABLE "held_upload_files" ADD CONSTRAINT "held_upload_files_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "held_upload_files_token_idx" ON "held_upload_files" USING btree ("tenant_id","token_hash","position");--> statement-breakpoint
CREATE INDEX "held_upload_files_expiry_idx" ON "held_upload_files" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "mitwirkung_application_idx" ON "mitwirkungsaufforderungen" USING btree ("tenant_id","application_id");--> statement-breakpoint
CREATE INDEX "uploads_application_idx" ON "uploads" USING btree ("tenant_id","application_id");--> statement-breakpoint
CREATE INDEX "uploads_bg_idx" ON "uploads" USING btree ("tenant_id","bg_nummer");