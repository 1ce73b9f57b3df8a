// JSON API of the online applications: startApplication, getApplication, saveApplication,
// submitApplication (bearer draft token) and getApplicationStatus (bearer status token).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { uuidString } from '#shared/ids.js';
import { textInput } from '#shared/http/text.js';
import { FormEngine, firstOpenInstance, isComplete, sectionStatuses, statusByReference, submitDraft, type Draft, type Instance } from '../forms/index.js';
import { expectBearer, requireBearer } from '#shared/http/bearer.js';
import { ConflictError, NotFoundError, ValidationError } from '#shared/http/errors.js';
import { operation, typed } from '#shared/http/operation.js';
import type { AppDeps } from '#shared/module.js';
import { antragFlows } from './flows/index.js';
import { perIpLimit, publicLimits } from '#shared/ratelimit/index.js';
import { applicationSchema, saveBody, saveResponse, startBody, startResponse, statusResponse, submitBody, submitResponse } from './antrag.schemas.js';

const tags = ['applications'];
const draftId = { id: uuidString };

export const antragOperations = {
  startApplication: operation({
    operationId: 'startApplication',
    summary: 'Start an application (draft); returns the draft token once',
    tags,
    access: 'public',
    body: startBody,
    response: { 201: startResponse },
    errors: [429],
  }),
  getApplication: operation({
    operationId: 'getApplication',
    summary: 'The draft with its answers and the status of each section (Bearer: the draft token)',
    tags,
    access: 'bearer',
    params: draftId,
    response: { 200: applicationSchema },
  }),
  saveApplication: operation({
    operationId: 'saveApplication',
    summary: 'Save the answers of one page, validated like the HTML form (Bearer: the draft token)',
    tags,
    access: 'bearer',
    params: draftId,
    body: saveBody,
    response: { 200: saveResponse },
    errors: [409],
  }),
  submitApplication: operation({
    operationId: 'submitApplication',
    summary: 'Submit a complete application (Bearer: the draft token)',
    description: 'Idempotent: 201 the first time, 200 with the same result for a repeat. 409 while the application is incomplete.',
    tags,
    access: 'bearer',
    params: draftId,
    body: submitBody,
    response: { 200: submitResponse, 201: submitResponse },
    errors: [409],
  }),
  getApplicationStatus: operation({
    operationId: 'getApplicationStatus',
    summary: 'Status and timeline of a submitted application (Bearer: the status token)',
    tags,
    access: 'bearer',
    params: { reference: textInput({ max: 40 }) },
    response: { 200: statusResponse },
  }),
};

const pageRef = (i: Instance | undefined) => (i ? { page: i.page.id, section: i.sectionId, ...(i.item ? { item: i.item.id } : {}) } : null);
const bearerGuard = { onRequest: requireBearer() };

export function registerAntragApi(app: FastifyInstance, deps: AppDeps) {
  const engines = new Map(antragFlows.map((flow) => [flow.id, new FormEngine(flow, deps)]));
  const api = typed(app);
  const op = antragOperations;

  /** The draft behind the bearer token; its id must match the path (no guessing of other ids). */
  async function draftFor(request: FastifyRequest, id: string): Promise<{ engine: FormEngine; draft: Draft }> {
    const token = expectBearer(request);
    for (const engine of engines.values()) {
      const draft = await engine.load(request.tdb, token);
      if (draft && draft.row.id === id) return { engine, draft };
    }
    throw new NotFoundError();
  }

  function describe(engine: FormEngine, draft: Draft) {
    const done = new Set(draft.state.done);
    const complete = isComplete(engine.flow, draft.state.answers, done);
    const open = firstOpenInstance(engine.flow, draft.state.answers, done);
    return {
      id: draft.row.id,
      flow: engine.flow.id,
      expiresAt: draft.row.expiresAt.toISOString(),
      submitted: draft.row.submittedAt !== null,
      complete,
      sections: sectionStatuses(engine.flow, draft.state.answers, done).map((s) => ({ id: s.id, status: s.status })),
      next: complete || !open || done.has(open.key) ? null : pageRef(open),
    };
  }

  api.post('/applications', { bodyLimit: 4096, onRequest: perIpLimit(deps, publicLimits.draft), schema: op.startApplication }, async function startApplication(request, reply) {
    const engine = engines.get(request.body.flow ?? 'erstantrag')!;
    const { draft, token } = await engine.start(request.tdb, request.body.lang ?? request.lang);
    return reply.status(201).send({ ...describe(engine, draft), draftToken: token });
  });

  api.get('/applications/:id', { schema: op.getApplication, ...bearerGuard }, async function getApplication(request) {
    const { engine, draft } = await draftFor(request, request.params.id);
    return { ...describe(engine, draft), answers: draft.state.answers };
  });

  api.post('/applications/:id/answers', { bodyLimit: 65_536, schema: op.saveApplication, ...bearerGuard }, async function saveApplication(request) {
    const { engine, draft } = await draftFor(request, request.params.id);
    if (draft.row.submittedAt) throw new ConflictError('forms:errors.alreadySubmitted');
    const instance = engine.instance(draft, request.body.page, request.body.item);
    const outcome = await engine.savePage(request.tdb, draft, instance, request.body.values);
    if (!outcome.ok) {
      const fields = 'fields' in instance.page ? instance.page.fields : [];
      throw new ValidationError(
        outcome.errors.map((e) => {
          const field = fields.find((f) => f.name === e.field);
          return { ...e, params: { ...e.params, label: field ? request.t(field.labelKey, { name: '' }) : e.field } };
        }),
      );
    }
    return { ...describe(engine, outcome.draft), next: pageRef(outcome.next) };
  });

  api.post('/applications/:id/submission', { bodyLimit: 1024, schema: op.submitApplication, ...bearerGuard }, async function submitApplication(request, reply) {
    const { engine, draft } = await draftFor(request, request.params.id);
    const result = await submitDraft(engine, request.tdb, draft, request.tenant, draft.row.lang);
    return reply.status(result.created ? 201 : 200).send({ reference: result.reference, statusToken: result.statusToken, submittedAt: result.submittedAt.toISOString() });
  });

  api.get('/applications/:reference/status', { schema: op.getApplicationStatus, ...bearerGuard }, async function getApplicationStatus(request) {
    const status = await statusByReference(request.tdb, antragFlows.map((f) => f.id), request.params.reference, expectBearer(request));
    return {
      reference: status.reference,
      flow: status.flowId,
      status: status.status,
      submittedAt: status.submittedAt.toISOString(),
      timeline: status.timeline.map((e) => ({ status: e.status, at: e.at.toISOString() })),
    };
  });
}
