// The HTML pages around a flow's wizard: start, task list, and save-and-resume by e-mail. Check answers,
// submit and confirmation are in submit.routes.tsx, the citizen's status page in status.routes.tsx.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { safeParseForm } from '#shared/http/validation.js';
import type { AppDeps } from '#shared/module.js';
import { isToken } from '#shared/crypto.js';
import { perIpLimit, publicLimits } from '#shared/ratelimit/index.js';
import type { FormEngine } from './engine.js';
import { assertSameOrigin, draftToken, firstPage, flowBase, formBody, germanDay, instancePath, setDraftCookie, withDraft, type FlowRoutes } from './http.js';
import { firstOpenInstance, isComplete, sectionStatuses } from './navigation.js';
import { TaskListView } from './views/Overview.js';
import { ResumeView, SavedView, SaveView } from './views/Session.js';

const emailForm = z.strictObject({ email: z.email({ error: 'forms:validation.email' }).max(254) });
type TokenRequest = FastifyRequest<{ Params: { token: string } }>;

export function registerSessionRoutes(app: FastifyInstance, deps: AppDeps, engine: FormEngine) {
  const ctx: FlowRoutes = { engine, deps, flow: engine.flow };
  const p = engine.flow.basePath;
  const openDraft = { preHandler: withDraft(engine, deps) };
  app.get(p, (request, reply) => showStartPage(ctx, request, reply));
  app.post(`${p}/start`, { onRequest: perIpLimit(deps, publicLimits.draft) }, (request, reply) => startDraft(ctx, request, reply));
  app.get(`${p}/aufgaben`, openDraft, (request, reply) => showTaskList(ctx, request, reply));
  app.get(`${p}/speichern`, openDraft, (request, reply) => showSaveForm(ctx, request, reply));
  app.post(`${p}/speichern`, { onRequest: perIpLimit(deps, publicLimits.mail), ...openDraft }, (request, reply) => sendResumeLink(ctx, request, reply));
  app.get(`${p}/speichern/gesendet`, openDraft, (request, reply) => showLinkSent(ctx, request, reply));
  app.get<{ Params: { token: string } }>(`${p}/fortsetzen/:token`, (request, reply) => showResume(ctx, request, reply));
  app.post(`${p}/fortsetzen`, { onRequest: perIpLimit(deps, publicLimits.lookup) }, (request, reply) => resumeDraft(ctx, request, reply));
}

async function showStartPage({ engine, flow }: FlowRoutes, request: FastifyRequest, reply: FastifyReply) {
  const draft = await engine.load(request.tdb, draftToken(request, flow));
  const Start = flow.startPage;
  return reply.render(<Start hasDraft={draft !== undefined && !draft.row.submittedAt} draftDays={engine.ttlDays} />);
}

/** Starts a draft, or continues the one this browser already has. */
async function startDraft({ engine, deps, flow }: FlowRoutes, request: FastifyRequest, reply: FastifyReply) {
  assertSameOrigin(request, deps);
  const existing = await engine.load(request.tdb, draftToken(request, flow));
  if (existing && !existing.row.submittedAt) return reply.redirect(firstPage(request, flow, existing), 303);
  const { draft, token } = await engine.start(request.tdb, request.lang);
  setDraftCookie(reply, request, deps, flow, token);
  return reply.redirect(firstPage(request, flow, draft), 303);
}

async function showTaskList({ flow }: FlowRoutes, request: FastifyRequest, reply: FastifyReply) {
  const draft = request.formDraft;
  const base = flowBase(request, flow);
  const done = new Set(draft.state.done);
  const sections = sectionStatuses(flow, draft.state.answers, done).map((s) => {
    const open = firstOpenInstance(flow, draft.state.answers, done, s.id);
    return { ...s, href: open ? instancePath(base, open) : `${base}/pruefen` };
  });
  return reply.render(<TaskListView flow={flow} sections={sections} complete={isComplete(flow, draft.state.answers, done)} expiresOn={germanDay(draft.row.expiresAt)} />);
}

async function showSaveForm({ flow }: FlowRoutes, request: FastifyRequest, reply: FastifyReply) {
  const draft = request.formDraft;
  const email = draft.state.resumeEmail ?? flow.contactEmail(draft.state.answers) ?? '';
  return reply.render(<SaveView flow={flow} email={email} errors={[]} expiresOn={germanDay(draft.row.expiresAt)} backHref={firstPage(request, flow, draft)} />);
}

async function sendResumeLink({ engine, flow }: FlowRoutes, request: FastifyRequest, reply: FastifyReply) {
  const draft = request.formDraft;
  const body = formBody(request);
  const parsed = safeParseForm(emailForm, { email: typeof body.email === 'string' ? body.email.trim() : body.email });
  if (!parsed.ok) {
    return reply.status(422).render(<SaveView flow={flow} email={String(body.email ?? '')} errors={parsed.errors} expiresOn={germanDay(draft.row.expiresAt)} backHref={firstPage(request, flow, draft)} />);
  }
  await engine.sendResumeLink(request.tdb, draft, request.tenant, parsed.data.email, request.lang);
  return reply.redirect(`${flowBase(request, flow)}/speichern/gesendet`, 303);
}

async function showLinkSent({ flow }: FlowRoutes, request: FastifyRequest, reply: FastifyReply) {
  return reply.render(<SavedView flow={flow} expiresOn={germanDay(request.formDraft.row.expiresAt)} />);
}

/** The page behind the resume link: GET only shows a button (mail scanners change nothing). */
async function showResume({ engine, flow }: FlowRoutes, request: TokenRequest, reply: FastifyReply) {
  const token = request.params.token;
  const valid = isToken(token) && (await engine.resumeTokenValid(request.tdb, token));
  return reply.status(valid ? 200 : 404).render(<ResumeView flow={flow} token={token} valid={valid} />);
}

async function resumeDraft({ engine, deps, flow }: FlowRoutes, request: FastifyRequest, reply: FastifyReply) {
  assertSameOrigin(request, deps);
  const token = formBody(request).token;
  const resumed = isToken(token) ? await engine.resume(request.tdb, token) : undefined;
  if (!resumed) return reply.status(404).render(<ResumeView flow={flow} token="" valid={false} />);
  setDraftCookie(reply, request, deps, flow, resumed.token);
  return reply.redirect(firstPage(request, flow, resumed.draft), 303);
}
