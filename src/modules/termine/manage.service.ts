// After booking: view, confirm (double opt-in), move and cancel through the personal link; the desk's states.
import { ConflictError, NotFoundError, ValidationError } from '#shared/http/errors.js';
import { fixedT } from '#shared/i18n/index.js';
import type { LocalDate } from './holidays.js';
import { resolveSlot, type TermineContext } from './availability.service.js';
import { bookingCodeOf } from './booking-code.js';
import * as bookings from './booking.repository.js';
import { issueLink, keepOrRetake, manageUrl, seatOrConflict, sendMail, slotQueryOf, takeSlotSeats } from './booking.service.js';
import { localized, localizedList } from './format.js';
import { appointmentIcs } from './mails/ics.js';
import { DAY_MS } from './protection.js';
import * as repo from './termine.repository.js';
import { appointmentStatuses, type Appointment, type AppointmentStatus, type TerminLocation, type TerminService } from './termine.tables.js';
import { hashTokenBase64url, isToken } from '#shared/crypto.js';
import { parseLocalDate } from '#shared/time.js';

export interface AppointmentView {
  appointment: Appointment;
  location: TerminLocation;
  services: TerminService[];
  /** For the Servicepoint check-in (kiosk or desk). */
  bookingCode: string;
}

export async function describe(ctx: TermineContext, appointment: Appointment): Promise<AppointmentView> {
  const [location, services] = await Promise.all([
    repo.getLocation(ctx.tdb, appointment.locationId),
    repo.servicesByIds(ctx.tdb, appointment.serviceIds),
  ]);
  return {
    appointment,
    location: location!,
    services: appointment.serviceIds.map((id) => services.find((s) => s.id === id)!).filter(Boolean),
    bookingCode: bookingCodeOf(ctx, appointment.id),
  };
}

/** The appointment a personal link opens; 404 for anything unknown, expired or revoked (nothing is revealed). */
export async function byManageToken(ctx: TermineContext, token: string): Promise<Appointment> {
  if (!isToken(token)) throw new NotFoundError('termine:errors.linkInvalid');
  const appointment = await bookings.appointmentByManageToken(ctx.tdb, hashTokenBase64url(token), ctx.deps.clock.now());
  if (!appointment || appointment.anonymisedAt) throw new NotFoundError('termine:errors.linkInvalid');
  return appointment;
}

/** Staff side (desk): an appointment of this tenant by id; 404 when there is none. */
export async function appointmentById(ctx: TermineContext, id: string): Promise<Appointment> {
  const appointment = await bookings.getAppointment(ctx.tdb, id);
  if (!appointment) throw new NotFoundError();
  return appointment;
}

/** API: the id in the path must be the token's appointment, so a token never opens another booking. */
export async function byIdAndToken(ctx: TermineContext, id: string, token: string): Promise<Appointment> {
  const appointment = await byManageToken(ctx, token);
  if (appointment.id !== id) throw new NotFoundError('termine:errors.linkInvalid');
  return appointment;
}

/** What the person may do now with the appointment. */
export function allowedActions(a: Appointment, now: Date): { confirm: boolean; cancel: boolean; move: boolean } {
  const future = a.startsAt.getTime() > now.getTime();
  const active = a.status === 'booked' || a.status === 'pending';
  return {
    confirm: a.status === 'pending' && future && (a.confirmBy?.getTime() ?? 0) > now.getTime(),
    cancel: active && future,
    move: future ? active || (a.status === 'cancelled' && a.cancelReason === 'closure') : a.status === 'cancelled' && a.cancelReason === 'closure',
  };
}

