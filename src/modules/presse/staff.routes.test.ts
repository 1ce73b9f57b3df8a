// The press office's journey over HTTP: write, submit, four-eyes approval, publish with an embargo, correct,
// withdraw; the monthly draft from the figures; permissions, CSRF and no-store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type LoggedIn } from '../staff/testing.js';
import { errorSummaryEntries } from '#shared/testing/error-summary.js';
import { createTestContext, type TestContext } from '../../testing/app.js';

let ctx: TestContext;
let author: LoggedIn;
let approver: LoggedIn;
const base = '/t/neue-wege';

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-03-10T09:00:00Z' });
  author = await loginAs(ctx, ['presse']);
  approver = await loginAs(ctx, ['tenant_admin']);
});
afterAll(async () => ctx?.close());

const post = (who: LoggedIn, url: string, payload: Record<string, string>) =>
  ctx.app.inject({ method: 'POST', url, cookies: who.cookies, payload: { ...payload, _csrf: who.csrfToken } });
const get = (who: LoggedIn, url: string) => ctx.app.inject({ url, cookies: who.cookies });

const form = {
  title: 'Neue Räume im Servicepoint Bensheim',
  subtitle: 'Mehr Platz für Beratung',
  dateline: 'Kreis Bergstraße (kb).',
  body: 'Der Servicepoint zieht um.\n\n> „Wir freuen uns.“ — Diana Stolz, Erste Kreisbeigeordnete\n\n<script>alert(1)</script>',
  categories: 'Neue Wege, Servicepoint',
  embargoDate: '2026-03-12',
  embargoTime: '10:00',
};

describe('press office journey', () => {
  let url = '';

  it('creates a draft, with field errors named in the form and no-store', async () => {
    const bad = await post(author, `${base}/staff/presse/neu`, { ...form, title: '', embargoTime: '25:00' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('href="#f-title"');
    expect(bad.body).toContain('Bitte geben Sie die Uhrzeit als SS:MM an');
    // Each entry of the summary names its field: "Please fill in this field" alone says nothing in a list.
    expect(errorSummaryEntries((await post(author, `${base}/staff/presse/neu`, {})).body)).toEqual([
      'Titel: Bitte füllen Sie dieses Feld aus.',
      'Ortsmarke: Bitte füllen Sie dieses Feld aus.',
      'Text: Bitte füllen Sie dieses Feld aus.',
    ]);
    expect(errorSummaryEntries((await post(author, `${base}/staff/presse/zahlen/manuell`, { rate: 'x' })).body).slice(0, 2)).toEqual([
      'Monat: Bitte füllen Sie dieses Feld aus.',
      'Region: Bitte füllen Sie dieses Feld aus.',
    ]);
    const res = await post(author, `${base}/staff/presse/neu`, form);
    expect(res.statusCode).toBe(303);
    url = res.headers.location!.split('?')[0]!;
    const page = await get(author, res.headers.location!);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('Entwurf angelegt.');
    expect(page.body).not.toContain('<script>alert(1)</script>');
    expect(page.body).toContain('&lt;script&gt;');
    expect(page.body).toContain('<blockquote>');
  });

  it('refuses a state change without the CSRF token', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: `${url}/schritt`, cookies: author.cookies, payload: { action: 'submit' } });
    expect(res.statusCode).toBe(403);
  });

  it('does not let the author approve; a second person does', async () => {
    expect((await post(author, `${url}/schritt`, { action: 'submit' })).statusCode).toBe(303);
    const own = await get(author, url);
    expect(own.body).toContain('Eine andere Person muss diese Pressemitteilung freigeben');
    expect(own.body).not.toContain('value="approve"');
    const refused = await post(author, `${url}/schritt`, { action: 'approve' });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('von einer anderen Person freigegeben werden');
    const other = await get(approver, url);
    expect(other.body).toContain('value="approve"');
    expect(other.body).not.toContain('value="publish"');
    expect((await post(approver, `${url}/schritt`, { action: 'approve' })).statusCode).toBe(303);
  });

  it('publishes with a number; the release stays hidden until its embargo', async () => {
    expect((await post(author, `${url}/schritt`, { action: 'publish' })).statusCode).toBe(303);
    const page = await get(author, url);
    expect(page.body).toContain('Veröffentlicht mit Sperrfrist');
    expect(page.body).toContain('Lfd. Nr. 1 / 2026');
    expect((await ctx.app.inject({ url: `${base}/presse/2026-1` })).statusCode).toBe(404);
    expect((await ctx.app.inject({ url: `${base}/presse` })).body).not.toContain(form.title);
    ctx.clock.set('2026-03-12T08:59:59Z'); // 09:59:59 in Berlin
    expect((await ctx.app.inject({ url: `${base}/presse/2026-1` })).statusCode).toBe(404);
    ctx.clock.set('2026-03-12T09:00:00Z');
    const visible = await ctx.app.inject({ url: `${base}/presse/2026-1` });
    expect(visible.statusCode).toBe(200);
    expect(visible.body).toContain('Lfd. Nr. 1 / 2026');
    // Two days later the sessions have timed out: log in again.
    author = await loginAs(ctx, ['presse']);
    approver = await loginAs(ctx, ['tenant_admin']);
  });

  it('corrects and withdraws visibly, keeping the number', async () => {
    expect((await post(author, `${url}/korrektur`, { correction: '' })).statusCode).toBe(422);
    expect((await post(author, `${url}/korrektur`, { correction: 'Der Umzug ist am 20. März.' })).statusCode).toBe(303);
    expect((await ctx.app.inject({ url: `${base}/presse/2026-1` })).body).toContain('Der Umzug ist am 20. März.');
    expect((await post(author, `${url}/schritt`, { action: 'withdraw' })).statusCode).toBe(303);
    const page = await ctx.app.inject({ url: `${base}/presse/2026-1` });
    expect(page.body).toContain('Diese Pressemitteilung wurde zurückgezogen');
    expect(page.body).toContain('Lfd. Nr. 1 / 2026');
  });

  it('drafts the monthly release from the newest figures', async () => {
    const res = await post(author, `${base}/staff/presse/monatsmeldung`, {});
    expect(res.statusCode).toBe(303);
    const page = await get(author, res.headers.location!);
    expect(page.body).toContain('Arbeitsmarkt im November 2020');
    expect(page.body).toContain('um 0,4 Prozentpunkte von 4,5 Prozent auf 4,1 Prozent gesunken');
    expect(page.body).toContain('unter der Durchschnittsquote von Südhessen (5,0 Prozent)');
    expect(page.body).toContain('src="/t/neue-wege/arbeitsmarkt.svg"');
    expect(page.body).toContain('<source media="(max-width: 36em)" srcset="/t/neue-wege/arbeitsmarkt.svg?groesse=schmal">');
  });

  it('keeps staff without a press role out', async () => {
    const other = await loginAs(ctx, ['servicepoint']);
    expect((await get(other, `${base}/staff/presse`)).statusCode).toBe(403);
    expect((await get(approver, `${base}/staff/presse/neu`)).statusCode).toBe(403);
  });
});
