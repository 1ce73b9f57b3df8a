// The end of a flow: check answers, submit, the confirmation page and the submitted PDF.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { FieldError } from '#shared/http/errors.js';
import { safeParseForm } from '#shared/http/validation.js';
import type { AppDeps } from '#shared/module.js';
import type { Draft, FormEngine } from './engine.js';
import { flowBase, formBody, instancePath, withDraft, type FlowRoutes } from './http.js';
import { firstOpenInstance, prunedAnswers, sectionStatuses } from './navigation.js';
import { pdfOfDraft, submitDraft, submittedResult } from './submission.js';
import { buildSummary } from './summary.js';
import { CheckAnswersView } from './views/Overview.js';
import { ConfirmationView } from './views/Session.js';

const declarationForm = z.strictObject({ declaration: z.literal('ja', { error: 'forms:validation.declaration' }) });

export function registerSubmitRoutes(app: FastifyInstance, deps: AppDeps, engine: FormEngine) {
  const ctx: FlowRoutes = { engine, deps, flow: engine.flow };
  const p = engine.flow.basePath;
  const openDraft = { preHandler: withDraft(engine, deps) };
  // Submitted drafts are allowed here: a repeated submit, the confirmation and its PDF answer like the first time.
  const anyDraft = { preHandler: withDraft(engine, deps, 'allowed') };
  app.get(`${p}/pruefen`, openDraft, (request, reply) => renderCheck(ctx, request, reply, request.formDraft));
  app.post(`${p}/absenden`, { ...anyDraft, config: { page: `${p}/pruefen` } }, (request, reply) => submit(ctx, request, reply));
  app.get(`${p}/bestaetigung`, anyDraft, (request, reply) => showConfirmation(ctx, request, reply));
  app.get(`${p}/bestaetigung/pdf`, anyDraft, (request, reply) => downloadPdf(ctx, request, reply));
}

/** "Check your answers": every section's answers, the sections still open, and the declaration. */
async function renderCheck({ flow }: FlowRoutes, request: FastifyRequest, reply: FastifyReply, draft: Draft, errors: FieldError[] = []) {
  const base = flowBase(request, flow);
  const done = new Set(draft.state.done);
  const incomplete = sectionStatuses(flow, draft.state.answers, done)
    .filter((s) => s.status !== 'completed')
    .map((s) => {
      const open = firstOpenInstance(flow, draft.state.answers, done, s.id);
      return { titleKey: s.titleKey, href: open ? instancePath(base, open) : `${base}/aufgaben` };
    });
  const sections = buildSummary(flow, prunedAnswers(flow, draft.state.answers), request.t);
  return reply
    .status(errors.length ? 422 : 200)
    .render(<CheckAnswersView flow={flow} sections={sections} incomplete={incomplete} errors={errors} backHref={flow.taskList ? `${base}/aufgaben` : base} />);
}

async function submit(ctx: FlowRoutes, request: FastifyRequest, reply: FastifyReply) {
  const draft = request.formDraft;
  const base = flowBase(request, ctx.flow);
  if (draft.row.submittedAt) return reply.redirect(`${base}/bestaetigung`, 303);
  const parsed = safeParseForm(declarationForm, formBody(request));
  if (!parsed.ok) return renderCheck(ctx, request, reply, draft, [{ field: 'declaration', message: 'forms:validation.declaration' }]);
  await submitDraft(ctx.engine, request.tdb, draft, request.tenant, request.lang);
  return reply.redirect(`${base}/bestaetigung`, 303);
}

async function showConfirmation({ engine, flow }: FlowRoutes, request: FastifyRequest, reply: FastifyReply) {
  const draft = request.formDraft;
  if (!draft.row.submittedAt || !draft.row.submittedStatusToken) return reply.redirect(`${flowBase(request, flow)}/pruefen`, 303);
  const result = await submittedResult(engine, request.tdb, draft.row.id);
  return reply.render(
    <ConfirmationView
      flow={flow}
      reference={result.reference}
      submittedAt={result.submittedAt}
      statusHref={`${flowBase(request, flow)}/status/${result.statusToken}`}
      hasMail={result.mailed}
      extra={flow.confirmationExtra}
    />,
  );
}

async function downloadPdf({ engine }: FlowRoutes, request: FastifyRequest, reply: FastifyReply) {
  const { reference, pdf } = await pdfOfDraft(engine, request.tdb, request.formDraft);
  return sendPdf(reply, reference, pdf);
}

/** The submitted PDF as a download (never shown inline). */
export function sendPdf(reply: FastifyReply, reference: string, pdf: Buffer) {
  return reply.type('application/pdf').header('content-disposition', `attachment; filename="${reference}.pdf"`).send(pdf);
}
