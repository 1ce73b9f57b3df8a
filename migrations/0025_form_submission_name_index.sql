ALTER TABLE "form_submissions" ADD COLUMN "name_index" text[];--> statement-breakpoint
CREATE INDEX "form_submissions_name_idx" ON "form_submissions" USING gin ("name_index");--> statement-breakpoint
CREATE INDEX "form_submissions_name_pending_idx" ON "form_submissions" USING btree ("id") WHERE "form_submissions"."name_index" is null;