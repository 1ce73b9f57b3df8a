// Contract of the staff JSON API (getStaffMe): every documented response, produced for real, matches /api/openapi.json.
import { afterAll, beforeAll } from 'vitest';
import { describeContract } from '#shared/testing/contract.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { loginAs, type LoggedIn } from './testing.js';

let ctx: TestContext;
let someone: LoggedIn;
let noRole: LoggedIn;

beforeAll(async () => {
  ctx = await createTestContext();
  someone = await loginAs(ctx, ['servicepoint']);
  noRole = await loginAs(ctx, []);
});
afterAll(async () => ctx?.close());

describeContract('staff', {
  app: () => ctx.app,
  operationIds: ['getStaffMe'],
  cases: [
    { operationId: 'getStaffMe', status: 200, request: () => ({ method: 'GET', url: '/api/v1/t/neue-wege/staff/me', cookies: someone.cookies }) },
    { operationId: 'getStaffMe', status: 401, request: () => ({ method: 'GET', url: '/api/v1/t/neue-wege/staff/me' }) },
    { operationId: 'getStaffMe', status: 403, what: 'no role', request: () => ({ method: 'GET', url: '/api/v1/t/neue-wege/staff/me', cookies: noRole.cookies }) },
    { operationId: 'getStaffMe', status: 404, request: () => ({ method: 'GET', url: '/api/v1/t/gibt-es-nicht/staff/me', cookies: someone.cookies }) },
  ],
});
