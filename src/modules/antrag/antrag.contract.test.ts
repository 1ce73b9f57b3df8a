// Contract of the applications API: every documented response, produced for real, matches /api/openapi.json.
import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { publicLimits } from '#shared/ratelimit/index.js';
import { describeContract } from '#shared/testing/contract.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { loginAs, type LoggedIn } from '../staff/testing.js';

let ctx: TestContext;
let caseworker: LoggedIn;
let otherRole: LoggedIn;
const api = '/api/v1/t/neue-wege/applications';
const nowhere = '/api/v1/t/gibt-es-nicht/applications';
const staffApi = '/api/v1/t/neue-wege/staff/applications';
const unknownId = '00000000-0000-4000-8000-000000000000';
const unknownToken = 'x'.repeat(43);

beforeAll(async () => {
  // Rate limits on: 429 is a documented response.
  ctx = await createTestContext({ env: { RATE_LIMITS: 'on' } });
  caseworker = await loginAs(ctx, ['sachbearbeitung']);
  otherRole = await loginAs(ctx, ['servicepoint']);
});
afterAll(async () => ctx?.close());

const call = (method: 'GET' | 'POST', url: string, token?: string, payload?: object): InjectOptions => ({
  method,
  url,
  ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
  ...(payload !== undefined ? { payload } : {}),
});

interface Draft {
  id: string;
  draftToken: string;
}
interface State {
  open: Draft;
  complete: Draft;
  submitted: Draft;
  submissionId: string;
  reference: string;
  statusToken: string;
}

async function started(flow: string): Promise<Draft> {
  return (await ctx.app.inject(call('POST', api, undefined, { flow }))).json() as Draft;
}

/** A bank-details change with every page answered, ready to submit. */
async function completed(): Promise<Draft> {
  const draft = await started('bankverbindung');
  const pages: [string, Record<string, unknown>][] = [
    ['name', { firstName: 'Jonas', lastName: 'Beispiel' }],
    ['geburtsdatum', { birthDate: '03.09.1988' }],
    ['bg-nummer', { bgNummer: '12345BG0012345' }],
    ['neues-konto', { accountHolder: 'Jonas Beispiel', iban: 'DE02120300000000202051' }],
    ['ab-wann', { validFrom: '2026-12-01' }],
    ['kontakt', {}],
  ];
  for (const [page, values] of pages) {
    const res = await ctx.app.inject(call('POST', `${api}/${draft.id}/answers`, draft.draftToken, { page, values }));
    if (res.statusCode !== 200) throw new Error(`${page}: ${res.body}`);
  }
  return draft;
}

