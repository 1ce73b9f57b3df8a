// What the handlers of the citizen journey share: its context, the journey cookie (a random token that finds the held
// appointment), the check page's form token, the preHandler that loads the held appointment once, and the
// "just taken" page.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { AppDeps } from '#shared/module.js';
import type { TermineContext } from './availability.service.js';
import type { SlotTakenError } from './booking.errors.js';
import { journey } from './booking.service.js';
import { describe, type AppointmentView } from './manage.service.js';
import type { Appointment } from './termine.tables.js';
import { shortKeyedHash } from './tokens.js';
import { SlotTaken } from './views/DayTime.js';
import { JourneyMessage } from './views/Done.js';
import { HiddenJourney, journeyHref, type JourneyQuery } from './views/parts.js';

const COOKIE = 'ww_termin';

export type HeldJourney = AppointmentView & { held: Appointment };

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the journey's `requireHeld` preHandler (and only there). */
    heldJourney: HeldJourney;
  }
}

export type FieldErrors = { field: string; message: string }[];

export function journeyKit(app: FastifyInstance, deps: AppDeps) {
  const ctxOf = (request: FastifyRequest): TermineContext => ({ tdb: request.tdb, tenant: request.tenant, deps, clientIp: request.ip });
  const base = (request: FastifyRequest) => `/t/${request.tenant.slug}`;
  const cookieOf = (request: FastifyRequest) => request.cookies[COOKIE];
  const setCookie = (request: FastifyRequest, reply: FastifyReply, token: string) =>
    reply.setCookie(COOKIE, token, {
      path: `${base(request)}/termine`,
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.config.publicUrl.startsWith('https://'),
      maxAge: 7_200,
    });
  /** Ties the check page's form to this journey, so a stale tab of another journey cannot book. */
  const formTokenOf = (holdToken: string) => shortKeyedHash(deps.config.secretKey, 'termine-form', holdToken);
  const formTokenMatches = (request: FastifyRequest, submitted: string | undefined) => {
    const token = cookieOf(request);
    return token !== undefined && submitted === formTokenOf(token);
  };

  app.decorateRequest('heldJourney', null as unknown as HeldJourney);

  /** preHandler: loads the journey's held appointment once, or answers (booked → confirmation, gone → 409 page). */
  const requireHeld = async (request: FastifyRequest, reply: FastifyReply) => {
    const held = await journey(ctxOf(request), cookieOf(request));
    if (held?.status === 'booked' || held?.status === 'pending') return reply.redirect(`${base(request)}/termine/gebucht`, 303);
    if (held?.status !== 'held') return expired(reply);
    request.heldJourney = { held, ...(await describe(ctxOf(request), held)) };
  };

  const expired = (reply: FastifyReply, textKey = 'termine:expired.text') =>
    reply.status(409).render(h(JourneyMessage, { titleKey: 'termine:expired.title', textKey }));

  /** 409 with the next free times of the same concerns, place and persons. */
  const slotTaken = (request: FastifyRequest, reply: FastifyReply, err: SlotTakenError, q: JourneyQuery) =>
    reply.status(409).render(
      h(SlotTaken, { nextTimes: err.nextTimes, action: `${base(request)}/termine/zeit`, hidden: h(HiddenJourney, { q }), dayHref: journeyHref(base(request), '/tag', q) }),
    );

  return { deps, ctxOf, base, cookieOf, setCookie, formTokenOf, formTokenMatches, requireHeld, expired, slotTaken };
}

export type JourneyKit = ReturnType<typeof journeyKit>;

export const hasError = (field: string, errors: { field: string }[]) => errors.some((e) => e.field === field);
