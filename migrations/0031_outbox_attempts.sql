ALTER TABLE "outbox_messages" ADD COLUMN "last_attempt_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "outbox_sent_idx" ON "outbox_messages" USING btree ("status","sent_at");