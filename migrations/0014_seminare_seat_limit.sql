-- Seminare: the database refuses more places than seats (doc/adr/0140). A place is a seat number held by a
-- confirmed participant or an open offer; seat numbers are unique per session (index in 0013_seminare_tables) and must not
-- exceed the session's seats. Lowering the seats below a held seat number is refused too.
CREATE OR REPLACE FUNCTION seminar_enrolments_seat_limit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.seat_no IS NOT NULL AND NEW.seat_no > (SELECT seats FROM seminar_sessions WHERE id = NEW.session_id) THEN
    RAISE EXCEPTION 'seminar session % has no seat %', NEW.session_id, NEW.seat_no USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER seminar_enrolments_seat_limit BEFORE INSERT OR UPDATE OF seat_no ON "seminar_enrolments" FOR EACH ROW EXECUTE FUNCTION seminar_enrolments_seat_limit();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION seminar_sessions_seat_floor() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.seats < OLD.seats AND EXISTS (SELECT 1 FROM seminar_enrolments WHERE session_id = NEW.id AND seat_no > NEW.seats) THEN
    RAISE EXCEPTION 'seminar session % has places above % seats', NEW.id, NEW.seats USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER seminar_sessions_seat_floor BEFORE UPDATE OF seats ON "seminar_sessions" FOR EACH ROW EXECUTE FUNCTION seminar_sessions_seat_floor();
