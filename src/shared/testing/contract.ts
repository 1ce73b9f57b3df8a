// Response contract tests: real responses (app.inject against the real database) are checked with ajv against the
// served OpenAPI document, and every documented response of the operations under test must be exercised once.
// Usage: doc/api.md ("Contract tests").
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';

type Json = Record<string, unknown>;
interface Operation {
  operationId: string;
  method: string;
  path: string;
  pattern: RegExp;
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');
// ajv-formats is CommonJS with a default export; under NodeNext its namespace is what we get.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** Checks responses against one OpenAPI document. */
export class ContractChecker {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  readonly operations: Operation[] = [];

  constructor(readonly document: Json) {
    addFormats(this.ajv);
    this.ajv.addSchema(document, 'openapi.json');
    for (const [path, item] of Object.entries(document.paths as Record<string, Record<string, Json>>)) {
      for (const [method, op] of Object.entries(item)) {
        if (typeof op !== 'object' || !op || !('operationId' in op)) continue;
        const pattern = new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}|\{[^}]+\}/g, '[^/]+')}$`);
        this.operations.push({ operationId: String(op.operationId), method: method.toUpperCase(), path, pattern, responses: op.responses as Operation['responses'] });
      }
    }
  }

  operation(operationId: string): Operation {
    const op = this.operations.find((o) => o.operationId === operationId);
    if (!op) throw new Error(`no operation ${operationId} in the document`);
    return op;
  }

  /** Problems of `response` as an answer of `operationId` (empty: it matches the document). */
  check(operationId: string, method: string, url: string, response: LightMyRequestResponse): string[] {
    const op = this.operation(operationId);
    const problems: string[] = [];
    const path = url.split('?')[0]!;
    if (op.method !== method.toUpperCase() || !op.pattern.test(path)) problems.push(`${method} ${path} is not ${op.method} ${op.path}`);
    const status = String(response.statusCode);
    const documented = op.responses[status];
    if (!documented) return [...problems, `status ${status} is not documented for ${operationId}`];
    const mediaType = String(response.headers['content-type'] ?? '').split(';')[0]!.trim();
    if (!documented.content) {
      if (response.body.length > 0) problems.push(`status ${status} of ${operationId} is documented without a body`);
      return problems;
    }
    const media = documented.content[mediaType];
    if (!media) return [...problems, `media type ${mediaType || '(none)'} is not documented for ${operationId} ${status}`];
    if (!mediaType.endsWith('json')) return problems;
    const ref = `openapi.json#${pointer('', 'paths', op.path, op.method.toLowerCase(), 'responses', status, 'content', mediaType, 'schema')}`;
    const validate = this.ajv.getSchema(ref);
    if (!validate) return [...problems, `no schema at ${ref}`];
    if (!validate(response.json())) {
      problems.push(...(validate.errors ?? []).map((e) => `${operationId} ${status}: ${e.instancePath || '(root)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`));
    }
    return problems;
  }
}

/** One exercised response: the request that yields it, built after `setup` (tokens, bookings, …). */
export interface ContractCase<S> {
  operationId: string;
  status: number;
  /** What this case shows, e.g. "unknown id" (default: the status). */
  what?: string;
  request: (state: S) => InjectOptions | Promise<InjectOptions>;
}

/**
 * Responses every operation has because the platform sends them, not the operation: 503 while the database is
 * unreachable (src/shared/http/error-handler.ts). tests/e2e/faults.spec.ts checks one against the document.
 */
const platformStatuses = new Set(['503']);

/**
 * One `it` per case: the response has the expected status and matches the document; then one `it` that fails when a
 * documented response of `operationIds` has no case (a new error status needs a test, or must leave the document;
 * the platform's 503 excepted).
 */
export function describeContract<S>(
  title: string,
  options: { app: () => FastifyInstance; setup?: () => Promise<S>; operationIds: readonly string[]; cases: readonly ContractCase<S>[] },
) {
  describe(`contract: ${title}`, () => {
    let checker: ContractChecker;
    let state: S;
    beforeAll(async () => {
      checker = new ContractChecker((await options.app().inject('/api/openapi.json')).json() as Json);
      state = (await options.setup?.()) as S;
    });

    for (const c of options.cases) {
      it(`${c.operationId} ${c.status}${c.what ? ` (${c.what})` : ''}`, async () => {
        const request = await c.request(state);
        const response = await options.app().inject(request);
        expect(response.statusCode, response.body.slice(0, 500)).toBe(c.status);
        expect(checker.check(c.operationId, request.method ?? 'GET', String(request.url), response)).toEqual([]);
      });
    }

    it('has a case for every documented response', () => {
      const missing = options.operationIds.flatMap((id) =>
        Object.keys(checker.operation(id).responses)
          .filter((status) => !platformStatuses.has(status) && !options.cases.some((c) => c.operationId === id && String(c.status) === status))
          .map((status) => `${id} ${status}`),
      );
      expect(missing).toEqual([]);
    });
  });
}
