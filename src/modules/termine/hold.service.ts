// Holding a slot while the person types their details (the journey's state lives on the held appointment), and
// extending the hold (WCAG 2.2.1). The seats table's primary key decides who gets a seat, as for a booking.
import { hashTokenBase64url, newToken } from '#shared/crypto.js';
import { ConflictError } from '#shared/http/errors.js';
import { resolveSlot, type SlotQuery, type TermineContext } from './availability.service.js';
import * as bookings from './booking.repository.js';
import { holdGone, journey, keepOrRetake, seatOrConflict, slotQueryOf, takeSlotSeats, type Contact } from './booking.service.js';
import { enforceLimits, HOUR_MS } from './protection.js';

export const MAX_HOLD_EXTENSIONS = 3;

export interface HoldInput extends SlotQuery {
  startsAt: Date;
  language: string;
  /** The journey's previous hold, released in the same transaction. */
  replaceHoldToken?: string | undefined;
}

export async function hold(
  ctx: TermineContext,
  input: HoldInput,
): Promise<{ holdToken: string; appointmentId: string; expiresAt: Date; startsAt: Date; endsAt: Date }> {
  const slot = await resolveSlot(ctx, input);
  const settings = slot.plan.settings;
  if (input.channel === 'online') {
    await enforceLimits(ctx, [{ name: 'hold:ip', subject: ctx.clientIp ?? '', max: settings.holdsPerIpHour, windowMs: HOUR_MS }]);
  }
  const now = ctx.deps.clock.now();
  const holdToken = newToken();
  const expiresAt = new Date(now.getTime() + settings.holdMinutes * 60_000);
  const appointment = await seatOrConflict(ctx, input, slot, () =>
    ctx.tdb.transaction(async (tx) => {
      // A new time in the same journey replaces the old hold and keeps the contact details typed in.
      const previous = input.replaceHoldToken ? await bookings.appointmentByHold(tx, hashTokenBase64url(input.replaceHoldToken)) : undefined;
      const carried = previous?.status === 'held' ? { name: previous.name, email: previous.email, phone: previous.phone, bgNummer: previous.bgNummer } : {};
      if (previous?.status === 'held') await bookings.deleteAppointment(tx, previous.id, bookings.statusIn('held'));
      const row = await bookings.insertAppointment(tx, {
        ...carried,
        locationId: input.locationId,
        serviceIds: slot.plan.services.map((s) => s.id),
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        persons: input.persons,
        status: 'held',
        channel: input.channel,
        language: input.language,
        holdTokenHash: hashTokenBase64url(holdToken),
        holdExpiresAt: expiresAt,
        createdAt: now,
      });
      await takeSlotSeats(tx, slot, row.id, expiresAt, now);
      return row;
    }),
  );
  return { holdToken, appointmentId: appointment.id, expiresAt, startsAt: slot.startsAt, endsAt: slot.endsAt };
}

/** Journey state: the contact details typed in are kept on the held appointment, not in the browser. */
export async function saveContact(ctx: TermineContext, holdToken: string, contact: Contact): Promise<void> {
  const held = await journey(ctx, holdToken);
  if (held?.status !== 'held') throw holdGone();
  await bookings.updateAppointment(
    ctx.tdb,
    held.id,
    { name: contact.name, email: contact.email ?? null, phone: contact.phone || null, bgNummer: contact.bgNummer || null },
    bookings.statusIn('held'),
  );
}

/** Gives the person another holdMinutes (WCAG 2.2.1: a time limit can be extended), at most three times. */
export async function extendHold(ctx: TermineContext, holdToken: string): Promise<Date> {
  const held = await journey(ctx, holdToken);
  if (held?.status !== 'held') throw holdGone();
  if (held.holdExtensions >= MAX_HOLD_EXTENSIONS) throw new ConflictError('termine:errors.noMoreExtensions', { max: MAX_HOLD_EXTENSIONS });
  const slot = await resolveSlot(ctx, { ...slotQueryOf(held), startsAt: held.startsAt });
  const now = ctx.deps.clock.now();
  const expiresAt = new Date(now.getTime() + slot.plan.settings.holdMinutes * 60_000);
  await seatOrConflict(ctx, slotQueryOf(held), slot, () =>
    ctx.tdb.transaction(async (tx) => {
      const updated = await bookings.updateAppointment(
        tx,
        held.id,
        { holdExpiresAt: expiresAt, holdExtensions: held.holdExtensions + 1 },
        bookings.statusIn('held'),
      );
      if (!updated) throw holdGone();
      await keepOrRetake(tx, slot, held.id, expiresAt, now);
    }),
  );
  return expiresAt;
}
