CREATE TABLE "feedback_responses" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service" text NOT NULL,
	"rating" smallint NOT NULL,
	"comment" text,
	"day" date NOT NULL,
	CONSTRAINT "feedback_responses_rating_check" CHECK ("feedback_responses"."rating" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "feedback_responses" ADD CONSTRAINT "feedback_responses_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feedback_responses_service_idx" ON "feedback_responses" USING btree ("tenant_id","service","day");