// The caseworker's upload inbox at speed: search (never in the address), sort, pages, saved filters, bulk
// actions with one audit row per item, "next" in the chosen order, and the inline preview's markup and assets.
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '#shared/audit/index.js';
import { TenantDb } from '#shared/db/tenant-scope.js';
import { staffListFilters } from '#shared/saved-filters/index.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { loginAs, type LoggedIn } from '../staff/testing.js';
import { pdfWithPages } from './files/test/fixtures.js';
import { file, freeFields, multipart } from './test/multipart.js';
import { uploads } from './unterlagen.tables.js';

let ctx: TestContext;
let caseworker: LoggedIn;
let colleague: LoggedIn;
const base = '/t/neue-wege/staff/unterlagen';

beforeAll(async () => {
  ctx = await createTestContext();
  caseworker = await loginAs(ctx, ['sachbearbeitung']);
  colleague = await loginAs(ctx, ['sachbearbeitung']);
});
afterAll(async () => ctx?.close());

const get = (url: string, who: LoggedIn = caseworker) => ctx.app.inject({ url, cookies: who.cookies });
const post = (url: string, payload: Record<string, string | string[]>, who: LoggedIn = caseworker) =>
  ctx.app.inject({ method: 'POST', url, cookies: who.cookies, payload: new URLSearchParams(Object.entries({ _csrf: who.csrfToken, ...payload }).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]]))).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });

async function citizenUpload(fields: Record<string, string>): Promise<{ id: string; reference: string }> {
  const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/t/neue-wege/uploads', ...multipart([...freeFields(fields), file('Kontoauszug.pdf', await pdfWithPages(1))]) });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json<{ id: string; reference: string }>();
}

/** Reference links of the inbox's table, in the order shown. */
const listed = (html: string) => [...html.matchAll(/href="\/t\/neue-wege\/staff\/unterlagen\/([0-9a-f-]{36})[^"]*">\s*([A-Z]{2}-[^<]+)</g)].map((m) => m[2]!.trim());

describe('upload inbox search, sort and pages', () => {
  let mueller: { id: string; reference: string };
  let meier: { id: string; reference: string };
  beforeAll(async () => {
    mueller = await citizenUpload({ lastName: 'Müller-Lüdenscheidt', bgNummer: '11111BG0000001' });
    meier = await citizenUpload({ lastName: 'Meier', bgNummer: '22222BG0000002' });
  });

  it('searches by surname start, BG-Nummer and reference without putting the words in the address', async () => {
    const search = await post(`${base}/suche`, { q: 'müll' });
    expect(search.statusCode).toBe(303);
    const location = String(search.headers.location);
    expect(location).toMatch(/^\/t\/neue-wege\/staff\/unterlagen\?f=[0-9a-f-]{36}$/);
    expect(location.toLowerCase()).not.toContain('m%c3%bcll');
    const found = await get(location);
    expect(listed(found.body)).toEqual([mueller.reference]);
    expect(found.body).toContain('value="müll"');
    expect(listed((await get(String((await post(`${base}/suche`, { q: '22222 bg 0000002' })).headers.location))).body)).toEqual([meier.reference]);
    expect(listed((await get(String((await post(`${base}/suche`, { q: meier.reference.toLowerCase() })).headers.location))).body)).toEqual([meier.reference]);
    // A wildcard is taken as itself.
    expect(listed((await get(String((await post(`${base}/suche`, { q: '%' })).headers.location))).body)).toEqual([]);
    // Another caseworker cannot use my search id: the list says so and shows everything.
    const theirs = await get(location, colleague);
    expect(theirs.body).toContain('Diese Suche gibt es nicht mehr.');
    expect(listed(theirs.body)).toEqual(expect.arrayContaining([mueller.reference, meier.reference]));
    // The audit names the filter used, never the words.
    const rows = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'unterlagen.inbox.view'), eq(auditLog.actorId, caseworker.userId)));
    expect(rows.some((r) => r.purpose === 'filter=q')).toBe(true);
    expect(JSON.stringify(rows)).not.toContain('müll');
  });

  it('sorts by a column (aria-sort on it, the link reverses the order) and filters by the received date', async () => {
    const asc = await get(`${base}?sort=name&dir=asc`);
    expect(listed(asc.body).indexOf(meier.reference)).toBeLessThan(listed(asc.body).indexOf(mueller.reference));
    expect(asc.body).toMatch(/<th class="kern-table__header ww-col-name" scope="col" role="columnheader" aria-sort="ascending"><a class="kern-link ww-sort" href="[^"]*sort=name&amp;dir=desc"/);
    const desc = await get(`${base}?sort=name&dir=desc`);
    expect(listed(desc.body).indexOf(mueller.reference)).toBeLessThan(listed(desc.body).indexOf(meier.reference));
    expect((await get(`${base}?sort=unsinn`)).statusCode).toBe(200);
    const today = ctx.deps.clock.now().toISOString().slice(0, 10);
    const none = await get(String((await post(`${base}/suche`, { to: '2020-01-01' })).headers.location));
    expect(listed(none.body)).toEqual([]);
    const some = await get(String((await post(`${base}/suche`, { from: today, to: today })).headers.location));
    expect(listed(some.body)).toEqual(expect.arrayContaining([mueller.reference, meier.reference]));
  });

  it('pages through 30 submissions 25 at a time, or 50 on one page', async () => {
    const tdb = new TenantDb(ctx.database.db, ctx.tenant.id);
    const now = ctx.deps.clock.now();
    const start = await tdb.select(uploads);
    await tdb.insertMany(
      uploads,
      Array.from({ length: 30 - start.length }, (_, i) => ({
        id: crypto.randomUUID(),
        reference: `UP-PAGE-${String(i).padStart(2, '0')}`,
        receiptTokenHash: `page-${i}`,
        receiptExpiresAt: now,
        bgNummer: '33333BG0000003',
        lastName: `Seite${i}`,
        documentType: 'sonstiges',
        lang: 'de',
        receivedAt: new Date(now.getTime() - (i + 1) * 60_000),
        scanStatus: 'clean' as const,
      })),
    );
    const first = await get(base);
    expect(listed(first.body)).toHaveLength(25);
    expect(first.body).toContain('1–25 von 30 (Seite 1 von 2)');
    expect(first.body).toContain(`href="${base}?page=2" rel="next"`);
    const second = await get(`${base}?page=2`);
    expect(listed(second.body)).toHaveLength(5);
    expect(new Set([...listed(first.body), ...listed(second.body)]).size).toBe(30);
    expect(listed((await get(`${base}?size=50`)).body)).toHaveLength(30);
  });
});

