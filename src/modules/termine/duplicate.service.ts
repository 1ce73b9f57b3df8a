// The same e-mail address booking the same concern at the same place and time twice is rarely meant (a lost mail, a
// second tab, a reload days later). The check step warns and offers to send the personal link of the booking that
// exists, by mail only: the page never shows that booking's data, since whoever holds this journey has no token for it.
import type { TermineContext } from './availability.service.js';
import * as bookings from './booking.repository.js';
import { issueLink, journey, manageUrl, sendMail } from './booking.service.js';
import { FIND_LIMITS } from './find.service.js';
import { enforceLimits, HOUR_MS } from './protection.js';
import * as repo from './termine.repository.js';
import type { Appointment } from './termine.tables.js';

const sameServices = (a: string[], b: string[]) => a.length === b.length && a.every((id) => b.includes(id));

/** The earlier booking of the held appointment's address with the same concerns, place and start, if any. */
export async function sameBookingAs(ctx: TermineContext, held: Appointment): Promise<Appointment | undefined> {
  const email = held.email?.trim().toLowerCase();
  if (!email) return undefined;
  const candidates = await bookings.sameStartByEmail(ctx.tdb, { email, locationId: held.locationId, startsAt: held.startsAt, exceptId: held.id });
  return candidates.find((a) => sameServices(a.serviceIds, held.serviceIds));
}

/**
 * Mails a new personal link of the earlier booking to its address and releases the journey's hold (the person keeps
 * the booking they have). Limited like "find my appointment". False when there is no such booking (any more).
 */
export async function resendSameBooking(ctx: TermineContext, holdToken: string): Promise<boolean> {
  const held = await journey(ctx, holdToken);
  if (held?.status !== 'held' || !held.email) return false;
  await enforceLimits(ctx, [
    { name: 'find:ip', subject: ctx.clientIp ?? '', max: FIND_LIMITS.perIpHour, windowMs: HOUR_MS },
    { name: 'find:email', subject: held.email.trim().toLowerCase(), max: FIND_LIMITS.perEmailHour, windowMs: HOUR_MS },
  ]);
  const existing = await sameBookingAs(ctx, held);
  if (!existing) return false;
  const settings = await repo.getSettings(ctx.tdb);
  // An unconfirmed booking's mail asks again for confirmation, within the time it has left.
  const minutesLeft = Math.max(1, Math.ceil(((existing.confirmBy?.getTime() ?? 0) - ctx.deps.clock.now().getTime()) / 60_000));
  await ctx.tdb.transaction(async (tx) => {
    const link = await issueLink(ctx, tx, existing, settings.retentionDays);
    await sendMail(ctx, tx, existing.status === 'pending' ? 'confirmRequest' : 'confirmation', existing, {
      link: manageUrl(ctx, link, existing.language),
      confirmMinutes: minutesLeft,
    });
    await bookings.deleteAppointment(tx, held.id, bookings.statusIn('held'));
  });
  return true;
}
