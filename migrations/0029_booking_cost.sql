-- What a booking costs the database (ADR 0330). A SQL function whose body cannot be inlined (an INSERT, an
-- aggregate) is planned again on every call; as PL/pgSQL its plan is kept per connection. Same statements.
CREATE OR REPLACE FUNCTION outbox_enqueue_deferred(p_tenant uuid, p_kind text, p_to text, p_renderer text, p_data jsonb)
RETURNS void LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  INSERT INTO outbox_messages (tenant_id, kind, "to", subject, text, render, next_attempt_at)
  VALUES (p_tenant, p_kind, p_to, '', '', jsonb_build_object('renderer', p_renderer, 'data', p_data), 'epoch'::timestamptz);
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION termin_future_appointments(p_tenant uuid, p_email text, p_now timestamptz, p_except uuid)
RETURNS int LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  RETURN (SELECT count(*)::int FROM termin_appointments a
    WHERE a.tenant_id = p_tenant AND a.email = p_email AND a.starts_at > p_now AND a.status IN ('pending', 'booked') AND a.id <> p_except);
END;
$$;
--> statement-breakpoint
-- The seat statement's plan: PL/pgSQL plans a statement with its parameters' values for its first five calls and
-- keeps doing so while the generic plan looks dearer, which for this statement (a CTE with an INSERT) it always
-- did: every booking planned it again, about a third of the database's CPU per booking. The generic plan uses the
-- same indexes (the seat key, the closures' location index).
ALTER FUNCTION termin_take_seats(uuid, uuid, timestamptz[], int, int, uuid, timestamptz, timestamptz) SET plan_cache_mode = force_generic_plan;
--> statement-breakpoint
-- As in migration booking_function, with the seats taken last: a seat row is locked from its insert to the commit,
-- and a concurrent booking that picked the same seat waits for it, so that span holds nothing else now.
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
    PERFORM outbox_enqueue_deferred(p_tenant, p_mail->>'kind', p_mail->>'to', p_mail->>'renderer', p_mail->'data');
  END IF;
  -- The address's lock before its count: the count runs in a later statement, so its snapshot holds every
  -- booking of the address committed before the lock was granted.
  IF p_cap_email IS NOT NULL THEN
    PERFORM termin_lock_email(p_tenant, p_cap_email);
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
