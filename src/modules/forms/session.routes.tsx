// The HTML pages around a flow's wizard: start, task list, check answers and submit,
// confirmation and PDF, save-and-resume by e-mail, and the citizen's status page.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { textInput } from '#shared/http/text.js';
import { DomainError } from '#shared/http/errors.js';
import { safeParseForm } from '#shared/http/validation.js';
import type { AppDeps } from '#shared/module.js';
import { isToken } from '#shared/crypto.js';
import type { Draft, FormEngine } from './engine.js';
import { assertSameOrigin, draftToken, flowBase, formBody, instancePath, setDraftCookie, withDraft } from './http.js';
import { firstOpenInstance, isComplete, prunedAnswers, sectionStatuses } from './navigation.js';
import { pdfOfDraft, statusByReference, statusByToken, submitDraft, submittedResult } from './submission.js';
import { buildSummary } from './summary.js';
import { CheckAnswersView, TaskListView } from './views/Overview.js';
import { ConfirmationView, ResumeView, SavedView, SaveView, StatusPageView } from './views/Session.js';
import { berlinDateTime } from '#shared/time.js';
import { perIpLimit, publicLimits } from '#shared/ratelimit/index.js';

const emailForm = z.strictObject({ email: z.email({ error: 'forms:validation.email' }).max(254) });
const statusForm = z.strictObject({
  reference: textInput({ max: 40 }).min(1, { error: 'forms:validation.referenceRequired' }),
  token: textInput({ max: 100 }).min(1, { error: 'forms:validation.tokenRequired' }),
});
const declarationForm = z.strictObject({ declaration: z.literal('ja', { error: 'forms:validation.declaration' }) });

