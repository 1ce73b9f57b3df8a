// Staff pages of the Servicepoint desk below /t/:tenant/staff/servicepoint, all behind 'servicepoint.desk'. This file
// lists the routes and holds the day view's handlers (counter, check-in, no-show, walk-in, call, ticket); the forms
// that change bookings are in desk-forms.routes.ts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { FieldError } from '#shared/http/errors.js';
import { formField, parseInput, safeParseForm } from '#shared/http/validation.js';
import type { AppDeps } from '#shared/module.js';
import { berlinDate, isLocalDate } from '#shared/time.js';
import { requirePermission } from '../staff/index.js';
import { appointmentHandlers, phoneAndClosureHandlers, type Appt } from './desk-forms.routes.js';
import { deskKit, validIds, type DeskKit, type Loc } from './desk-kit.js';
import { callNext, checkIn, dayView, markNoShow, visitAction, visitActions, visitWithEstimate, walkIn, type VisitAction } from './desk.service.js';
import { ticketLabel } from './queue.js';
import { appointmentForm, callForm, dayQuery, walkInForm } from './servicepoint.schemas.js';
import { registerStatsRoutes } from './stats.routes.js';
import { deskLocations } from './termine.adapter.js';
import { DayViewPage, LocationList } from './views/DayView.js';
import { TicketPage } from './views/Forms.js';

type Visit = { Params: { id: string } };
type VisitChange = { Params: { id: string; action: string } };

export async function deskRoutes(app: FastifyInstance, deps: AppDeps) {
  app.addHook('onRequest', requirePermission(deps, 'servicepoint.desk'));
  app.addHook('preHandler', validIds);
  const kit = deskKit(deps);
  const day = dayHandlers(kit);
  const appointment = appointmentHandlers(kit);
  const forms = phoneAndClosureHandlers(kit);

  app.get('/staff/servicepoint', day.locationList);
  app.get<Loc>('/staff/servicepoint/:loc', day.dayPage);
  app.post<Loc>('/staff/servicepoint/:loc/schalter', day.counterSubmit);
  app.post<Loc>('/staff/servicepoint/:loc/checkin', day.checkInSubmit);
  app.post<Loc>('/staff/servicepoint/:loc/noshow', day.noShowSubmit);
  app.post<Loc>('/staff/servicepoint/:loc/spontan', day.walkInSubmit);
  app.post<Loc>('/staff/servicepoint/:loc/aufruf', day.callSubmit);
  app.get<Visit>('/staff/servicepoint/besuche/:id', day.ticketPage);
  app.post<VisitChange>('/staff/servicepoint/besuche/:id/:action', day.visitSubmit);

  app.get<Appt>('/staff/servicepoint/:loc/termine/:aid', appointment.appointmentPage);
  app.post<Appt>('/staff/servicepoint/:loc/termine/:aid/verschieben', appointment.moveSubmit);
  app.post<Appt>('/staff/servicepoint/:loc/termine/:aid/absagen', appointment.cancelSubmit);

  app.get<Loc>('/staff/servicepoint/:loc/telefon', forms.phonePage);
  app.post<Loc>('/staff/servicepoint/:loc/telefon', forms.phoneSubmit);
  app.get<Loc>('/staff/servicepoint/:loc/schliessung', forms.closurePage);
  app.post<Loc>('/staff/servicepoint/:loc/schliessung', forms.closureSubmit);

  registerStatsRoutes(app, deps);
}

