// The KldB 2010 import: the BA's file (CSV or XLSX) read by its column names, a preview, the confirmation that
// replaces the tenant's list, and target occupations from it in the dossier.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '#shared/audit/index.js';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { loginAs, type LoggedIn } from '../staff/testing.js';
import { coachingKldb } from './berufe.tables.js';
import { csvTable } from '#shared/spreadsheet.js';
import { columnOf, occupationsOf, parseKldbFile } from './kldb.import.js';
import { kldbCsv, kldbXlsx } from './kldb.test-fixture.js';
import { coachingStaffBase, coachingTestbed, type CoachingTestbed } from './testing.js';

describe('reading the BA file', () => {
  it('recognises the columns by lenient header spelling', () => {
    for (const h of ['Schlüssel KldB 2010', 'Schluessel KldB 2010', 'KODE', 'Kode KldB 2010', 'kldb']) expect(columnOf(h)).toBe('code');
    for (const h of ['Bezeichnung', 'Berufsbezeichnung', 'Berufsgattung', ' bezeichnung ']) expect(columnOf(h)).toBe('title');
    expect(columnOf('Ebene')).toBeNull();
  });

  it('takes only 5-digit codes with level 1–4 from a Windows-1252 CSV; other levels, bad levels and duplicates are skipped', async () => {
    const parsed = await parseKldbFile(kldbCsv());
    expect(parsed.problem).toBeUndefined();
    expect(parsed.rows.map((r) => r.kldb)).toEqual(['51311', '51312', '51313', '51314', '81301', '81302', '01104']);
    expect(parsed.rows[1]).toEqual({ kldb: '51312', title: 'Berufe in der Lagerwirtschaft - fachlich ausgerichtete Tätigkeiten' });
    expect(parsed.skipped).toBe(10);
    expect(parsed.duplicates).toBe(1);
  });

  it('reads the XLSX by its other header spelling; a numeric code keeps its leading zero only through its "00000" format', async () => {
    const parsed = await parseKldbFile(await kldbXlsx());
    expect(parsed.rows.map((r) => r.kldb)).toEqual(['51311', '51312', '51313', '51314', '81301', '81302', '01104']);
    const numeric = await parseKldbFile(await kldbXlsx(true));
    expect(numeric.rows.map((r) => r.kldb)).toEqual(['51311', '51312', '51313', '51314', '81301', '81302', '01104']);
    expect(numeric.skipped).toBe(11);
  });

  it('names what is missing: no header, no occupation, an unreadable file', async () => {
    expect((await parseKldbFile(kldbCsv(['Nummer', 'Text']))).problem).toBe('coaching:kldb.errors.noHeader');
    expect(occupationsOf(await csvTable(Buffer.from('Kode;Bezeichnung\n5;Verkehr\n51;Logistik\n'))).problem).toBe('coaching:kldb.errors.noRows');
    expect((await parseKldbFile(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).problem).toBe('coaching:kldb.errors.unreadable');
  });
});

describe('the import over HTTP', () => {
  let ctx: TestContext;
  let c: CoachingTestbed;
  let tdb: TenantDb;
  let admin: LoggedIn;
  let coach: LoggedIn;
  const base = coachingStaffBase;

  beforeAll(async () => {
    ctx = await createTestContext();
    c = await coachingTestbed(ctx);
    ({ tdb, coach } = c);
    admin = await loginAs(ctx, ['tenant_admin']);
  });
  afterAll(async () => ctx?.close());

  function upload(who: LoggedIn, bytes: Buffer, fileName = 'KldB2010_Systematik.csv') {
    const boundary = 'wegweiser-kldb-boundary';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${who.csrfToken}\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return ctx.app.inject({ method: 'POST', url: `${base}/berufe/import`, cookies: who.cookies, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
  }

  it('shows the curated list as the default, previews the file and replaces the list only on confirmation', async () => {
    const page = await ctx.app.inject({ url: `${base}/berufe`, cookies: admin.cookies });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('kuratierte Liste mit 24 häufigen Zielberufen');

    const res = await upload(admin, kldbCsv());
    expect(res.statusCode).toBe(303);
    const preview = await ctx.app.inject({ url: res.headers.location as string, cookies: admin.cookies });
    expect(preview.body).toContain('7 Berufe; 11 Zeilen übersprungen');
    expect(preview.body).toContain('Berufe in der Lagerwirtschaft - fachlich ausgerichtete Tätigkeiten');
    expect(await tdb.select(coachingKldb)).toHaveLength(0);

    const done = await c.post(admin, res.headers.location as string, {});
    expect(done.statusCode).toBe(303);
    expect(await tdb.select(coachingKldb)).toHaveLength(7);
    expect(await tdb.select(auditLog, eq(auditLog.action, 'coaching.kldb.import'))).toHaveLength(1);
    expect((await c.post(admin, res.headers.location as string, {})).statusCode).toBe(404);
    const after = await ctx.app.inject({ url: `${base}/berufe?ok=imported`, cookies: admin.cookies });
    expect(after.body).toContain('Die vollständige KldB 2010 mit 7 Berufen ist eingelesen');
  });

  it('refuses a file without the columns, naming what is missing, and stores nothing', async () => {
    const res = await upload(admin, kldbCsv(['Nummer', 'Text']));
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Schlüssel-Spalte');
  });

  it('is for the tenant admin only', async () => {
    expect((await ctx.app.inject({ url: `${base}/berufe`, cookies: coach.cookies })).statusCode).toBe(403);
    expect((await upload(coach, kldbCsv())).statusCode).toBe(403);
  });

  it('lets the coach choose any imported code as a target occupation; unknown codes are refused', async () => {
    const id = await c.intake({ givenName: 'Jonas', familyName: 'Weber', birthDate: '1979-11-02', email: '', languages: 'Deutsch muttersprache' }, coach);
    const dossier = await ctx.app.inject({ url: `${base}/${id}`, cookies: coach.cookies });
    expect(dossier.body).toContain('Oder KldB-Schlüssel aus der vollständigen Liste');
    expect((await c.post(coach, `${base}/${id}/zielberufe`, { kldb: '', kldbCode: '81301' })).statusCode).toBe(303);
    const bad = await c.post(coach, `${base}/${id}/zielberufe`, { kldb: '', kldbCode: '99999' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('href="#f-kldb"');
    const page = await ctx.app.inject({ url: `${base}/${id}`, cookies: coach.cookies });
    expect(page.body).toContain('Berufe in der Gesundheits- und Krankenpflege (ohne Spezialisierung) - Helfer-/Anlerntätigkeiten');
    expect(page.body).toContain('(KldB 81301, Helfer');
  });
});
