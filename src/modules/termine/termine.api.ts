// Public JSON API of Onlineterminierung (its operationIds are a contract: doc/architecture.md). Each operation is
// described once with operation() (doc/api.md); the handlers below are named and typed from those schemas.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { expectBearer, requireBearer } from '#shared/http/bearer.js';
import { ValidationError } from '#shared/http/errors.js';
import { operation, typed } from '#shared/http/operation.js';
import type { AppDeps } from '#shared/module.js';
import { listAvailableDays, listAvailableTimes, publicLocations, publicServices, type TermineContext } from './availability.service.js';
import { bookingCodeOf } from './booking-code.js';
import { SlotTakenError } from './booking.errors.js';
import { book } from './booking.service.js';
import { hold } from './hold.service.js';
import { createPowChallenge } from './captcha.js';
import { localized, localizedList } from './format.js';
import { byIdAndToken, cancel, confirm, describe, reschedule, type AppointmentView } from './manage.service.js';
import * as s from './termine.schemas.js';

const tags = ['termine'];
const slotTaken409 = { status: 409, schema: s.slotTakenProblem, description: 'The time is taken or the hold used; `nextFreeTimes` offers others' } as const;
const onlyBearer = { onRequest: requireBearer('termine:errors.bearerMissing') };

export const termineOperations = {
  listLocations: operation({
    operationId: 'listLocations',
    summary: 'Servicepoints with address, directions, accessibility and their services',
    tags,
    access: 'public',
    response: { 200: z.array(s.locationOut) },
  }),
  listServices: operation({
    operationId: 'listServices',
    summary: 'Concerns that can be booked online (optionally at one location)',
    tags,
    access: 'public',
    querystring: s.listServicesQuery,
    response: { 200: z.array(s.serviceOut) },
  }),
  listAvailableDays: operation({
    operationId: 'listAvailableDays',
    summary: 'Days with free times',
    description: '`service`: one or more ids, comma-separated. `to` defaults to the booking horizon.',
    tags,
    access: 'public',
    querystring: s.daysQuery,
    response: { 200: s.daysOut },
  }),
  listAvailableTimes: operation({
    operationId: 'listAvailableTimes',
    summary: 'Free start times on one date (Europe/Berlin)',
    tags,
    access: 'public',
    querystring: s.timesQuery,
    response: { 200: s.timesOut },
  }),
  holdSlot: operation({
    operationId: 'holdSlot',
    summary: 'Hold a slot for a few minutes while the form is filled in',
    tags,
    access: 'public',
    body: s.holdBody,
    response: { 201: s.holdOut },
    errors: [slotTaken409],
  }),
  bookAppointment: operation({
    operationId: 'bookAppointment',
    summary: 'Book a held slot (holdId) or a slot directly',
    description: 'The header `Idempotency-Key` makes retries safe: a repeat answers with the first booking (header `idempotent-replayed`).',
    tags,
    access: 'public',
    headers: z.object({ 'idempotency-key': z.string().min(1).max(200).optional() }).loose(),
    body: s.bookBody,
    response: { 201: s.appointmentOut },
    errors: [slotTaken409],
  }),
  getAppointment: operation({
    operationId: 'getAppointment',
    summary: 'The appointment of a personal link (Bearer: the manage token)',
    tags,
    access: 'bearer',
    params: s.appointmentParams,
    response: { 200: s.appointmentOut },
  }),
  cancelAppointment: operation({
    operationId: 'cancelAppointment',
    summary: 'Cancel the appointment (Bearer: the manage token)',
    tags,
    access: 'bearer',
    params: s.appointmentParams,
    response: { 200: s.appointmentOut },
    errors: [409],
  }),
  rescheduleAppointment: operation({
    operationId: 'rescheduleAppointment',
    summary: 'Move to another free start time (Bearer: the manage token)',
    tags,
    access: 'bearer',
    params: s.appointmentParams,
    body: s.rescheduleBody,
    response: { 200: s.appointmentOut },
    errors: [slotTaken409],
  }),
  confirmAppointment: operation({
    operationId: 'confirmAppointment',
    summary: 'Confirm a booking when the jobcenter uses double opt-in (Bearer: the manage token)',
    tags,
    access: 'bearer',
    params: s.appointmentParams,
    response: { 200: s.appointmentOut },
    errors: [409],
  }),
  getCaptchaChallenge: operation({
    operationId: 'getCaptchaChallenge',
    summary: 'A proof-of-work challenge (altcha v2, SHA-256) for bookAppointment',
    tags,
    access: 'public',
    response: { 200: s.captchaOut },
  }),
};

