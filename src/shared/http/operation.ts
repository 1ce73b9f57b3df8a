// One JSON API operation described once: operation() turns zod schemas plus who may call it into the Fastify
// route schema (validation, serialisation, typed handlers) and the OpenAPI operation of /api/openapi.json.
// doc/api.md shows the pattern; ADR 0110 says why.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z, type ZodObject, type ZodRawShape, type ZodType } from 'zod';

/** Who may call an operation: anyone, the holder of a personal token (Authorization: Bearer), a staff session. */
export type Access = 'public' | 'bearer' | 'staff';

/** The error statuses an operation may document; each is answered as problem+json. */
export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 503;

export const fieldErrorSchema = z
  .object({
    field: z.string().meta({ description: 'The input field, dotted for nested fields (e.g. `address.city`)' }),
    code: z.string().meta({ description: 'Stable machine-readable reason' }),
    message: z.string().meta({ description: 'Translated message naming the field (Accept-Language)' }),
  })
  .meta({ id: 'FieldError' });

/** RFC 9457 problem details as sent by src/shared/http/error-handler.ts. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.string().optional(),
    errors: z.array(fieldErrorSchema).optional().meta({ description: 'One entry per problem of a field (422): a field with several independent problems is named once for each, with its own `code`; an empty field gets only its "required" entry' }),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details (application/problem+json)' });

/** The slug of the jobcenter in every path (`/api/v1/t/{tenant}/…`). */
export const tenantParam = z.string().min(1).max(63).meta({ description: 'Slug of the jobcenter (tenant), e.g. `neue-wege`', example: 'neue-wege' });

const problemText: Record<ProblemStatus, string> = {
  400: 'Malformed request',
  401: 'Missing or unknown credentials',
  403: 'Not allowed',
  404: 'Unknown jobcenter or resource',
  409: 'Conflict with the current state',
  410: 'No longer available',
  413: 'Request too large',
  415: 'Unsupported media type',
  422: 'Invalid input; `errors` names each field',
  429: 'Too many requests; see Retry-After',
  503: 'The database is unreachable for a moment (restart, failover); retry after Retry-After seconds',
};

const securityOf: Record<Access, Record<string, string[]>[]> = {
  public: [],
  bearer: [{ bearerAuth: [] }],
  staff: [{ staffSession: [] }],
};

/** A success response: a JSON schema, or several media types (e.g. JSON or PDF by Accept). */
export type SuccessSpec = ZodType | { description: string; content: Record<string, { schema: ZodType }> };

/** A documented error: a status, or a status with its own problem schema (an extension of `problemSchema`). */
export type ErrorSpec = ProblemStatus | { status: ProblemStatus; schema: ZodType; description?: string };

export interface OperationSpec<P extends ZodRawShape, Q extends ZodType | undefined, B extends ZodType | undefined, H extends ZodType | undefined, R extends Record<number, SuccessSpec>> {
  /** Stable and unique: other systems rely on it (doc/api-versioning.md). */
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  access: Access;
  /** Path parameters besides `tenant` (added to every operation). */
  params?: P;
  querystring?: Q;
  headers?: H;
  body?: B;
  /** Request media types when not JSON (e.g. multipart/form-data). */
  consumes?: string[];
  /** Success responses by status. */
  response: R;
  /**
   * Errors besides those every operation of its kind has: 404 (unknown jobcenter), 422 when it takes input,
   * 401 for bearer and staff access, 403 for staff access, 503 (database unreachable, src/shared/http/error-handler.ts).
   */
  errors?: readonly ErrorSpec[];
  /**
   * A deprecated operation keeps working until `sunset`; its responses carry the headers Deprecation (RFC 9745)
   * and Sunset (RFC 8594), see doc/api-versioning.md. Dates as YYYY-MM-DD.
   */
  deprecated?: { since: string; sunset: string };
}

const problemResponse = (schema: ZodType, description: string) => ({ description, content: { 'application/problem+json': { schema } } });

/** The Fastify route schema (and with it the OpenAPI operation) of one JSON API operation. */
export function operation<
  P extends ZodRawShape = Record<never, never>,
  Q extends ZodType | undefined = undefined,
  B extends ZodType | undefined = undefined,
  H extends ZodType | undefined = undefined,
  R extends Record<number, SuccessSpec> = Record<number, ZodType>,
>(spec: OperationSpec<P, Q, B, H, R>) {
  const takesInput = Boolean(spec.params && Object.keys(spec.params).length) || Boolean(spec.querystring || spec.body || spec.headers);
  const implied: ErrorSpec[] = [404];
  if (takesInput) implied.push(422);
  if (spec.access !== 'public') implied.push(401);
  if (spec.access === 'staff') implied.push(403);
  implied.push(503);
  const errors = new Map<ProblemStatus, { schema: ZodType; description: string }>();
  for (const e of [...implied, ...(spec.errors ?? [])]) {
    const status = typeof e === 'number' ? e : e.status;
    const custom = typeof e === 'number' ? undefined : e;
    if (custom || !errors.has(status)) errors.set(status, { schema: custom?.schema ?? problemSchema, description: custom?.description ?? problemText[status] });
  }
  const errorResponses = Object.fromEntries([...errors].map(([status, e]) => [status, problemResponse(e.schema, e.description)]));
  const params: ZodObject<P & { tenant: typeof tenantParam }> = z.object({ tenant: tenantParam, ...spec.params } as P & { tenant: typeof tenantParam });
  const schema = {
    operationId: spec.operationId,
    summary: spec.summary,
    ...(spec.description || spec.deprecated ? { description: [spec.description, spec.deprecated && `Deprecated since ${spec.deprecated.since}; removed after ${spec.deprecated.sunset}.`].filter(Boolean).join(' ') } : {}),
    tags: spec.tags,
    security: securityOf[spec.access],
    ...(spec.deprecated ? { deprecated: true, lifecycle: spec.deprecated } : {}),
    ...(spec.consumes ? { consumes: spec.consumes } : {}),
    params,
    querystring: spec.querystring as Q,
    headers: spec.headers as H,
    body: spec.body as B,
    response: { ...spec.response, ...errorResponses } as R,
  };
  // Fastify warns about parts that are present but undefined.
  for (const part of ['querystring', 'headers', 'body'] as const) if (schema[part] === undefined) delete schema[part];
  return schema;
}

/** The app with the zod type provider: request.params/query/body and reply.send are typed from the route schema. */
export function typed(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}

export type TypedApp = ReturnType<typeof typed>;
