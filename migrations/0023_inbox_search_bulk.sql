CREATE TABLE "staff_list_filters" (
	"tenant_id" uuid NOT NULL,
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"inbox" text NOT NULL,
	"name" text,
	"params" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "uploads" ADD COLUMN "assigned_to" uuid;--> statement-breakpoint
ALTER TABLE "staff_list_filters" ADD CONSTRAINT "staff_list_filters_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "staff_list_filters_user_idx" ON "staff_list_filters" USING btree ("tenant_id","user_id","inbox","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_list_filters_name_idx" ON "staff_list_filters" USING btree ("tenant_id","user_id","inbox","name");--> statement-breakpoint
CREATE INDEX "uploads_last_name_idx" ON "uploads" USING btree ("tenant_id",lower("last_name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "uploads_received_idx" ON "uploads" USING btree ("tenant_id","received_at");--> statement-breakpoint
CREATE INDEX "uploads_assigned_idx" ON "uploads" USING btree ("tenant_id","assigned_to");