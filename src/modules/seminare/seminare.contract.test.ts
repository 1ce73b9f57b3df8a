// Contract of the seminare API: every documented response, produced for real, matches /api/openapi.json.
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { describeContract } from '#shared/testing/contract.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { loginAs, type LoggedIn } from '../staff/testing.js';
import { createTestSession } from './testing.js';

let ctx: TestContext;
let staff: LoggedIn;
let noRole: LoggedIn;
const api = '/api/v1/t/neue-wege';
const nowhere = '/api/v1/t/gibt-es-nicht';
const get = (url: string, who?: LoggedIn, from?: string): InjectOptions => ({
  method: 'GET',
  url,
  ...(who ? { cookies: who.cookies } : {}),
  ...(from ? { remoteAddress: from } : {}),
});

beforeAll(async () => {
  // Rate limits on: 429 is a documented response.
  ctx = await createTestContext({ now: '2027-02-01T08:00:00Z', env: { RATE_LIMITS: 'on' } });
  await createTestSession(ctx, { title: 'Deeskalation im Kundenkontakt' });
  staff = await loginAs(ctx, ['mitarbeitende']);
  noRole = await loginAs(ctx, []);
});
afterAll(async () => ctx?.close());

describeContract('seminare', {
  app: () => ctx.app,
  operationIds: ['verifyCertificate', 'listSeminars'],
  cases: [
    { operationId: 'verifyCertificate', status: 200, what: 'unknown code', request: () => get(`${api}/seminar-certificates/verification?code=AAAA-BBBB-CCCC-DDDD`) },
    { operationId: 'verifyCertificate', status: 404, request: () => get(`${nowhere}/seminar-certificates/verification?code=AAAA`) },
    { operationId: 'verifyCertificate', status: 422, what: 'code missing', request: () => get(`${api}/seminar-certificates/verification`) },
    {
      operationId: 'verifyCertificate',
      status: 429,
      what: 'too many checks from one address',
      async request() {
        const from = '203.0.113.7';
        for (let i = 0; i < 30; i++) await ctx.app.inject(get(`${api}/seminar-certificates/verification?code=AAAA${i}`, undefined, from));
        return get(`${api}/seminar-certificates/verification?code=AAAA`, undefined, from);
      },
    },
    { operationId: 'listSeminars', status: 200, request: () => get(`${api}/staff/seminars?q=deeskalation`, staff) },
    { operationId: 'listSeminars', status: 401, what: 'no session', request: () => get(`${api}/staff/seminars`) },
    { operationId: 'listSeminars', status: 403, what: 'no role', request: () => get(`${api}/staff/seminars`, noRole) },
    { operationId: 'listSeminars', status: 404, request: () => get(`${nowhere}/staff/seminars`, staff) },
    { operationId: 'listSeminars', status: 422, what: 'category not an id', request: () => get(`${api}/staff/seminars?category=x`, staff) },
  ],
});
