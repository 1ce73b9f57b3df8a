-- A booking in one round trip (ADR 0280). Each statement of a VOLATILE PL/pgSQL function takes a fresh snapshot
-- under READ COMMITTED, which the seat retry and the address's cap (lock first, count in a later statement) need.

-- The platform's outbox: a mail the sender renders (outbox_messages.render), written inside the caller's transaction.
CREATE OR REPLACE FUNCTION outbox_enqueue_deferred(p_tenant uuid, p_kind text, p_to text, p_renderer text, p_data jsonb)
RETURNS void LANGUAGE sql VOLATILE AS $$
  INSERT INTO outbox_messages (tenant_id, kind, "to", subject, text, render, next_attempt_at)
  VALUES (p_tenant, p_kind, p_to, '', '', jsonb_build_object('renderer', p_renderer, 'data', p_data), 'epoch'::timestamptz);
$$;
--> statement-breakpoint
-- Serialises the bookings of one e-mail address of a tenant (the cap of future appointments holds under concurrency).
CREATE OR REPLACE FUNCTION termin_lock_email(p_tenant uuid, p_email text) RETURNS void LANGUAGE sql VOLATILE AS $$
  SELECT pg_advisory_xact_lock(hashtextextended(p_tenant::text || ':' || p_email, 0));
$$;
--> statement-breakpoint
-- Takes one seat on every unit for the appointment; false when a unit is full (or closed). A seat lost to a
-- concurrent transaction is retried in the next statement, with a fresh snapshot that holds at least one more
-- committed seat, so the loop ends. Must run inside the transaction that a false result rolls back.
CREATE OR REPLACE FUNCTION termin_take_seats(
  p_tenant uuid, p_location uuid, p_units timestamptz[], p_slot_minutes int, p_max_seat int,
  p_appointment uuid, p_expires timestamptz, p_now timestamptz
) RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_remaining timestamptz[] := p_units;
  v_full int;
  v_seated int;
BEGIN
  IF p_max_seat < 1 THEN
    RETURN false;
  END IF;
  FOR v_attempt IN 0 .. p_max_seat + 1 LOOP
    WITH cand AS (
      SELECT u.unit_start,
        (SELECT s FROM generate_series(1, p_max_seat) s
          WHERE NOT EXISTS (
            SELECT 1 FROM termin_seats x
            WHERE x.tenant_id = p_tenant AND x.location_id = p_location
              AND x.unit_start = u.unit_start AND x.seat_no = s
              AND (x.expires_at IS NULL OR x.expires_at > p_now))
          -- A random free seat, so concurrent bookings of one unit rarely wait for each other.
          ORDER BY random() LIMIT 1) AS seat_no
      FROM unnest(v_remaining) AS u(unit_start)
      -- A closure committed before this statement wins; closing a location locks the location row first.
      WHERE NOT EXISTS (
        SELECT 1 FROM termin_closures c
        WHERE c.tenant_id = p_tenant AND c.location_id = p_location
          AND c.starts_at < u.unit_start + make_interval(mins => p_slot_minutes) AND c.ends_at > u.unit_start)
    ),
    ins AS (
      INSERT INTO termin_seats (tenant_id, location_id, unit_start, seat_no, appointment_id, expires_at)
      SELECT p_tenant, p_location, cand.unit_start, cand.seat_no, p_appointment, p_expires
      FROM cand WHERE cand.seat_no IS NOT NULL ORDER BY cand.unit_start
      ON CONFLICT (tenant_id, location_id, unit_start, seat_no) DO UPDATE
        SET appointment_id = excluded.appointment_id, expires_at = excluded.expires_at
        WHERE termin_seats.expires_at IS NOT NULL AND termin_seats.expires_at <= p_now
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM cand WHERE cand.seat_no IS NULL)::int + cardinality(v_remaining) - (SELECT count(*) FROM cand)::int,
      (SELECT count(*) FROM ins)::int
    INTO v_full, v_seated;
    IF v_full > 0 THEN
      RETURN false;
    END IF;
    IF v_seated = cardinality(v_remaining) THEN
      RETURN true;
    END IF;
    SELECT coalesce(array_agg(u.unit_start ORDER BY u.unit_start), '{}') INTO v_remaining
    FROM unnest(p_units) AS u(unit_start)
    WHERE NOT EXISTS (
      SELECT 1 FROM termin_seats s WHERE s.tenant_id = p_tenant AND s.appointment_id = p_appointment AND s.unit_start = u.unit_start);
    IF cardinality(v_remaining) = 0 THEN
      RETURN true;
    END IF;
  END LOOP;
  RETURN false;
