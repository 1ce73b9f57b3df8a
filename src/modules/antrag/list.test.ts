// The application inbox at speed: sortable columns, pages, saved filters per caseworker, "save and next application".
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formSubmissions } from '../forms/testing.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { loginAs, type LoggedIn } from '../staff/testing.js';
import { householdOfThree, injectClient, runJourney } from './testing.js';

let ctx: TestContext;
let caseworker: LoggedIn;
let other: LoggedIn;
const staff = '/t/neue-wege/staff/antraege';
const apps: { id: string; reference: string }[] = [];

beforeAll(async () => {
  ctx = await createTestContext();
  for (let i = 0; i < 2; i++) {
    const { confirmation } = await runJourney(injectClient(ctx.app), '/t/neue-wege', householdOfThree());
    const reference = /EA-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(confirmation)![0];
    const [row] = await ctx.deps.database.db.select().from(formSubmissions).where(eq(formSubmissions.reference, reference));
    apps.push({ id: row!.id, reference });
  }
  apps.sort((a, b) => a.reference.localeCompare(b.reference));
  caseworker = await loginAs(ctx, ['sachbearbeitung']);
  other = await loginAs(ctx, ['sachbearbeitung']);
});
afterAll(async () => ctx?.close());

const as = (who: LoggedIn, method: 'GET' | 'POST', url: string, form?: Record<string, string>) =>
  ctx.app.inject({ method, url, cookies: who.cookies, ...(form ? { payload: new URLSearchParams({ _csrf: who.csrfToken, ...form }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } } : {}) });
const order = (html: string) => apps.map((a) => ({ ref: a.reference, at: html.indexOf(a.reference) })).sort((x, y) => x.at - y.at).map((x) => x.ref);

describe('application inbox', () => {
  it('sorts by reference both ways (aria-sort on the column) and shows the page range', async () => {
    const asc = await as(caseworker, 'GET', `${staff}?sort=reference&dir=asc`);
    expect(order(asc.body)).toEqual(apps.map((a) => a.reference));
    expect(asc.body).toContain('aria-sort="ascending"><a class="kern-link ww-sort" href="/t/neue-wege/staff/antraege?sort=reference&amp;dir=desc"');
    expect(asc.body).toContain('1–2 von 2 (Seite 1 von 1)');
    const desc = await as(caseworker, 'GET', `${staff}?sort=reference&dir=desc`);
    expect(order(desc.body)).toEqual(apps.map((a) => a.reference).reverse());
    expect(desc.body).toContain(`href="${staff}/${apps[1]!.id}?sort=reference&amp;dir=desc"`);
  });

  it('says an empty inbox is empty, and that a filter hides everything, without a pager', async () => {
    const elsewhere = await loginAs(ctx, ['sachbearbeitung'], ctx.otherTenant);
    const empty = await ctx.app.inject({ url: `/t/${ctx.otherTenant.slug}/staff/antraege`, cookies: elsewhere.cookies });
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('0 Anträge Es ist noch kein Antrag eingegangen.');
    expect(empty.body).not.toContain('Einträge pro Seite');
    const none = await as(caseworker, 'GET', `${staff}?status=entschieden`);
    expect(none.body).toContain('0 Anträge Kein Antrag passt zu dieser Suche');
    expect(none.body).not.toContain('0–0 von 0');
  });

  it('saves a filter under a name for this caseworker only, opens and deletes it', async () => {
    const saved = await as(caseworker, 'POST', `${staff}/filter`, { name: 'Eingegangen A–Z', status: 'eingegangen', sort: 'reference', dir: 'asc' });
    const location = String(saved.headers.location);
    expect(location).toMatch(/\?f=[0-9a-f-]{36}&notice=saved$/);
    const page = await as(caseworker, 'GET', location);
    expect(page.body).toContain('Filter gespeichert.');
    expect(page.body).toContain('aria-current="true">Eingegangen A–Z</a>');
    expect(order(page.body)).toEqual(apps.map((a) => a.reference));
    expect((await as(other, 'GET', staff)).body).not.toContain('Eingegangen A–Z');
    const id = /f=([0-9a-f-]{36})/.exec(location)![1]!;
    expect((await as(other, 'POST', `${staff}/filter/${id}/loeschen`, {})).statusCode).toBe(404);
    expect((await as(caseworker, 'POST', `${staff}/filter/${id}/loeschen`, {})).statusCode).toBe(303);
    expect((await as(caseworker, 'GET', staff)).body).not.toContain('Eingegangen A–Z');
  });

  it('"Speichern und nächster Antrag" opens the next application of the same filter and order, then returns to the list', async () => {
    const detail = await as(caseworker, 'GET', `${staff}/${apps[0]!.id}?status=eingegangen&sort=reference&dir=asc`);
    expect(detail.body).toContain('Speichern und nächster Antrag');
    expect(detail.body).toContain('<input type="hidden" name="list_sort" value="reference"/>');
    const first = await as(caseworker, 'POST', `${staff}/${apps[0]!.id}/status`, { status: 'in_bearbeitung', next: '1', list_status: 'eingegangen', list_sort: 'reference', list_dir: 'asc' });
    expect(first.headers.location).toBe(`${staff}/${apps[1]!.id}?status=eingegangen&sort=reference&dir=asc&ok=statusNext`);
    expect((await as(caseworker, 'GET', String(first.headers.location))).body).toContain('Hier ist der nächste Antrag dieser Auswahl.');
    const last = await as(caseworker, 'POST', `${staff}/${apps[1]!.id}/status`, { status: 'in_bearbeitung', next: '1', list_status: 'eingegangen', list_sort: 'reference', list_dir: 'asc' });
    expect(last.headers.location).toBe(`${staff}?status=eingegangen&sort=reference&dir=asc&notice=noneLeft`);
    expect((await as(caseworker, 'GET', String(last.headers.location))).body).toContain('In dieser Auswahl ist kein weiterer Antrag.');
  });
});
