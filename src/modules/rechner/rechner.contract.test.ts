// Contract of the estimate API: every documented response, produced for real, matches /api/openapi.json.
import { afterAll, beforeAll } from 'vitest';
import { describeContract } from '#shared/testing/contract.js';
import { createTestContext, type TestContext } from '../../testing/app.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

const api = '/api/v1/t/neue-wege/estimate';
const single = { month: '2026-03', members: [{ role: 'applicant', birthDate: '1985-01-01' }], housing: { rentCents: 50_000, heatingCents: 7_000 } };

describeContract('estimate', {
  app: () => ctx.app,
  operationIds: ['estimateBenefit'],
  cases: [
    { operationId: 'estimateBenefit', status: 200, request: () => ({ method: 'POST', url: api, payload: single }) },
    { operationId: 'estimateBenefit', status: 404, request: () => ({ method: 'POST', url: '/api/v1/t/gibt-es-nicht/estimate', payload: single }) },
    { operationId: 'estimateBenefit', status: 422, what: 'negative rent', request: () => ({ method: 'POST', url: api, payload: { ...single, housing: { rentCents: -1, heatingCents: 0 } } }) },
    { operationId: 'estimateBenefit', status: 422, what: 'no applicant', request: () => ({ method: 'POST', url: api, payload: { ...single, members: [{ role: 'partner', birthDate: '1985-01-01' }] } }) },
  ],
});
