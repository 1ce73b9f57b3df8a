import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/app.js';

let ctx: TestContext;
const api = '/api/v1/t/neue-wege/applications';

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

const call = (method: 'GET' | 'POST', url: string, token?: string, payload?: unknown) =>
  ctx.app.inject({ method, url, ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}), ...(payload !== undefined ? { payload: payload as object } : {}) });

async function start(flow?: string) {
  const res = await call('POST', api, undefined, flow ? { flow } : {});
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; draftToken: string; next: { page: string } | null; sections: { id: string; status: string }[] };
}

describe('applications API', () => {
  it('publishes the operations in the OpenAPI document', async () => {
    const doc = (await ctx.app.inject('/api/openapi.json')).json();
    const ids = Object.values(doc.paths as Record<string, Record<string, { operationId?: string }>>).flatMap((p) => Object.values(p).map((o) => o.operationId));
    expect(ids).toEqual(expect.arrayContaining(['startApplication', 'getApplication', 'saveApplication', 'submitApplication', 'getApplicationStatus', 'exportApplication']));
  });

  it('starts a draft, saves pages with the HTML validation and reports the next page', async () => {
    const draft = await start();
    expect(draft.draftToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(draft.next).toEqual({ page: 'name', section: 'person' });
    const saved = await call('POST', `${api}/${draft.id}/answers`, draft.draftToken, { page: 'name', values: { firstName: 'Ada', lastName: 'Muster' } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().next).toEqual({ page: 'geburtsdatum', section: 'person' });
    const badDate = await call('POST', `${api}/${draft.id}/answers`, draft.draftToken, { page: 'geburtsdatum', values: { birthDate: '2099-01-01' } });
    expect(badDate.statusCode).toBe(422);
    expect(badDate.headers['content-type']).toContain('application/problem+json');
    expect(badDate.json().errors).toEqual([{ field: 'birthDate', code: 'dateNotFuture', message: 'Das Datum darf nicht in der Zukunft liegen.' }]);
    const unknown = await call('POST', `${api}/${draft.id}/answers`, draft.draftToken, { page: 'name', values: { firstName: 'A', lastName: 'B', role: 'admin' } });
    expect(unknown.statusCode).toBe(422);
    const amounts = await call('POST', `${api}/${draft.id}/answers`, draft.draftToken, { page: 'wohnsituation', values: { housing: 'miete' } });
    expect(amounts.statusCode).toBe(200);
    const rent = await call('POST', `${api}/${draft.id}/answers`, draft.draftToken, { page: 'mietkosten', values: { kaltmiete: 45_000, nebenkosten: '90,00', heizkosten: '1.000' } });
    expect(rent.statusCode).toBe(200);
    const read = (await call('GET', `${api}/${draft.id}`, draft.draftToken)).json();
    expect(read.answers).toMatchObject({ firstName: 'Ada', kaltmiete: 45_000, nebenkosten: 9_000, heizkosten: 100_000 });
    expect(read.sections.find((s: { id: string }) => s.id === 'person').status).toBe('inProgress');
  });

  it('adds household members through the overview and item pages', async () => {
    const draft = await start();
    const added = await call('POST', `${api}/${draft.id}/answers`, draft.draftToken, { page: 'personen', values: { addAnother: 'ja' } });
    const next = added.json().next as { page: string; item: string };
    expect(next.page).toBe('person-name');
    const named = await call('POST', `${api}/${draft.id}/answers`, draft.draftToken, { page: 'person-name', item: next.item, values: { firstName: 'Kim', lastName: 'Muster' } });
    expect(named.json().next).toEqual({ page: 'person-beziehung', section: 'haushalt', item: next.item });
  });

  it('refuses missing or foreign tokens, and incomplete submissions', async () => {
    const a = await start();
    const b = await start();
    expect((await call('GET', `${api}/${a.id}`)).statusCode).toBe(401);
    expect((await call('GET', `${api}/${a.id}`, b.draftToken)).statusCode).toBe(404);
    expect((await call('GET', `/api/v1/t/muster-kreis/applications/${a.id}`, a.draftToken)).statusCode).toBe(404);
    const early = await call('POST', `${api}/${a.id}/submission`, a.draftToken, { declaration: true });
    expect(early.statusCode).toBe(409);
  });

  it('submits once (a repeat returns the same result) and shows the status with the status token', async () => {
    const draft = await start('bankverbindung');
    const pages: [string, Record<string, unknown>][] = [
      ['name', { firstName: 'Jonas', lastName: 'Beispiel' }],
      ['geburtsdatum', { birthDate: '03.09.1988' }],
      ['bg-nummer', { bgNummer: '12345BG0012345' }],
      ['neues-konto', { accountHolder: 'Jonas Beispiel', iban: 'DE02120300000000202051' }],
      ['ab-wann', { validFrom: '2026-12-01' }],
      ['kontakt', {}],
    ];
    for (const [page, values] of pages) expect((await call('POST', `${api}/${draft.id}/answers`, draft.draftToken, { page, values })).statusCode, page).toBe(200);
    const first = await call('POST', `${api}/${draft.id}/submission`, draft.draftToken, { declaration: true });
    expect(first.statusCode).toBe(201);
    const again = await call('POST', `${api}/${draft.id}/submission`, draft.draftToken, { declaration: true });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const { reference, statusToken } = first.json();
    const status = await call('GET', `${api}/${reference}/status`, statusToken);
    expect(status.json()).toMatchObject({ reference, flow: 'bankverbindung', status: 'eingegangen', timeline: [{ status: 'eingegangen' }] });
    expect((await call('GET', `${api}/${reference}/status`, draft.draftToken)).statusCode).toBe(404);
    expect((await call('GET', `/api/v1/t/muster-kreis/applications/${reference}/status`, statusToken)).statusCode).toBe(404);
    expect((await call('POST', `${api}/${draft.id}/answers`, draft.draftToken, { page: 'name', values: { firstName: 'X', lastName: 'Y' } })).statusCode).toBe(409);
  });

  it('submits exactly one application when two submits race', async () => {
    const draft = await start('bankverbindung');
    const pages: [string, Record<string, unknown>][] = [
      ['name', { firstName: 'Kai', lastName: 'Muster' }],
      ['geburtsdatum', { birthDate: '1990-01-01' }],
      ['bg-nummer', { bgNummer: '12345BG0054321' }],
      ['neues-konto', { accountHolder: 'Kai Muster', iban: 'DE89370400440532013000' }],
      ['ab-wann', { validFrom: '2026-12-01' }],
      ['kontakt', { email: 'kai@example.org' }],
    ];
    for (const [page, values] of pages) await call('POST', `${api}/${draft.id}/answers`, draft.draftToken, { page, values });
    const results = await Promise.all(Array.from({ length: 4 }, () => call('POST', `${api}/${draft.id}/submission`, draft.draftToken, { declaration: true })));
    const references = new Set(results.map((r) => r.json().reference));
    expect(references.size).toBe(1);
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
  });
});