describe('saved filters', () => {
  it('saves the search in force under a name, opens it, and deletes it; nobody else sees it', async () => {
    const search = String((await post(`${base}/suche`, { q: 'Meier', status: 'new' })).headers.location);
    const f = search.split('f=')[1]!;
    const saved = await post(`${base}/filter`, { name: 'Meiers neue', f, sort: 'name' });
    expect(saved.statusCode).toBe(303);
    const page = await get(String(saved.headers.location));
    expect(page.body).toContain('Filter gespeichert.');
    const [row] = await ctx.database.db.select().from(staffListFilters).where(and(eq(staffListFilters.userId, caseworker.userId), eq(staffListFilters.name, 'Meiers neue')));
    expect(row!.params).toEqual({ q: 'Meier', sort: 'name', status: 'new' });
    expect(page.body).toContain(`href="${base}?f=${row!.id}" aria-current="true">Meiers neue</a>`);
    expect((await get(base, colleague)).body).not.toContain('Meiers neue');
    expect((await post(`${base}/filter/${row!.id}/loeschen`, {}, colleague)).statusCode).toBe(404);
    expect((await post(`${base}/filter`, { name: '  ' })).headers.location).toContain('notice=nameMissing');
    const deleted = await post(`${base}/filter/${row!.id}/loeschen`, {});
    expect((await get(String(deleted.headers.location))).body).toContain('Filter gelöscht.');
    expect((await get(base)).body).not.toContain('Meiers neue');
  });
});

