// The KldB 2010 import pages over HTTP, as the tenant admin uses them: the upload form, the stored preview and the
// confirmation that replaces the list; refused files with their message at the file field and nothing stored; the
// CSRF token, the other roles and the other tenant. Each test makes the state it needs (a list imported through the
// pages), so it passes alone and in any order.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '#shared/audit/index.js';
import { TenantDb } from '#shared/db/tenant-scope.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { hasPermission, roles } from '../staff/index.js';
import { loginAs, type LoggedIn } from '../staff/testing.js';
import { coachingKldb, coachingKldbImporte } from './berufe.tables.js';
import * as kldbRepository from './kldb.repository.js';
import { MAX_KLDB_BYTES } from './kldb.service.js';
import { kldbCsv, kldbXlsx } from './kldb.test-fixture.js';
import { coachingStaffBase, coachingTestbed, type CoachingTestbed } from './testing.js';

let ctx: TestContext;
let c: CoachingTestbed;
let tdb: TenantDb;
let admin: LoggedIn;
const base = coachingStaffBase;
const codesOfTheFile = ['01104', '51311', '51312', '51313', '51314', '81301', '81302'];
/** The message at the file field and in the error summary, whose link leads to the field. */
const fileLabel = 'Datei der Bundesagentur für Arbeit (CSV oder XLSX)';

beforeAll(async () => {
  ctx = await createTestContext();
  c = await coachingTestbed(ctx);
  tdb = c.tdb;
  admin = await loginAs(ctx, ['tenant_admin']);
});
afterAll(async () => ctx?.close());

interface UploadOptions {
  fileName?: string;
  /** The form's `_csrf` field; null: no such field. */
  csrf?: string | null;
  headers?: Record<string, string>;
}

/** The upload form as a browser sends it: multipart with the CSRF field first, then the file. */
function upload(who: LoggedIn, bytes: Buffer | undefined, { fileName = 'KldB2010_Systematik.csv', csrf = who.csrfToken, headers = {} }: UploadOptions = {}) {
  const boundary = 'wegweiser-kldb-boundary';
  const parts = [
    ...(csrf === null ? [] : [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`)]),
    ...(bytes === undefined ? [] : [Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`), bytes, Buffer.from('\r\n')]),
    Buffer.from(`--${boundary}--\r\n`),
  ];
  return ctx.app.inject({
    method: 'POST',
    url: `${base}/berufe/import`,
    cookies: who.cookies,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...headers },
    payload: Buffer.concat(parts),
  });
}

/** Uploads and confirms a file through the pages; returns the preview's address. */
async function importList(bytes: Buffer): Promise<string> {
  const res = await upload(admin, bytes);
  expect(res.statusCode).toBe(303);
  const preview = res.headers.location as string;
  expect((await c.post(admin, preview, {})).statusCode).toBe(303);
  return preview;
}

const listOf = async (db = tdb) => (await db.select(coachingKldb)).map((r) => `${r.kldb} ${r.title}`).sort();
const openPreviews = async () => (await tdb.select(coachingKldbImporte)).filter((r) => r.committedAt === null).length;
const importAudits = (id: string) => tdb.select(auditLog, and(eq(auditLog.action, 'coaching.kldb.import'), eq(auditLog.objectId, id)));
const previewId = (address: string) => address.split('/').pop()!;

