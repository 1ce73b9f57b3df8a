// The personal link from the e-mails: view the appointment; confirm, move and cancel only by POST (a mail
// scanner following the link changes nothing). One preHandler loads the appointment of the link once per request
// (request.managedAppointment); the handlers pass that row on to the use cases.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { ValidationError } from '#shared/http/errors.js';
import { formField, safeParseForm } from '#shared/http/validation.js';
import { berlinDateTime } from '#shared/time.js';
import type { AppDeps } from '#shared/module.js';
import { dayOverview, listAvailableTimes, type TermineContext } from './availability.service.js';
import { SlotTakenError } from './booking.errors.js';
import { slotQueryOf } from './booking.service.js';
import { allowedActions, byManageToken, cancel, confirm, describe, reschedule } from './manage.service.js';
import * as s from './termine.schemas.js';
import type { Appointment } from './termine.tables.js';
import { ChooseDay, ChooseTime, SlotTaken } from './views/DayTime.js';
import { ConfirmCancelPage, ConfirmMovePage, ManagePage, type ManageNotice } from './views/Done.js';
import { appointmentWhen } from './views/parts.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the preHandler of the personal-link routes (and only there). */
    managedAppointment: Appointment;
  }
}

const notices = new Set(['cancelled', 'moved', 'confirmed']);

/** The GET address of the times of the day a move form posted (the day chooser without a valid day). */
function moveTimesPageOf(request: FastifyRequest): string {
  const date = safeParseForm(s.localDate, formField(request.body, 'date'));
  const token = encodeURIComponent((request.params as { token: string }).token);
  return `/termine/verwalten/${token}/verschieben${date.ok ? `/zeit?date=${date.data}` : ''}`;
}

/** A plugin of its own (register it in a scope), so the loading preHandler runs for these routes only. */
export function registerManageRoutes(app: FastifyInstance, deps: AppDeps) {
  const m = manageHandlers(deps);
  app.decorateRequest('managedAppointment', null as unknown as Appointment);
  app.addHook('preHandler', m.loadAppointment);
  const moveable = { preHandler: m.requireMoveable };

  app.get('/termine/verwalten/:token', m.appointmentPage);
  app.get('/termine/verwalten/:token/absagen', m.cancelPage);
  app.post('/termine/verwalten/:token/absagen', m.cancelSubmit);
  app.post('/termine/verwalten/:token/bestaetigen', m.confirmSubmit);
  app.get('/termine/verwalten/:token/verschieben', moveable, m.moveDayPage);
  app.get('/termine/verwalten/:token/verschieben/zeit', moveable, m.moveTimePage);
  // A refused time shows the times of its day again; the language links lead to them (ADR 0315).
  const moveTimes = { ...moveable, config: { page: moveTimesPageOf } };
  app.post('/termine/verwalten/:token/verschieben', moveTimes, m.moveChooseSubmit);
  app.post('/termine/verwalten/:token/verschieben/bestaetigen', moveTimes, m.moveConfirmSubmit);
}

