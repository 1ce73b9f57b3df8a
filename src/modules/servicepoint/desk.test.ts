// The desk for a morning's work: the counter is remembered per device, a call never filters the list, filters are
// shown and removable, dates are German, and a walk-in's wait is a range from the open counters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../../testing/app.js';
import { loginAs, type LoggedIn } from '../staff/testing.js';
import { bookingCode } from '../termine/index.js';
import { startDesk, type DeskFixture } from './testing.js';

let ctx: TestContext;
let desk: LoggedIn;
let serviceId: string;
let base: string;
let book: DeskFixture['book'];

const cookieHeader = (cookies: Record<string, string>) => Object.entries(cookies).map(([k, v]) => `${k}=${v}`).join('; ');
const post = (url: string, payload: Record<string, string>, extra: Record<string, string> = {}) =>
  ctx.app.inject({ method: 'POST', url, headers: { cookie: cookieHeader({ ...desk.cookies, ...extra }) }, payload: { ...payload, _csrf: desk.csrfToken } });
const get = (url: string, extra: Record<string, string> = {}) => ctx.app.inject({ method: 'GET', url, headers: { cookie: cookieHeader({ ...desk.cookies, ...extra }) } });

beforeAll(async () => {
  ({ ctx, desk, serviceId, base, book } = await startDesk());
});
afterAll(async () => ctx?.close());

