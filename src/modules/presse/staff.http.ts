// What every press-office handler takes from its request: the use-case context, the acting person, permissions,
// the release id of the path, the notice of a redirect, and the base path of the press pages.
import type { FastifyRequest } from 'fastify';
import { NotFoundError } from '#shared/http/errors.js';
import { formField } from '#shared/http/validation.js';
import { isUuid } from '#shared/ids.js';
import type { AppDeps } from '#shared/module.js';
import { hasPermission } from '../staff/index.js';
import type { Actor } from './release.service.js';

export type WithId = FastifyRequest<{ Params: { id: string } }>;
export type WithItem = FastifyRequest<{ Params: { id: string; item: string } }>;


/** Confirmations shown after a redirect (`?ok=…`); anything else in the query is ignored. */
const notices = new Set(['created', 'saved', 'submit', 'approve', 'publish', 'reopen', 'withdraw', 'correct', 'monthly', 'imageAdded', 'imageMoved', 'imageRemoved', 'attachmentAdded', 'attachmentRemoved']);

/** The context of every use case of the module (release, media, press list); each takes the part it needs. */
export const contextOf = (request: FastifyRequest, deps: AppDeps) => ({ tdb: request.tdb, deps });
export const actorOf = (request: FastifyRequest): Actor => ({ userId: request.staff.userId, roles: request.staff.roles });
export const may = (deps: AppDeps, request: FastifyRequest, permission: string) => hasPermission(deps, request.staff.roles, permission);
export const pressBase = (request: FastifyRequest) => `/t/${request.tenant.slug}/staff/presse`;

export function noticeOf(request: FastifyRequest): string | undefined {
  const notice = formField(request.query, 'ok');
  return notice && notices.has(notice) ? notice : undefined;
}

/** A uuid from the path, or 404 before any query. */
export function uuidParam(value: string): string {
  if (!isUuid(value)) throw new NotFoundError();
  return value;
}
