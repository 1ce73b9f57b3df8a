-- The key to the appointment (tenant_id, appointment_id) implies the tenant: a second key to tenants was checked
-- on every seat and link written, with a row lock on the tenant (ADR 0427).
ALTER TABLE "termin_manage_tokens" DROP CONSTRAINT "termin_manage_tokens_tenant_id_tenants_id_fk";
--> statement-breakpoint
ALTER TABLE "termin_seats" DROP CONSTRAINT "termin_seats_tenant_id_tenants_id_fk";
