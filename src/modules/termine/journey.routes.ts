// Citizen booking journey (HTML, works without JavaScript): GET pages show, POST forms change. The journey's
// state lives in the held appointment, found by a random token in an HttpOnly cookie. This file lists the routes
// and holds steps 1–5 (concern, place, persons, day, time); contact, check, booking and after are in
// journey-booking.routes.ts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { ValidationError } from '#shared/http/errors.js';
import { formField, safeParseForm } from '#shared/http/validation.js';
import type { AppDeps } from '#shared/module.js';
import { chosenServices, dayOverview, listAvailableTimes, locationsOffering, publicServices } from './availability.service.js';
import { SlotTakenError } from './booking.errors.js';
import { hold } from './hold.service.js';
import { journeyBookingHandlers } from './journey-booking.routes.js';
import { hasError, journeyKit, type FieldErrors, type JourneyKit } from './journey-kit.js';
import * as s from './termine.schemas.js';
import { ChooseDay, ChooseTime } from './views/DayTime.js';
import { berlinDate } from '#shared/time.js';
import { ChooseLocation, ChoosePersons, ChooseServices } from './views/JourneySteps.js';
import { HiddenJourney, journeyHref, type JourneyQuery } from './views/parts.js';

/** The GET address of the time step a refused choice of time shows again (its choices as the query). */
function timesPageOf(request: FastifyRequest): string {
  const parsed = safeParseForm(s.timeStep, request.body);
  return parsed.ok ? journeyHref('', '/zeit', parsed.data, { date: parsed.data.date }) : '/termine';
}

export function registerJourneyRoutes(app: FastifyInstance, deps: AppDeps) {
  const kit = journeyKit(app, deps);
  const steps = journeyStepHandlers(kit);
  const booking = journeyBookingHandlers(kit);
  const held = { preHandler: kit.requireHeld };

  app.get('/termine', steps.chooseServices);
  app.get('/termine/standort', steps.chooseLocation);
  app.get('/termine/personen', steps.choosePersons);
  app.get('/termine/tag', steps.chooseDay);
  app.get('/termine/zeit', steps.chooseTime);
  // A refused form's language links lead to the page it shows (ADR 0315): the times of the chosen day, the check page.
  app.post('/termine/zeit', { config: { page: timesPageOf } }, steps.holdTime);

  app.get('/termine/kontakt', held, booking.contactPage);
  app.post('/termine/kontakt', held, booking.contactSubmit);
  app.post('/termine/verlaengern', booking.extendSubmit);
  app.get('/termine/pruefen', held, booking.checkPage);
  app.post('/termine/buchen', { config: { page: '/termine/pruefen' } }, booking.bookSubmit);
  app.post('/termine/vorhanden', booking.sameBookingSubmit);
  app.get('/termine/vorhanden', booking.sameBookingSent);
  app.get('/termine/gebucht', booking.confirmationPage);
  app.get('/termine/gebucht/termin.ics', booking.calendarDownload);
  app.get('/termine/finden', booking.findPage);
  app.post('/termine/finden', booking.findSubmit);
}

const minutesOf = (services: { durationMinutes: number }[]) => services.reduce((sum, sv) => sum + sv.durationMinutes, 0);

/** Steps 1–5: each page validates what came before and sends the person back a step when it does not hold. */
function journeyStepHandlers(kit: JourneyKit) {
  const { ctxOf, base, cookieOf, setCookie } = kit;

  async function chooseServices(request: FastifyRequest, reply: FastifyReply) {
    const parsed = safeParseForm(s.serviceStep, request.query);
    const services = await publicServices(ctxOf(request));
    return reply.render(h(ChooseServices, { services, selected: parsed.ok ? parsed.data.service : [], errors: [] }));
  }

  async function chooseLocation(request: FastifyRequest, reply: FastifyReply) {
    const ctx = ctxOf(request);
    const parsed = safeParseForm(s.serviceStep, request.query);
    if (!parsed.ok) return reply.status(422).render(h(ChooseServices, { services: await publicServices(ctx), selected: [], errors: parsed.errors }));
    await chosenServices(ctx, parsed.data.service);
    const location = formField(request.query, 'location');
    const locations = await locationsOffering(ctx, parsed.data.service);
    return reply.render(h(ChooseLocation, { q: { service: parsed.data.service, location }, locations, errors: [] }));
  }

  async function choosePersons(request: FastifyRequest, reply: FastifyReply) {
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
    return reply.render(h(ChoosePersons, { q: { ...parsed.data, persons }, minutes: minutesOf(services), errors: [] }));
  }

  async function chooseDay(request: FastifyRequest, reply: FastifyReply) {
    const ctx = ctxOf(request);
    const parsed = safeParseForm(s.dayStep, request.query);
    if (!parsed.ok) {
      const location = safeParseForm(s.locationStep, request.query);
      if (!location.ok || !hasError('persons', parsed.errors)) return reply.redirect(`${base(request)}/termine`, 303);
      const services = await chosenServices(ctx, location.data.service);
      return reply.status(422).render(h(ChoosePersons, { q: location.data, minutes: minutesOf(services), errors: parsed.errors }));
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
  }

  async function renderTimes(request: FastifyRequest, reply: FastifyReply, input: unknown, errors: FieldErrors, status = 200) {
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

  const chooseTime = async (request: FastifyRequest, reply: FastifyReply) => renderTimes(request, reply, request.query, []);

  /** Choosing a time holds it (replacing this journey's earlier hold) and goes on to the contact details. */
  async function holdTime(request: FastifyRequest, reply: FastifyReply) {
    const parsed = safeParseForm(s.holdForm, request.body);
    if (!parsed.ok) return renderTimes(request, reply, request.body, parsed.errors, 422);
    const q: JourneyQuery = parsed.data;
    try {
      const held = await hold(ctxOf(request), {
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
      if (err instanceof ValidationError && hasError('startsAt', err.fields)) {
        return renderTimes(request, reply, Object.assign({}, request.body, { date: berlinDate(parsed.data.startsAt) }), err.fields, 422);
      }
      if (!(err instanceof SlotTakenError)) throw err;
      return kit.slotTaken(request, reply, err, q);
    }
  }

  return { chooseServices, chooseLocation, choosePersons, chooseDay, chooseTime, holdTime };
}
