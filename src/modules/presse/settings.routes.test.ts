// The press settings page: only tenant administrators; dateline and contact block reach new drafts and release
// pages; a year's count is set once, before its first number; field errors named.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog } from '#shared/audit/index.js';
import { loginAs, type LoggedIn } from '../staff/testing.js';
import { errorSummaryEntries } from '#shared/testing/error-summary.js';
import { createTestContext, type TestContext } from '../../testing/app.js';

let ctx: TestContext;
let admin: LoggedIn;
let presse: LoggedIn;
const url = '/t/neue-wege/staff/presse/einstellungen';

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-03-10T09:00:00Z' });
  admin = await loginAs(ctx, ['tenant_admin']);
  presse = await loginAs(ctx, ['presse']);
});
afterAll(async () => ctx?.close());

const post = (who: LoggedIn, path: string, payload: Record<string, string>) => ctx.app.inject({ method: 'POST', url: path, cookies: who.cookies, payload: { ...payload, _csrf: who.csrfToken } });
const settings = { dateline: 'Heppenheim (kb).', contact: 'Pressestelle Kreis Bergstraße\nTelefon 06252 15-0', districtRegion: '06431', comparisonRegion: 'suedhessen' };

describe('press settings', () => {
  it('are for tenant administrators; the press office list links them only for them', async () => {
    expect((await ctx.app.inject({ url, cookies: presse.cookies })).statusCode).toBe(403);
    expect((await ctx.app.inject({ url: '/t/neue-wege/staff/presse', cookies: admin.cookies })).body).toContain(`href="${url}"`);
    expect((await ctx.app.inject({ url: '/t/neue-wege/staff/presse', cookies: presse.cookies })).body).not.toContain(`href="${url}"`);
    const page = await ctx.app.inject({ url, cookies: admin.cookies });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('value="Kreis Bergstraße (kb)."');
  });

  it('saves dateline and contact block, which new drafts and release pages then use', async () => {
    const bad = await post(admin, url, { ...settings, dateline: '' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('href="#f-dateline"');
    expect(errorSummaryEntries(bad.body)).toEqual(['Ortsmarke: Bitte füllen Sie dieses Feld aus.']);
    const badNumber = await ctx.app.inject({ method: 'POST', url: `${url}/nummer`, cookies: admin.cookies, headers: { 'accept-language': 'en' }, payload: { _csrf: admin.csrfToken, year: '26', next: 'eins' } });
    expect(errorSummaryEntries(badNumber.body)).toEqual(['Year: Please enter the year with four digits, for example 2027.', 'Next number: Please enter the number as a whole number from 1.']);
    expect((await post(admin, url, settings)).statusCode).toBe(303);
    expect((await ctx.app.inject({ url: '/t/neue-wege/staff/presse/neu', cookies: presse.cookies })).body).toContain('value="Heppenheim (kb)."');
    expect((await ctx.app.inject({ url: '/t/neue-wege/presse/2020-530' })).body).toContain('Telefon 06252 15-0');
    expect(await ctx.deps.database.db.select().from(auditLog).where(eq(auditLog.action, 'presse.settings.update'))).toHaveLength(1);
  });

  it("sets where a year's count starts once; a second time or a started year is refused with a message", async () => {
    const bad = await post(admin, `${url}/nummer`, { year: '2027', next: '0' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('href="#f-next"');
    const ok = await post(admin, `${url}/nummer`, { year: '2027', next: '530' });
    expect(ok.statusCode).toBe(303);
    expect((await ctx.app.inject({ url: ok.headers.location!, cookies: admin.cookies })).body).toContain('2027: nächste Nummer 530');
    const again = await post(admin, `${url}/nummer`, { year: '2027', next: '1' });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('Für dieses Jahr wurde bereits eine Nummer vergeben');
    expect((await post(admin, `${url}/nummer`, { year: '2020', next: '1' })).statusCode).toBe(409);
  });
});
