// Handlers of the desk's forms that change bookings: move or cancel an appointment (the booking module mails the
// citizen), book by phone, close a location for (part of) a day. Routes are listed in desk.routes.ts.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { FieldError } from '#shared/http/errors.js';
import { formField, safeParseForm, submittedTexts } from '#shared/http/validation.js';
import { isUuid } from '#shared/ids.js';
import { berlinDate, berlinTime, formatDayLong, isLocalDate } from '#shared/time.js';
import { bookingService } from '../termine/index.js';
import { codeOf, requireLocation, termineCtx } from './desk.service.js';
import { fieldErrors, type DeskKit, type Loc } from './desk-kit.js';
import { cancelAppointment, closeForDay, moveAppointment, phoneBooking } from './manage.service.js';
import { cancelForm, closureForm, moveForm, phoneForm, phoneSlotQuery } from './servicepoint.schemas.js';
import { deskServices, localizedText } from './termine.adapter.js';
import { AppointmentPage, ClosurePage, PhoneBookingPage } from './views/Forms.js';

export type Appt = { Params: { loc: string; aid: string } };

/** Move or cancel one appointment of the day view. */
export function appointmentHandlers(kit: DeskKit) {
  const { deps, ctx, home, body } = kit;
  const dayOf = (request: FastifyRequest) => {
    const value = String(formField(request.query, 'date') ?? formField(request.body, 'day') ?? '');
    return isLocalDate(value) ? value : berlinDate(deps.clock.now());
  };
  const loadAppointment = async (request: FastifyRequest<Appt>, day: string) => {
    if (!isUuid(request.params.aid)) return undefined;
    const c = ctx(request);
    const location = await requireLocation(c, request.params.loc);
    const appointment = (await bookingService.listByDay(termineCtx(c), location.id, day)).find((a) => a.id === request.params.aid);
    return appointment ? { appointment, location } : undefined;
  };
  type Found = NonNullable<Awaited<ReturnType<typeof loadAppointment>>>;

  async function appointmentPage(request: FastifyRequest<Appt>, reply: FastifyReply) {
    const found = await loadAppointment(request, dayOf(request));
    if (!found) return reply.callNotFound();
    return reply.render(h(AppointmentPage, found));
  }

  /** A change form's POST: the change returns the notice for the day view, or the field errors for the form. */
  const change = (run: (request: FastifyRequest<Appt>, found: Found) => Promise<FieldError[] | string>) =>
    async function changeSubmit(request: FastifyRequest<Appt>, reply: FastifyReply) {
      const found = await loadAppointment(request, String(body(request).day ?? '') || dayOf(request));
      if (!found) return reply.callNotFound();
      const result = await run(request, found);
      if (typeof result === 'string') return reply.redirect(`${home(request)}?notice=${result}`, 303);
      return reply.status(422).render(h(AppointmentPage, { ...found, values: body(request), errors: result }));
    };

  const moveSubmit = change(async (request) => {
    const parsed = safeParseForm(moveForm, request.body);
    if (!parsed.ok) return parsed.errors;
    try {
      await moveAppointment(ctx(request), request.params.aid, parsed.data.date, parsed.data.time, parsed.data.reason);
      return 'moved';
    } catch (error) {
      return fieldErrors(error);
    }
  });

  const cancelSubmit = change(async (request) => {
    const parsed = safeParseForm(cancelForm, request.body);
    if (!parsed.ok) return parsed.errors.map((e) => ({ ...e, field: 'cancelReason' }));
    await cancelAppointment(ctx(request), request.params.aid, parsed.data.reason);
    return 'cancelled';
  });

  return { appointmentPage, moveSubmit, cancelSubmit };
}

/** Phone bookings (staff pick from the free times of all seats) and closures of a location. */
export function phoneAndClosureHandlers(kit: DeskKit) {
  const { deps, ctx, body } = kit;
  const serviceOptions = async (request: FastifyRequest<Loc>) =>
    (await deskServices(ctx(request))).filter((s) => s.locationIds.includes(request.params.loc)).map((s) => ({ value: s.id, label: localizedText(s.name, request.lang) }));

  // Staff pick from the free times (all seats, staff channel) of the chosen service, persons and day.
  const freeTimes = async (request: FastifyRequest<Loc>, values: Record<string, string>): Promise<{ value: string; label: string }[] | undefined> => {
    const parsed = phoneSlotQuery.safeParse(values);
    if (!parsed.success) return undefined;
    try {
      const query = { locationId: request.params.loc, serviceIds: [parsed.data.serviceId], persons: parsed.data.persons, channel: 'staff' as const, date: parsed.data.date };
      const { times } = await bookingService.listAvailableTimes(termineCtx(ctx(request)), query);
      return times.filter((f) => f.freeSeats > 0).map((f) => ({ value: f.time, label: request.t('servicepoint:phone.slot', { time: f.time, count: f.freeSeats }) }));
    } catch {
      return [];
    }
  };

  async function phonePage(request: FastifyRequest<Loc>, reply: FastifyReply) {
    const location = await requireLocation(ctx(request), request.params.loc);
    const services = await serviceOptions(request);
    const values = { date: berlinDate(deps.clock.now()), persons: '1', serviceId: services[0]?.value ?? '', ...submittedTexts(request.query) };
    return reply.render(h(PhoneBookingPage, { location, services, values, times: await freeTimes(request, values) }));
  }

  async function phoneSubmit(request: FastifyRequest<Loc>, reply: FastifyReply) {
    const location = await requireLocation(ctx(request), request.params.loc);
    const services = await serviceOptions(request);
    const parsed = safeParseForm(phoneForm, request.body);
    const again = async (errors: FieldError[]) =>
      reply.status(422).render(h(PhoneBookingPage, { location, services, values: body(request), errors, times: await freeTimes(request, body(request)) }));
    if (!parsed.ok) return again(parsed.errors);
    try {
      const { date, time, ...rest } = parsed.data;
      const appointment = await phoneBooking(ctx(request), { ...rest, locationId: location.id, day: date, time });
      const booked = { code: codeOf(ctx(request), appointment.id), day: formatDayLong(berlinDate(appointment.startsAt), request.lang), time: berlinTime(appointment.startsAt) };
      return reply.render(h(PhoneBookingPage, { location, services, values: { date, persons: '1' }, booked }));
    } catch (error) {
      return again(fieldErrors(error));
    }
  }

  async function closurePage(request: FastifyRequest<Loc>, reply: FastifyReply) {
    const location = await requireLocation(ctx(request), request.params.loc);
    return reply.render(h(ClosurePage, { location, values: { date: berlinDate(deps.clock.now()) } }));
  }

  async function closureSubmit(request: FastifyRequest<Loc>, reply: FastifyReply) {
    const location = await requireLocation(ctx(request), request.params.loc);
    const parsed = safeParseForm(closureForm, request.body);
    const again = (errors: FieldError[]) => reply.status(422).render(h(ClosurePage, { location, values: body(request), errors }));
    if (!parsed.ok) return again(parsed.errors);
    try {
      const { date, ...rest } = parsed.data;
      const result = await closeForDay(ctx(request), { ...rest, locationId: location.id, day: date });
      return reply.render(h(ClosurePage, { location, result }));
    } catch (error) {
      return again(fieldErrors(error));
    }
  }

  return { phonePage, phoneSubmit, closurePage, closureSubmit };
}
