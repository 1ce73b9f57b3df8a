// The participant's pages (no account): the personal link with plan, steps and messages; comments and agreement
// by POST only (a mail scanner following the link changes nothing). Also the public explainer of the training system.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { FieldError } from '../../shared/http/errors.js';
import { formField, safeParseForm } from '../../shared/http/validation.js';
import type { AppDeps } from '../../shared/module.js';
import { perIpLimit } from '../../shared/ratelimit/index.js';
import { nachrichtForm } from './coaching.schemas.js';
import { participantAgrees, participantComment, participantView, participantWrites } from './link.service.js';
import { ExplainerPage } from './views/ExplainerPage.js';
import { ParticipantPage } from './views/ParticipantPage.js';

type TokenParams = { token: string };
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function registerParticipantRoutes(app: FastifyInstance, deps: AppDeps) {
  const linkBase = (request: FastifyRequest<{ Params: TokenParams }>) => `/t/${request.tenant.slug}/coaching/mein-plan/${request.params.token}`;
  const show = async (request: FastifyRequest<{ Params: TokenParams }>, reply: FastifyReply, form?: { aktivitaetId: string; values: Record<string, string>; errors: FieldError[] }) => {
    // Personal data: never cached (Referrer-Policy no-referrer keeps the token out of other sites' logs).
    void reply.header('cache-control', 'no-store');
    const view = await participantView(deps, request.tdb, request.params.token);
    const done = formField(request.query, 'done');
    return reply.status(form ? 422 : 200).render(h(ParticipantPage, { view, linkBase: linkBase(request), form, notice: done === 'comment' || done === 'agreed' ? done : undefined }));
  };

  app.get<{ Params: TokenParams }>('/coaching/mein-plan/:token', (request, reply) => show(request, reply));

  app.post<{ Params: TokenParams & { aid: string } }>('/coaching/mein-plan/:token/aktivitaeten/:aid', { onRequest: perIpLimit(deps, participantWrites) }, async (request, reply) => {
    if (!uuid.test(request.params.aid)) return reply.callNotFound();
    // The field is named after its activity (several comment boxes on one page need unique ids).
    const text = formField(request.body, `text-${request.params.aid}`) ?? '';
    const parsed = safeParseForm(nachrichtForm, { text });
    if (!parsed.ok) return show(request, reply, { aktivitaetId: request.params.aid, values: { text }, errors: parsed.errors.map((e) => ({ ...e, field: `text-${request.params.aid}` })) });
    await participantComment(deps, request.tdb, request.params.token, request.params.aid, parsed.data.text);
    return reply.header('cache-control', 'no-store').redirect(`${linkBase(request)}?done=comment#a-${request.params.aid}`, 303);
  });

  app.post<{ Params: TokenParams }>('/coaching/mein-plan/:token/zustimmung', { onRequest: perIpLimit(deps, participantWrites) }, async (request, reply) => {
    await participantAgrees(deps, request.tdb, request.params.token);
    return reply.header('cache-control', 'no-store').redirect(`${linkBase(request)}?done=agreed`, 303);
  });

  // The same for everyone: cached per tenant and language.
  app.get('/coaching/ausbildungssystem', (_request, reply) => reply.renderShared(() => h(ExplainerPage, {})));
}