export function registerSessionRoutes(app: FastifyInstance, deps: AppDeps, engine: FormEngine) {
  const flow = engine.flow;
  const p = flow.basePath;
  const day = (d: Date) => berlinDateTime(d).toFormat('dd.MM.yyyy');

  const openDraft = { preHandler: withDraft(engine, deps) };
  const anyDraft = { preHandler: withDraft(engine, deps, 'allowed') };

  const firstPage = (request: FastifyRequest, draft: Draft) => {
    const base = flowBase(request, flow);
    if (flow.taskList) return `${base}/aufgaben`;
    const open = firstOpenInstance(flow, draft.state.answers, new Set(draft.state.done));
    return open ? instancePath(base, open) : `${base}/pruefen`;
  };

  app.get(p, async (request, reply) => {
    const draft = await engine.load(request.tdb, draftToken(request, flow));
    const Start = flow.startPage;
    return reply.render(<Start hasDraft={draft !== undefined && !draft.row.submittedAt} draftDays={engine.ttlDays} />);
  });

  app.post(`${p}/start`, { onRequest: perIpLimit(deps, publicLimits.draft) }, async (request, reply) => {
    assertSameOrigin(request, deps);
    const existing = await engine.load(request.tdb, draftToken(request, flow));
    if (existing && !existing.row.submittedAt) return reply.redirect(firstPage(request, existing), 303);
    const { draft, token } = await engine.start(request.tdb, request.lang);
    setDraftCookie(reply, request, deps, flow, token);
    return reply.redirect(firstPage(request, draft), 303);
  });

  app.get(`${p}/aufgaben`, openDraft, async (request, reply) => {
    const draft = request.formDraft;
    const base = flowBase(request, flow);
    const done = new Set(draft.state.done);
    const sections = sectionStatuses(flow, draft.state.answers, done).map((s) => {
      const open = firstOpenInstance(flow, draft.state.answers, done, s.id);
      return { ...s, href: open ? instancePath(base, open) : `${base}/pruefen` };
    });
    return reply.render(<TaskListView flow={flow} sections={sections} complete={isComplete(flow, draft.state.answers, done)} expiresOn={day(draft.row.expiresAt)} />);
  });

  async function renderCheck(request: FastifyRequest, reply: FastifyReply, draft: Draft, errors: { field: string; message: string }[] = []) {
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

  app.get(`${p}/pruefen`, openDraft, async (request, reply) => {
    const draft = request.formDraft;
    return renderCheck(request, reply, draft);
  });

  app.post(`${p}/absenden`, anyDraft, async (request, reply) => {
    const draft = request.formDraft;
    const base = flowBase(request, flow);
    if (draft.row.submittedAt) return reply.redirect(`${base}/bestaetigung`, 303);
    const parsed = safeParseForm(declarationForm, formBody(request));
    if (!parsed.ok) return renderCheck(request, reply, draft, [{ field: 'declaration', message: 'forms:validation.declaration' }]);
    await submitDraft(engine, request.tdb, draft, request.tenant, request.lang);
    return reply.redirect(`${base}/bestaetigung`, 303);
  });

  app.get(`${p}/bestaetigung`, anyDraft, async (request, reply) => {
    const draft = request.formDraft;
    if (!draft.row.submittedAt || !draft.row.submittedStatusToken) return reply.redirect(`${flowBase(request, flow)}/pruefen`, 303);
    const result = await submittedResult(engine, request.tdb, draft.row.id);
    return reply.render(<ConfirmationView flow={flow} reference={result.reference} statusHref={`${flowBase(request, flow)}/status/${result.statusToken}`} hasMail={result.mailed} extra={flow.confirmationExtra} />);
  });

  app.get(`${p}/bestaetigung/pdf`, anyDraft, async (request, reply) => {
    const draft = request.formDraft;
    const { reference, pdf } = await pdfOfDraft(engine, request.tdb, draft);
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="${reference}.pdf"`)
      .send(pdf);
  });

  app.get(`${p}/speichern`, openDraft, async (request, reply) => {
    const draft = request.formDraft;
    const email = draft.state.resumeEmail ?? flow.contactEmail(draft.state.answers) ?? '';
    return reply.render(<SaveView flow={flow} email={email} errors={[]} expiresOn={day(draft.row.expiresAt)} backHref={firstPage(request, draft)} />);
  });

  app.post(`${p}/speichern`, { onRequest: perIpLimit(deps, publicLimits.mail), ...openDraft }, async (request, reply) => {
    const draft = request.formDraft;
    const body = formBody(request);
    const parsed = safeParseForm(emailForm, { email: typeof body.email === 'string' ? body.email.trim() : body.email });
    if (!parsed.ok) {
      return reply.status(422).render(<SaveView flow={flow} email={String(body.email ?? '')} errors={parsed.errors} expiresOn={day(draft.row.expiresAt)} backHref={firstPage(request, draft)} />);
    }
    await engine.sendResumeLink(request.tdb, draft, request.tenant, parsed.data.email, request.lang);
    return reply.redirect(`${flowBase(request, flow)}/speichern/gesendet`, 303);
  });

  app.get(`${p}/speichern/gesendet`, openDraft, async (request, reply) => {
    const draft = request.formDraft;
    return reply.render(<SavedView flow={flow} expiresOn={day(draft.row.expiresAt)} />);
  });

  app.get(`${p}/fortsetzen/:token`, async (request: FastifyRequest<{ Params: { token: string } }>, reply) => {
    const token = request.params.token;
    const valid = isToken(token) && (await engine.resumeTokenValid(request.tdb, token));
    return reply.status(valid ? 200 : 404).render(<ResumeView flow={flow} token={token} valid={valid} />);
  });

  app.post(`${p}/fortsetzen`, { onRequest: perIpLimit(deps, publicLimits.lookup) }, async (request, reply) => {
    assertSameOrigin(request, deps);
    const token = formBody(request).token;
    const resumed = isToken(token) ? await engine.resume(request.tdb, token) : undefined;
    if (!resumed) return reply.status(404).render(<ResumeView flow={flow} token="" valid={false} />);
    setDraftCookie(reply, request, deps, flow, resumed.token);
    return reply.redirect(firstPage(request, resumed.draft), 303);
  });

  const flowIds = [flow.id];
  app.get(`${p}/status`, async (_request, reply) => reply.render(<StatusPageView flow={flow} errors={[]} reference="" />));

  app.post(`${p}/status`, { onRequest: perIpLimit(deps, publicLimits.lookup) }, async (request, reply) => {
    assertSameOrigin(request, deps);
    const body = formBody(request);
    const parsed = safeParseForm(statusForm, body);
    if (!parsed.ok) return reply.status(422).render(<StatusPageView flow={flow} errors={parsed.errors} reference={String(body.reference ?? '')} />);
    try {
      const status = await statusByReference(request.tdb, flowIds, parsed.data.reference, parsed.data.token);
      return reply.render(<StatusPageView flow={flow} status={status} errors={[]} reference={status.reference} />);
    } catch (err) {
      if (!(err instanceof DomainError) || err.status !== 404) throw err;
      return reply.status(404).render(<StatusPageView flow={flow} errors={[{ field: 'form', message: 'forms:errors.statusNotFound' }]} reference={parsed.data.reference} />);
    }
  });

  app.get(`${p}/status/:token`, async (request: FastifyRequest<{ Params: { token: string } }>, reply) => {
    const status = await statusByToken(request.tdb, flowIds, request.params.token);
    return reply.render(<StatusPageView flow={flow} status={status} errors={[]} reference={status.reference} />);
  });
}
