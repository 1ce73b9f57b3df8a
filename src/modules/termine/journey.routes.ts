// Citizen booking journey (HTML, works without JavaScript): GET pages show, POST forms change. The journey's
// state lives in the held appointment, found by a random token in an HttpOnly cookie.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { ConflictError, ValidationError } from '#shared/http/errors.js';
import { formField, safeParseForm, submittedTexts } from '#shared/http/validation.js';
import type { AppDeps } from '#shared/module.js';
import { chosenServices, dayOverview, listAvailableTimes, locationsOffering, publicServices, type TermineContext } from './availability.service.js';
import { SlotTakenError } from './booking.errors.js';
import { book, extendHold, hold, journey, MAX_HOLD_EXTENSIONS, saveContact } from './booking.service.js';
import { createPowChallenge, createQuestion } from './captcha.js';
import { calendarFile, describe } from './manage.service.js';
import * as s from './termine.schemas.js';
import { shortKeyedHash } from './tokens.js';
import { ContactPage, CheckAnswersPage } from './views/ContactCheck.js';
import { ChooseDay, ChooseTime, SlotTaken } from './views/DayTime.js';
import { ConfirmationPage, JourneyMessage } from './views/Done.js';
import { FindPage } from './views/Find.js';
import { resendPersonalLink } from './find.service.js';
import { ChooseLocation, ChoosePersons, ChooseServices } from './views/JourneySteps.js';
import { HiddenJourney, journeyHref, type JourneyQuery } from './views/parts.js';

const COOKIE = 'ww_termin';

