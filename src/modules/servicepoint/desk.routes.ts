// Staff pages of the Servicepoint desk below /t/:tenant/staff/servicepoint, all behind 'servicepoint.desk'. This file
// lists the routes and holds the day view's handlers (counter, check-in, no-show, walk-in, call, ticket); the forms
// that change bookings are in desk-forms.routes.ts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { formField, parseInput, safeParseForm } from '#shared/http/validation.js';
import type { AppDeps } from '#shared/module.js';
import { berlinDate, berlinTimeSeconds, isLocalDate } from '#shared/time.js';
import { ConflictError, TooManyRequestsError, type FieldError } from '#shared/http/errors.js';
import { requirePermission } from '../staff/index.js';
import { appointmentHandlers, phoneAndClosureHandlers, type Appt } from './desk-forms.routes.js';
import { deskKit, validIds, type DeskKit, type Loc } from './desk-kit.js';
import { createStreamCounter } from './display.feed.js';
import type { DisplayStreams } from './display.stream.js';
import { callNext, checkIn, daySearchTerm, dayView, markNoShow, storeDaySearch, visitAction, visitActions, requireLocation, visitWithEstimate, walkIn, type VisitAction } from './desk.service.js';
import { ticketLabel } from './queue.js';
import { appointmentForm, callForm, dayQuery, daySearchForm, undoForm, walkInForm } from './servicepoint.schemas.js';
import { readUndo, UNDO_SECONDS } from './undo-ticket.js';
import { undoAction } from './undo.service.js';
import { registerStatsRoutes } from './stats.routes.js';
import { deskLocations } from './termine.adapter.js';
import { DayViewPage, LocationList } from './views/DayView.js';
import { TicketPage } from './views/Forms.js';

type Visit = { Params: { id: string } };
/** Open live lists per staff session: a few tabs of the desk, not a screen wall (ADR 0306). */
export const STREAMS_PER_SESSION = 4;
const STREAM_RETRY_SECONDS = 30;
type VisitChange = { Params: { id: string; action: string } };