/** Double opt-in: the person confirms the loaded appointment (a no-op when it is booked already). */
export async function confirm(ctx: TermineContext, a: Appointment): Promise<Appointment> {
  if (a.status === 'booked') return a;
  const now = ctx.deps.clock.now();
  if (!allowedActions(a, now).confirm) throw new ConflictError('termine:errors.confirmExpired');
  const slot = await resolveSlot(ctx, { ...slotQueryOf(a), channel: 'staff', startsAt: a.startsAt });
  const settings = slot.plan.settings;
  return seatOrConflict(ctx, slotQueryOf(a), slot, () =>
    ctx.tdb.transaction(async (tx) => {
      const updated = await bookings.updateAppointment(tx, a.id, { status: 'booked', confirmBy: null, statusChangedAt: now }, bookings.statusIn('pending'));
      if (!updated) return (await bookings.getAppointment(tx, a.id))!;
      // Seats still live are kept; lapsed ones must still be within the online seats.
      await keepOrRetake(tx, { ...slot, maxSeat: slot.plan.config.seatsOnline }, a.id, null, now);
      const link = await issueLink(ctx, tx, updated, settings.retentionDays);
      await sendMail(ctx, tx, 'confirmation', updated, { link: manageUrl(ctx, link, updated.language) });
      return updated;
    }),
  );
}

/** Who cancels; `reason`, when staff gives one, is told to the citizen in the e-mail ("Grund: …"). */
export type Cancellation = { by: 'citizen' } | { by: 'staff'; reason?: string | undefined };

/** Cancels the loaded appointment and releases its seats (a no-op when it is cancelled already). */
export async function cancel(ctx: TermineContext, a: Appointment, cancellation: Cancellation): Promise<Appointment> {
  if (a.status === 'cancelled') return a;
  const reason = cancellation.by;
  const staffReason = cancellation.by === 'staff' ? cancellation.reason : undefined;
  const now = ctx.deps.clock.now();
  if (!allowedActions(a, now).cancel) throw new ConflictError('termine:errors.notCancellable');
  return ctx.tdb.transaction(async (tx) => {
    const updated = await bookings.updateAppointment(
      tx,
      a.id,
      { status: 'cancelled', cancelledAt: now, cancelReason: reason, statusChangedAt: now },
      bookings.statusIn('pending', 'booked'),
    );
    if (!updated) return (await bookings.getAppointment(tx, a.id))!;
    await bookings.releaseSeats(tx, a.id);
    await sendMail(ctx, tx, 'cancellation', updated, { link: `${ctx.deps.config.publicUrl}/t/${ctx.tenant.slug}/termine`, reason: staffReason });
    return updated;
  });
}

/**
 * Moves the loaded appointment to `startsAt` in one transaction: the old seats are released and the new ones
 * taken; if the new time is gone, the rollback keeps the old appointment. Also rebooks after a closure. Staff
 * (channel 'staff') may move any time and may give a `staffReason`, told to the citizen in the e-mail.
 */
export async function reschedule(ctx: TermineContext, a: Appointment, startsAt: Date, channel: 'online' | 'staff' = 'online', staffReason?: string): Promise<Appointment> {
  const now = ctx.deps.clock.now();
  if (!allowedActions(a, now).move && channel === 'online') throw new ConflictError('termine:errors.notMovable');
  const query = { ...slotQueryOf(a), channel };
  const slot = await resolveSlot(ctx, { ...query, startsAt });
  const settings = slot.plan.settings;
  const status = a.status === 'pending' ? 'pending' : 'booked';
  const seatExpiry = status === 'pending' ? a.confirmBy : null;
  return seatOrConflict(ctx, query, slot, () =>
    ctx.tdb.transaction(async (tx) => {
      const updated = await bookings.updateAppointment(
        tx,
        a.id,
        {
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          status,
          reminderSentAt: null,
          cancelledAt: null,
          cancelReason: null,
          rescheduleCount: a.rescheduleCount + 1,
          statusChangedAt: now,
        },
        // Optimistic lock: a concurrent move or cancel of the same appointment wins, this one retries the page.
        bookings.statusIn(a.status),
        bookings.rescheduleCountIs(a.rescheduleCount),
      );
      if (!updated) throw new ConflictError('termine:errors.changedMeanwhile');
      await bookings.lockLocation(tx, a.locationId, 'key share');
      await bookings.releaseSeats(tx, a.id);
      await takeSlotSeats(tx, slot, a.id, seatExpiry, now);
      await bookings.extendManageTokens(tx, a.id, new Date(slot.endsAt.getTime() + settings.retentionDays * DAY_MS));
      const link = await issueLink(ctx, tx, updated, settings.retentionDays);
      await sendMail(ctx, tx, 'rescheduled', updated, { link: manageUrl(ctx, link, updated.language), reason: staffReason });
      return updated;
    }),
  );
}

