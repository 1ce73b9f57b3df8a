// Phone photos are answered at once and joined into one PDF by the background job afterwards: what the citizen's
// receipt says meanwhile, what the caseworker sees, a run killed half-way, and a conversion that cannot be done.
import { rename } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TenantDb } from '#shared/db/tenant-scope.js';
import { parseMasterKey, type DiskFileStore } from '#shared/files/index.js';
import { jobLeases } from '#shared/jobs/jobs.tables.js';
import { runJobOnce } from '#shared/jobs/worker.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { loginAs, type LoggedIn } from '../staff/testing.js';
import { claimConversion } from './conversion.repository.js';
import { conversionLeaseMs, convertPhotos, maxConversionAttempts } from './convert.js';
import { jpegWithGps, pdfWithPages, pngImage } from './files/test/fixtures.js';
import { cleanupStorage, unterlagenJobs } from './maintenance.js';
import { file, freeFields, multipart } from './test/multipart.js';
import { uploadFiles, uploads } from './unterlagen.tables.js';

let ctx: TestContext;
let caseworker: LoggedIn;
const staffBase = '/t/neue-wege/staff/unterlagen';
const api = '/api/v1/t/neue-wege';

beforeAll(async () => {
  ctx = await createTestContext();
});
// The tests move the clock past the leases, and so past a staff session's idle time.
beforeEach(async () => {
  caseworker = await loginAs(ctx, ['sachbearbeitung']);
});
afterAll(async () => ctx?.close());

const staffGet = (url: string) => ctx.app.inject({ url, cookies: caseworker.cookies });

interface Created {
  id: string;
  receiptToken: string;
  files: { name: string; size: number; sha256: string }[];
}

async function sendPhotos(): Promise<{ created: Created; jpeg: Buffer }> {
  const jpeg = await jpegWithGps(400, 300);
  const res = await ctx.app.inject({
    method: 'POST',
    url: `${api}/uploads`,
    ...multipart([...freeFields(), file('seite1.jpg', jpeg), file('seite2.png', await pngImage(300, 400))]),
  });
  expect(res.statusCode, res.body).toBe(201);
  return { created: res.json<Created>(), jpeg };
}

const receipt = async (created: Created) =>
  (await ctx.app.inject({ url: `${api}/uploads/${created.id}/receipt`, headers: { authorization: `Bearer ${created.receiptToken}` } })).json<{
    files: { name: string }[];
    documents: { name: string; sha256: string; pages: number; converting?: true }[];
  }>();

const rowsOf = async (uploadId: string) =>
  (await ctx.database.db.select().from(uploadFiles).where(eq(uploadFiles.uploadId, uploadId))).sort((a, b) => a.position - b.position);

const uploadOf = async (uploadId: string) => (await ctx.database.db.select().from(uploads).where(eq(uploads.id, uploadId)))[0]!;

/** Download links of the staff page, by the name shown. */
const links = (html: string) => [...html.matchAll(/href="([^"]+\/dateien\/[0-9a-f-]{36})" download>\s*([^<]+?)\s*</g)].map((m) => ({ href: m[1]!, name: m[2]! }));

