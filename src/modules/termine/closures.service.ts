// Closing a Servicepoint (whole days or hours, also at short notice): no new bookings in that time, and every
// affected citizen gets an e-mail with a personal link to choose a new time. Used by the admin pages and the desk.
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { NotFoundError, ValidationError } from '#shared/http/errors.js';
import type { TermineContext } from './availability.service.js';
import * as bookings from './booking.repository.js';
import { issueLink, manageUrl, sendMail } from './booking.service.js';
import * as repo from './termine.repository.js';
import type { TerminClosure } from './termine.tables.js';

export interface CloseInput {
  locationId: string;
  startsAt: Date;
  endsAt: Date;
  reason: string;
}

/** `within` runs in the same transaction (e.g. the caller's audit entry). */
export async function closeLocation(
  ctx: TermineContext,
  input: CloseInput,
  within?: (tx: TenantDb) => Promise<void>,
): Promise<{ closure: TerminClosure; affected: number }> {
  if (!(input.endsAt.getTime() > input.startsAt.getTime())) {
    throw new ValidationError([{ field: 'endsAt', message: 'termine:errors.closureRange' }]);
  }
  const [location, settings] = await Promise.all([repo.getLocation(ctx.tdb, input.locationId), repo.getSettings(ctx.tdb)]);
  if (!location) throw new NotFoundError();
  const now = ctx.deps.clock.now();
  return ctx.tdb.transaction(async (tx) => {
    await bookings.lockLocation(tx, location.id, 'update');
    const closure = await repo.insertClosure(tx, input);
    // Holds in that time just disappear; the person learns it when booking (the slot is no longer offered).
    for (const held of await bookings.appointmentsBetween(tx, location.id, input.startsAt, input.endsAt, ['held'])) {
      await bookings.deleteAppointment(tx, held.id, bookings.statusIn('held'));
    }
    const affected = await bookings.appointmentsBetween(tx, location.id, input.startsAt, input.endsAt, ['pending', 'booked']);
    for (const a of affected) {
      const updated = await bookings.updateAppointment(
        tx,
        a.id,
        { status: 'cancelled', cancelledAt: now, cancelReason: 'closure', statusChangedAt: now },
        bookings.statusIn('pending', 'booked'),
      );
      if (!updated) continue;
      await bookings.releaseSeats(tx, a.id);
      const link = await issueLink(ctx, tx, updated, settings.retentionDays);
      await sendMail(ctx, tx, 'closure', updated, { link: manageUrl(ctx, link, updated.language), closureReason: input.reason });
    }
    await within?.(tx);
    return { closure, affected: affected.length };
  });
}

export async function removeClosure(ctx: TermineContext, closureId: string): Promise<void> {
  if ((await repo.deleteClosure(ctx.tdb, closureId)) === 0) throw new NotFoundError();
}