// ---- staff side (Servicepoint desk, issue 6) ----

/** Desk states: which status may follow which (cancel and move have their own use cases). */
export const deskTransitions: Partial<Record<AppointmentStatus, AppointmentStatus[]>> = {
  booked: ['arrived', 'no_show'],
  arrived: ['called', 'no_show'],
  called: ['in_progress', 'arrived', 'no_show'],
  in_progress: ['done'],
};

export async function setStatus(ctx: TermineContext, id: string, to: AppointmentStatus): Promise<Appointment> {
  const a = await bookings.getAppointment(ctx.tdb, id);
  if (!a) throw new NotFoundError();
  if (!deskTransitions[a.status]?.includes(to)) {
    throw new ValidationError([{ field: 'status', message: 'termine:errors.statusTransition', params: { from: a.status, to } }]);
  }
  const updated = await bookings.updateAppointment(ctx.tdb, id, { status: to, statusChangedAt: ctx.deps.clock.now() }, bookings.statusIn(a.status));
  if (!updated) throw new ConflictError('termine:errors.changedMeanwhile');
  return updated;
}

export interface StatusMark {
  status: AppointmentStatus;
  statusChangedAt: Date | null;
}

/**
 * Takes back a desk status change (the Servicepoint's undo): sets the status and its time back to `previous`, but
 * only while the appointment is still exactly as the change left it (`expected`); otherwise a conflict.
 */
export async function restoreStatus(ctx: TermineContext, id: string, expected: StatusMark, previous: StatusMark): Promise<Appointment> {
  const updated = await bookings.updateAppointment(ctx.tdb, id, { status: previous.status, statusChangedAt: previous.statusChangedAt }, bookings.statusIn(expected.status), bookings.statusChangedAtIs(expected.statusChangedAt));
  if (!updated) throw new ConflictError('termine:errors.changedMeanwhile');
  return updated;
}

const dayStatuses = appointmentStatuses.filter((status) => status !== 'held' && status !== 'expired');

/** Appointments of a location on a local date, in time order (holds and lapsed bookings left out). */
export async function listByDay(ctx: TermineContext, locationId: string, date: LocalDate): Promise<Appointment[]> {
  const day = parseLocalDate(date);
  return bookings.appointmentsBetween(ctx.tdb, locationId, day.toJSDate(), day.plus({ days: 1 }).toJSDate(), dayStatuses);
}

/** The iCalendar file of an appointment for download from the confirmation page. */
export function calendarFile(ctx: TermineContext, view: AppointmentView, lang: string): string {
  const { appointment: a, location, services } = view;
  const t = fixedT(lang);
  const concern = services.map((s) => localized(s.name, lang)).join(', ');
  const bring = [...new Set(services.flatMap((s) => localizedList(s.bringList, lang)))];
  return appointmentIcs({
    uid: `${a.id}@wegweiser`,
    sequence: a.rescheduleCount,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    summary: t('termine:mail.icsSummary', { concern, tenant: ctx.tenant.shortName }),
    location: `${location.name}, ${location.street}, ${location.postalCode} ${location.city}`,
    description: bring.length > 0 ? `${t('termine:summary.bring')}: ${bring.join(', ')}` : '',
    organizer: { name: ctx.tenant.name, email: ctx.tenant.email },
    now: ctx.deps.clock.now(),
  });
}
