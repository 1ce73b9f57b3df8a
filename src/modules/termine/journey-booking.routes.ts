// Handlers of the journey's steps 6 and 7 and after: contact details, check and book (with the warning when the
// address has booked the same appointment already), the confirmation with its calendar file, and "find my
// appointment". Routes are listed in journey.routes.ts; handlers behind `requireHeld` read request.heldJourney.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { ConflictError, ValidationError } from '#shared/http/errors.js';
import { formField, safeParseForm, submittedTexts } from '#shared/http/validation.js';
import { SlotTakenError } from './booking.errors.js';
import { book, journey } from './booking.service.js';
import { extendHold, MAX_HOLD_EXTENSIONS, saveContact } from './hold.service.js';
import { createPowChallenge, createQuestion } from './captcha.js';
import { resendSameBooking, sameBookingAs } from './duplicate.service.js';
import { resendPersonalLink } from './find.service.js';
import type { FieldErrors, HeldJourney, JourneyKit } from './journey-kit.js';
import { calendarFile, describe } from './manage.service.js';
import * as s from './termine.schemas.js';
import type { Appointment } from './termine.tables.js';
import { CheckAnswersPage, ContactPage } from './views/ContactCheck.js';
import { ConfirmationPage, JourneyMessage } from './views/Done.js';
import { FindPage } from './views/Find.js';

const contactValues = (a: Appointment) => ({
  name: a.name ?? undefined,
  email: a.email ?? undefined,
  phone: a.phone ?? undefined,
  bgNummer: a.bgNummer ?? undefined,
});

export function journeyBookingHandlers(kit: JourneyKit) {
  const { deps, ctxOf, base, cookieOf } = kit;
  const canExtend = (found: HeldJourney) => found.held.holdExtensions < MAX_HOLD_EXTENSIONS;

  async function contactPage(request: FastifyRequest, reply: FastifyReply) {
    const found = request.heldJourney;
    return reply.render(h(ContactPage, { ...found, canExtend: canExtend(found), now: deps.clock.now(), errors: [], values: contactValues(found.held) }));
  }

  async function contactSubmit(request: FastifyRequest, reply: FastifyReply) {
    const found = request.heldJourney;
    const parsed = safeParseForm(s.contactForm, request.body);
    if (!parsed.ok) {
      const values = submittedTexts(request.body);
      return reply.status(422).render(h(ContactPage, { ...found, canExtend: canExtend(found), now: deps.clock.now(), errors: parsed.errors, values }));
    }
    await saveContact(ctxOf(request), cookieOf(request)!, parsed.data);
    return reply.redirect(`${base(request)}/termine/pruefen`, 303);
  }

  async function extendSubmit(request: FastifyRequest, reply: FastifyReply) {
    const token = cookieOf(request);
    if (!token) return reply.redirect(`${base(request)}/termine`, 303);
    await extendHold(ctxOf(request), token);
    const to = formField(request.body, 'returnTo') === 'pruefen' ? 'pruefen' : 'kontakt';
    return reply.redirect(`${base(request)}/termine/${to}`, 303);
  }

  async function renderCheck(request: FastifyRequest, reply: FastifyReply, found: HeldJourney, errors: FieldErrors, status = 200) {
    if (!found.held.name || !found.held.email) return reply.redirect(`${base(request)}/termine/kontakt`, 303);
    const now = deps.clock.now();
    const captcha = deps.config.captcha ? { challenge: await createPowChallenge(deps.config, now), question: createQuestion(deps.config, now) } : undefined;
    const sameBooking = Boolean(await sameBookingAs(ctxOf(request), found.held));
    return reply
      .status(status)
      .render(h(CheckAnswersPage, { ...found, canExtend: canExtend(found), now, errors, formToken: kit.formTokenOf(cookieOf(request)!), captcha, sameBooking }));
  }

  const checkPage = async (request: FastifyRequest, reply: FastifyReply) => renderCheck(request, reply, request.heldJourney, []);

  async function bookSubmit(request: FastifyRequest, reply: FastifyReply) {
    if (!kit.formTokenMatches(request, formField(request.body, 'formToken'))) return kit.expired(reply, 'termine:expired.changed');
    const token = cookieOf(request)!;
    const held = await journey(ctxOf(request), token);
    const captcha = safeParseForm(s.captchaForm, request.body);
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
      if (err instanceof ValidationError) {
        // Errors of the check page (captcha, too many appointments) are shown on it, while the hold lasts.
        const again = await journey(ctxOf(request), token);
        if (again?.status === 'booked' || again?.status === 'pending') return reply.redirect(`${base(request)}/termine/gebucht`, 303);
        if (again?.status !== 'held') return kit.expired(reply);
        return renderCheck(request, reply, { held: again, ...(await describe(ctxOf(request), again)) }, err.fields, 422);
      }
      if (err instanceof SlotTakenError) return kit.slotTaken(request, reply, err, { service: err.query.serviceIds, location: err.query.locationId, persons: err.query.persons });
      if (err instanceof ConflictError && err.key === 'termine:errors.holdExpired') return kit.expired(reply);
      throw err;
    }
  }

  /** "Send me the link to the booking I have": mails it, releases this journey's hold, then says so. */
  async function sameBookingSubmit(request: FastifyRequest, reply: FastifyReply) {
    if (!kit.formTokenMatches(request, formField(request.body, 'formToken'))) return kit.expired(reply, 'termine:expired.changed');
    const sent = await resendSameBooking(ctxOf(request), cookieOf(request)!);
    return reply.redirect(`${base(request)}/termine/${sent ? 'vorhanden' : 'pruefen'}`, 303);
  }

  const sameBookingSent = async (_request: FastifyRequest, reply: FastifyReply) =>
    reply.render(h(JourneyMessage, { titleKey: 'termine:sameBooking.title', textKey: 'termine:sameBooking.text' }));

  async function confirmationPage(request: FastifyRequest, reply: FastifyReply) {
    const booked = await journey(ctxOf(request), cookieOf(request));
    if (booked?.status !== 'booked' && booked?.status !== 'pending') return reply.redirect(`${base(request)}/termine`, 303);
    return reply.render(h(ConfirmationPage, await describe(ctxOf(request), booked)));
  }

  async function calendarDownload(request: FastifyRequest, reply: FastifyReply) {
    const booked = await journey(ctxOf(request), cookieOf(request));
    if (booked?.status !== 'booked') return reply.redirect(`${base(request)}/termine`, 303);
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', 'attachment; filename="termin.ics"')
      .send(calendarFile(ctxOf(request), await describe(ctxOf(request), booked), request.lang));
  }

  const findPage = async (request: FastifyRequest, reply: FastifyReply) =>
    reply.render(h(FindPage, { values: {}, errors: [], sent: formField(request.query, 'gesendet') === '1' }));

  async function findSubmit(request: FastifyRequest, reply: FastifyReply) {
    const parsed = safeParseForm(s.findForm, request.body);
    if (!parsed.ok) {
      const values = { bookingCode: formField(request.body, 'bookingCode') ?? '', email: formField(request.body, 'email') ?? '' };
      return reply.status(422).render(h(FindPage, { values, errors: parsed.errors, sent: false }));
    }
    await resendPersonalLink(ctxOf(request), parsed.data);
    return reply.redirect(`${base(request)}/termine/finden?gesendet=1`, 303);
  }

  return { contactPage, contactSubmit, extendSubmit, checkPage, bookSubmit, sameBookingSubmit, sameBookingSent, confirmationPage, calendarDownload, findPage, findSubmit };
}
