// Pages of the feedback module: the citizen's one-question form (linked from every confirmation page) and the
// tenant admin's counts per service and the comments on each (audited).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError } from '#shared/http/errors.js';
import { requireSameOrigin } from '#shared/http/same-origin.js';
import { formBody, formField, safeParseForm, submittedTexts } from '#shared/http/validation.js';
import type { AppDeps } from '#shared/module.js';
import { perIpLimit, type RateLimit } from '#shared/ratelimit/index.js';
import { requirePermission } from '../staff/index.js';
import { commentsQuery, feedbackForm, serviceQuery } from './feedback.schemas.js';
import { feedbackResults, readComments, recordFeedback } from './feedback.service.js';
import { FeedbackFormPage, FeedbackThanksPage } from './views/FeedbackPages.js';
import { FeedbackCommentsPage } from './views/FeedbackComments.js';
import { FeedbackResultsPage } from './views/FeedbackResults.js';

/** A person answers once per visit; a script would skew the counts. */
export const feedbackLimit: RateLimit = { name: 'feedback', max: 10, windowMs: 60 * 60_000 };

export function registerFeedbackRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/rueckmeldung', showForm);
  app.post('/rueckmeldung', { onRequest: perIpLimit(deps, feedbackLimit), preHandler: requireSameOrigin(deps) }, (request, reply) => sendFeedback(deps, request, reply));
  app.get('/rueckmeldung/danke', async (_request, reply) => reply.render(<FeedbackThanksPage />));
  app.get('/staff/rueckmeldungen', { onRequest: requirePermission(deps, 'feedback.read') }, async (request, reply) =>
    reply.render(<FeedbackResultsPage base={`/t/${request.tenant.slug}`} results={await feedbackResults(request.tdb)} />),
  );
  app.get<{ Params: { dienst: string } }>('/staff/rueckmeldungen/:dienst', { onRequest: requirePermission(deps, 'feedback.read') }, async (request, reply) => {
    const query = commentsQuery.safeParse({ dienst: request.params.dienst, seite: formField(request.query, 'seite') });
    if (!query.success) throw new NotFoundError();
    const data = await readComments(request.tdb, request.staff, deps.clock.now(), query.data.dienst, query.data.seite);
    if (query.data.seite > data.pages) throw new NotFoundError();
    return reply.render(<FeedbackCommentsPage base={`/t/${request.tenant.slug}`} service={query.data.dienst} data={data} />);
  });
}

async function showForm(request: FastifyRequest, reply: FastifyReply) {
  const query = serviceQuery.safeParse({ dienst: formField(request.query, 'dienst') });
  if (!query.success) throw new NotFoundError();
  return reply.render(<FeedbackFormPage service={query.data.dienst} values={{}} errors={[]} />);
}

async function sendFeedback(deps: AppDeps, request: FastifyRequest, reply: FastifyReply) {
  const body = submittedTexts(formBody(request.body));
  const parsed = safeParseForm(feedbackForm, { ...body, comment: body.comment || undefined });
  if (!parsed.ok) {
    const service = serviceQuery.safeParse({ dienst: body.dienst });
    if (!service.success) throw new NotFoundError();
    return reply.status(422).render(<FeedbackFormPage service={service.data.dienst} values={body} errors={parsed.errors} />);
  }
  await recordFeedback(request.tdb, deps.clock.now(), { service: parsed.data.dienst, rating: parsed.data.rating, comment: parsed.data.comment });
  return reply.redirect(`/t/${request.tenant.slug}/rueckmeldung/danke`, 303);
}
