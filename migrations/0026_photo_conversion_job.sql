ALTER TABLE "upload_files" ADD COLUMN "part_of" uuid;--> statement-breakpoint
ALTER TABLE "upload_files" ADD COLUMN "conversion_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "upload_files" ADD COLUMN "conversion_leased_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "uploads" ADD COLUMN "conversion" text;--> statement-breakpoint
CREATE INDEX "upload_files_part_of_idx" ON "upload_files" USING btree ("tenant_id","part_of");