describeContract<State>('applications', {
  app: () => ctx.app,
  async setup() {
    const open = await started('erstantrag');
    const complete = await completed();
    const submitted = await completed();
    const result = (await ctx.app.inject(call('POST', `${api}/${submitted.id}/submission`, submitted.draftToken, { declaration: true }))).json() as { reference: string; statusToken: string };
    const rows = await ctx.database.db.execute(sql`select id from form_submissions where reference = ${result.reference}`);
    const submissionId = (rows as unknown as { rows: { id: string }[] }).rows[0]!.id;
    return { open, complete, submitted, submissionId, ...result };
  },
  operationIds: ['startApplication', 'getApplication', 'saveApplication', 'submitApplication', 'getApplicationStatus', 'exportApplication'],
  cases: [
    { operationId: 'startApplication', status: 201, request: () => call('POST', api, undefined, { flow: 'erstantrag' }) },
    { operationId: 'startApplication', status: 404, request: () => call('POST', nowhere, undefined, {}) },
    {
      operationId: 'startApplication',
      status: 429,
      what: 'too many drafts from one address',
      async request() {
        const from = { remoteAddress: '203.0.113.9' };
        for (let i = 0; i < publicLimits.draft.max; i++) await ctx.app.inject({ ...call('POST', api, undefined, { flow: 'nope' }), ...from });
        return { ...call('POST', api, undefined, { flow: 'erstantrag' }), ...from };
      },
    },
    { operationId: 'startApplication', status: 422, what: 'unknown flow', request: () => call('POST', api, undefined, { flow: 'nope' }) },
    { operationId: 'getApplication', status: 200, request: (s) => call('GET', `${api}/${s.open.id}`, s.open.draftToken) },
    { operationId: 'getApplication', status: 401, request: (s) => call('GET', `${api}/${s.open.id}`) },
    { operationId: 'getApplication', status: 404, what: 'unknown token', request: (s) => call('GET', `${api}/${s.open.id}`, unknownToken) },
    { operationId: 'getApplication', status: 422, what: 'malformed id', request: (s) => call('GET', `${api}/abc`, s.open.draftToken) },
    { operationId: 'saveApplication', status: 200, request: (s) => call('POST', `${api}/${s.open.id}/answers`, s.open.draftToken, { page: 'name', values: { firstName: 'Ada', lastName: 'Muster' } }) },
    { operationId: 'saveApplication', status: 401, request: (s) => call('POST', `${api}/${s.open.id}/answers`, undefined, { page: 'name', values: {} }) },
    { operationId: 'saveApplication', status: 404, request: (s) => call('POST', `${api}/${unknownId}/answers`, s.open.draftToken, { page: 'name', values: {} }) },
    { operationId: 'saveApplication', status: 422, what: 'invalid answer', request: (s) => call('POST', `${api}/${s.open.id}/answers`, s.open.draftToken, { page: 'name', values: { firstName: '' } }) },
    { operationId: 'saveApplication', status: 409, what: 'already submitted', request: (s) => call('POST', `${api}/${s.submitted.id}/answers`, s.submitted.draftToken, { page: 'name', values: { firstName: 'X', lastName: 'Y' } }) },
    { operationId: 'submitApplication', status: 201, request: (s) => call('POST', `${api}/${s.complete.id}/submission`, s.complete.draftToken, { declaration: true }) },
    { operationId: 'submitApplication', status: 200, what: 'repeat', request: (s) => call('POST', `${api}/${s.submitted.id}/submission`, s.submitted.draftToken, { declaration: true }) },
    { operationId: 'submitApplication', status: 401, request: (s) => call('POST', `${api}/${s.open.id}/submission`, undefined, { declaration: true }) },
    { operationId: 'submitApplication', status: 404, request: (s) => call('POST', `${api}/${unknownId}/submission`, s.open.draftToken, { declaration: true }) },
    { operationId: 'submitApplication', status: 422, what: 'no declaration', request: (s) => call('POST', `${api}/${s.open.id}/submission`, s.open.draftToken, {}) },
    { operationId: 'submitApplication', status: 409, what: 'incomplete', request: (s) => call('POST', `${api}/${s.open.id}/submission`, s.open.draftToken, { declaration: true }) },
    { operationId: 'getApplicationStatus', status: 200, request: (s) => call('GET', `${api}/${s.reference}/status`, s.statusToken) },
    { operationId: 'getApplicationStatus', status: 401, request: (s) => call('GET', `${api}/${s.reference}/status`) },
    { operationId: 'getApplicationStatus', status: 404, what: 'draft token instead of status token', request: (s) => call('GET', `${api}/${s.reference}/status`, s.submitted.draftToken) },
    { operationId: 'getApplicationStatus', status: 422, what: 'reference too long', request: (s) => call('GET', `${api}/${'A'.repeat(41)}/status`, s.statusToken) },
    { operationId: 'exportApplication', status: 200, request: (s) => ({ method: 'GET', url: `${staffApi}/${s.submissionId}/export`, cookies: caseworker.cookies }) },
    { operationId: 'exportApplication', status: 401, request: (s) => ({ method: 'GET', url: `${staffApi}/${s.submissionId}/export` }) },
    { operationId: 'exportApplication', status: 403, request: (s) => ({ method: 'GET', url: `${staffApi}/${s.submissionId}/export`, cookies: otherRole.cookies }) },
    { operationId: 'exportApplication', status: 404, what: 'not submitted', request: (s) => ({ method: 'GET', url: `${staffApi}/${s.open.id}/export`, cookies: caseworker.cookies }) },
    { operationId: 'exportApplication', status: 422, request: () => ({ method: 'GET', url: `${staffApi}/abc/export`, cookies: caseworker.cookies }) },
  ],
});
