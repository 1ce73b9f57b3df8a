// Staff pages of the Servicepoint desk below /t/:tenant/staff/servicepoint, all behind 'servicepoint.desk'.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { ValidationError, type FieldError } from '#shared/http/errors.js';
import { formField, parseInput, safeParseForm, submittedTexts } from '#shared/http/validation.js';
import type { AppDeps } from '#shared/module.js';
import { requirePermission } from '../staff/index.js';
import { bookingService, SlotTakenError } from '../termine/index.js';
import { callNext, checkIn, codeOf, dayView, markNoShow, requireLocation, termineCtx, visitAction, visitActions, visitWithEstimate, walkIn, type DeskContext, type VisitAction } from './desk.service.js';
import { cancelAppointment, closeForDay, moveAppointment, phoneBooking } from './manage.service.js';
import { ticketLabel } from './queue.js';
import { appointmentForm, callForm, cancelForm, closureForm, counterCookie, dayQuery, moveForm, phoneForm, phoneSlotQuery, walkInForm } from './servicepoint.schemas.js';
import { registerStatsRoutes } from './stats.routes.js';
import { deskLocations, deskServices, localizedText } from './termine.adapter.js';
import { DayViewPage, LocationList } from './views/DayView.js';
import { AppointmentPage, ClosurePage, PhoneBookingPage, TicketPage } from './views/Forms.js';
import { berlinDate, berlinTime, formatDayLong, isLocalDate } from '#shared/time.js';

type Loc = { Params: { loc: string } };
type Form = Record<string, string>;
const COUNTER_COOKIE = 'ww_schalter';
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function fieldErrors(error: unknown): FieldError[] {
  if (error instanceof ValidationError) return error.fields;
  if (error instanceof SlotTakenError) return [{ field: 'time', message: 'servicepoint:errors.slotTaken' }];
  throw error;
}