function manageHandlers(deps: AppDeps) {
  const ctxOf = (request: FastifyRequest): TermineContext => ({ tdb: request.tdb, tenant: request.tenant, deps, clientIp: request.ip });
  const tokenOf = (request: FastifyRequest) => formField(request.params, 'token') ?? '';
  const linkBase = (request: FastifyRequest) => `/t/${request.tenant.slug}/termine/verwalten/${tokenOf(request)}`;

  async function loadAppointment(request: FastifyRequest) {
    request.managedAppointment = await byManageToken(ctxOf(request), tokenOf(request));
  }

  /** preHandler of the move pages: an appointment that can no longer be moved goes back to its page. */
  async function requireMoveable(request: FastifyRequest, reply: FastifyReply) {
    if (!allowedActions(request.managedAppointment, deps.clock.now()).move) return reply.redirect(linkBase(request), 303);
  }

  async function appointmentPage(request: FastifyRequest, reply: FastifyReply) {
    const a = request.managedAppointment;
    const done = formField(request.query, 'done');
    return reply.render(
      h(ManagePage, {
        ...(await describe(ctxOf(request), a)),
        actions: allowedActions(a, deps.clock.now()),
        linkBase: linkBase(request),
        notice: (done && notices.has(done) ? done : undefined) as ManageNotice,
      }),
    );
  }

  async function cancelPage(request: FastifyRequest, reply: FastifyReply) {
    const a = request.managedAppointment;
    if (!allowedActions(a, deps.clock.now()).cancel) return reply.redirect(linkBase(request), 303);
    return reply.render(h(ConfirmCancelPage, { ...(await describe(ctxOf(request), a)), linkBase: linkBase(request) }));
  }

  async function cancelSubmit(request: FastifyRequest, reply: FastifyReply) {
    await cancel(ctxOf(request), request.managedAppointment, { by: 'citizen' });
    return reply.redirect(`${linkBase(request)}?done=cancelled`, 303);
  }

  async function confirmSubmit(request: FastifyRequest, reply: FastifyReply) {
    await confirm(ctxOf(request), request.managedAppointment);
    return reply.redirect(`${linkBase(request)}?done=confirmed`, 303);
  }

  async function moveDayPage(request: FastifyRequest, reply: FastifyReply) {
    const a = request.managedAppointment;
    const month = formField(request.query, 'month');
    const overview = await dayOverview(ctxOf(request), slotQueryOf(a), month);
    const lb = linkBase(request);
    return reply.render(
      h(ChooseDay, {
        heading: request.t('termine:move.title'),
        backHref: lb,
        ...overview,
        hrefForDay: (date) => `${lb}/verschieben/zeit?date=${date}`,
        prevMonthHref: overview.prevMonth ? `${lb}/verschieben?month=${overview.prevMonth}` : undefined,
        nextMonthHref: overview.nextMonth ? `${lb}/verschieben?month=${overview.nextMonth}` : undefined,
        action: `${lb}/verschieben`,
        hidden: null,
        current: a,
      }),
    );
  }

  async function renderMoveTimes(request: FastifyRequest, reply: FastifyReply, date: string, errors: { field: string; message: string }[], status = 200) {
    const { times } = await listAvailableTimes(ctxOf(request), { ...slotQueryOf(request.managedAppointment), date });
    const lb = linkBase(request);
    return reply.status(status).render(
      h(ChooseTime, {
        date,
        times,
        action: `${lb}/verschieben`,
        hidden: h('input', { type: 'hidden', name: 'date', value: date }),
        backHref: `${lb}/verschieben?month=${date.slice(0, 7)}`,
        errors,
        hint: request.t('termine:move.timeHint', { when: appointmentWhen(request.t, request.lang, request.managedAppointment.startsAt, request.managedAppointment.endsAt) }),
      }),
    );
  }

  async function moveTimePage(request: FastifyRequest, reply: FastifyReply) {
    const date = safeParseForm(s.localDate, formField(request.query, 'date'));
    if (!date.ok) return reply.redirect(`${linkBase(request)}/verschieben`, 303);
    return renderMoveTimes(request, reply, date.data, []);
  }

  // Choosing a time only shows what would change; the move happens on the confirm step's button.
  async function moveChooseSubmit(request: FastifyRequest, reply: FastifyReply) {
    const a = request.managedAppointment;
    const parsed = safeParseForm(s.moveForm, request.body);
    // The "just taken" page offers times of several days and sends no date: it is the chosen time's day.
    const date = safeParseForm(s.localDate, formField(request.body, 'date') ?? (parsed.ok ? berlinDateTime(parsed.data.startsAt).toISODate() : undefined));
    if (!date.ok) return reply.redirect(`${linkBase(request)}/verschieben`, 303);
    if (!parsed.ok) return renderMoveTimes(request, reply, date.data, parsed.errors, 422);
    const { times } = await listAvailableTimes(ctxOf(request), { ...slotQueryOf(a), date: date.data });
    const newStartsAt = parsed.data.startsAt;
    if (!times.some((time) => time.startsAt === newStartsAt.toISOString())) {
      return renderMoveTimes(request, reply, date.data, [{ field: 'startsAt', message: 'termine:errors.chooseTime' }], 422);
    }
    const newEndsAt = new Date(newStartsAt.getTime() + (a.endsAt.getTime() - a.startsAt.getTime()));
    return reply.render(h(ConfirmMovePage, { ...(await describe(ctxOf(request), a)), linkBase: linkBase(request), newStartsAt, newEndsAt, date: date.data }));
  }

  async function moveConfirmSubmit(request: FastifyRequest, reply: FastifyReply) {
    const parsed = safeParseForm(s.moveForm, request.body);
    const date = safeParseForm(s.localDate, formField(request.body, 'date'));
    if (!parsed.ok) {
      if (!date.ok) return reply.redirect(`${linkBase(request)}/verschieben`, 303);
      return renderMoveTimes(request, reply, date.data, parsed.errors, 422);
    }
    try {
      await reschedule(ctxOf(request), request.managedAppointment, parsed.data.startsAt);
      return reply.redirect(`${linkBase(request)}?done=moved`, 303);
    } catch (err) {
      if (err instanceof ValidationError && date.ok) return renderMoveTimes(request, reply, date.data, err.fields, 422);
      if (!(err instanceof SlotTakenError)) throw err;
      const lb = linkBase(request);
      return reply.status(409).render(h(SlotTaken, { nextTimes: err.nextTimes, action: `${lb}/verschieben`, hidden: null, dayHref: `${lb}/verschieben` }));
    }
  }

  return {
    loadAppointment,
    requireMoveable,
    appointmentPage,
    cancelPage,
    cancelSubmit,
    confirmSubmit,
    moveDayPage,
    moveTimePage,
    moveChooseSubmit,
    moveConfirmSubmit,
  };
}