describe('the KldB import pages', () => {
  it('show the tenant admin the upload form, with the curated list while nothing is imported', async () => {
    // The other tenant: no test here imports anything into it.
    const otherAdmin = await loginAs(ctx, ['tenant_admin'], ctx.otherTenant);
    const page = await ctx.app.inject({ url: `/t/${ctx.otherTenant.slug}/staff/coaching/berufe`, cookies: otherAdmin.cookies });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('kuratierte Liste mit 24 häufigen Zielberufen');
    expect(page.body).toContain(`action="/t/${ctx.otherTenant.slug}/staff/coaching/berufe/import"`);
    expect(page.body).toContain('enctype="multipart/form-data"');
    expect(page.body).toContain(`name="_csrf" value="${otherAdmin.csrfToken}"`);
    expect(page.body).not.toContain('ww-error-summary');
  });

  it('preview a valid file and replace the list only on confirmation, once, audited', async () => {
    const before = await listOf();
    const res = await upload(admin, kldbCsv());
    expect(res.statusCode).toBe(303);
    const address = res.headers.location as string;
    expect(address).toMatch(/^\/t\/neue-wege\/staff\/coaching\/berufe\/import\/[0-9a-f-]{36}$/);
    const preview = await c.get(admin, address);
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('Aus „KldB2010_Systematik.csv“ gelesen: 7 Berufe; 11 Zeilen übersprungen');
    expect(preview.body).toContain('Berufe in der Lagerwirtschaft - fachlich ausgerichtete Tätigkeiten');
    expect(preview.body).toContain('7 Berufe übernehmen');
    expect(await listOf()).toEqual(before);

    const done = await c.post(admin, address, {});
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`${base}/berufe?ok=imported`);
    expect((await listOf()).map((r) => r.slice(0, 5))).toEqual(codesOfTheFile);
    expect(await importAudits(previewId(address))).toHaveLength(1);
    const page = await c.get(admin, done.headers.location as string);
    expect(page.body).toContain('Die Berufsliste ist ersetzt: 7 Berufe.');
    expect(page.body).toContain('Die vollständige KldB 2010 mit 7 Berufen ist eingelesen');

    // A second click on the used preview: not found, nothing imported again.
    expect((await c.post(admin, address, {})).statusCode).toBe(404);
    expect((await c.get(admin, address)).statusCode).toBe(404);
    expect(await importAudits(previewId(address))).toHaveLength(1);
  });

  it('read an XLSX by its content, whatever its name says', async () => {
    const res = await upload(admin, await kldbXlsx(true), { fileName: 'kldb.csv' });
    expect(res.statusCode).toBe(303);
    expect((await c.get(admin, res.headers.location as string)).body).toContain('7 Berufe; 12 Zeilen übersprungen');
  });

  it('refuse a file they cannot use with the message at the file field (422) and store nothing', async () => {
    await importList(kldbCsv());
    const list = await listOf();
    const previews = await openPreviews();
    const refused: [Buffer | undefined, string][] = [
      [kldbCsv(['Nummer', 'Text']), 'In der Datei fehlt eine Überschriftenzeile mit einer Schlüssel-Spalte'],
      [Buffer.from('Kode;Bezeichnung\r\n5;Verkehr\r\n51;Logistik\r\n', 'latin1'), 'Die Datei enthält keinen fünfstelligen KldB-Schlüssel'],
      [Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'Die Datei lässt sich nicht lesen.'],
      [Buffer.alloc(0), 'Bitte wählen Sie eine Datei aus.'],
      [undefined, 'Bitte wählen Sie eine Datei aus.'],
    ];
    for (const [bytes, message] of refused) {
      const res = await upload(admin, bytes);
      expect(res.statusCode, message).toBe(422);
      // The error summary names the field and links to it; the field carries the message and is marked invalid.
      expect(res.body).toMatch(new RegExp(`href="#f-file"[^>]*>${fileLabel.replace(/[()]/g, '\\$&')}: ${message}`));
      expect(res.body).toContain('id="f-file-error"');
      expect(res.body).toMatch(/<input[^>]*id="f-file"[^>]*aria-describedby="f-file-hint f-file-error"[^>]*aria-invalid="true"/);
    }
    const english = await upload(admin, kldbCsv(['Nummer', 'Text']), { headers: { 'accept-language': 'en' } });
    expect(english.statusCode).toBe(422);
    expect(english.body).toContain('File of the Federal Employment Agency (CSV or XLSX): The file has no heading row with a code column');
    expect(await listOf()).toEqual(list);
    expect(await openPreviews()).toBe(previews);
  });

  it(`refuse a file over ${MAX_KLDB_BYTES / 1024 / 1024} MB with 413 at the file field and store nothing`, async () => {
    const previews = await openPreviews();
    const csv = kldbCsv();
    const tooLarge = Buffer.concat([csv, Buffer.alloc(MAX_KLDB_BYTES + 1 - csv.length, ' ')]);
    const res = await upload(admin, tooLarge);
    expect(res.statusCode).toBe(413);
    expect(res.body).toContain(`${fileLabel}: Die Datei ist zu groß: höchstens 5 MB.`);
    expect(res.body).toContain('href="#f-file"');
    // Far beyond the limit the request is not read at all: the translated error page, 413 as well.
    const huge = await upload(admin, Buffer.alloc(2 * MAX_KLDB_BYTES + 128 * 1024, ' '));
    expect(huge.statusCode).toBe(413);
    expect(huge.body).toContain('Die gesendeten Daten sind zu groß.');
    expect(await openPreviews()).toBe(previews);
  });

  it('refuse an upload or a confirmation without the CSRF token of the session (403) and change nothing', async () => {
    await importList(kldbCsv());
    const list = await listOf();
    const previews = await openPreviews();
    const refusals = async () => (await tdb.select(auditLog, eq(auditLog.action, 'security.csrf_refused'))).length;
    const refusedBefore = await refusals();
    for (const csrf of [null, 'falsch', (await loginAs(ctx, ['tenant_admin'])).csrfToken]) {
      const res = await upload(admin, kldbCsv(), { csrf });
      expect(res.statusCode).toBe(403);
      expect(res.body).toContain('Das Formular ist abgelaufen oder kam nicht von dieser Seite.');
    }
    expect(await openPreviews()).toBe(previews);
    expect(await refusals()).toBe(refusedBefore + 3);

    const other = Buffer.from('Kode;Bezeichnung\r\n71402;Büro- und Sekretariatskräfte\r\n', 'latin1');
    const address = (await upload(admin, other)).headers.location as string;
    for (const payload of [{}, { _csrf: 'falsch' }]) {
      const res = await ctx.app.inject({ method: 'POST', url: address, cookies: admin.cookies, payload });
      expect(res.statusCode).toBe(403);
    }
    expect(await listOf()).toEqual(list);
    // The preview is still there to be confirmed properly.
    expect((await c.post(admin, address, {})).statusCode).toBe(303);
    expect(await listOf()).toEqual(['71402 Büro- und Sekretariatskräfte']);
  });

  it('are the tenant admin’s only: other roles get 403 and change nothing', async () => {
    const address = (await upload(admin, kldbCsv())).headers.location as string;
    const list = await listOf();
    const previews = await openPreviews();
    for (const role of roles.filter((r) => !hasPermission(ctx.deps, [r], 'coaching.settings'))) {
      const who = await loginAs(ctx, [role]);
      expect((await c.get(who, `${base}/berufe`)).statusCode, role).toBe(403);
      expect((await upload(who, kldbCsv())).statusCode, role).toBe(403);
      expect((await c.get(who, address)).statusCode, role).toBe(403);
      expect((await c.post(who, address, {})).statusCode, role).toBe(403);
    }
    expect(await listOf()).toEqual(list);
    expect(await openPreviews()).toBe(previews);
  });

  it('keep a preview to its tenant: another tenant’s admin gets 404 for it and changes nothing', async () => {
    const address = (await upload(admin, kldbCsv())).headers.location as string;
    const list = await listOf();
    const otherTdb = new TenantDb(ctx.database.db, ctx.otherTenant.id);
    const otherAdmin = await loginAs(ctx, ['tenant_admin'], ctx.otherTenant);
    const foreign = `/t/${ctx.otherTenant.slug}/staff/coaching/berufe/import`;
    expect((await c.get(otherAdmin, `${foreign}/${previewId(address)}`)).statusCode).toBe(404);
    expect((await c.post(otherAdmin, `${foreign}/${previewId(address)}`, {})).statusCode).toBe(404);
    expect((await c.get(otherAdmin, `${foreign}/not-an-id`)).statusCode).toBe(404);
    expect(await listOf(otherTdb)).toEqual([]);
    expect(await listOf()).toEqual(list);
    expect((await c.get(admin, address)).statusCode).toBe(200);
  });

  it('leave the list as it was when a confirmation fails halfway', async () => {
    await importList(kldbCsv());
    const list = await listOf();
    // A stored preview whose 501st row repeats the first code: the database refuses the second batch of rows.
    const rows = Array.from({ length: 500 }, (_, i) => ({ kldb: `${String(i + 1).padStart(4, '0')}1`, title: `Beruf ${i + 1}` }));
    const broken = await kldbRepository.insertImport(tdb, { createdBy: admin.userId, fileName: 'kaputt.csv', rows: [...rows, rows[0]!], skipped: 0, createdAt: ctx.deps.clock.now() });
    const res = await c.post(admin, `${base}/berufe/import/${broken.id}`, {});
    expect(res.statusCode).toBe(500);
    expect(await listOf()).toEqual(list);
    expect(await importAudits(broken.id)).toHaveLength(0);
    expect((await c.get(admin, `${base}/berufe/import/${broken.id}`)).statusCode).toBe(200);
  });

  it('let the coach choose any imported code as a target occupation; unknown codes are refused', async () => {
    await importList(kldbCsv());
    const coach = c.coach;
    const id = await c.intake({ givenName: 'Jonas', familyName: 'Weber', birthDate: '1979-11-02', email: '', languages: 'Deutsch muttersprache' }, coach);
    const dossier = await c.get(coach, `${base}/${id}`);
    expect(dossier.body).toContain('Oder KldB-Schlüssel aus der vollständigen Liste');
    expect((await c.post(coach, `${base}/${id}/zielberufe`, { kldb: '', kldbCode: '81301' })).statusCode).toBe(303);
    const bad = await c.post(coach, `${base}/${id}/zielberufe`, { kldb: '', kldbCode: '99999' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('href="#f-kldb"');
    const page = await c.get(coach, `${base}/${id}`);
    expect(page.body).toContain('Berufe in der Gesundheits- und Krankenpflege (ohne Spezialisierung) - Helfer-/Anlerntätigkeiten');
    expect(page.body).toContain('(KldB 81301, Helfer');
  });
});
