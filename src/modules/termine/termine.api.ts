// Public JSON API of Onlineterminierung (its operationIds are a contract: doc/architecture.md).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UnauthorizedError, ValidationError } from '../../shared/http/errors.js';
import type { AppDeps } from '../../shared/module.js';
import { listAvailableDays, listAvailableTimes, publicLocations, publicServices, type TermineContext } from './availability.service.js';
import { bookingCodeOf } from './booking-code.js';
import { SlotTakenError } from './booking.errors.js';
import { book, hold } from './booking.service.js';
import { createPowChallenge } from './captcha.js';
import { localized, localizedList } from './format.js';
import { byIdAndToken, cancel, confirm, describe, reschedule, type AppointmentView } from './manage.service.js';
import * as s from './termine.schemas.js';

const tags = ['termine'];
const bearer = [{ bearerAuth: [] }];

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

function bearerToken(request: FastifyRequest): string {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  if (!match) throw new UnauthorizedError('termine:errors.bearerMissing');
  return match[1]!;
}

/** 409 with the next free times, so a client can offer them without another request. */
function slotTaken(request: FastifyRequest, reply: FastifyReply, err: SlotTakenError) {
  return reply
    .status(409)
    .type('application/problem+json; charset=utf-8')
    .send({
      type: 'about:blank',
      title: request.t('termine:taken.title'),
      status: 409,
      detail: request.t('termine:errors.slotTaken'),
      nextFreeTimes: err.nextTimes.map(({ date, time, startsAt, endsAt, freeSeats }) => ({ date, time, startsAt, endsAt, freeSeats })),
    });
}

