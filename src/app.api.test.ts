// The served OpenAPI document is a contract other systems build on: two independent validators accept it with zero
// errors, and its shape follows doc/api.md (tenant parameter, security, problem+json errors, servers, licence).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintOpenApi } from '#shared/testing/openapi-lint.js';
import { createTestContext, type TestContext } from './testing/app.js';

let ctx: TestContext;
type Operation = { operationId: string; security?: unknown[]; parameters?: { name: string; in: string; schema?: unknown }[]; responses: Record<string, { content?: Record<string, unknown> }> };
let document: { servers: { url: string }[]; info: { license: { identifier: string } }; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };
let operations: [string, string, Operation][];

beforeAll(async () => {
  ctx = await createTestContext({ env: { PUBLIC_URL: 'https://jobcenter.example' } });
  document = (await ctx.app.inject('/api/openapi.json')).json();
  operations = Object.entries(document.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => [path, method, op] as [string, string, Operation]));
});
afterAll(async () => ctx?.close());

describe('the OpenAPI document', () => {
  it('passes swagger-parser and Redocly recommended with zero errors', async () => {
    const report = await lintOpenApi(document);
    expect(report.swaggerParser).toEqual([]);
    expect(report.redocly.errors).toEqual([]);
  });

  it('names the installation, the licence and every schema it references', () => {
    expect(document.servers).toEqual([expect.objectContaining({ url: 'https://jobcenter.example' })]);
    expect(document.info.license.identifier).toBe('EUPL-1.2');
    const refs = [...JSON.stringify(document).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(10);
    for (const name of refs) expect(document.components.schemas, name).toHaveProperty(name);
  });

  it('declares the tenant, security and problem+json errors on every operation, with unique operationIds', () => {
    expect(operations.length).toBeGreaterThan(20);
    for (const [path, method, op] of operations) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(path, where).toMatch(/^\/api\/v1\/t\/\{tenant\}(\/|$)/);
      expect(op.parameters?.some((p) => p.name === 'tenant' && p.in === 'path'), where).toBe(true);
      expect(op.security, where).toBeDefined();
      expect(op.responses['404']?.content, where).toHaveProperty(['application/problem+json']);
      const isStaff = path.includes('/staff/');
      expect(op.security, where).toEqual(isStaff ? [{ staffSession: [] }] : expect.any(Array));
    }
    const ids = operations.map(([, , op]) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('describes every id as the server checks it: a UUID in lower case (ADR 0404)', () => {
    const uuids: unknown[] = [];
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (node === null || typeof node !== 'object') return;
      if ((node as { format?: unknown }).format === 'uuid') uuids.push(node);
      Object.values(node).forEach(visit);
    };
    visit(document);
    expect(uuids.length).toBeGreaterThan(20);
    for (const schema of uuids) expect(schema).toMatchObject({ type: 'string', pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' });
    const pathIds = operations.flatMap(([, , op]) => op.parameters?.filter((p) => p.in === 'path' && p.name === 'id') ?? []);
    expect(pathIds.length).toBeGreaterThan(5);
    for (const parameter of pathIds) expect(parameter.schema).toMatchObject({ format: 'uuid' });
  });
});
