// The participant's pages (no account): the personal link with plan, steps and messages; comments and agreement
// by POST only (a mail scanner following the link changes nothing). Also the public explainer of the training system.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { FieldError } from '#shared/http/errors.js';
import { formField, safeParseForm, submittedTexts } from '#shared/http/validation.js';
import { isUuid } from '#shared/ids.js';
import type { AppDeps } from '#shared/module.js';
import { NotFoundError } from '#shared/http/errors.js';
import { hitRateLimit, perIpLimit, publicLimits } from '#shared/ratelimit/index.js';
import { linkRequestForm, nachrichtForm } from './coaching.schemas.js';
import { angstForm } from './pruefung.schemas.js';
import { participantAgrees, participantComment, participantRatesAnxiety, participantView, participantWrites, requestNewLink } from './link.service.js';
import { termineOf } from './termin.service.js';
import { LinkRequestPage } from './views/LinkRequestPage.js';
import { ExplainerPage } from './views/ExplainerPage.js';
import { ParticipantPage } from './views/ParticipantPage.js';

type TokenParams = { token: string };
const requestPath = (request: FastifyRequest) => `/t/${request.tenant.slug}/coaching/mein-plan`;
/** Link requests for one e-mail address, whoever sends them. */
export const linkRequestsPerAddress = { name: 'coaching-link-request', max: 3, windowMs: 60 * 60_000 };

type TokenRequest = FastifyRequest<{ Params: TokenParams }>;
type ActivityRequest = FastifyRequest<{ Params: TokenParams & { aid: string } }>;

export function registerParticipantRoutes(app: FastifyInstance, deps: AppDeps) {
  const p = participantHandlers(deps);
  const limited = { onRequest: perIpLimit(deps, participantWrites) };
  app.get<{ Params: TokenParams }>('/coaching/mein-plan/:token', p.planPage);
  // Asking for a new link: the same answer whether the address is known or not (no enumeration), limited per
  // client address and per e-mail address; the service adds a cooldown per person.
  app.get('/coaching/mein-plan', p.linkRequestPage);
  app.post('/coaching/mein-plan', { onRequest: perIpLimit(deps, publicLimits.mail) }, p.linkRequestSubmit);
  app.post<{ Params: TokenParams & { aid: string } }>('/coaching/mein-plan/:token/aktivitaeten/:aid', limited, p.commentSubmit);
  app.post<{ Params: TokenParams }>('/coaching/mein-plan/:token/angst', limited, p.anxietySubmit);
  app.post<{ Params: TokenParams }>('/coaching/mein-plan/:token/zustimmung', limited, p.agreementSubmit);
  // The same for everyone: cached per tenant and language.
  app.get('/coaching/ausbildungssystem', p.explainerPage);
}

function participantHandlers(deps: AppDeps) {
  const linkBase = (request: TokenRequest) => `/t/${request.tenant.slug}/coaching/mein-plan/${request.params.token}`;

  async function planPage(request: TokenRequest, reply: FastifyReply, form?: { aktivitaetId: string; values: Record<string, string>; errors: FieldError[] }) {
    // Personal data: the app answers no-store; Referrer-Policy no-referrer keeps the token out of other sites' logs.
    let view;
    try {
      view = await participantView(deps, request.tdb, request.params.token);
    } catch (error) {
      // An old or mistyped link: say so, and offer to send a new one right there.
      if (error instanceof NotFoundError) return reply.status(404).render(h(LinkRequestPage, { action: requestPath(request), invalid: true, errors: [] }));
      throw error;
    }
    const done = formField(request.query, 'done');
    const termine = await termineOf(deps, request.tdb, request.tenant, view.aktivitaeten);
    return reply
      .status(form ? 422 : 200)
      .render(h(ParticipantPage, { view, termine, linkBase: linkBase(request), form, notice: done === 'comment' || done === 'agreed' || done === 'angst' ? done : undefined }));
  }

  async function linkRequestPage(request: FastifyRequest, reply: FastifyReply) {
    return reply.render(h(LinkRequestPage, { action: requestPath(request), errors: [] }));
  }

  async function linkRequestSubmit(request: FastifyRequest, reply: FastifyReply) {
    const body = submittedTexts(request.body);
    const parsed = safeParseForm(linkRequestForm, body);
    if (!parsed.ok) return reply.status(422).render(h(LinkRequestPage, { action: requestPath(request), errors: parsed.errors, email: body.email }));
    await hitRateLimit(request.tdb, deps, linkRequestsPerAddress, parsed.data.email.toLowerCase());
    await requestNewLink(deps, request.tdb, parsed.data.email, { slug: request.tenant.slug, name: request.tenant.name });
    return reply.render(h(LinkRequestPage, { action: requestPath(request), errors: [], sent: true }));
  }

  async function commentSubmit(request: ActivityRequest, reply: FastifyReply) {
    if (!isUuid(request.params.aid)) return reply.callNotFound();
    // The field is named after its activity (several comment boxes on one page need unique ids).
    const text = formField(request.body, `text-${request.params.aid}`) ?? '';
    const parsed = safeParseForm(nachrichtForm, { text });
    if (!parsed.ok) return planPage(request, reply, { aktivitaetId: request.params.aid, values: { text }, errors: parsed.errors.map((e) => ({ ...e, field: `text-${request.params.aid}` })) });
    await participantComment(deps, request.tdb, request.params.token, request.params.aid, parsed.data.text);
    return reply.redirect(`${linkBase(request)}?done=comment#a-${request.params.aid}`, 303);
  }

  async function anxietySubmit(request: TokenRequest, reply: FastifyReply) {
    const body = submittedTexts(request.body);
    const parsed = safeParseForm(angstForm, body);
    if (!parsed.ok) return planPage(request, reply, { aktivitaetId: 'angst', values: body, errors: parsed.errors });
    await participantRatesAnxiety(deps, request.tdb, request.params.token, parsed.data);
    return reply.redirect(`${linkBase(request)}?done=angst#angst`, 303);
  }

  async function agreementSubmit(request: TokenRequest, reply: FastifyReply) {
    await participantAgrees(deps, request.tdb, request.params.token);
    return reply.redirect(`${linkBase(request)}?done=agreed`, 303);
  }

  async function explainerPage(_request: FastifyRequest, reply: FastifyReply) {
    return reply.renderShared(() => h(ExplainerPage, {}));
  }

  return { planPage, linkRequestPage, linkRequestSubmit, commentSubmit, anxietySubmit, agreementSubmit, explainerPage };
}