export function registerTermineApi(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctxOf = (request: FastifyRequest): TermineContext => ({ tdb: request.tdb, tenant: request.tenant, deps, clientIp: request.ip });
  const conflict = { 409: s.problemOut };

  r.get(
    '/locations',
    { schema: { operationId: 'listLocations', summary: 'Servicepoints with address, directions, accessibility and their services', tags, response: { 200: z.array(s.locationOut) } } },
    async (request) =>
      (await publicLocations(ctxOf(request))).map(({ location: l, serviceIds }) => ({
        id: l.id,
        name: l.name,
        address: { street: l.street, postalCode: l.postalCode, city: l.city },
        phone: l.phone,
        directions: localized(l.directions, request.lang),
        accessibility: localized(l.accessibility, request.lang),
        slotMinutes: l.slotMinutes,
        horizonDays: l.horizonDays,
        services: serviceIds,
      })),
  );

  r.get(
    '/services',
    { schema: { operationId: 'listServices', summary: 'Concerns that can be booked online (optionally at one location)', tags, querystring: s.listServicesQuery, response: { 200: z.array(s.serviceOut) } } },
    async (request) =>
      (await publicServices(ctxOf(request), request.query.location)).map((sv) => ({
        id: sv.id,
        name: localized(sv.name, request.lang),
        description: localized(sv.description, request.lang),
        durationMinutes: sv.durationMinutes,
        bring: localizedList(sv.bringList, request.lang),
      })),
  );

  r.get(
    '/availability/days',
    {
      schema: {
        operationId: 'listAvailableDays',
        summary: 'Days with free times (service: one or more ids, comma-separated); `to` defaults to the booking horizon',
        tags,
        querystring: s.daysQuery,
        response: { 200: s.daysOut },
      },
    },
    async (request) => {
      const q = request.query;
      const { days } = await listAvailableDays(ctxOf(request), { locationId: q.location, serviceIds: q.service, persons: q.persons, channel: 'online', from: q.from, to: q.to });
      return { days, nextFreeDate: days[0]?.date ?? null };
    },
  );

  r.get(
    '/availability/times',
    { schema: { operationId: 'listAvailableTimes', summary: 'Free start times on one date (Europe/Berlin)', tags, querystring: s.timesQuery, response: { 200: s.timesOut } } },
    async (request) => {
      const q = request.query;
      const { times } = await listAvailableTimes(ctxOf(request), { locationId: q.location, serviceIds: q.service, persons: q.persons, channel: 'online', date: q.date });
      return { date: q.date, times };
    },
  );

  r.post(
    '/holds',
    { schema: { operationId: 'holdSlot', summary: 'Hold a slot for a few minutes while the form is filled in', tags, body: s.holdBody, response: { 201: s.holdOut, ...conflict } } },
    async (request, reply) => {
      const b = request.body;
      try {
        const held = await hold(ctxOf(request), { locationId: b.location, serviceIds: b.service, persons: b.persons, startsAt: b.startsAt, channel: 'online', language: request.lang });
        return reply
          .status(201)
          .send({ holdId: held.holdToken, expiresAt: held.expiresAt.toISOString(), startsAt: held.startsAt.toISOString(), endsAt: held.endsAt.toISOString() });
      } catch (err) {
        if (err instanceof SlotTakenError) return slotTaken(request, reply, err);
        throw err;
      }
    },
  );

  r.post(
    '/appointments',
    {
      schema: {
        operationId: 'bookAppointment',
        summary: 'Book a held slot (holdId) or a slot directly; header Idempotency-Key makes retries safe',
        tags,
        headers: z.object({ 'idempotency-key': z.string().min(1).max(200).optional() }),
        body: s.bookBody,
        response: { 201: s.appointmentOut, ...conflict },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const ctx = ctxOf(request);
      try {
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
      } catch (err) {
        if (err instanceof SlotTakenError) return slotTaken(request, reply, err);
        throw err;
      }
    },
  );

  r.get(
    '/appointments/:id',
    { schema: { operationId: 'getAppointment', summary: 'The appointment of a personal link (Authorization: Bearer <manageToken>)', tags, security: bearer, params: s.appointmentParams, response: { 200: s.appointmentOut } } },
    async (request) => {
      const ctx = ctxOf(request);
      const a = await byIdAndToken(ctx, request.params.id, bearerToken(request));
      return toAppointmentOut(await describe(ctx, a), request.lang);
    },
  );

  r.delete(
    '/appointments/:id',
    { schema: { operationId: 'cancelAppointment', summary: 'Cancel (Authorization: Bearer <manageToken>)', tags, security: bearer, params: s.appointmentParams, response: { 200: s.appointmentOut } } },
    async (request) => {
      const ctx = ctxOf(request);
      const a = await byIdAndToken(ctx, request.params.id, bearerToken(request));
      return toAppointmentOut(await describe(ctx, await cancel(ctx, a, { by: 'citizen' })), request.lang);
    },
  );

  r.post(
    '/appointments/:id/reschedule',
    {
      schema: {
        operationId: 'rescheduleAppointment',
        summary: 'Move to another free start time (Authorization: Bearer <manageToken>)',
        tags,
        security: bearer,
        params: s.appointmentParams,
        body: s.rescheduleBody,
        response: { 200: s.appointmentOut, ...conflict },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const a = await byIdAndToken(ctx, request.params.id, bearerToken(request));
      try {
        return toAppointmentOut(await describe(ctx, await reschedule(ctx, a, request.body.startsAt)), request.lang);
      } catch (err) {
        if (err instanceof SlotTakenError) return slotTaken(request, reply, err);
        throw err;
      }
    },
  );

  r.post(
    '/appointments/:id/confirm',
    { schema: { operationId: 'confirmAppointment', summary: 'Confirm a booking when the tenant uses double opt-in', tags, security: bearer, params: s.appointmentParams, response: { 200: s.appointmentOut, ...conflict } } },
    async (request) => {
      const ctx = ctxOf(request);
      const a = await byIdAndToken(ctx, request.params.id, bearerToken(request));
      return toAppointmentOut(await describe(ctx, await confirm(ctx, a)), request.lang);
    },
  );

  r.get(
    '/captcha',
    { schema: { operationId: 'getCaptchaChallenge', summary: 'A proof-of-work challenge (altcha v2, SHA-256) for bookAppointment', tags, response: { 200: s.captchaOut } } },
    async (_request, reply) => {
      void reply.header('cache-control', 'no-store');
      return createPowChallenge(deps.config, deps.clock.now());
    },
  );
}
