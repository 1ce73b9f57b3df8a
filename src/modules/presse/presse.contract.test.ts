// Contract of the newsroom API: every documented response, produced for real, matches /api/openapi.json.
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { describeContract } from '#shared/testing/contract.js';
import { createTestContext, type TestContext } from '../../testing/app.js';

let ctx: TestContext;
const api = '/api/v1/t/neue-wege';
const nowhere = '/api/v1/t/gibt-es-nicht';
const get = (url: string): InjectOptions => ({ method: 'GET', url });

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-03-10T09:00:00Z' });
});
afterAll(async () => ctx?.close());

describeContract('presse', {
  app: () => ctx.app,
  operationIds: ['listPressReleases', 'getPressRelease', 'listLabourMarketFigures'],
  cases: [
    { operationId: 'listPressReleases', status: 200, request: () => get(`${api}/press-releases?year=2020`) },
    { operationId: 'listPressReleases', status: 404, request: () => get(`${nowhere}/press-releases`) },
    { operationId: 'listPressReleases', status: 422, what: 'year not a number', request: () => get(`${api}/press-releases?year=zwanzig`) },
    { operationId: 'getPressRelease', status: 200, request: () => get(`${api}/press-releases/2020-530`) },
    { operationId: 'getPressRelease', status: 404, what: 'no such number', request: () => get(`${api}/press-releases/2020-1`) },
    { operationId: 'getPressRelease', status: 422, what: 'reference too long', request: () => get(`${api}/press-releases/${'9'.repeat(20)}`) },
    { operationId: 'listLabourMarketFigures', status: 200, request: () => get(`${api}/labour-market?region=06431&from=2020-01&to=2020-11`) },
    { operationId: 'listLabourMarketFigures', status: 404, what: 'unknown region', request: () => get(`${api}/labour-market?region=99999`) },
    { operationId: 'listLabourMarketFigures', status: 422, what: 'malformed month', request: () => get(`${api}/labour-market?from=2020-13`) },
  ],
});