describe('photos joined into a PDF after the answer', () => {
  it('answers 201 with the receipt at once; meanwhile the caseworker sees "wird aufbereitet" and can open the photos; then the job writes the PDF', async () => {
    const { created, jpeg } = await sendPhotos();
    expect(created.files.map((f) => f.name)).toEqual(['seite1.jpg', 'seite2.png']);

    const before = await receipt(created);
    expect(before.files.map((f) => f.name)).toEqual(['seite1.jpg', 'seite2.png']);
    expect(before.documents).toEqual([expect.objectContaining({ name: 'Fotos (2 Seiten).pdf', pages: 2, sha256: '', converting: true })]);
    expect((await uploadOf(created.id)).conversion).toBe('pending');

    const inbox = await staffGet(staffBase);
    expect(inbox.body).toContain('wird aufbereitet');
    const page = await staffGet(`${staffBase}/${created.id}`);
    expect(page.body).toContain('Die Fotos werden gerade zu einem PDF zusammengefasst.');
    const photoLinks = links(page.body);
    expect(photoLinks.map((l) => l.name)).toEqual(['seite1.jpg', 'seite2.png']);
    const opened = await staffGet(photoLinks[0]!.href);
    expect(opened.statusCode).toBe(200);
    expect(opened.rawPayload.equals(jpeg)).toBe(true);

    expect(await convertPhotos(ctx.deps)).toEqual({ converted: 1, failed: 0, later: 0 });

    expect((await uploadOf(created.id)).conversion).toBeNull();
    const rows = await rowsOf(created.id);
    expect(rows.map((r) => [r.name, r.pages, r.storageState])).toEqual([['Fotos (2 Seiten).pdf', 2, 'stored']]);
    // The photos are gone from the store as well.
    expect(await ctx.deps.fileStore.locate(rows[0]!.tenantId, photoLinks[0]!.href.split('/').pop()!)).toBe('none');
    const after = await staffGet(`${staffBase}/${created.id}`);
    expect(after.body).not.toContain('wird aufbereitet');
    expect(links(after.body).map((l) => l.name)).toEqual(['Fotos (2 Seiten).pdf']);
    const pdf = await staffGet(links(after.body)[0]!.href);
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The receipt keeps its promise: the same files as sent, now with the PDF's check sum.
    const done = await receipt(created);
    expect(done.files).toEqual(before.files);
    expect(done.documents).toEqual([expect.objectContaining({ name: 'Fotos (2 Seiten).pdf', pages: 2, sha256: rows[0]!.sha256 })]);
    expect(done.documents[0]!.converting).toBeUndefined();
  });

  it('takes a PDF again whose run was killed half-way once its lease is over, and the job lease left behind too', async () => {
    const { created } = await sendPhotos();
    const [pdfRow] = await rowsOf(created.id);
    const tdb = new TenantDb(ctx.database.db, pdfRow!.tenantId);
    // A run took the PDF and the job's lease, and the process was killed (nothing released).
    const now = ctx.clock.now();
    expect(await claimConversion(tdb, pdfRow!.id, now, new Date(now.getTime() + conversionLeaseMs))).toBe(1);
    await ctx.database.db.insert(jobLeases).values({ name: 'unterlagen.convert', leasedUntil: new Date(now.getTime() + 60_000) }).onConflictDoUpdate({ target: jobLeases.name, set: { leasedUntil: new Date(now.getTime() + 60_000) } });
    const job = unterlagenJobs.find((j) => j.name === 'unterlagen.convert')!;

    expect(await runJobOnce(ctx.deps, job)).toBe(false);
    ctx.clock.advance(61_000);
    expect(await runJobOnce(ctx.deps, job)).toBe(true);
    // The job ran, but the PDF is still held by the killed run: its photos stay, nothing is lost.
    expect((await rowsOf(created.id)).map((r) => r.storageState)).toEqual(['converting', 'stored', 'stored']);

    ctx.clock.advance(conversionLeaseMs);
    expect(await runJobOnce(ctx.deps, job)).toBe(true);
    const rows = await rowsOf(created.id);
    expect(rows.map((r) => [r.name, r.storageState, r.conversionAttempts])).toEqual([['Fotos (2 Seiten).pdf', 'stored', 2]]);
  });

  it('gives a PDF up after repeated killed runs and keeps the photos for the caseworker', async () => {
    const { created } = await sendPhotos();
    const [pdfRow] = await rowsOf(created.id);
    const tdb = new TenantDb(ctx.database.db, pdfRow!.tenantId);
    for (let run = 1; run <= maxConversionAttempts; run++) {
      const now = ctx.clock.now();
      expect(await claimConversion(tdb, pdfRow!.id, now, new Date(now.getTime() + conversionLeaseMs))).toBe(run);
      ctx.clock.advance(conversionLeaseMs + 1);
    }
    expect(await convertPhotos(ctx.deps)).toEqual({ converted: 0, failed: 1, later: 0 });
    expect((await uploadOf(created.id)).conversion).toBe('failed');
    expect((await rowsOf(created.id)).map((r) => r.storageState)).toEqual(['conversion-failed', 'stored', 'stored']);
  });

  it('marks the upload when the photos cannot be joined: the photos stay, openable, and the receipt lists them as stored', async () => {
    const { created } = await sendPhotos();
    const rows = await rowsOf(created.id);
    const photo = rows[1]!;
    // The stored photo is damaged (only the bytes change; the check of the upload had passed).
    const store = ctx.deps.fileStore;
    const damaged = await store.stage(photo.tenantId, photo.id, Readable.from([Buffer.from('not a photo any more')]), parseMasterKey(ctx.deps.config.filesMasterKey));
    await store.commit(photo.tenantId, photo.id);
    await ctx.database.db.update(uploadFiles).set({ wrappedKey: damaged.wrappedKey.toString('base64') }).where(eq(uploadFiles.id, photo.id));

    expect(await convertPhotos(ctx.deps)).toEqual({ converted: 0, failed: 1, later: 0 });
    const upload = await uploadOf(created.id);
    expect(upload.conversion).toBe('failed');
    expect((await rowsOf(created.id)).map((r) => r.storageState)).toEqual(['conversion-failed', 'stored', 'stored']);
    // Nothing left for the job, and no partial PDF.
    expect(await convertPhotos(ctx.deps)).toEqual({ converted: 0, failed: 0, later: 0 });
    expect(await store.locate(photo.tenantId, rows[0]!.id)).toBe('none');

    expect((await staffGet(staffBase)).body).toContain('Aufbereitung fehlgeschlagen');
    const page = await staffGet(`${staffBase}/${created.id}`);
    expect(page.body).toContain('Die Fotos konnten nicht zu einem PDF zusammengefasst werden.');
    expect(links(page.body).map((l) => l.name)).toEqual(['seite1.jpg', 'seite2.png']);
    expect((await staffGet(links(page.body)[1]!.href)).statusCode).toBe(200);
    const listed = await receipt(created);
    expect(listed.files.map((f) => f.name)).toEqual(['seite1.jpg', 'seite2.png']);
    expect(listed.documents.map((d) => [d.name, d.pages])).toEqual([
      ['seite1.jpg', 1],
      ['seite2.png', 1],
    ]);
  });

  it('marks only its own PDF as stored: a document of the same upload that a crash left staged is rolled forward by the cleanup', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: `${api}/uploads`,
      ...multipart([...freeFields(), file('lohn.pdf', await pdfWithPages(2)), file('seite.jpg', await jpegWithGps(400, 300))]),
    });
    expect(res.statusCode, res.body).toBe(201);
    const uploadId = res.json<Created>().id;
    const store = ctx.deps.fileStore as DiskFileStore;
    // Killed after the commit, before the files were moved into place: both documents are still staged.
    const sent = (await rowsOf(uploadId)).filter((r) => r.storageState === 'stored');
    expect(sent.map((r) => r.name)).toEqual(['lohn.pdf', 'seite.jpg']);
    for (const row of sent) {
      await rename(store.finalPath(row.tenantId, row.id), store.stagedPath(row.tenantId, row.id));
      await ctx.database.db.update(uploadFiles).set({ storageState: 'staged' }).where(eq(uploadFiles.id, row.id));
    }

    expect(await convertPhotos(ctx.deps)).toEqual({ converted: 1, failed: 0, later: 0 });
    const lohn = sent[0]!;
    // The job moved its PDF only; the citizen's own PDF is still staged and says so.
    expect((await rowsOf(uploadId)).map((r) => [r.name, r.storageState])).toEqual([
      ['lohn.pdf', 'staged'],
      ['Foto (1 Seite).pdf', 'stored'],
    ]);
    expect(await store.locate(lohn.tenantId, lohn.id)).toBe('staged');

    // The cleanup leaves rows younger than its cut-off to the request that may still be writing them.
    ctx.clock.advance(1_000);
    expect(await cleanupStorage(ctx.deps, 0)).toMatchObject({ rolledForward: 1, missing: 0 });
    expect(await store.locate(lohn.tenantId, lohn.id)).toBe('final');
    expect((await rowsOf(uploadId)).map((r) => r.storageState)).toEqual(['stored', 'stored']);

    // What an earlier release could leave: a row marked stored whose file was never moved. The cleanup moves it.
    await rename(store.finalPath(lohn.tenantId, lohn.id), store.stagedPath(lohn.tenantId, lohn.id));
    expect(await cleanupStorage(ctx.deps, 0)).toMatchObject({ rolledForward: 1, stagedRemoved: 0 });
    expect(await store.locate(lohn.tenantId, lohn.id)).toBe('final');
  });
});