/** The day view and its buttons: every POST answers with a redirect back to the day and a notice. */
function dayHandlers(kit: DeskKit) {
  const { deps, ctx, home, counterOf, rememberCounter } = kit;

  const locationList = async (request: FastifyRequest, reply: FastifyReply) => reply.render(h(LocationList, { locations: await deskLocations(ctx(request)) }));

  async function renderDay(request: FastifyRequest<Loc>, reply: FastifyReply, counter: string | undefined, errors: FieldError[] = []) {
    const query = parseInput(dayQuery, request.query);
    const today = berlinDate(deps.clock.now());
    const date = query.date && isLocalDate(query.date) ? query.date : today;
    const filter = { serviceId: query.service, counter: query.schalter || undefined, q: query.q || undefined };
    const view = await dayView(ctx(request), request.params.loc, date, filter, counter);
    const notice = query.notice ? request.t(`servicepoint:notices.${query.notice}`, { ticket: query.ticket ? ticketLabel(Number(query.ticket)) : '', counter: counter ?? '' }) : undefined;
    return reply.status(errors.length ? 422 : 200).render(h(DayViewPage, { view: { ...view, today }, filter, notice, myCounter: counter, errors }));
  }

  const dayPage = async (request: FastifyRequest<Loc>, reply: FastifyReply) => renderDay(request, reply, counterOf(request));

  async function counterSubmit(request: FastifyRequest<Loc>, reply: FastifyReply) {
    const parsed = safeParseForm(callForm, request.body);
    if (!parsed.ok) return renderDay(request, reply, counterOf(request), parsed.errors);
    rememberCounter(request, reply, parsed.data.counter);
    return reply.redirect(`${home(request)}?notice=counterSet`, 303);
  }

  async function checkInSubmit(request: FastifyRequest<Loc>, reply: FastifyReply) {
    const { appointmentId } = parseInput(appointmentForm, request.body);
    const visit = await checkIn(ctx(request), request.params.loc, appointmentId);
    return reply.redirect(`${home(request)}?notice=checkedIn&ticket=${visit.ticket}`, 303);
  }

  async function noShowSubmit(request: FastifyRequest<Loc>, reply: FastifyReply) {
    const { appointmentId } = parseInput(appointmentForm, request.body);
    await markNoShow(ctx(request), request.params.loc, appointmentId);
    return reply.redirect(`${home(request)}?notice=noShow`, 303);
  }

  async function walkInSubmit(request: FastifyRequest<Loc>, reply: FastifyReply) {
    const { serviceId } = parseInput(walkInForm, request.body);
    const visit = await walkIn(ctx(request), request.params.loc, serviceId);
    return reply.redirect(`/t/${request.tenant.slug}/staff/servicepoint/besuche/${visit.id}`, 303);
  }

  // Calls to the counter of the form, or else to this device's counter; the day list stays unfiltered.
  async function callSubmit(request: FastifyRequest<Loc>, reply: FastifyReply) {
    const typed = formField(request.body, 'counter');
    const parsed = safeParseForm(callForm, { counter: typed?.trim() ? typed : (counterOf(request) ?? '') });
    if (!parsed.ok) return renderDay(request, reply, counterOf(request), parsed.errors);
    const { counter } = parsed.data;
    if (counter !== counterOf(request)) rememberCounter(request, reply, counter);
    const visit = await callNext(ctx(request), request.params.loc, counter);
    const params = new URLSearchParams({ notice: visit ? 'called' : 'empty', ...(visit ? { ticket: String(visit.ticket) } : {}) });
    return reply.redirect(`${home(request)}?${params.toString()}`, 303);
  }

  const ticketPage = async (request: FastifyRequest<Visit>, reply: FastifyReply) => reply.render(h(TicketPage, await visitWithEstimate(ctx(request), request.params.id)));

  async function visitSubmit(request: FastifyRequest<VisitChange>, reply: FastifyReply) {
    if (!(visitActions as readonly string[]).includes(request.params.action)) return reply.callNotFound();
    const visit = await visitAction(ctx(request), request.params.id, request.params.action as VisitAction);
    return reply.redirect(`/t/${request.tenant.slug}/staff/servicepoint/${visit.locationId}?notice=updated`, 303);
  }

  return { locationList, dayPage, counterSubmit, checkInSubmit, noShowSubmit, walkInSubmit, callSubmit, ticketPage, visitSubmit };
}
