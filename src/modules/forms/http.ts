// Helpers shared by a flow's HTML routes: the draft cookie and the preHandler that loads the draft once,
// same-origin checks, paths.
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { h } from 'preact';
import { assertSameOrigin } from '#shared/http/same-origin.js';
import type { AppDeps } from '#shared/module.js';
import type { Draft, FormEngine } from './engine.js';
import type { FlowDefinition } from './flow.js';
import { firstOpenInstance, type Instance } from './navigation.js';
import { NoDraftView } from './views/Session.js';
import { formField } from '#shared/http/validation.js';
import { berlinDateTime } from '#shared/time.js';

/** What every route handler of one flow works with. */
export interface FlowRoutes {
  engine: FormEngine;
  deps: AppDeps;
  flow: FlowDefinition;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The draft of this browser; set by the `withDraft` preHandler (and only on its routes). */
    formDraft: Draft;
  }
}

export function cookieName(flow: FlowDefinition): string {
  return `ww_form_${flow.id.replace(/[^a-z0-9]/gi, '_')}`;
}

export function flowBase(request: FastifyRequest, flow: FlowDefinition): string {
  return `/t/${request.tenant.slug}${flow.basePath}`;
}

/** HttpOnly, SameSite=Lax (cross-site POSTs carry no draft), scoped to the flow's path. */
export function setDraftCookie(reply: FastifyReply, request: FastifyRequest, deps: AppDeps, flow: FlowDefinition, token: string) {
  void reply.setCookie(cookieName(flow), token, {
    path: flowBase(request, flow),
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.publicUrl.startsWith('https://'),
    maxAge: deps.config.formDraftDays * 86_400,
  });
}

export function draftToken(request: FastifyRequest, flow: FlowDefinition): string | undefined {
  return request.cookies[cookieName(flow)];
}

/**
 * preHandler of every page that works on this browser's draft: a POST must come from our own site; then the
 * draft is loaded once (request.formDraft). Without a draft: the "no draft" page (401). A submitted draft
 * goes to its confirmation unless `submitted` is 'allowed' (confirmation, PDF, submit again).
 */
export function withDraft(engine: FormEngine, deps: AppDeps, submitted: 'allowed' | 'redirect' = 'redirect'): preHandlerAsyncHookHandler {
  return async function loadDraft(request, reply) {
    if (request.method !== 'GET' && request.method !== 'HEAD') assertSameOrigin(request, deps);
    const draft = await engine.load(request.tdb, draftToken(request, engine.flow));
    if (!draft) return reply.render(h(NoDraftView, { flow: engine.flow }), 401);
    if (draft.row.submittedAt && submitted === 'redirect') return reply.redirect(`${flowBase(request, engine.flow)}/bestaetigung`, 303);
    request.formDraft = draft;
  };
}

/** Refuses state-changing requests from other sites (second line behind SameSite cookies); lives in the platform. */
export { assertSameOrigin } from '#shared/http/same-origin.js';

export function instancePath(base: string, instance: Instance): string {
  return `${base}/${instance.sectionId}/${instance.key}`;
}

export function formBody(request: FastifyRequest): Record<string, unknown> {
  const body = request.body;
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

/** The one query parameter the wizard uses: return to "check your answers" after a change. */
export function returnsToCheck(request: FastifyRequest): boolean {
  return formField(request.query, 'ziel') === 'pruefen';
}

/** Where a person continues a draft: the task list, or the first page not yet answered. */
export function firstPage(request: FastifyRequest, flow: FlowDefinition, draft: Draft): string {
  const base = flowBase(request, flow);
  if (flow.taskList) return `${base}/aufgaben`;
  const open = firstOpenInstance(flow, draft.state.answers, new Set(draft.state.done));
  return open ? instancePath(base, open) : `${base}/pruefen`;
}

/** A day as the wizard's pages show it (dd.MM.yyyy in Berlin). */
export function germanDay(d: Date): string {
  return berlinDateTime(d).toFormat('dd.MM.yyyy');
}
