// The figures import over HTTP: upload the workbook (multipart with the CSRF field), see the stored preview, confirm
// once; problems by row and column with nothing stored; the manual form with field errors; only the press office.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '#shared/audit/index.js';
import { errorSummaryLinks, fieldMessages } from '#shared/testing/error-summary.js';
import { loginAs, type LoggedIn } from '../staff/testing.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { arbeitsmarktreport } from './figures.workbook.test-fixture.js';
import { figureImports, labourMarketFigures } from './presse.tables.js';

let ctx: TestContext;
let presse: LoggedIn;
let admin: LoggedIn;
const url = '/t/neue-wege/staff/presse/zahlen';

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-03-10T09:00:00Z' });
  presse = await loginAs(ctx, ['presse']);
  admin = await loginAs(ctx, ['tenant_admin']);
});
afterAll(async () => ctx?.close());

function upload(who: LoggedIn, bytes: Buffer, csrf = who.csrfToken, lang = 'de') {
  const boundary = 'wegweiser-test-boundary';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="Arbeitsmarktreport.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return ctx.app.inject({ method: 'POST', url: `${url}/import?lang=${lang}`, cookies: who.cookies, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
}
const figure = (region: string, month: string) =>
  ctx.deps.database.db.select().from(labourMarketFigures).where(and(eq(labourMarketFigures.tenantId, ctx.tenant.id), eq(labourMarketFigures.region, region), eq(labourMarketFigures.month, month)));

