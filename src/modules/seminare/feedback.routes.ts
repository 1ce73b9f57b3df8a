// Feedback pages: the anonymous survey for one's own participation (/staff/seminare/anmeldungen/:id/rueckmeldung)
// and the aggregate for the seminar's trainer and the training office (/staff/seminare/seminare/:id/rueckmeldungen).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { FieldError } from '#shared/http/errors.js';
import { formBody, safeParseForm } from '#shared/http/validation.js';
import type { AppDeps } from '#shared/module.js';
import { requirePermission } from '../staff/index.js';
import { feedbackResults, giveFeedback, survey } from './feedback.service.js';
import { actorOf, ctxOf, fieldErrors } from './http.js';
import { feedbackSchema } from './seminare.schemas.js';
import { FeedbackResultsPage, SurveyPage } from './views/FeedbackPages.js';

type WithId = FastifyRequest<{ Params: { id: string } }>;
const text = (v: unknown) => (typeof v === 'string' ? v : undefined);

export function registerSeminareFeedbackRoutes(app: FastifyInstance, deps: AppDeps) {
  const browse = { onRequest: requirePermission(deps, 'seminare.browse') };
  const attendance = { onRequest: requirePermission(deps, 'seminare.attendance') };

  const surveyPage = async (request: WithId, reply: FastifyReply, errors: FieldError[] = [], values: Record<string, unknown> = {}) => {
    const { enrolment, title, days } = await survey(ctxOf(request, deps), actorOf(request), request.params.id);
    return reply.status(errors.length ? 422 : 200).render(h(SurveyPage, { enrolmentId: enrolment.id, title, days, errors, values: { rating: text(values.rating), comment: text(values.comment) } }));
  };
  app.get<{ Params: { id: string } }>('/staff/seminare/anmeldungen/:id/rueckmeldung', browse, async (request, reply) => surveyPage(request, reply));
  app.post<{ Params: { id: string } }>('/staff/seminare/anmeldungen/:id/rueckmeldung', browse, async (request, reply) => {
    const values = formBody(request.body);
    const parsed = safeParseForm(feedbackSchema, values);
    const errors = parsed.ok ? await fieldErrors(() => giveFeedback(ctxOf(request, deps), actorOf(request), request.params.id, parsed.data)) : parsed.errors;
    if (errors.length) return surveyPage(request, reply, errors, values);
    return reply.redirect(`/t/${request.tenant.slug}/staff/seminare/meine?notice=feedbackGiven`, 303);
  });

  app.get<{ Params: { id: string } }>('/staff/seminare/seminare/:id/rueckmeldungen', attendance, async (request, reply) =>
    reply.render(h(FeedbackResultsPage, { results: await feedbackResults(ctxOf(request, deps), actorOf(request), request.params.id) })),
  );
}
