// Contract of getTenant: every documented response, produced for real, matches /api/openapi.json.
import { afterAll, beforeAll } from 'vitest';
import { describeContract } from '#shared/testing/contract.js';
import { createTestContext, type TestContext } from '../../testing/app.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

describeContract('tenant', {
  app: () => ctx.app,
  operationIds: ['getTenant'],
  cases: [
    { operationId: 'getTenant', status: 200, request: () => ({ method: 'GET', url: '/api/v1/t/neue-wege' }) },
    { operationId: 'getTenant', status: 404, request: () => ({ method: 'GET', url: '/api/v1/t/gibt-es-nicht' }) },
  ],
});
