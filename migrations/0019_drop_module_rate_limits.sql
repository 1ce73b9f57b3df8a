DROP TABLE "servicepoint_rate_limits" CASCADE;--> statement-breakpoint
DROP TABLE "termin_rate_limits" CASCADE;