describe('figures import', () => {
  it('is for the press office only, and refuses an upload without the CSRF token', async () => {
    expect((await ctx.app.inject({ url, cookies: admin.cookies })).statusCode).toBe(403);
    expect((await upload(presse, await arbeitsmarktreport(), 'falsch')).statusCode).toBe(403);
    expect(await ctx.deps.database.db.select().from(figureImports)).toHaveLength(0);
  });

  it('shows problems by row and column in the error summary, linking to the file field, and stores nothing', async () => {
    const res = await upload(presse, await arbeitsmarktreport({ override: ['Arbeitslose insgesamt', 'Hessen (06)', 'viele'] }));
    expect(res.statusCode).toBe(422);
    expect(errorSummaryLinks(res.body)).toEqual([['#f-file', 'Excel-Datei (XLSX), Zeile 5, Spalte D: „viele“ ist keine Zahl.']]);
    expect(fieldMessages(res.body)).toEqual([['f-file-error', 'Zeile 5, Spalte D: „viele“ ist keine Zahl.']]);
    expect(res.body).toMatch(/<input[^>]*id="f-file"[^>]*aria-describedby="f-file-hint f-file-error"[^>]*aria-invalid="true"/);
    const notXlsx = await upload(presse, Buffer.from('kein Excel'));
    expect(notXlsx.statusCode).toBe(422);
    expect(errorSummaryLinks(notXlsx.body)).toEqual([['#f-file', 'Excel-Datei (XLSX): Die Datei ist keine Excel-Datei im XLSX-Format.']]);
    expect(fieldMessages(notXlsx.body)).toEqual([['f-file-error', 'Die Datei ist keine Excel-Datei im XLSX-Format.']]);
    expect(await ctx.deps.database.db.select().from(figureImports)).toHaveLength(0);
  });

  it('lists the first ten problems of a file with many and counts the rest, in the summary and at the field, in English too', async () => {
    // Four figures of four regions, none a number: sixteen problems.
    const res = await upload(presse, await arbeitsmarktreport({ everyValue: 'k. A.' }), presse.csrfToken, 'en');
    expect(res.statusCode).toBe(422);
    const links = errorSummaryLinks(res.body);
    expect(links).toHaveLength(11);
    expect(links.every(([href]) => href === '#f-file')).toBe(true);
    expect(links[0]![1]).toBe('Excel file (XLSX), row 5, column B: “k. A.” is not a number.');
    expect(links[10]![1]).toBe('Excel file (XLSX): … and 6 more problems in the file.');
    const messages = fieldMessages(res.body);
    expect(messages.map(([id]) => id)).toEqual(['f-file-error', ...Array.from({ length: 10 }, (_, i) => `f-file-error-${i + 2}`)]);
    expect(messages[0]![1]).toBe('Row 5, column B: “k. A.” is not a number.');
    expect(messages[10]![1]).toBe('… and 6 more problems in the file.');
    expect(res.body).toMatch(new RegExp(`<input[^>]*id="f-file"[^>]*aria-describedby="f-file-hint ${messages.map(([id]) => id).join(' ')}"[^>]*aria-invalid="true"`));
    expect(await ctx.deps.database.db.select().from(figureImports)).toHaveLength(0);
  });

  it('previews what was recognised, then commits it once as BA figures', async () => {
    const res = await upload(presse, await arbeitsmarktreport({ shuffled: true }));
    expect(res.statusCode).toBe(303);
    const preview = await ctx.app.inject({ url: res.headers.location!, cookies: presse.cookies });
    expect(preview.body).toContain('Vorschau: Arbeitsmarktzahlen November 2020');
    expect(preview.body).toMatch(/Kreis Bergstraße<\/td><td[^>]*>06431<\/td><td[^>]*>6\.123<\/td><td[^>]*>3\.705<\/td><td[^>]*>2\.418<\/td><td[^>]*>4,1 %/);
    expect(preview.body).toContain('Unterbeschäftigung (ohne Kurzarbeit)');
    expect(await figure('DG', '2020-11')).toHaveLength(0);
    const commit = () => ctx.app.inject({ method: 'POST', url: res.headers.location!, cookies: presse.cookies, payload: { _csrf: presse.csrfToken } });
    const done = await commit();
    expect(done.statusCode).toBe(303);
    expect((await ctx.app.inject({ url: done.headers.location!, cookies: presse.cookies })).body).toContain('Die Zahlen aus der Datei wurden übernommen.');
    const [de] = await figure('DG', '2020-11');
    expect(de).toMatchObject({ regionName: 'Deutschland', rateTenths: 59, unemployed: 2_699_000, source: 'ba' });
    expect((await figure('06431', '2020-11'))[0]).toMatchObject({ rateTenths: 41, unemployedSgb2: 3705, source: 'ba' });
    expect((await commit()).statusCode).toBe(404);
    const audits = await ctx.deps.database.db.select().from(auditLog).where(eq(auditLog.action, 'presse.figures.import'));
    expect(audits).toHaveLength(1);
  });

  it('saves a month typed in, with field errors named', async () => {
    const post = (payload: Record<string, string>) => ctx.app.inject({ method: 'POST', url: `${url}/manuell`, cookies: presse.cookies, payload: { ...payload, _csrf: presse.csrfToken } });
    const bad = await post({ month: '2020-13', region: '06', rate: '4,15', unemployed: '6.123' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('href="#f-month"');
    expect(bad.body).toContain('Bitte geben Sie die Quote in Prozent mit höchstens einer Nachkommastelle an');
    expect(bad.body).toContain('Bitte geben Sie eine ganze Zahl ohne Punkte an');
    expect(bad.body).toContain('value="2020-13"');
    expect((await post({ month: '2020-12', region: 'unbekannt', rate: '4,0' })).statusCode).toBe(422);
    const ok = await post({ month: '2020-12', region: '06', rate: '5,3', unemployed: '178000', unemployedSgb2: '', unemployedSgb3: '' });
    expect(ok.statusCode).toBe(303);
    expect((await figure('06', '2020-12'))[0]).toMatchObject({ regionName: 'Hessen', rateTenths: 53, unemployed: 178_000, unemployedSgb2: null, source: 'manual' });
    // A month typed in replaces the imported figures of that region and month, every column of it.
    expect((await post({ month: '2020-11', region: 'DG', rate: '6,0', unemployed: '2700000', unemployedSgb2: '', unemployedSgb3: '' })).statusCode).toBe(303);
    expect(await figure('DG', '2020-11')).toEqual([expect.objectContaining({ regionName: 'Deutschland', rateTenths: 60, unemployed: 2_700_000, unemployedSgb2: null, unemployedSgb3: null, source: 'manual' })]);
    expect((await figure('06431', '2020-11'))[0]).toMatchObject({ rateTenths: 41, source: 'ba' });
  });
});