END;
$$;
--> statement-breakpoint
-- The address's booked or pending appointments that have not begun, other than p_except (its cap).
CREATE OR REPLACE FUNCTION termin_future_appointments(p_tenant uuid, p_email text, p_now timestamptz, p_except uuid)
RETURNS int LANGUAGE sql VOLATILE AS $$
  SELECT count(*)::int FROM termin_appointments a
  WHERE a.tenant_id = p_tenant AND a.email = p_email AND a.starts_at > p_now AND a.status IN ('pending', 'booked') AND a.id <> p_except;
$$;
--> statement-breakpoint
-- A new booking, whole: idempotency key, appointment, captcha, the address's lock, seats, personal-link token,
-- confirmation mail (rendered by the sender) and the address's cap of future appointments. Returns 'booked', or
-- 'already_done' when another request holds the idempotency key (nothing written). Every other outcome raises
-- P0001 with the message 'termin_book:<reason>' (captcha_used, no_seat, too_many), which rolls everything back.
CREATE OR REPLACE FUNCTION termin_book(
  p_tenant uuid, p_row jsonb,
  p_units timestamptz[], p_slot_minutes int, p_max_seat int,
  p_idempotency jsonb, p_captcha jsonb,
  p_token_hash text, p_token_expires timestamptz,
  p_mail jsonb, p_cap_email text, p_max_future int
) RETURNS text LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_appt termin_appointments;
  v_claimed int;
BEGIN
  v_appt := jsonb_populate_record(NULL::termin_appointments, p_row);
  v_appt.tenant_id := p_tenant;
  IF p_idempotency IS NOT NULL THEN
    INSERT INTO termin_idempotency (tenant_id, key_hash, fingerprint, appointment_id, token_cipher, created_at)
    VALUES (p_tenant, p_idempotency->>'keyHash', p_idempotency->>'fingerprint', v_appt.id, p_idempotency->>'tokenCipher', v_appt.created_at)
    ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS v_claimed = ROW_COUNT;
    IF v_claimed = 0 THEN
      RETURN 'already_done';
    END IF;
  END IF;
  INSERT INTO termin_appointments SELECT (v_appt).*;
  IF p_captcha IS NOT NULL THEN
    INSERT INTO termin_captcha_uses (tenant_id, challenge_hash, expires_at)
    VALUES (p_tenant, p_captcha->>'hash', (p_captcha->>'expiresAt')::timestamptz)
    ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS v_claimed = ROW_COUNT;
    IF v_claimed = 0 THEN
      RAISE EXCEPTION 'termin_book:captcha_used';
    END IF;
  END IF;
  -- The address's lock before its count: the count below runs in a later statement, so its snapshot holds every
  -- booking of the address committed before the lock was granted.
  IF p_cap_email IS NOT NULL THEN
    PERFORM termin_lock_email(p_tenant, p_cap_email);
  END IF;
  IF NOT termin_take_seats(p_tenant, v_appt.location_id, p_units, p_slot_minutes, p_max_seat, v_appt.id, v_appt.confirm_by, v_appt.created_at) THEN
    RAISE EXCEPTION 'termin_book:no_seat';
  END IF;
  INSERT INTO termin_manage_tokens (tenant_id, token_hash, appointment_id, expires_at)
  VALUES (p_tenant, p_token_hash, v_appt.id, p_token_expires);
  IF p_mail IS NOT NULL THEN
    PERFORM outbox_enqueue_deferred(p_tenant, p_mail->>'kind', p_mail->>'to', p_mail->>'renderer', p_mail->'data');
  END IF;
  IF p_cap_email IS NOT NULL THEN
    IF termin_future_appointments(p_tenant, p_cap_email, v_appt.created_at, v_appt.id) >= p_max_future THEN
      RAISE EXCEPTION 'termin_book:too_many';
    END IF;
  END IF;
  RETURN 'booked';
END;
$$;