export async function registerDeskRoutes(app: FastifyInstance, deps: AppDeps, streams: DisplayStreams) {
  app.addHook('onRequest', requirePermission(deps, 'servicepoint.desk'));
  app.addHook('preHandler', validIds);
  const kit = deskKit(deps);
  const day = dayHandlers(kit);
  const appointment = appointmentHandlers(kit);
  const forms = phoneAndClosureHandlers(kit);

  app.get('/staff/servicepoint', day.locationList);
  app.get<Loc>('/staff/servicepoint/:loc', day.dayPage);
  app.get<Loc>('/staff/servicepoint/:loc/events', liveList(kit, streams));
  app.post<Loc>('/staff/servicepoint/:loc/suche', day.searchSubmit);
  app.post<Loc>('/staff/servicepoint/:loc/schalter', day.counterSubmit);
  app.post<Loc>('/staff/servicepoint/:loc/checkin', day.checkInSubmit);
  app.post<Loc>('/staff/servicepoint/:loc/noshow', day.noShowSubmit);
  app.post<Loc>('/staff/servicepoint/:loc/spontan', day.walkInSubmit);
  app.post<Loc>('/staff/servicepoint/:loc/aufruf', day.callSubmit);
  app.post<Loc>('/staff/servicepoint/:loc/rueckgaengig', day.undoSubmit);
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

/**
 * The day view's live list: the display state of the location as an event stream, limited per staff session rather
 * than per address (the desks of one office share an address; ADR 0306).
 */
function liveList(kit: DeskKit, streams: DisplayStreams) {
  const perSession = createStreamCounter(STREAMS_PER_SESSION);
  return async function liveListStream(request: FastifyRequest<Loc>, reply: FastifyReply) {
    const location = await requireLocation(kit.ctx(request), request.params.loc);
    const session = request.staff.sessionId;
    if (!perSession.tryOpen(session)) throw new TooManyRequestsError(STREAM_RETRY_SECONDS);
    streams.open(request, reply, location.id, () => perSession.closed(session));
  };
}

/**
 * The day view and its buttons. A plain form POST answers with a redirect back to the day and a notice; the live
 * desk (desk.js) asks for JSON: the notice and, for call, done and no-show, the undo ticket.
 */
function dayHandlers(kit: DeskKit) {
  const { deps, ctx, home, counterOf, rememberCounter, undoOf, rememberUndo, wantsJson } = kit;

  const locationList = async (request: FastifyRequest, reply: FastifyReply) => reply.render(h(LocationList, { locations: await deskLocations(ctx(request)) }));

  /** The undo of the last action when its ticket (cookie) is still valid for this staff member here. */
  function pendingUndo(request: FastifyRequest<Loc>) {
    const token = undoOf(request);
    const ticket = token ? readUndo(ctx(request), token) : undefined;
    if (!token || !ticket || ticket.userId !== request.staff?.userId || ticket.locationId !== request.params.loc) return undefined;
    if (ticket.expiresAt < deps.clock.now().getTime()) return undefined;
    return { token, until: berlinTimeSeconds(new Date(ticket.expiresAt)) };
  }

  async function renderDay(request: FastifyRequest<Loc>, reply: FastifyReply, counter: string | undefined, errors: FieldError[] = [], refused?: string) {
    const query = parseInput(dayQuery, request.query);
    const today = berlinDate(deps.clock.now());
    const date = query.date && isLocalDate(query.date) ? query.date : today;
    const q = await daySearchTerm(ctx(request), query.f);
    const filter = { serviceId: query.service, counter: query.schalter || undefined, q, searchId: q ? query.f : undefined };
    const view = await dayView(ctx(request), request.params.loc, date, filter, counter);
    const notice = query.notice ? request.t(`servicepoint:notices.${query.notice}`, { ticket: query.ticket ? ticketLabel(Number(query.ticket)) : '', counter: counter ?? '' }) : undefined;
    const status = refused ? 409 : errors.length ? 422 : 200;
    return reply.status(status).render(h(DayViewPage, { view: { ...view, today }, filter, notice, refused, undo: refused ? undefined : pendingUndo(request), myCounter: counter, errors }));
  }

  /** The answer to an action at `locationId`: JSON for the live desk, else the undo cookie and a redirect. */
  function answer(request: FastifyRequest, reply: FastifyReply, locationId: string, notice: string, ticket?: number, undo?: string) {
    const home = `/t/${request.tenant.slug}/staff/servicepoint/${locationId}`;
    rememberUndo(request, reply, wantsJson(request) ? undefined : undo);
    if (wantsJson(request)) {
      const text = request.t(`servicepoint:notices.${notice}`, { ticket: ticket ? ticketLabel(ticket) : '', counter: counterOf(request) ?? '' });
      return reply.send({ notice: text, undo: undo ? { url: `${home}/rueckgaengig`, token: undo, seconds: UNDO_SECONDS } : null });
    }
    const params = new URLSearchParams({ notice, ...(ticket ? { ticket: String(ticket) } : {}) });
    return reply.redirect(`${home}?${params.toString()}`, 303);
  }

  const dayPage = async (request: FastifyRequest<Loc>, reply: FastifyReply) => renderDay(request, reply, counterOf(request));

  /** The filter form: date, service and counter go into the address, a search term only as its stored id. */
  async function searchSubmit(request: FastifyRequest<Loc>, reply: FastifyReply) {
    const form = parseInput(daySearchForm, request.body ?? {});
    const params = new URLSearchParams();
    if (form.date) params.set('date', form.date);
    if (form.service) params.set('service', form.service);
    if (form.schalter) params.set('schalter', form.schalter);
    if (form.q) params.set('f', await storeDaySearch(ctx(request), form.q));
    return reply.redirect(`${home(request)}${params.size ? `?${params.toString()}` : ''}`, 303);
  }

  async function counterSubmit(request: FastifyRequest<Loc>, reply: FastifyReply) {
    const parsed = safeParseForm(callForm, request.body);
    if (!parsed.ok) return renderDay(request, reply, counterOf(request), parsed.errors);
    rememberCounter(request, reply, parsed.data.counter);
    return reply.redirect(`${home(request)}?notice=counterSet`, 303);
  }

  async function checkInSubmit(request: FastifyRequest<Loc>, reply: FastifyReply) {
    const { appointmentId } = parseInput(appointmentForm, request.body);
    const visit = await checkIn(ctx(request), request.params.loc, appointmentId);
    return answer(request, reply, request.params.loc, 'checkedIn', visit.ticket);
  }

  async function noShowSubmit(request: FastifyRequest<Loc>, reply: FastifyReply) {
    const { appointmentId } = parseInput(appointmentForm, request.body);
    const { undo } = await markNoShow(ctx(request), request.params.loc, appointmentId);
    return answer(request, reply, request.params.loc, 'noShow', undefined, undo);
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
    const called = await callNext(ctx(request), request.params.loc, counter);
    return called ? answer(request, reply, request.params.loc, 'called', called.result.ticket, called.undo) : answer(request, reply, request.params.loc, 'empty');
  }

  // Takes back the last call, done or no-show; a refusal (too late, changed since, not yours) says why.
  async function undoSubmit(request: FastifyRequest<Loc>, reply: FastifyReply) {
    const token = undoForm.safeParse(request.body).data?.undo ?? '';
    try {
      const ticket = await undoAction(ctx(request), request.params.loc, token);
      return answer(request, reply, request.params.loc, ticket.ticket ? 'undoneTicket' : 'undone', ticket.ticket);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      rememberUndo(request, reply, undefined);
      const refused = request.t(error.key, error.params);
      if (wantsJson(request)) return reply.status(409).send({ notice: refused, undo: null });
      return renderDay(request, reply, counterOf(request), [], refused);
    }
  }

  const ticketPage = async (request: FastifyRequest<Visit>, reply: FastifyReply) => reply.render(h(TicketPage, await visitWithEstimate(ctx(request), request.params.id)));

  async function visitSubmit(request: FastifyRequest<VisitChange>, reply: FastifyReply) {
    if (!(visitActions as readonly string[]).includes(request.params.action)) return reply.callNotFound();
    const action = request.params.action as VisitAction;
    const { result: visit, undo } = await visitAction(ctx(request), request.params.id, action);
    const notice = action === 'done' ? 'done' : action === 'no_show' ? 'visitNoShow' : 'updated';
    return answer(request, reply, visit.locationId, notice, visit.ticket, undo);
  }

  return { locationList, dayPage, searchSubmit, counterSubmit, checkInSubmit, noShowSubmit, walkInSubmit, callSubmit, undoSubmit, ticketPage, visitSubmit };
}
