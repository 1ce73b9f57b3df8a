// Places and the waitlist of one session. Every function here runs inside a transaction that holds the lock on
// the session row (sessionsRepository.lock), so two cancellations, an expiry and a hundred requests at once are
// applied one after the other: never more places than seats, never two offers for one seat. The seat index and
// trigger in the database refuse an over-given place even if this code were wrong.
import type { TenantDb } from '#shared/db/tenant-scope.js';
import type { SeminarCtx } from './context.js';
import { notify } from './notify.js';
import { freeSeats, offerExpiry } from './places.js';
import * as enrolmentsRepository from './enrolments.repository.js';
import * as sessionsRepository from './sessions.repository.js';
import * as settingsRepository from './settings.repository.js';
import type { EnrolmentStatus, SeminarEnrolment, SeminarSession } from './seminare.tables.js';

/** Locks the session; undefined when it does not exist in this tenant. */
export function lockSession(tx: TenantDb, sessionId: string): Promise<SeminarSession | undefined> {
  return sessionsRepository.lock(tx, sessionId);
}

/**
 * An approved request: a free seat at once when nobody is waiting, otherwise the end of the waitlist (by request
 * time). Returns the updated request, or undefined if it was no longer in `from`.
 */
export async function admit(ctx: SeminarCtx, tx: TenantDb, session: SeminarSession, enrolment: SeminarEnrolment, from: readonly EnrolmentStatus[], extra: Partial<SeminarEnrolment> = {}) {
  const now = ctx.deps.clock.now();
  const free = freeSeats(session.seats, await enrolmentsRepository.heldSeats(tx, session.id));
  const queue = (await enrolmentsRepository.waiting(tx, session.id, 1)).filter((w) => w.id !== enrolment.id);
  const seat = queue.length === 0 ? free[0] : undefined;
  const updated = await enrolmentsRepository.transition(tx, enrolment.id, from, {
    ...extra,
    status: seat ? 'confirmed' : 'waitlisted',
    seatNo: seat ?? null,
    updatedAt: now,
  });
  if (updated) await notify(ctx, tx, updated, session, updated.status === 'confirmed' ? 'confirmed' : 'waitlisted');
  return updated;
}

/** Offers every free seat to the next people on the waitlist (first come, first served). Returns the offers made. */
export async function fillPlaces(ctx: SeminarCtx, tx: TenantDb, session: SeminarSession): Promise<SeminarEnrolment[]> {
  if (session.status !== 'planned') return [];
  const now = ctx.deps.clock.now();
  const [firstDay] = await sessionsRepository.days(tx, [session.id]);
  // Once the session has begun nobody could take up an offer.
  if (firstDay && firstDay.startsAt <= now) return [];
  const free = freeSeats(session.seats, await enrolmentsRepository.heldSeats(tx, session.id));
  if (free.length === 0) return [];
  const settings = await settingsRepository.get(tx);
  const expires = offerExpiry(now, settings.offerHours, firstDay?.startsAt);
  const offers: SeminarEnrolment[] = [];
  for (const [i, next] of (await enrolmentsRepository.waiting(tx, session.id, free.length)).entries()) {
    const offered = await enrolmentsRepository.transition(tx, next.id, ['waitlisted'], { status: 'offered', seatNo: free[i]!, offerExpiresAt: expires, updatedAt: now });
    if (!offered) continue;
    await notify(ctx, tx, offered, session, 'offered');
    offers.push(offered);
  }
  return offers;
}

/** Gives up the seat of a request (cancelled, declined, expired) and offers it on. */
export async function release(ctx: SeminarCtx, tx: TenantDb, session: SeminarSession, enrolment: SeminarEnrolment, status: EnrolmentStatus, extra: Partial<SeminarEnrolment> = {}) {
  const now = ctx.deps.clock.now();
  const updated = await enrolmentsRepository.transition(tx, enrolment.id, [enrolment.status], { ...extra, status, seatNo: null, offerExpiresAt: null, updatedAt: now });
  if (!updated) return undefined;
  if (enrolment.seatNo !== null) await fillPlaces(ctx, tx, session);
  return updated;
}
