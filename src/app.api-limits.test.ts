// Every JSON API refuses an over-long text with 422 problem+json that names the field — one case per module with
// string input (staff and the termine admin API take their input through the same schemas as tested here).
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './testing/app.js';
import { file, freeFields, multipart } from './modules/unterlagen/test/multipart.js';

let ctx: TestContext;
const api = '/api/v1/t/neue-wege';
const long = (n: number) => 'x'.repeat(n);
const uuid = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

interface Problem {
  errors?: { field: string; message: string }[];
}

const cases: { module: string; field: string; request: () => Promise<InjectOptions> }[] = [
  {
    module: 'antrag',
    field: 'firstName',
    request: async () => {
      const started = (await ctx.app.inject({ method: 'POST', url: `${api}/applications`, payload: {} })).json<{ id: string; draftToken: string }>();
      return {
        method: 'POST',
        url: `${api}/applications/${started.id}/answers`,
        headers: { authorization: `Bearer ${started.draftToken}` },
        payload: { page: 'name', values: { firstName: long(201), lastName: 'Beispiel' } },
      };
    },
  },
  // Valid ids with padding in between: only the length limit refuses it.
  { module: 'termine', field: 'service', request: async () => ({ method: 'POST', url: `${api}/holds`, payload: { location: uuid, service: `${uuid},${' '.repeat(200)},${uuid}`, persons: 1, startsAt: '2026-12-01T09:00:00+01:00' } }) },
  // The calculator's only text is the month, bounded by its pattern.
  { module: 'rechner', field: 'month', request: async () => ({ method: 'POST', url: `${api}/estimate`, payload: { month: long(5000) } }) },
  { module: 'seminare', field: 'code', request: async () => ({ method: 'GET', url: `${api}/seminar-certificates/verification?code=${long(41)}` }) },
  { module: 'presse', field: 'region', request: async () => ({ method: 'GET', url: `${api}/labour-market?region=${long(41)}` }) },
  {
    module: 'coaching',
    field: 'text',
    request: async () => ({ method: 'POST', url: `${api}/coaching/plan/activities/${uuid}/messages`, headers: { authorization: `Bearer ${long(43)}` }, payload: { text: long(2001) } }),
  },
  {
    module: 'unterlagen',
    field: 'lastName',
    request: async () => ({ method: 'POST', url: `${api}/uploads`, ...multipart([...freeFields({ lastName: long(101) }), file('a.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'), 'application/pdf')]) }),
  },
];

describe('over-long text in the JSON API', () => {
  it.each(cases)('$module: 422 problem naming $field', async ({ field, request }) => {
    const res = await ctx.app.inject(await request());
    expect(res.statusCode, res.body.slice(0, 300)).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json<Problem>().errors?.map((e) => e.field)).toContain(field);
  });
});
