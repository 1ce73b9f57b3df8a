// A deprecated operation says so in the document and in every response (Deprecation and Sunset headers).
import Fastify, { type FastifyInstance } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Config } from '../config.js';
import { registerOpenApi } from './openapi.js';
import { operation, typed } from './operation.js';
import { responseSerializer } from './serializer.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer({ strict: true }));
  await registerOpenApi(app, { publicUrl: 'https://jc.example' } as Config);
  const out = z.object({ ok: z.boolean() });
  typed(app).get(
    '/api/v1/t/:tenant/old',
    { schema: operation({ operationId: 'oldThing', summary: 'Old', tags: ['tenant'], access: 'public', response: { 200: out }, deprecated: { since: '2026-12-01', sunset: '2027-06-30' } }) },
    async () => ({ ok: true }),
  );
  typed(app).get('/api/v1/t/:tenant/new', { schema: operation({ operationId: 'newThing', summary: 'New', tags: ['tenant'], access: 'public', response: { 200: out } }) }, async () => ({
    ok: true,
    secret: 'not documented',
  }));
  await app.ready();
});
afterAll(async () => app.close());

describe('deprecation', () => {
  it('marks the operation in the document and sends Deprecation and Sunset', async () => {
    const doc = (await app.inject('/api/openapi.json')).json();
    expect(doc.paths['/api/v1/t/{tenant}/old'].get).toMatchObject({ deprecated: true, description: expect.stringContaining('2027-06-30') });
    expect(doc.paths['/api/v1/t/{tenant}/new'].get.deprecated).toBeUndefined();
    const res = await app.inject('/api/v1/t/x/old');
    expect(res.headers.deprecation).toBe(`@${Date.UTC(2026, 11, 1) / 1000}`);
    expect(res.headers.sunset).toBe('Wed, 30 Jun 2027 00:00:00 GMT');
  });
});

describe('503', () => {
  it('is documented on every operation as problem+json, since any operation may meet an unreachable database', async () => {
    const doc = (await app.inject('/api/openapi.json')).json();
    for (const path of ['/api/v1/t/{tenant}/old', '/api/v1/t/{tenant}/new']) {
      expect(doc.paths[path].get.responses['503'].content['application/problem+json'].schema, path).toEqual({ $ref: '#/components/schemas/Problem' });
    }
  });
});

describe('strict serialisation', () => {
  it('refuses a response with a field the schema does not document', async () => {
    const res = await app.inject('/api/v1/t/x/new');
    expect(res.statusCode).toBe(500);
    expect(res.headers.deprecation).toBeUndefined();
  });
});
