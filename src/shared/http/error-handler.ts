// One place that maps every error to a response: problem+json (RFC 9457) for the API, a translated error page for
// HTML; 503 with Retry-After when the database is unreachable.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { h } from 'preact';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import type { z } from 'zod';
import { DomainError, type FieldError, TooManyRequestsError, ValidationError } from './errors.js';
import { toFieldErrors } from './validation.js';
import { ErrorPage } from '../html/ErrorPage.js';

export function isApiRequest(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

/** RFC 9457 problem details; `errors` lists invalid fields with translated messages. */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  titleKey: string,
  detailKey?: string,
  fields: FieldError[] = [],
  params: Record<string, unknown> = {},
) {
  const t = request.t;
  const body: Record<string, unknown> = {
    type: 'about:blank',
    title: t(titleKey, params),
    status,
  };
  if (detailKey) body.detail = t(detailKey, params);
  if (fields.length > 0) {
    body.errors = fields.map((f) => ({ field: f.field, code: f.message.split('.').pop(), message: t(f.message, f.params ?? {}) }));
  }
  return reply.status(status).type('application/problem+json; charset=utf-8').send(body);
}

const statusTitle: Record<number, string> = {
  400: 'common:errors.badRequest.title',
  401: 'common:errors.unauthorized.title',
  403: 'common:errors.forbidden.title',
  404: 'common:errors.notFound.title',
  409: 'common:errors.conflict.title',
  413: 'common:errors.tooLarge.title',
  415: 'common:errors.unsupported.title',
  422: 'common:errors.validation.title',
  429: 'common:errors.tooMany.title',
  503: 'common:errors.unavailable.title',
};

/** Seconds a client is asked to wait when the database is unreachable (a restart or failover takes about that long). */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 10;

/** The innermost error's code and message: drizzle's wrapper names the SQL parameters, which may be personal data. */
function rootCause(error: unknown): { code?: unknown; message: string } {
  let e = error;
  while (e instanceof Error && e.cause instanceof Error) e = e.cause;
  return e instanceof Error ? { code: (e as { code?: unknown }).code, message: e.message } : { message: String(e) };
}

/** Maps every error to a response in one place: problem+json for the API, a translated page for HTML. */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let status = 500;
    let titleKey = 'common:errors.server.title';
    let detailKey: string | undefined = 'common:errors.server.text';
    let fields: FieldError[] = [];
    let params: Record<string, unknown> = {};

    if (error instanceof ValidationError) {
      status = error.status;
      titleKey = statusTitle[status] ?? titleKey;
      detailKey = 'common:errors.validation.text';
      fields = error.fields;
    } else if (error instanceof DomainError) {
      status = error.status;
      titleKey = statusTitle[status] ?? 'common:errors.server.title';
      detailKey = error.key;
      params = error.params;
      if (error instanceof TooManyRequestsError) void reply.header('retry-after', String(error.retryAfterSeconds));
    } else if (isDatabaseUnavailable(error)) {
      status = 503;
      titleKey = statusTitle[503]!;
      detailKey = 'common:errors.unavailable.text';
      void reply.header('retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
    } else if (hasZodFastifySchemaValidationErrors(error)) {
      status = 422;
      titleKey = statusTitle[422]!;
      detailKey = 'common:errors.validation.text';
      // Each entry is a zod issue without its path, code and message (fastify-type-provider-zod); whole again, the
      // issues get the messages an HTML form would get.
      const issues = error.validation.map((v) => ({ ...v.params, code: v.keyword, message: v.message ?? 'common:validation.invalid', path: v.instancePath.split('/').filter(Boolean) }) as z.core.$ZodIssue);
      fields = toFieldErrors({ issues }, 'body');
    } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Fastify's own client errors: malformed JSON, body too large, unsupported media type, rate limit.
      status = error.statusCode;
      titleKey = statusTitle[status] ?? 'common:errors.badRequest.title';
      detailKey = status === 413 ? 'common:errors.tooLarge.text' : status === 429 ? 'common:errors.tooMany.text' : 'common:errors.badRequest.text';
    }

    if (status === 503) request.log.warn({ cause: rootCause(error) }, 'database unavailable');
    else if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ status, code: error.code }, 'request refused');

    if (isApiRequest(request)) return sendProblem(request, reply, status, titleKey, detailKey, fields, params);
    return reply.status(status).render(h(ErrorPage, { status, titleKey, detailKey, fields, params }));
  });

  app.setNotFoundHandler((request, reply) => {
    if (isApiRequest(request)) {
      return sendProblem(request, reply, 404, 'common:errors.notFound.title', 'common:errors.notFound.text');
    }
    return reply.status(404).render(h(ErrorPage, { status: 404, titleKey: 'common:errors.notFound.title', detailKey: 'common:errors.notFound.text' }));
  });
}
