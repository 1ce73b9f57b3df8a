// Contract of the coaching API: every documented response, produced for real, matches /api/openapi.json.
import { eq } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { TenantDb } from '#shared/db/tenant-scope.js';
import { describeContract } from '#shared/testing/contract.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { loginAs, type LoggedIn } from '../staff/testing.js';
import { coachingAktivitaeten } from './coaching.tables.js';
import { seedDemoParticipants } from './demo.js';
import { issueLink, participantWrites } from './link.service.js';

let ctx: TestContext;
const api = '/api/v1/t/neue-wege';
const nowhere = '/api/v1/t/gibt-es-nicht';
const unknownToken = 'x'.repeat(43);
const unknownId = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  ctx = await createTestContext({ env: { RATE_LIMITS: 'on' } });
});
afterAll(async () => ctx?.close());

interface State {
  coach: LoggedIn;
  caseworker: LoggedIn;
  token: string;
  activityId: string;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const get = (url: string, headers: Record<string, string> = {}, cookies: Record<string, string> = {}): InjectOptions => ({ method: 'GET', url, headers, cookies });
const comment = (token: string, id: string, payload: object): InjectOptions => ({ method: 'POST', url: `${api}/coaching/plan/activities/${id}/messages`, headers: bearer(token), payload });

describeContract<State>('coaching', {
  app: () => ctx.app,
  async setup() {
    const coach = await loginAs(ctx, ['coach']);
    const caseworker = await loginAs(ctx, ['sachbearbeitung']);
    const tdb = new TenantDb(ctx.database.db, ctx.tenant.id);
    await seedDemoParticipants(ctx.deps, tdb, coach.userId);
    const [activity] = await tdb.select(coachingAktivitaeten, eq(coachingAktivitaeten.typ, 'bewerbung'));
    const principal = { userId: coach.userId, tenantId: ctx.tenant.id, roles: ['coach' as const], displayName: 'Coach', sessionId: 'x' };
    const { url } = await issueLink(ctx.deps, tdb, principal, activity!.teilnehmendeId, { slug: ctx.tenant.slug, name: ctx.tenant.name }, false);
    return { coach, caseworker, token: new URL(url).pathname.split('/').pop()! /* the link may carry ?lang=en */, activityId: activity!.id };
  },
  operationIds: ['getCoachingPlan', 'commentCoachingActivity', 'listCoachingCaseload'],
  cases: [
    { operationId: 'getCoachingPlan', status: 200, request: (s) => get(`${api}/coaching/plan`, bearer(s.token)) },
    { operationId: 'getCoachingPlan', status: 401, what: 'no token', request: () => get(`${api}/coaching/plan`) },
    { operationId: 'getCoachingPlan', status: 404, what: 'unknown token', request: () => get(`${api}/coaching/plan`, bearer(unknownToken)) },
    { operationId: 'commentCoachingActivity', status: 204, request: (s) => comment(s.token, s.activityId, { text: 'Ich melde mich morgen.' }) },
    { operationId: 'commentCoachingActivity', status: 401, request: (s) => ({ ...comment(s.token, s.activityId, { text: 'x' }), headers: {} }) },
    { operationId: 'commentCoachingActivity', status: 404, what: 'activity of someone else', request: (s) => comment(s.token, unknownId, { text: 'x' }) },
    { operationId: 'commentCoachingActivity', status: 422, what: 'empty text', request: (s) => comment(s.token, s.activityId, { text: '  ' }) },
    {
      operationId: 'commentCoachingActivity',
      status: 429,
      what: 'too many writes from one address',
      async request(s) {
        for (let i = 0; i < participantWrites.max; i++) await ctx.app.inject(comment(s.token, s.activityId, { text: `Nachricht ${i}` }));
        return comment(s.token, s.activityId, { text: 'eine zu viel' });
      },
    },
    { operationId: 'listCoachingCaseload', status: 200, request: (s) => get(`${api}/staff/coaching/caseload`, {}, s.coach.cookies) },
    { operationId: 'listCoachingCaseload', status: 401, request: () => get(`${api}/staff/coaching/caseload`) },
    { operationId: 'listCoachingCaseload', status: 403, what: 'caseworker', request: (s) => get(`${api}/staff/coaching/caseload`, {}, s.caseworker.cookies) },
    { operationId: 'listCoachingCaseload', status: 404, what: 'unknown jobcenter', request: (s) => get(`${nowhere}/staff/coaching/caseload`, {}, s.coach.cookies) },
  ],
});
