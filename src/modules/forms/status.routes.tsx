// The citizen's status page of a submitted application: by the link in the confirmation mail, or by the
// reference number and the applicant's date of birth (rate-limited; doc/adr/0210-status-lookup.md). Both offer
// the PDF as it was submitted.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { keyedHash } from '#shared/crypto.js';
import { DomainError, type FieldError } from '#shared/http/errors.js';
import { textInput } from '#shared/http/text.js';
import { safeParseForm } from '#shared/http/validation.js';
import type { AppDeps } from '#shared/module.js';
import { perIpLimit, publicLimits } from '#shared/ratelimit/index.js';
import type { FormEngine } from './engine.js';
import { assertSameOrigin, flowBase, formBody, type FlowRoutes } from './http.js';
import { birthDateField, statusByBirthDate, statusByToken, statusPdf, type StatusAccess } from './status.js';
import { sendPdf } from './submit.routes.js';
import { StatusPageView } from './views/Session.js';

const referenceForm = z.object({ reference: textInput({ max: 40 }).min(1, { error: 'forms:validation.referenceRequired' }) });
/** The same two keys, sent again (hidden) by the status page's PDF button. */
const pdfForm = z.strictObject({ reference: textInput({ max: 40 }).min(1), birthDate: z.iso.date() });

type TokenRequest = FastifyRequest<{ Params: { token: string } }>;

export function registerStatusRoutes(app: FastifyInstance, deps: AppDeps, engine: FormEngine) {
  const ctx: FlowRoutes = { engine, deps, flow: engine.flow };
  const p = engine.flow.basePath;
  const limited = { onRequest: perIpLimit(deps, publicLimits.lookup) };
  app.get(`${p}/status`, (request, reply) => showLookupForm(ctx, request, reply));
  app.post(`${p}/status`, limited, (request, reply) => lookUpStatus(ctx, request, reply));
  app.post(`${p}/status/pdf`, limited, (request, reply) => downloadByBirthDate(ctx, request, reply));
  app.get<{ Params: { token: string } }>(`${p}/status/:token`, (request, reply) => showStatusByLink(ctx, request, reply));
  app.get<{ Params: { token: string } }>(`${p}/status/:token/pdf`, (request, reply) => downloadByLink(ctx, request, reply));
}

function access(ctx: FlowRoutes, request: FastifyRequest): StatusAccess {
  return { ipHash: keyedHash(ctx.deps.config.secretKey, ['ip', request.ip]), at: ctx.deps.clock.now() };
}

type Typed = { reference: string; birthDate?: unknown };

/** A wrong reference and a wrong date of birth get this same page, with what was typed, to correct it. */
function notFoundPage({ flow }: FlowRoutes, reply: FastifyReply, typed: Typed, message = 'forms:errors.statusNotFound') {
  return reply.status(404).render(<StatusPageView flow={flow} errors={[{ field: 'form', message }]} reference={typed.reference} birthDate={typed.birthDate} />);
}

/** Runs a look-up; its 404 becomes the not-found page (for a link: "this link is not valid"). */
async function orNotFound<T>(ctx: FlowRoutes, reply: FastifyReply, typed: Typed | 'link', run: () => Promise<T>): Promise<T | FastifyReply> {
  try {
    return await run();
  } catch (err) {
    if (!(err instanceof DomainError) || err.status !== 404) throw err;
    return typed === 'link' ? notFoundPage(ctx, reply, { reference: '' }, 'forms:errors.statusLinkInvalid') : notFoundPage(ctx, reply, typed);
  }
}

async function showLookupForm({ flow }: FlowRoutes, _request: FastifyRequest, reply: FastifyReply) {
  return reply.render(<StatusPageView flow={flow} errors={[]} reference="" />);
}

async function lookUpStatus(ctx: FlowRoutes, request: FastifyRequest, reply: FastifyReply) {
  const { engine, deps, flow } = ctx;
  assertSameOrigin(request, deps);
  const body = formBody(request);
  const typed = typeof body.reference === 'string' ? body.reference : '';
  const birthRaw = birthDateField.read(body);
  const reference = safeParseForm(referenceForm, { reference: body.reference });
  const birthDate = birthDateField.schema({ today: engine.today() }).safeParse(birthRaw);
  const errors: FieldError[] = [...(reference.ok ? [] : reference.errors), ...(birthDate.success ? [] : [{ field: 'birthDate', message: birthDate.error.issues[0]?.message ?? 'forms:validation.date' }])];
  if (!reference.ok || !birthDate.success) return reply.status(422).render(<StatusPageView flow={flow} errors={errors} reference={typed} birthDate={birthRaw} />);
  const key = { reference: reference.data.reference, birthDate: String(birthDate.data) };
  return orNotFound(ctx, reply, { reference: typed, birthDate: birthRaw }, async () => {
    const status = await statusByBirthDate(deps.config.secretKey, request.tdb, flow, key.reference, key.birthDate, access(ctx, request));
    return reply.render(<StatusPageView flow={flow} status={status} errors={[]} reference={status.reference} pdf={{ form: key }} />);
  });
}

async function downloadByBirthDate(ctx: FlowRoutes, request: FastifyRequest, reply: FastifyReply) {
  assertSameOrigin(request, ctx.deps);
  const parsed = safeParseForm(pdfForm, formBody(request));
  if (!parsed.ok) return notFoundPage(ctx, reply, { reference: '' });
  return orNotFound(ctx, reply, { reference: parsed.data.reference }, async () => {
    const { reference, pdf } = await statusPdf(ctx.deps.config.secretKey, request.tdb, ctx.flow, parsed.data, access(ctx, request));
    return sendPdf(reply, reference, pdf);
  });
}

async function showStatusByLink(ctx: FlowRoutes, request: TokenRequest, reply: FastifyReply) {
  return orNotFound(ctx, reply, 'link', async () => {
    const status = await statusByToken(request.tdb, ctx.flow, request.params.token, access(ctx, request));
    return reply.render(<StatusPageView flow={ctx.flow} status={status} errors={[]} reference={status.reference} pdf={{ href: `${flowBase(request, ctx.flow)}/status/${request.params.token}/pdf` }} />);
  });
}

async function downloadByLink(ctx: FlowRoutes, request: TokenRequest, reply: FastifyReply) {
  return orNotFound(ctx, reply, 'link', async () => {
    const { reference, pdf } = await statusPdf(ctx.deps.config.secretKey, request.tdb, ctx.flow, { token: request.params.token }, access(ctx, request));
    return sendPdf(reply, reference, pdf);
  });
}