function toAppointmentOut(view: AppointmentView, lang: string, manageToken?: string): z.input<typeof s.appointmentOut> {
  const { appointment: a, location, services } = view;
  return {
    id: a.id,
    status: a.status,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    persons: a.persons,
    location: { id: location.id, name: location.name, address: { street: location.street, postalCode: location.postalCode, city: location.city } },
    services: services.map((sv) => ({ id: sv.id, name: localized(sv.name, lang) })),
    bring: [...new Set(services.flatMap((sv) => localizedList(sv.bringList, lang)))],
    confirmBy: a.confirmBy?.toISOString() ?? null,
    ...(a.status === 'booked' ? { bookingCode: view.bookingCode } : {}),
    ...(manageToken ? { manageToken } : {}),
  };
}

/** 409 with the next free times, so a client can offer them without another request. */
function slotTaken(request: FastifyRequest, reply: FastifyReply, err: SlotTakenError) {
  const body: z.input<typeof s.slotTakenProblem> = {
    type: 'about:blank',
    title: request.t('termine:taken.title'),
    status: 409,
    detail: request.t('termine:errors.slotTaken'),
    nextFreeTimes: err.nextTimes.map(({ date, time, startsAt, endsAt, freeSeats }) => ({ date, time, startsAt, endsAt, freeSeats })),
  };
  return reply.status(409).type('application/problem+json; charset=utf-8').send(body);
}

/** Runs `work`; a taken slot becomes the documented 409. */
async function orSlotTaken<T>(request: FastifyRequest, reply: FastifyReply, work: () => Promise<T>) {
  try {
    return await work();
  } catch (err) {
    if (err instanceof SlotTakenError) return slotTaken(request, reply, err);
    throw err;
  }
}