export async function deskRoutes(app: FastifyInstance, deps: AppDeps) {
  app.addHook('onRequest', requirePermission(deps, 'servicepoint.desk'));
  app.addHook('preHandler', async (request, reply) => {
    const loc = formField(request.params, 'loc') ?? formField(request.params, 'id');
    if (loc !== undefined && !uuid.test(loc)) return reply.callNotFound();
  });
  const ctx = (request: FastifyRequest): DeskContext => ({ tdb: request.tdb, tenant: request.tenant, deps, staff: request.staff });
  const home = (request: FastifyRequest<Loc>) => `/t/${request.tenant.slug}/staff/servicepoint/${request.params.loc}`;
  const body = (request: FastifyRequest) => submittedTexts(request.body);

  app.get('/staff/servicepoint', async (request, reply) => reply.render(h(LocationList, { locations: await deskLocations(ctx(request)) })));

  // The counter (Schalter) this device sits at: chosen once, kept in a cookie of the desk pages (no personal data).
  const counterOf = (request: FastifyRequest): string | undefined => {
    const parsed = counterCookie.safeParse(request.cookies[COUNTER_COOKIE]);
    return parsed.success ? parsed.data : undefined;
  };
  const rememberCounter = (request: FastifyRequest, reply: FastifyReply, counter: string) =>
    reply.setCookie(COUNTER_COOKIE, counter, {
      path: `/t/${request.tenant.slug}/staff/servicepoint`,
      httpOnly: true,
      sameSite: 'strict',
      secure: deps.config.publicUrl.startsWith('https://'),
      maxAge: 30 * 24 * 3600,
    });

  const renderDay = async (request: FastifyRequest<Loc>, reply: FastifyReply, counter: string | undefined, errors: FieldError[] = []) => {
    const query = parseInput(dayQuery, request.query);
    const today = berlinDate(deps.clock.now());
    const day = query.date && isLocalDate(query.date) ? query.date : today;
    const filter = { serviceId: query.service, counter: query.schalter || undefined, q: query.q || undefined };
    const view = await dayView(ctx(request), request.params.loc, day, filter, counter);
    const notice = query.notice ? request.t(`servicepoint:notices.${query.notice}`, { ticket: query.ticket ? ticketLabel(Number(query.ticket)) : '', counter: counter ?? '' }) : undefined;
    return reply.status(errors.length ? 422 : 200).render(h(DayViewPage, { view: { ...view, today }, filter, notice, myCounter: counter, errors }));
  };

  app.get<Loc>('/staff/servicepoint/:loc', async (request, reply) => renderDay(request, reply, counterOf(request)));

  app.post<Loc>('/staff/servicepoint/:loc/schalter', async (request, reply) => {
    const parsed = safeParseForm(callForm, request.body);
    if (!parsed.ok) return renderDay(request, reply, counterOf(request), parsed.errors);
    rememberCounter(request, reply, parsed.data.counter);
    return reply.redirect(`${home(request)}?notice=counterSet`, 303);
  });

  app.post<Loc>('/staff/servicepoint/:loc/checkin', async (request, reply) => {
    const { appointmentId } = parseInput(appointmentForm, request.body);
    const visit = await checkIn(ctx(request), request.params.loc, appointmentId);
    return reply.redirect(`${home(request)}?notice=checkedIn&ticket=${visit.ticket}`, 303);
  });

  app.post<Loc>('/staff/servicepoint/:loc/noshow', async (request, reply) => {
    const { appointmentId } = parseInput(appointmentForm, request.body);
    await markNoShow(ctx(request), request.params.loc, appointmentId);
    return reply.redirect(`${home(request)}?notice=noShow`, 303);
  });

  app.post<Loc>('/staff/servicepoint/:loc/spontan', async (request, reply) => {
    const { serviceId } = parseInput(walkInForm, request.body);
    const visit = await walkIn(ctx(request), request.params.loc, serviceId);
    return reply.redirect(`/t/${request.tenant.slug}/staff/servicepoint/besuche/${visit.id}`, 303);
  });

  // Calls to the counter of the form, or else to this device's counter; the day list stays unfiltered.
  app.post<Loc>('/staff/servicepoint/:loc/aufruf', async (request, reply) => {
    const typed = formField(request.body, 'counter');
    const parsed = safeParseForm(callForm, { counter: typed?.trim() ? typed : (counterOf(request) ?? '') });
    if (!parsed.ok) return renderDay(request, reply, counterOf(request), parsed.errors);
    const { counter } = parsed.data;
    if (counter !== counterOf(request)) rememberCounter(request, reply, counter);
    const visit = await callNext(ctx(request), request.params.loc, counter);
    const params = new URLSearchParams({ notice: visit ? 'called' : 'empty', ...(visit ? { ticket: String(visit.ticket) } : {}) });
    return reply.redirect(`${home(request)}?${params.toString()}`, 303);
  });

  app.get<{ Params: { id: string } }>('/staff/servicepoint/besuche/:id', async (request, reply) => {
    return reply.render(h(TicketPage, await visitWithEstimate(ctx(request), request.params.id)));
  });

  app.post<{ Params: { id: string; action: string } }>('/staff/servicepoint/besuche/:id/:action', async (request, reply) => {
    if (!(visitActions as readonly string[]).includes(request.params.action)) return reply.callNotFound();
    const visit = await visitAction(ctx(request), request.params.id, request.params.action as VisitAction);
    return reply.redirect(`/t/${request.tenant.slug}/staff/servicepoint/${visit.locationId}?notice=updated`, 303);
  });

  // ---- move or cancel an appointment (the booking module mails the citizen) ----
  type Appt = { Params: { loc: string; aid: string } };
  const loadAppointment = async (request: FastifyRequest<Appt>, day: string) => {
    const c = ctx(request);
    const location = await requireLocation(c, request.params.loc);
    const appointment = (await bookingService.listByDay(termineCtx(c), location.id, day)).find((a) => a.id === request.params.aid);
    return appointment ? { appointment, location } : undefined;
  };
  const dayOf = (request: FastifyRequest) => {
    const value = String(formField(request.query, 'date') ?? formField(request.body, 'day') ?? '');
    return isLocalDate(value) ? value : berlinDate(deps.clock.now());
  };

  app.get<Appt>('/staff/servicepoint/:loc/termine/:aid', async (request, reply) => {
    const found = uuid.test(request.params.aid) ? await loadAppointment(request, dayOf(request)) : undefined;
    if (!found) return reply.callNotFound();
    return reply.render(h(AppointmentPage, found));
  });

  const changeRoute = (path: string, run: (request: FastifyRequest<Appt>, found: NonNullable<Awaited<ReturnType<typeof loadAppointment>>>) => Promise<FieldError[] | string>) =>
    app.post<Appt>(`/staff/servicepoint/:loc/termine/:aid/${path}`, async (request, reply) => {
      const found = uuid.test(request.params.aid) ? await loadAppointment(request, String(body(request).day ?? '') || dayOf(request)) : undefined;
      if (!found) return reply.callNotFound();
      const result = await run(request, found);
      if (typeof result === 'string') return reply.redirect(`${home(request)}?notice=${result}`, 303);
      return reply.status(422).render(h(AppointmentPage, { ...found, values: body(request), errors: result }));
    });

  changeRoute('verschieben', async (request) => {
    const parsed = safeParseForm(moveForm, request.body);
    if (!parsed.ok) return parsed.errors;
    try {
      await moveAppointment(ctx(request), request.params.aid, parsed.data.date, parsed.data.time, parsed.data.reason);
      return 'moved';
    } catch (error) {
      return fieldErrors(error);
    }
  });

  changeRoute('absagen', async (request) => {
    const parsed = safeParseForm(cancelForm, request.body);
    if (!parsed.ok) return parsed.errors.map((e) => ({ ...e, field: 'cancelReason' }));
    await cancelAppointment(ctx(request), request.params.aid, parsed.data.reason);
    return 'cancelled';
  });

  // ---- phone bookings ----
  const serviceOptions = async (request: FastifyRequest<Loc>) =>
    (await deskServices(ctx(request))).filter((s) => s.locationIds.includes(request.params.loc)).map((s) => ({ value: s.id, label: localizedText(s.name, request.lang) }));

  // Staff pick from the free times (all seats, staff channel) of the chosen service, persons and day.
  const freeTimes = async (request: FastifyRequest<Loc>, values: Form): Promise<{ value: string; label: string }[] | undefined> => {
    const parsed = phoneSlotQuery.safeParse(values);
    if (!parsed.success) return undefined;
    try {
      const { times } = await bookingService.listAvailableTimes(termineCtx(ctx(request)), { locationId: request.params.loc, serviceIds: [parsed.data.serviceId], persons: parsed.data.persons, channel: 'staff', date: parsed.data.date });
      return times.filter((f) => f.freeSeats > 0).map((f) => ({ value: f.time, label: request.t('servicepoint:phone.slot', { time: f.time, count: f.freeSeats }) }));
    } catch {
      return [];
    }
  };

  app.get<Loc>('/staff/servicepoint/:loc/telefon', async (request, reply) => {
    const location = await requireLocation(ctx(request), request.params.loc);
    const services = await serviceOptions(request);
    const values = { date: berlinDate(deps.clock.now()), persons: '1', serviceId: services[0]?.value ?? '', ...submittedTexts(request.query) };
    return reply.render(h(PhoneBookingPage, { location, services, values, times: await freeTimes(request, values) }));
  });

  app.post<Loc>('/staff/servicepoint/:loc/telefon', async (request, reply) => {
    const location = await requireLocation(ctx(request), request.params.loc);
    const services = await serviceOptions(request);
    const parsed = safeParseForm(phoneForm, request.body);
    const again = async (errors: FieldError[]) => reply.status(422).render(h(PhoneBookingPage, { location, services, values: body(request), errors, times: await freeTimes(request, body(request)) }));
    if (!parsed.ok) return again(parsed.errors);
    try {
      const { date, time, ...rest } = parsed.data;
      const appointment = await phoneBooking(ctx(request), { ...rest, locationId: location.id, day: date, time });
      const booked = { code: codeOf(ctx(request), appointment.id), day: formatDayLong(berlinDate(appointment.startsAt), request.lang), time: berlinTime(appointment.startsAt) };
      return reply.render(h(PhoneBookingPage, { location, services, values: { date, persons: '1' }, booked }));
    } catch (error) {
      return again(fieldErrors(error));
    }
  });

  // ---- closures ----
  app.get<Loc>('/staff/servicepoint/:loc/schliessung', async (request, reply) => {
    const location = await requireLocation(ctx(request), request.params.loc);
    return reply.render(h(ClosurePage, { location, values: { date: berlinDate(deps.clock.now()) } }));
  });

  app.post<Loc>('/staff/servicepoint/:loc/schliessung', async (request, reply) => {
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
  });

  registerStatsRoutes(app, deps);
}
