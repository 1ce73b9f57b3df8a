// Staff changes to bookings through the booking module (its mails tell the citizen): move, cancel, phone
// booking and closures. Each runs inside our transaction (the booking module's own becomes a savepoint), so the
// audit row exists exactly when the change does.
import { ValidationError } from '#shared/http/errors.js';
import { bookingService, closeLocation, type Appointment } from '../termine/index.js';
import { audit, requireLocation, termineCtx, type DeskContext } from './desk.service.js';
import { instantOf } from './queue.js';
import { berlinDate } from '#shared/time.js';

function at(day: string, time: string, field: string): Date {
  const instant = instantOf(day, time);
  if (!instant) throw new ValidationError([{ field, message: 'servicepoint:errors.time' }]);
  return instant;
}

export async function cancelAppointment(ctx: DeskContext, appointmentId: string, reason: string): Promise<Appointment> {
  return ctx.tdb.transaction(async (tx) => {
    const tctx = termineCtx(ctx, tx);
    const cancelled = await bookingService.cancel(tctx, await bookingService.appointment(tctx, appointmentId), { by: 'staff', reason });
    await audit(ctx, tx, 'servicepoint.appointment.cancel', 'termin_appointment', appointmentId, reason);
    return cancelled;
  });
}

export async function moveAppointment(ctx: DeskContext, appointmentId: string, day: string, time: string, reason: string): Promise<Appointment> {
  const startsAt = at(day, time, 'time');
  return ctx.tdb.transaction(async (tx) => {
    const tctx = termineCtx(ctx, tx);
    const moved = await bookingService.reschedule(tctx, await bookingService.appointment(tctx, appointmentId), startsAt, 'staff', reason);
    await audit(ctx, tx, 'servicepoint.appointment.move', 'termin_appointment', appointmentId, reason);
    return moved;
  });
}

export interface PhoneBookingInput {
  locationId: string;
  serviceId: string;
  persons: number;
  day: string;
  time: string;
  name: string;
  email?: string | undefined;
  phone?: string | undefined;
}

/** Booking on behalf of a caller: the booking module's staff channel (all seats, no captcha). */
export async function phoneBooking(ctx: DeskContext, input: PhoneBookingInput): Promise<Appointment> {
  await requireLocation(ctx, input.locationId);
  const startsAt = at(input.day, input.time, 'time');
  return ctx.tdb.transaction(async (tx) => {
    const { appointment } = await bookingService.staffBook(termineCtx(ctx, tx), {
      locationId: input.locationId,
      serviceIds: [input.serviceId],
      persons: input.persons,
      startsAt,
      contact: { name: input.name, email: input.email || undefined, phone: input.phone || undefined },
    });
    await audit(ctx, tx, 'servicepoint.phone_booking', 'termin_appointment', appointment.id);
    return appointment;
  });
}

export interface ClosureInput {
  locationId: string;
  day: string;
  from?: string | undefined;
  until?: string | undefined;
  reason: string;
}

/** Closes a location for a day or some hours; returns the bookings that were affected (the module mails them). */
export async function closeForDay(ctx: DeskContext, input: ClosureInput): Promise<{ affected: Appointment[]; startsAt: Date; endsAt: Date }> {
  await requireLocation(ctx, input.locationId);
  const startsAt = input.from ? at(input.day, input.from, 'from') : at(input.day, '00:00', 'day');
  const endsAt = input.until ? at(input.day, input.until, 'until') : new Date(at(input.day, '00:00', 'day').getTime() + 86_400_000);
  if (endsAt <= startsAt) throw new ValidationError([{ field: 'until', message: 'servicepoint:errors.range' }]);
  if (berlinDate(startsAt) < berlinDate(ctx.deps.clock.now())) throw new ValidationError([{ field: 'day', message: 'servicepoint:errors.past' }]);
  return ctx.tdb.transaction(async (tx) => {
    const before = await bookingService.listByDay(termineCtx(ctx, tx), input.locationId, input.day);
    const affected = before.filter((a) => (a.status === 'booked' || a.status === 'pending') && a.startsAt < endsAt && a.endsAt > startsAt);
    const { closure } = await closeLocation(termineCtx(ctx, tx), { locationId: input.locationId, startsAt, endsAt, reason: input.reason });
    await audit(ctx, tx, 'servicepoint.closure', 'termin_closure', closure.id, input.reason);
    return { affected, startsAt, endsAt };
  });
}
