// Helpers shared by a flow's HTML routes: the draft cookie, same-origin checks, paths.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../http/errors.js';
import type { AppDeps } from '../module.js';
import type { FlowDefinition } from './flow.js';
import type { Instance } from './navigation.js';

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

/** Refuses state-changing requests from other sites (second line behind SameSite cookies). */
export function assertSameOrigin(request: FastifyRequest, deps: AppDeps) {
  if (request.headers['sec-fetch-site'] === 'cross-site') throw new DomainError(403, 'common:errors.forbidden.text');
  const origin = request.headers.origin;
  if (!origin || origin === 'null') return;
  const allowed = [new URL(deps.config.publicUrl).origin, `${request.protocol}://${request.headers.host ?? ''}`];
  if (!allowed.includes(origin)) throw new DomainError(403, 'common:errors.forbidden.text');
}

export function instancePath(base: string, instance: Instance): string {
  return `${base}/${instance.sectionId}/${instance.key}`;
}

export function formBody(request: FastifyRequest): Record<string, unknown> {
  const body = request.body;
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

/** The one query parameter the wizard uses: return to "check your answers" after a change. */
export function returnsToCheck(request: FastifyRequest): boolean {
  return (request.query as Record<string, unknown> | undefined)?.ziel === 'pruefen';
}