describe('the desk remembers its counter', () => {
  it('asks for the counter with a message naming it, remembers it in a cookie and calls without filtering the list', async () => {
    const a = await book('Max Muster', '10:45');
    const b = await book('Erika Beispiel', '11:00');
    await post(`${base}/checkin`, { appointmentId: a.id });
    await post(`${base}/checkin`, { appointmentId: b.id });

    const missing = await post(`${base}/aufruf`, {});
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('Bitte geben Sie Ihren Schalter ein.');
    const bad = await post(`${base}/aufruf`, { counter: '3<b>' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Schalter: bitte nur Buchstaben');

    const called = await post(`${base}/aufruf`, { counter: '3' });
    expect(called.statusCode).toBe(303);
    expect(called.headers.location).not.toContain('counter');
    expect(called.headers.location).not.toContain('schalter');
    const cookie = [called.headers['set-cookie']].flat().find((c) => c?.startsWith('ww_schalter='));
    expect(cookie).toContain('ww_schalter=3;');
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain(`Path=/t/${ctx.tenant.slug}/staff/servicepoint`);

    // The next call needs no counter: the cookie says where this device sits. Both visitors stay in the list.
    const page = await get(String(called.headers.location), { ww_schalter: '3' });
    expect(page.body).toContain('Ihr Schalter:');
    expect(page.body).toContain('Am Schalter 3');
    expect(page.body).toContain('Max Muster');
    expect(page.body).toContain('Erika Beispiel');
    expect(page.body).toContain('Nächste aufrufen (Schalter 3)');
    expect(page.body).not.toContain('Aktive Filter');
    const second = await post(`${base}/aufruf`, {}, { ww_schalter: '3' });
    expect(second.statusCode).toBe(303);
    expect(second.headers.location).toContain('notice=called');
    const after = await get(base, { ww_schalter: '3' });
    expect((after.body.match(/class="sp-current__visit"/g) ?? []).length).toBe(2);

    // Another counter, chosen once on this device.
    const set = await post(`${base}/schalter`, { counter: 'B 2' });
    expect(set.statusCode).toBe(303);
    expect([set.headers['set-cookie']].flat().join()).toContain('ww_schalter=B%202');
    expect((await post(`${base}/schalter`, { counter: '' })).statusCode).toBe(422);
    // A cookie that is not a counter is ignored.
    expect((await get(base, { ww_schalter: '<script>' })).body).not.toContain('Ihr Schalter:');
  });

  it('shows filters as removable chips and dates in German; a searched name is posted and never in an address', async () => {
    const searched = await post(`${base}/suche`, { date: '2026-11-26', service: '', schalter: '3', q: 'Muster' });
    expect(searched.statusCode).toBe(303);
    const location = String(searched.headers.location);
    expect(location).toMatch(new RegExp(`^${base}\\?date=2026-11-26&schalter=3&f=[0-9a-f-]{36}$`));
    expect(location).not.toContain('Muster');
    const f = new URL(location, 'http://x').searchParams.get('f')!;
    const page = await get(location);
    expect(page.body).toContain('Aktive Filter:');
    expect(page.body).toContain('Do., 26. November 2026');
    expect(page.body).toContain('Name oder Buchungscode: Muster');
    expect(page.body).toContain(`href="${base}?schalter=3&amp;f=${f}"`);
    expect(page.body).toContain(`href="${base}?date=2026-11-26&amp;f=${f}"`);
    expect(page.body).not.toMatch(/href="[^"]*Muster/);
    expect(page.body).toContain(`<form method="post" action="${base}/suche"`);
    // A name in the address is not a search any more; another person's search id finds nothing.
    expect((await get(`${base}?q=Muster`)).body).not.toContain('Name oder Buchungscode: Muster');
    const other = await loginAs(ctx, ['servicepoint']);
    const foreign = await ctx.app.inject({ method: 'GET', url: location, cookies: other.cookies });
    expect(foreign.statusCode).toBe(200);
    expect(foreign.body).not.toContain('Name oder Buchungscode: Muster');
    const today = await get(base);
    expect(today.body).toContain('Mi., 25. November 2026');
    expect(today.body).not.toContain('2026-11-25 ');
  });

  it('estimates a walk-in wait as a range from the counters open now', async () => {
    const walkIn = await post(`${base}/spontan`, { serviceId });
    const ticket = await get(String(walkIn.headers.location));
    expect(ticket.body).toMatch(/Geschätzte Wartezeit: (bis zu [1-9]\d* Minuten|\d+ bis [1-9]\d* Minuten)/);
    expect(ticket.body).not.toContain('etwa 0 Minuten');
  });

  it('shows the servicepoint role its day on the start page, one click from the day view', async () => {
    const start = await get(`/t/${ctx.tenant.slug}/staff`);
    expect(start.body).toContain('Servicepoint heute');
    // Two checked in and called (counter 3), one walk-in waiting from the test before.
    expect(start.body).toMatch(/Servicepoint Heppenheim: 1 warten, 2 aufgerufen, 0 erledigt, 0 nicht erschienen \(2 Termine\)/);
    expect(start.body).toContain(`href="${base}"`);
  });

  it('lets staff pick a phone booking from the free times, with messages that name the field', async () => {
    const form = await get(`${base}/telefon?serviceId=${serviceId}&persons=1&date=2026-11-25`);
    expect(form.body).toMatch(/<option value="13:30"[^>]*>13:30 Uhr \(\d+ Plätze? frei\)<\/option>/);
    expect(form.body).not.toContain('<option value="09:00"');
    const missing = await post(`${base}/telefon`, { serviceId, persons: '1', date: '2026-11-25', time: '13:30', name: '' });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('Bitte geben Sie den Namen der anrufenden Person ein.');
    expect(missing.body).not.toContain('Bitte füllen Sie dieses Feld aus.');
    expect(missing.body).toContain('<option value="13:30" selected');
  });
});

describe('a booking made twice', () => {
  it('marks the second row of the same address, concern and time instead of showing two identical rows', async () => {
    const first = await book('Paula Doppelt', '11:30');
    await book('Paula Doppelt', '11:30');
    await book('Paula Doppelt', '11:45');
    const page = (await get(base)).body;
    const rows = [...page.matchAll(/<tr[^>]*>(?:(?!<\/tr>)[\s\S])*Paula Doppelt(?:(?!<\/tr>)[\s\S])*<\/tr>/g)].map((m) => m[0]);
    expect(rows).toHaveLength(3);
    const marked = rows.filter((r) => r.includes('Doppelt gebucht'));
    expect(marked).toHaveLength(1);
    expect(marked[0]).toContain('11:30');
    expect(marked[0]).toContain(`gleiche Zeit wie ${/class="kern-body--small sp-code">([^<]+)</.exec(rows[0]!)![1]}`);
    expect(rows[0]).not.toContain('Doppelt gebucht');
    expect(first.status).toBe('booked');
  });
});

describe('the search for a name or a booking code', () => {
  const searchFor = async (q: string) => (await get(String((await post(`${base}/suche`, { q })).headers.location))).body;

  it('finds a surname of eight letters, which could also be a booking code, and still finds codes', async () => {
    const friedman = await book('Jana Friedman', '13:30');
    await book('Anna Schröder', '13:45');
    const byName = await searchFor('Friedman');
    expect(byName).toContain('Jana Friedman');
    expect(byName).not.toContain('Anna Schröder');
    // Typed without an umlaut key, in any case: still eight letters a code could have.
    for (const typed of ['schroder', 'SCHROEDER', 'Schröder']) {
      const found = await searchFor(typed);
      expect(found, typed).toContain('Anna Schröder');
      expect(found, typed).not.toContain('Jana Friedman');
    }
    const code = bookingCode(ctx.deps.config.secretKey, ctx.tenant.id, friedman.id);
    for (const typed of [code, code.replace('-', '').toLowerCase()]) {
      const found = await searchFor(typed);
      expect(found, typed).toContain('Jana Friedman');
      expect(found, typed).not.toContain('Anna Schröder');
    }
  });
});

describe('the language switch after an action', () => {
  /** The href of the language switch to `lang` (attribute values come HTML-escaped). */
  const link = (html: string, lang: string) => new RegExp(`<a class="kern-link" href="([^"]+)" hreflang="${lang}"`).exec(html)![1]!.replace(/&amp;/g, '&');

  it('drops the notice of the last action and its ticket, so the other language does not report it again', async () => {
    const set = await post(`${base}/schalter`, { counter: '4' });
    expect(set.headers.location).toBe(`${base}?notice=counterSet`);
    const german = await get(String(set.headers.location), { ww_schalter: '4' });
    expect(german.body).toContain('Schalter 4 gemerkt.');
    expect(link(german.body, 'en')).toBe(`${base}?lang=en`);
    const english = await get(link(german.body, 'en'), { ww_schalter: '4' });
    expect(english.body).toContain('<html lang="en"');
    expect(english.body).not.toContain('Counter 4 remembered.');

    // The day and the other filters stay; the notice of a call and its ticket number go.
    const called = await get(`${base}?date=2026-11-26&notice=called&ticket=12&schalter=4`, { ww_schalter: '4' });
    expect(called.body).toContain('Nummer 012 wurde aufgerufen.');
    expect(link(called.body, 'en')).toBe(`${base}?date=2026-11-26&schalter=4&lang=en`);
  });
});