export function registerTermineApi(app: FastifyInstance, deps: AppDeps) {
  const r = typed(app);
  const op = termineOperations;
  const ctxOf = (request: FastifyRequest): TermineContext => ({ tdb: request.tdb, tenant: request.tenant, deps, clientIp: request.ip });

  r.get('/locations', { schema: op.listLocations }, async function listLocations(request) {
    return (await publicLocations(ctxOf(request))).map(({ location: l, serviceIds }) => ({
      id: l.id,
      name: l.name,
      address: { street: l.street, postalCode: l.postalCode, city: l.city },
      phone: l.phone,
      directions: localized(l.directions, request.lang),
      accessibility: localized(l.accessibility, request.lang),
      slotMinutes: l.slotMinutes,
      horizonDays: l.horizonDays,
      services: serviceIds,
    }));
  });

  r.get('/services', { schema: op.listServices }, async function listServices(request) {
    return (await publicServices(ctxOf(request), request.query.location)).map((sv) => ({
      id: sv.id,
      name: localized(sv.name, request.lang),
      description: localized(sv.description, request.lang),
      durationMinutes: sv.durationMinutes,
      bring: localizedList(sv.bringList, request.lang),
    }));
  });

  r.get('/availability/days', { schema: op.listAvailableDays }, async function availableDays(request) {
    const q = request.query;
    const { days } = await listAvailableDays(ctxOf(request), { locationId: q.location, serviceIds: q.service, persons: q.persons, channel: 'online', from: q.from, to: q.to });
    return { days, nextFreeDate: days[0]?.date ?? null };
  });

  r.get('/availability/times', { schema: op.listAvailableTimes }, async function availableTimes(request) {
    const q = request.query;
    const { times } = await listAvailableTimes(ctxOf(request), { locationId: q.location, serviceIds: q.service, persons: q.persons, channel: 'online', date: q.date });
    return { date: q.date, times };
  });

  r.post('/holds', { schema: op.holdSlot }, async function holdSlot(request, reply) {
    const b = request.body;
    return orSlotTaken(request, reply, async () => {
      const held = await hold(ctxOf(request), { locationId: b.location, serviceIds: b.service, persons: b.persons, startsAt: b.startsAt, channel: 'online', language: request.lang });
      return reply.status(201).send({ holdId: held.holdToken, expiresAt: held.expiresAt.toISOString(), startsAt: held.startsAt.toISOString(), endsAt: held.endsAt.toISOString() });
    });
  });

  r.post('/appointments', { schema: op.bookAppointment }, async function bookAppointment(request, reply) {
    const b = request.body;
    const ctx = ctxOf(request);
    return orSlotTaken(request, reply, async () => {
      const result = await book(ctx, {
        holdToken: b.holdId,
        slot: b.holdId ? undefined : { locationId: b.location!, serviceIds: b.service!, persons: b.persons ?? 1, startsAt: b.startsAt!, channel: 'online' },
        contact: { name: b.name, email: b.email, phone: b.phone, bgNummer: b.bgNummer },
        language: b.language ?? request.lang,
        captcha: { altcha: b.captcha },
        idempotencyKey: request.headers['idempotency-key'],
      });
      if (!result.manageToken) throw new ValidationError([{ field: 'holdId', message: 'termine:errors.holdUsed' }], 409);
      if (result.replayed) void reply.header('idempotent-replayed', 'true');
      void reply.header('location', `/api/v1/t/${request.tenant.slug}/appointments/${result.appointment.id}`);
      const view = result.plan
        ? { appointment: result.appointment, ...result.plan, bookingCode: bookingCodeOf(ctx, result.appointment.id) }
        : await describe(ctx, result.appointment);
      return reply.status(201).send(toAppointmentOut(view, request.lang, result.manageToken));
    });
  });

  r.get('/appointments/:id', { schema: op.getAppointment, ...onlyBearer }, async function getAppointment(request) {
    const ctx = ctxOf(request);
    const a = await byIdAndToken(ctx, request.params.id, expectBearer(request));
    return toAppointmentOut(await describe(ctx, a), request.lang);
  });

  r.delete('/appointments/:id', { schema: op.cancelAppointment, ...onlyBearer }, async function cancelAppointment(request) {
    const ctx = ctxOf(request);
    const a = await byIdAndToken(ctx, request.params.id, expectBearer(request));
    return toAppointmentOut(await describe(ctx, await cancel(ctx, a, { by: 'citizen' })), request.lang);
  });

  r.post('/appointments/:id/reschedule', { schema: op.rescheduleAppointment, ...onlyBearer }, async function rescheduleAppointment(request, reply) {
    const ctx = ctxOf(request);
    const a = await byIdAndToken(ctx, request.params.id, expectBearer(request));
    return orSlotTaken(request, reply, async () => toAppointmentOut(await describe(ctx, await reschedule(ctx, a, request.body.startsAt)), request.lang));
  });

  r.post('/appointments/:id/confirm', { schema: op.confirmAppointment, ...onlyBearer }, async function confirmAppointment(request) {
    const ctx = ctxOf(request);
    const a = await byIdAndToken(ctx, request.params.id, expectBearer(request));
    return toAppointmentOut(await describe(ctx, await confirm(ctx, a)), request.lang);
  });

  r.get('/captcha', { schema: op.getCaptchaChallenge }, async function getCaptchaChallenge() {
    return createPowChallenge(deps.config, deps.clock.now());
  });
}
