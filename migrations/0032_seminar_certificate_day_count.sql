-- Seminare: a certificate keeps how many days it names (doc/adr/0418), written at issue from the session's days.
-- Existing certificates are counted from their frozen text with the separator it was written with ("; " between
-- the days, none inside a German date), so each keeps the "Termin:"/"Termine:" it has printed so far.
ALTER TABLE "seminar_certificates" ADD COLUMN "day_count" integer;--> statement-breakpoint
UPDATE "seminar_certificates" SET "day_count" = coalesce(array_length(string_to_array("dates", '; '), 1), 1);--> statement-breakpoint
ALTER TABLE "seminar_certificates" ALTER COLUMN "day_count" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "seminar_certificates" ADD CONSTRAINT "seminar_certificates_day_count_check" CHECK ("seminar_certificates"."day_count" >= 1);
