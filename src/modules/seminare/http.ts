// Request helpers shared by the seminare page routes: the service context, the acting staff member, a notice
// from the query, and field errors of a service call for re-rendering a form.
import type { FastifyRequest } from 'fastify';
import { ValidationError, type FieldError } from '#shared/http/errors.js';
import { formField } from '#shared/http/validation.js';
import type { AppDeps } from '#shared/module.js';
import type { Actor, SeminarCtx } from './context.js';

export function ctxOf(request: FastifyRequest, deps: AppDeps): SeminarCtx {
  return { deps, tdb: request.tdb, tenant: request.tenant };
}

export const actorOf = (request: FastifyRequest): Actor => ({ userId: request.staff.userId, roles: request.staff.roles });

export const noticeOf = (request: FastifyRequest) => formField(request.query, 'notice')?.replace(/[^a-zA-Z]/g, '');

/** Runs a service call; its ValidationError becomes the list of field errors (empty on success). */
export async function fieldErrors(fn: () => Promise<unknown>): Promise<FieldError[]> {
  try {
    await fn();
    return [];
  } catch (err) {
    if (err instanceof ValidationError) return err.fields;
    throw err;
  }
}