describe('bulk actions', () => {
  it('accepts the ticked new submissions, leaves decided ones, and audits each item', async () => {
    const a = await citizenUpload({ lastName: 'Bulk-A' });
    const b = await citizenUpload({ lastName: 'Bulk-B' });
    const c = await citizenUpload({ lastName: 'Bulk-C' });
    await post(`${base}/${c.id}/pruefung`, { decision: 'reject', reason: 'unreadable' });
    const res = await post(`${base}/sammel`, { action: 'accept', ids: [a.id, b.id, c.id] });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('2 Einreichungen als geprüft markiert');
    expect(res.body).toContain(`${c.reference}</a>: bereits geprüft`);
    const rows = await ctx.database.db.select().from(uploads).where(inArray(uploads.id, [a.id, b.id, c.id]));
    expect(Object.fromEntries(rows.map((r) => [r.id, r.reviewStatus]))).toEqual({ [a.id]: 'accepted', [b.id]: 'accepted', [c.id]: 'rejected' });
    const audits = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'unterlagen.accept'), eq(auditLog.purpose, 'bulk')));
    expect(audits.map((r) => r.objectId).sort()).toEqual([a.id, b.id].sort());
    expect((await post(`${base}/sammel`, { action: 'accept' })).headers.location).toContain('notice=emptySelection');
  });

  it('assigns the whole page to a colleague (without JavaScript: "all on this page"), and filters by "mine"', async () => {
    const page = await get(`${base}?size=100`);
    const ids = [...page.body.matchAll(/name="pageIds" value="([0-9a-f-]{36})"/g)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(30);
    const res = await post(`${base}/sammel`, { action: 'assign', allOnPage: '1', pageIds: ids, assignee: colleague.userId, size: '100' });
    expect(res.body).toMatch(/\d+ Einreichungen Testperson \d+ \(sachbearbeitung\) zugewiesen/);
    const audits = await ctx.database.db.select().from(auditLog).where(eq(auditLog.action, 'unterlagen.assign'));
    expect(audits).toHaveLength(ids.length);
    const mine = await get(String((await post(`${base}/suche`, { assigned: 'me' }, colleague)).headers.location), colleague);
    expect(listed(mine.body).length).toBe(Math.min(25, ids.length));
    const stranger = await loginAs(ctx, ['servicepoint']);
    const refused = await post(`${base}/sammel`, { action: 'assign', ids: [ids[0]!], assignee: stranger.userId });
    expect(refused.statusCode).toBe(422);
  });

  it('exports the selection as a ZIP of the PDFs with index.csv, one download audit per file', async () => {
    const a = await citizenUpload({ lastName: '=HYPERLINK("x")' });
    const b = await citizenUpload({ lastName: 'Zweiter' });
    const res = await post(`${base}/sammel`, { action: 'export', ids: [a.id, b.id] });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="Unterlagen-\d{4}-\d{2}-\d{2}\.zip"/);
    const zip = res.rawPayload;
    const names: string[] = [];
    for (let at = 0; zip.readUInt32LE(at) === 0x04034b50; ) {
      const size = zip.readUInt32LE(at + 18);
      const nameLength = zip.readUInt16LE(at + 26);
      names.push(zip.subarray(at + 30, at + 30 + nameLength).toString('utf8'));
      const data = zip.subarray(at + 30 + nameLength, at + 30 + nameLength + size);
      if (names.at(-1)!.endsWith('.pdf')) expect(data.subarray(0, 5).toString()).toBe('%PDF-');
      else expect(data.toString('utf8')).toContain(`${a.reference};`);
      if (names.length === 1) expect(data.toString('utf8')).toContain(`'=HYPERLINK`);
      at += 30 + nameLength + size;
    }
    expect(names[0]).toBe('index.csv');
    expect(names.slice(1).sort()).toEqual([`${a.reference}/1-Kontoauszug.pdf`, `${b.reference}/1-Kontoauszug.pdf`].sort());
    const audits = await ctx.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'unterlagen.download'), eq(auditLog.purpose, 'export')));
    expect(audits).toHaveLength(2);
  });
});

describe('review: save and next in the chosen order, and the inline preview', () => {
  it('goes to the next one below in the sorted list the caseworker came from', async () => {
    const x = await citizenUpload({ lastName: 'Aaa-Next' });
    const y = await citizenUpload({ lastName: 'Aab-Next' });
    const f = String((await post(`${base}/suche`, { q: 'aa', status: 'new' })).headers.location).split('f=')[1]!;
    const saved = await post(`${base}/${x.id}/pruefung`, { decision: 'accept', next: '1', f, sort: 'name', dir: 'asc' });
    expect(saved.headers.location).toBe(`${base}/${y.id}?f=${f}&sort=name&dir=asc&notice=saved`);
  });

  it('offers each clean PDF in a preview fed by the audited download route; pdf.js is served locally, nothing else of the package', async () => {
    const u = await citizenUpload({ lastName: 'Vorschau' });
    const page = await get(`${base}/${u.id}`);
    expect(page.body).toMatch(new RegExp(`<section class="ww-preview"[^>]* hidden data-pdf-preview="true" data-src="${base}/${u.id}/dateien/[0-9a-f-]{36}"`));
    expect(page.body).toContain('<script type="module" src="/assets/pdf-preview.js"></script>');
    const worker = await ctx.app.inject('/assets/pdfjs/build/pdf.worker.min.mjs');
    expect(worker.statusCode).toBe(200);
    expect(worker.headers['content-type']).toMatch(/javascript/);
    expect((await ctx.app.inject('/assets/pdfjs/build/pdf.min.mjs')).statusCode).toBe(200);
    expect((await ctx.app.inject('/assets/pdfjs/standard_fonts/FoxitSerif.pfb')).statusCode).toBe(200);
    expect((await ctx.app.inject('/assets/pdfjs/package.json')).statusCode).toBe(404);
    expect((await ctx.app.inject('/assets/pdfjs/build/pdf.sandbox.min.mjs')).statusCode).toBe(404);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });
});