export function registerJourneyRoutes(app: FastifyInstance, deps: AppDeps) {
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
  const formTokenOf = (holdToken: string) => shortKeyedHash(deps.config.secretKey, 'termine-form', holdToken);

  const errorsFor = (field: string, errors: { field: string }[]) => errors.some((e) => e.field === field);

  app.get('/termine', async (request, reply) => {
    const parsed = safeParseForm(s.serviceStep, request.query);
    const services = await publicServices(ctxOf(request));
    return reply.render(h(ChooseServices, { services, selected: parsed.ok ? parsed.data.service : [], errors: [] }));
  });

  app.get('/termine/standort', async (request, reply) => {
    const ctx = ctxOf(request);
    const parsed = safeParseForm(s.serviceStep, request.query);
    if (!parsed.ok) return reply.status(422).render(h(ChooseServices, { services: await publicServices(ctx), selected: [], errors: parsed.errors }));
    await chosenServices(ctx, parsed.data.service);
    const location = formField(request.query, 'location');
    const locations = await locationsOffering(ctx, parsed.data.service);
    return reply.render(h(ChooseLocation, { q: { service: parsed.data.service, location }, locations, errors: [] }));
  });

  app.get('/termine/personen', async (request, reply) => {
    const ctx = ctxOf(request);
    const parsed = safeParseForm(s.locationStep, request.query);
    if (!parsed.ok) {
      const service = safeParseForm(s.serviceStep, request.query);
      if (!service.ok) return reply.redirect(`${base(request)}/termine`, 303);
      const locations = await locationsOffering(ctx, service.data.service);
      return reply.status(422).render(h(ChooseLocation, { q: { service: service.data.service }, locations, errors: parsed.errors }));
    }
    const services = await chosenServices(ctx, parsed.data.service);
    const persons = Number(formField(request.query, 'persons')) || undefined;
    const minutes = services.reduce((sum, sv) => sum + sv.durationMinutes, 0);
    return reply.render(h(ChoosePersons, { q: { ...parsed.data, persons }, minutes, errors: [] }));
  });

  app.get('/termine/tag', async (request, reply) => {
    const ctx = ctxOf(request);
    const parsed = safeParseForm(s.dayStep, request.query);
    if (!parsed.ok) {
      const location = safeParseForm(s.locationStep, request.query);
      if (!location.ok || !errorsFor('persons', parsed.errors)) return reply.redirect(`${base(request)}/termine`, 303);
      const services = await chosenServices(ctx, location.data.service);
      const minutes = services.reduce((sum, sv) => sum + sv.durationMinutes, 0);
      return reply.status(422).render(h(ChoosePersons, { q: location.data, minutes, errors: parsed.errors }));
    }
    const q: JourneyQuery = parsed.data;
    const overview = await dayOverview(ctx, { locationId: parsed.data.location, serviceIds: q.service, persons: parsed.data.persons, channel: 'online' }, parsed.data.month);
    const b = base(request);
    return reply.render(
      h(ChooseDay, {
        step: 4,
        heading: request.t('termine:day.title'),
        backHref: journeyHref(b, '/personen', q),
        ...overview,
        hrefForDay: (date) => journeyHref(b, '/zeit', q, { date }),
        prevMonthHref: overview.prevMonth ? journeyHref(b, '/tag', q, { month: overview.prevMonth }) : undefined,
        nextMonthHref: overview.nextMonth ? journeyHref(b, '/tag', q, { month: overview.nextMonth }) : undefined,
        action: `${b}/termine/zeit`,
        hidden: h(HiddenJourney, { q }),
      }),
    );
  });

  async function renderTimes(request: FastifyRequest, reply: FastifyReply, input: unknown, errors: { field: string; message: string }[], status = 200) {
    const parsed = safeParseForm(s.timeStep, input);
    if (!parsed.ok) return reply.redirect(`${base(request)}/termine`, 303);
    const q: JourneyQuery = parsed.data;
    const { times } = await listAvailableTimes(ctxOf(request), {
      locationId: parsed.data.location,
      serviceIds: q.service,
      persons: parsed.data.persons,
      channel: 'online',
      date: parsed.data.date,
    });
    const b = base(request);
    return reply.status(status).render(
      h(ChooseTime, {
        step: 5,
        date: parsed.data.date,
        times,
        action: `${b}/termine/zeit`,
        hidden: h('div', null, h(HiddenJourney, { q }), h('input', { type: 'hidden', name: 'date', value: parsed.data.date })),
        backHref: journeyHref(b, '/tag', q, { month: parsed.data.date.slice(0, 7) }),
        errors,
      }),
    );
  }

  app.get('/termine/zeit', async (request, reply) => renderTimes(request, reply, request.query, []));

  app.post('/termine/zeit', async (request, reply) => {
    const ctx = ctxOf(request);
    const parsed = safeParseForm(s.holdForm, request.body);
    if (!parsed.ok) return renderTimes(request, reply, request.body, parsed.errors, 422);
    const q: JourneyQuery = parsed.data;
    try {
      const held = await hold(ctx, {
        locationId: parsed.data.location,
        serviceIds: q.service,
        persons: parsed.data.persons,
        startsAt: parsed.data.startsAt,
        channel: 'online',
        language: request.lang,
        replaceHoldToken: cookieOf(request),
      });
      setCookie(request, reply, held.holdToken);
      return reply.redirect(`${base(request)}/termine/kontakt`, 303);
    } catch (err) {
      if (err instanceof ValidationError && errorsFor('startsAt', err.fields)) {
        return renderTimes(request, reply, Object.assign({}, request.body, { date: parsed.data.startsAt.toISOString().slice(0, 10) }), err.fields, 422);
      }
      if (!(err instanceof SlotTakenError)) throw err;
      return reply.status(409).render(
        h(SlotTaken, {
          nextTimes: err.nextTimes,
          action: `${base(request)}/termine/zeit`,
          hidden: h(HiddenJourney, { q }),
          dayHref: journeyHref(base(request), '/tag', q),
        }),
      );
    }
  });

  /** The held appointment of this journey, or a page saying the reservation is gone. */
  async function heldOrMessage(request: FastifyRequest, reply: FastifyReply) {
    const held = await journey(ctxOf(request), cookieOf(request));
    if (held?.status === 'booked' || held?.status === 'pending') {
      void reply.redirect(`${base(request)}/termine/gebucht`, 303);
      return undefined;
    }
    if (held?.status !== 'held') {
      void reply.status(409).render(h(JourneyMessage, { titleKey: 'termine:expired.title', textKey: 'termine:expired.text' }));
      return undefined;
    }
    return { held, ...(await describe(ctxOf(request), held)) };
  }

  const contactValues = (a: { name: string | null; email: string | null; phone: string | null; bgNummer: string | null }) => ({
    name: a.name ?? undefined,
    email: a.email ?? undefined,
    phone: a.phone ?? undefined,
    bgNummer: a.bgNummer ?? undefined,
  });

  app.get('/termine/kontakt', async (request, reply) => {
    const found = await heldOrMessage(request, reply);
    if (!found) return reply;
    return reply.render(
      h(ContactPage, { ...found, canExtend: found.held.holdExtensions < MAX_HOLD_EXTENSIONS, now: deps.clock.now(), errors: [], values: contactValues(found.held) }),
    );
  });

  app.post('/termine/kontakt', async (request, reply) => {
    const found = await heldOrMessage(request, reply);
    if (!found) return reply;
    const parsed = safeParseForm(s.contactForm, request.body);
    if (!parsed.ok) {
      const values = submittedTexts(request.body);
      return reply
        .status(422)
        .render(h(ContactPage, { ...found, canExtend: found.held.holdExtensions < MAX_HOLD_EXTENSIONS, now: deps.clock.now(), errors: parsed.errors, values }));
    }
    await saveContact(ctxOf(request), cookieOf(request)!, parsed.data);
    return reply.redirect(`${base(request)}/termine/pruefen`, 303);
  });

  app.post('/termine/verlaengern', async (request, reply) => {
    const token = cookieOf(request);
    if (!token) return reply.redirect(`${base(request)}/termine`, 303);
    await extendHold(ctxOf(request), token);
    const to = formField(request.body, 'returnTo') === 'pruefen' ? 'pruefen' : 'kontakt';
    return reply.redirect(`${base(request)}/termine/${to}`, 303);
  });

  async function renderCheck(request: FastifyRequest, reply: FastifyReply, errors: { field: string; message: string }[], status = 200) {
    const found = await heldOrMessage(request, reply);
    if (!found) return reply;
    if (!found.held.name || !found.held.email) return reply.redirect(`${base(request)}/termine/kontakt`, 303);
    const now = deps.clock.now();
    const captcha = deps.config.captcha ? { challenge: await createPowChallenge(deps.config, now), question: createQuestion(deps.config, now) } : undefined;
    return reply.status(status).render(
      h(CheckAnswersPage, {
        ...found,
        canExtend: found.held.holdExtensions < MAX_HOLD_EXTENSIONS,
        now,
        errors,
        formToken: formTokenOf(cookieOf(request)!),
        captcha,
      }),
    );
  }

  app.get('/termine/pruefen', async (request, reply) => renderCheck(request, reply, []));

  app.post('/termine/buchen', async (request, reply) => {
    const token = cookieOf(request);
    const body = request.body;
    if (!token || formField(body, 'formToken') !== formTokenOf(token)) {
      return reply.status(409).render(h(JourneyMessage, { titleKey: 'termine:expired.title', textKey: 'termine:expired.changed' }));
    }
    const held = await journey(ctxOf(request), token);
    const captcha = safeParseForm(s.captchaForm, body);
    try {
      await book(ctxOf(request), {
        holdToken: token,
        contact: { name: held?.name ?? '', email: held?.email ?? undefined, phone: held?.phone ?? undefined, bgNummer: held?.bgNummer ?? undefined },
        language: request.lang,
        captcha: captcha.ok ? captcha.data : {},
        captchaField: 'captchaAnswer',
      });
      return reply.redirect(`${base(request)}/termine/gebucht`, 303);
    } catch (err) {
      if (err instanceof ValidationError) return renderCheck(request, reply, err.fields, 422);
      if (err instanceof SlotTakenError) {
        const q: JourneyQuery = { service: err.query.serviceIds, location: err.query.locationId, persons: err.query.persons };
        return reply.status(409).render(
          h(SlotTaken, { nextTimes: err.nextTimes, action: `${base(request)}/termine/zeit`, hidden: h(HiddenJourney, { q }), dayHref: journeyHref(base(request), '/tag', q) }),
        );
      }
      if (err instanceof ConflictError && err.key === 'termine:errors.holdExpired') {
        return reply.status(409).render(h(JourneyMessage, { titleKey: 'termine:expired.title', textKey: 'termine:expired.text' }));
      }
      throw err;
    }
  });

  app.get('/termine/gebucht', async (request, reply) => {
    const booked = await journey(ctxOf(request), cookieOf(request));
    if (booked?.status !== 'booked' && booked?.status !== 'pending') return reply.redirect(`${base(request)}/termine`, 303);
    return reply.render(h(ConfirmationPage, await describe(ctxOf(request), booked)));
  });

  app.get('/termine/gebucht/termin.ics', async (request, reply) => {
    const booked = await journey(ctxOf(request), cookieOf(request));
    if (booked?.status !== 'booked') return reply.redirect(`${base(request)}/termine`, 303);
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', 'attachment; filename="termin.ics"')
      .send(calendarFile(ctxOf(request), await describe(ctxOf(request), booked), request.lang));
  });

  app.get('/termine/finden', async (request, reply) =>
    reply.render(h(FindPage, { values: {}, errors: [], sent: formField(request.query, 'gesendet') === '1' })),
  );

  app.post('/termine/finden', async (request, reply) => {
    const parsed = safeParseForm(s.findForm, request.body);
    if (!parsed.ok) {
      const values = { bookingCode: formField(request.body, 'bookingCode') ?? '', email: formField(request.body, 'email') ?? '' };
      return reply.status(422).render(h(FindPage, { values, errors: parsed.errors, sent: false }));
    }
    await resendPersonalLink(ctxOf(request), parsed.data);
    return reply.redirect(`${base(request)}/termine/finden?gesendet=1`, 303);
  });
}
