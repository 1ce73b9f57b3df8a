-- What a booking costs the database, second pass (ADR 0427): measured per statement with pg_stat_statements
-- (track = all), a booking spent 86 µs choosing its seats and 16 µs calling the outbox's function around its INSERT.
-- The seat choice now reads a unit's taken seats in one range scan of the seat key instead of probing the key once
-- per seat number; termin_book writes the outbox row and takes the address's lock itself. Same statements, same
-- locks, same order.
CREATE OR REPLACE FUNCTION termin_take_seats(
  p_tenant uuid, p_location uuid, p_units timestamptz[], p_slot_minutes int, p_max_seat int,
  p_appointment uuid, p_expires timestamptz, p_now timestamptz
) RETURNS boolean LANGUAGE plpgsql VOLATILE
-- As in migration booking_cost: the generic plan, kept per connection.
SET plan_cache_mode = force_generic_plan AS $$
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
          -- The unit's taken seats in one range scan of the seat key (evaluated once per unit).
          WHERE s <> ALL (ARRAY(
            SELECT x.seat_no FROM termin_seats x
            WHERE x.tenant_id = p_tenant AND x.location_id = p_location
              AND x.unit_start = u.unit_start
              AND (x.expires_at IS NULL OR x.expires_at > p_now)))
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
  INSERT INTO termin_manage_tokens (tenant_id, token_hash, appointment_id, expires_at)
  VALUES (p_tenant, p_token_hash, v_appt.id, p_token_expires);
  IF p_mail IS NOT NULL THEN
    -- outbox_enqueue_deferred's statement, written here: a nested function call costs a statement of its own.
    INSERT INTO outbox_messages (tenant_id, kind, "to", subject, text, render, next_attempt_at)
    VALUES (p_tenant, p_mail->>'kind', p_mail->>'to', '', '', jsonb_build_object('renderer', p_mail->>'renderer', 'data', p_mail->'data'), 'epoch'::timestamptz);
  END IF;
  -- The address's lock before its count: the count runs in a later statement, so its snapshot holds every
  -- booking of the address committed before the lock was granted.
  IF p_cap_email IS NOT NULL THEN
    PERFORM pg_advisory_xact_lock(hashtextextended(p_tenant::text || ':' || p_cap_email, 0)); -- termin_lock_email
    IF termin_future_appointments(p_tenant, p_cap_email, v_appt.created_at, v_appt.id) >= p_max_future THEN
      RAISE EXCEPTION 'termin_book:too_many';
    END IF;
  END IF;
  IF NOT termin_take_seats(p_tenant, v_appt.location_id, p_units, p_slot_minutes, p_max_seat, v_appt.id, v_appt.confirm_by, v_appt.created_at) THEN
    RAISE EXCEPTION 'termin_book:no_seat';
  END IF;
  RETURN 'booked';
END;
$$;
