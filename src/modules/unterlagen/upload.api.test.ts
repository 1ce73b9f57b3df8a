// createUpload and getUploadReceipt through HTTP, against a real database and a real clamd.
import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { PassThrough, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { eq } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TenantDb } from '#shared/db/tenant-scope.js';
import { outboxMessages } from '#shared/mail/mail.tables.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import type { DiskFileStore } from '#shared/files/index.js';
import { parseMasterKey } from '#shared/files/index.js';
import { findClamd, startClamd, type ClamdFixture } from '#shared/files/test/clamd-fixture.js';
import {
  elfExecutable,
  encryptedPdf,
  exifMarker,
  handmadePdf,
  jpegWithGps,
  pdfWithPages,
  peWithPdfInside,
  pngClaimingSize,
  pngImage,
  tinyHeic,
  zipArchive,
} from './files/test/fixtures.js';
import { convertPhotos } from './convert.js';
import { setBgNummerFormat } from './settings.service.js';
import { file, freeFields, multipart, type Part } from './test/multipart.js';
import { markAsInfected } from './test/signatures.js';
import { uploadFiles, uploads } from './unterlagen.tables.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const api = '/api/v1/t/neue-wege';

interface ProblemBody {
  status: number;
  errors: { field: string; code: string; message: string }[];
}

describe.skipIf(!findClamd())('createUpload through HTTP with a real clamd', () => {
  let clamd: ClamdFixture;
  let ctx: TestContext;
  const post = (parts: Part[], url = `${api}/uploads`) => ctx.app.inject({ method: 'POST', url, ...multipart(parts) });

  beforeAll(async () => {
    clamd = await startClamd();
    ctx = await createTestContext({ env: { CLAMD_HOST: clamd.host, CLAMD_PORT: String(clamd.port) } });
  });
  afterAll(async () => {
    await ctx?.close();
    await clamd?.stop();
  });

  async function decrypted(row: typeof uploadFiles.$inferSelect): Promise<Buffer> {
    const store = ctx.deps.fileStore;
    const chunks: Buffer[] = [];
    const stream = await store.openDecrypted(row.tenantId, row.id, Buffer.from(row.wrappedKey, 'base64'), parseMasterKey(ctx.deps.config.filesMasterKey));
    await pipeline(stream, new Writable({ write: (chunk: Buffer, _e, cb) => (chunks.push(chunk), cb()) }));
    return Buffer.concat(chunks);
  }

  it('keeps a PDF as sent and turns phone photos into one PDF, in order, without EXIF or GPS, encrypted at rest', async () => {
    const pdf = await pdfWithPages(2);
    const jpeg = await jpegWithGps(400, 300, 6);
    const png = await pngImage(300, 400);
    const res = await post([...freeFields(), file('Lohnabrechnung März.pdf', pdf), file('seite1.jpg', jpeg), file('IMG_0002.HEIC', tinyHeic), file('seite3.png', png)]);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<{ id: string; reference: string; status: string; receivedAt: string; files: { name: string; size: number; sha256: string }[] }>();
    expect(body.status).toBe('received');
    expect(body.reference).toMatch(/^UN-2026-[0-9A-Z]{6}$/);
    expect(body.receivedAt).toBe('2026-11-25T09:00:00.000Z');
    expect(body.files).toEqual([
      { name: 'Lohnabrechnung März.pdf', size: pdf.length, sha256: sha256(pdf) },
      { name: 'seite1.jpg', size: jpeg.length, sha256: sha256(jpeg) },
      { name: 'IMG_0002.HEIC', size: tinyHeic.length, sha256: sha256(tinyHeic) },
      { name: 'seite3.png', size: png.length, sha256: sha256(png) },
    ]);

    const filesOfUpload = async () =>
      (await ctx.database.db.select().from(uploadFiles).where(eq(uploadFiles.uploadId, body.id))).sort((a, b) => a.position - b.position);
    // Answered before the photos are joined: they are stored as sent (and scanned), the PDF is still to be made.
    expect((await filesOfUpload()).map((r) => [r.name, r.pages, r.scanStatus, r.storageState])).toEqual([
      ['Lohnabrechnung März.pdf', 2, 'clean', 'stored'],
      ['Fotos (3 Seiten).pdf', 3, 'clean', 'converting'],
      ['seite1.jpg', 1, 'clean', 'stored'],
      ['IMG_0002.HEIC', 1, 'clean', 'stored'],
      ['seite3.png', 1, 'clean', 'stored'],
    ]);
    expect(await convertPhotos(ctx.deps)).toEqual({ converted: 1, failed: 0, later: 0 });
    const rows = await filesOfUpload();
    expect(rows.map((r) => [r.name, r.pages, r.scanStatus, r.storageState])).toEqual([
      ['Lohnabrechnung März.pdf', 2, 'clean', 'stored'],
      ['Fotos (3 Seiten).pdf', 3, 'clean', 'stored'],
    ]);
    // The PDF is byte for byte what was sent.
    expect(sha256(await decrypted(rows[0]!))).toBe(sha256(pdf));
    // The photos: one page each, the rotated JPEG (EXIF orientation 6) now portrait, no metadata left.
    const photos = await decrypted(rows[1]!);
    const document = await PDFDocument.load(photos);
    expect(document.getPageCount()).toBe(3);
    const [first] = document.getPages();
    expect(first!.getWidth()).toBeLessThan(first!.getHeight());
    expect(photos.includes(exifMarker)).toBe(false);
    expect(photos.includes('GPS')).toBe(false);
    expect(rows[1]!.sha256).toBe(sha256(photos));
    // At rest only ciphertext; no plaintext left behind.
    const store = ctx.deps.fileStore as DiskFileStore;
    const onDisk = await readFile(store.finalPath(rows[0]!.tenantId, rows[0]!.id));
    expect(onDisk.subarray(0, 4).toString('latin1')).toBe('WGF1');
    expect(onDisk.includes('%PDF')).toBe(false);
    expect(await readdir(store.incomingDir)).toEqual([]);
  });

  const corpus: { label: string; name: string; bytes: () => Promise<Buffer> | Buffer; code: string }[] = [
    { label: 'empty file', name: 'leer.pdf', bytes: () => Buffer.alloc(0), code: 'empty' },
    { label: 'ELF executable named .pdf', name: 'bescheid.pdf', bytes: elfExecutable, code: 'type-not-allowed' },
    { label: 'PE executable with a PDF inside', name: 'bescheid.pdf', bytes: async () => peWithPdfInside(await pdfWithPages(1)), code: 'type-not-allowed' },
    { label: 'ZIP named .jpg', name: 'foto.jpg', bytes: () => zipArchive('a.txt', Buffer.from('x')), code: 'type-not-allowed' },
    { label: 'PDF with a ZIP appended', name: 'lohn.pdf', bytes: async () => Buffer.concat([await pdfWithPages(1), zipArchive('x.js', Buffer.from('alert(1)'))]), code: 'type-not-allowed' },
    { label: 'JPEG with a ZIP appended', name: 'foto.jpg', bytes: async () => Buffer.concat([await jpegWithGps(), zipArchive('x.exe', elfExecutable())]), code: 'type-not-allowed' },
    { label: 'PNG claiming 50,000 × 50,000 pixels', name: 'scan.png', bytes: () => pngClaimingSize(50_000, 50_000), code: 'too-many-pixels' },
    { label: 'encrypted PDF', name: 'verschluesselt.pdf', bytes: encryptedPdf, code: 'pdf-encrypted' },
    { label: 'PDF header followed by garbage', name: 'kaputt.pdf', bytes: () => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x41)]), code: 'pdf-broken' },
    { label: 'first half of a PDF', name: 'halb.pdf', bytes: async () => (await pdfWithPages(2)).subarray(0, 600), code: 'pdf-broken' },
    { label: 'truncated JPEG', name: 'foto.jpg', bytes: async () => (await jpegWithGps(400, 300)).subarray(0, 400), code: 'image-broken' },
    { label: 'HEIC cut off', name: 'IMG.heic', bytes: () => tinyHeic.subarray(0, 200), code: 'image-broken' },
    { label: 'PDF named .jpg', name: 'foto.jpg', bytes: () => pdfWithPages(1), code: 'extension-mismatch' },
    { label: 'right-to-left override in the name', name: 'scan\u202Egpj.pdf', bytes: () => pdfWithPages(1), code: 'name-invalid' },
  ];

  it.each(corpus)('refuses $label with 422 naming the file ($code), and stores nothing', async ({ name, bytes, code }) => {
    const before = await ctx.database.db.select({ id: uploads.id }).from(uploads);
    const res = await post([...freeFields(), file('gut.pdf', await pdfWithPages(1)), file(name, await bytes())]);
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = res.json<ProblemBody>();
    expect(problem.errors).toHaveLength(1);
    expect(problem.errors[0]).toMatchObject({ field: 'file', code });
    expect(problem.errors[0]!.message).toContain(name.replace('\u202E', ''));
    expect(await ctx.database.db.select({ id: uploads.id }).from(uploads)).toHaveLength(before.length);
  });

  it('explains what to do instead, in the language asked for', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: `${api}/uploads?lang=en`, ...multipart([...freeFields(), file('secret.pdf', encryptedPdf())]) });
    expect(res.json<ProblemBody>().errors[0]!.message).toBe(
      '“secret.pdf” is protected by a password. Save or print the document as a PDF without a password, or send photos of the pages.',
    );
  });

  it('refuses an infected file, keeps it in quarantine and alerts the jobcenter', async () => {
    const infected = handmadePdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Comment (infected-test) >>',
    ]);
    await markAsInfected(clamd, infected, 'Wegweiser.Test.PDF');
    const res = await post([...freeFields({ email: 'person@example.org' }), file('rechnung.pdf', infected)]);
    expect(res.statusCode).toBe(422);
    expect(res.json<ProblemBody>().errors).toEqual([{ field: 'file', code: 'infected', message: expect.stringContaining('„rechnung.pdf“') }]);

    const [quarantined] = await ctx.database.db.select().from(uploads).where(eq(uploads.scanStatus, 'infected'));
    expect(quarantined).toBeDefined();
    expect(quarantined!.deleteAfter).not.toBeNull();
    const [row] = await ctx.database.db.select().from(uploadFiles).where(eq(uploadFiles.uploadId, quarantined!.id));
    expect(row).toMatchObject({ scanStatus: 'infected', scanSignature: 'Wegweiser.Test.PDF.UNOFFICIAL', storageState: 'stored' });
    const mails = await ctx.database.db.select().from(outboxMessages);
    expect(mails.filter((m) => m.kind === 'unterlagen.infected-alert').map((m) => m.to)).toEqual(['info@neue-wege.org']);
    expect(mails.some((m) => m.kind === 'unterlagen.receipt' && m.to === 'person@example.org')).toBe(false);
  });

  it('checks the BG-Nummer for its format only, by the tenant setting', async () => {
    const wrong = await post([...freeFields({ bgNummer: '12345-0012345' }), file('a.pdf', await pdfWithPages(1))]);
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json<ProblemBody>().errors[0]).toMatchObject({ field: 'bgNummer', message: expect.stringContaining('12345BG0012345') });
    // Well-formed is enough: whether the number exists is never revealed.
    const unknown = await post([...freeFields({ bgNummer: '99999 bg 9999999' }), file('a.pdf', await pdfWithPages(1))]);
    expect(unknown.statusCode).toBe(201);

    await setBgNummerFormat(new TenantDb(ctx.database.db, ctx.otherTenant.id), { pattern: '[A-Z]{2}-[0-9]{6}', example: 'AB-123456' });
    const ba = await post([...freeFields(), file('a.pdf', await pdfWithPages(1))], '/api/v1/t/muster-kreis/uploads');
    expect(ba.json<ProblemBody>().errors[0]!.message).toContain('AB-123456');
    const own = await post([...freeFields({ bgNummer: 'ab-123456' }), file('a.pdf', await pdfWithPages(1))], '/api/v1/t/muster-kreis/uploads');
    expect(own.statusCode).toBe(201);
  });

  it('lists every missing field and the missing file at once', async () => {
    const res = await post([{ name: 'documentType', value: 'gibt-es-nicht' }]);
    expect(res.statusCode).toBe(422);
    expect(res.json<ProblemBody>().errors.map((e) => e.field)).toEqual(['bgNummer', 'lastName', 'birthDate', 'documentType', 'file']);
  });

  it('names what is missing in each message, not just "this field"', async () => {
    const res = await post([{ name: 'documentType', value: 'sonstiges' }]);
    const messages = res.json<ProblemBody>().errors.map((e) => e.message);
    expect(messages).toContain('Bitte geben Sie Ihre BG-Nummer oder Antragsnummer ein. Die BG-Nummer steht oben in Ihrem Bescheid.');
    expect(messages).toContain('Bitte geben Sie Ihren Nachnamen ein.');
    expect(messages).toContain('Bitte geben Sie Ihr Geburtsdatum ein, zum Beispiel 31.01.1980.');
    const code = await ctx.app.inject({ method: 'POST', url: '/t/neue-wege/unterlagen/code?lang=en', payload: { code: '' } });
    expect(code.statusCode).toBe(422);
    expect(code.body).toContain('Enter the code from the letter or e-mail.');
  });

  it('gives the receipt as JSON or PDF with the bearer token, and nothing without the right token', async () => {
    const a = (await post([...freeFields(), file('a.pdf', await pdfWithPages(1))])).json<{ id: string; reference: string; receiptToken: string }>();
    const b = (await post([...freeFields(), file('b.pdf', await pdfWithPages(1))])).json<{ id: string; receiptToken: string }>();
    const receipt = (id: string, token?: string, extra: Record<string, string> = {}, base = api) =>
      ctx.app.inject({ url: `${base}/uploads/${id}/receipt`, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra } });

    const json = await receipt(a.id, a.receiptToken);
    expect(json.statusCode).toBe(200);
    expect(json.json()).toMatchObject({ reference: a.reference, status: 'received', scanStatus: 'clean', tenant: { name: ctx.tenant.name } });

    const pdf = await receipt(a.id, a.receiptToken, { accept: 'application/pdf' });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe(`attachment; filename="Eingangsbestaetigung-${a.reference}.pdf"; filename*=UTF-8''Eingangsbestaetigung-${a.reference}.pdf`);
    expect(pdf.headers['x-content-type-options']).toBe('nosniff');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    expect((await receipt(a.id)).statusCode).toBe(401);
    expect((await receipt(a.id, b.receiptToken)).statusCode).toBe(404);
    expect((await receipt(b.id, a.receiptToken)).statusCode).toBe(404);
    expect((await receipt(a.id, a.receiptToken, {}, '/api/v1/t/muster-kreis')).statusCode).toBe(404);
  });

  it('sends the receipt by e-mail, with the PDF, when an address is given', async () => {
    const res = await post([...freeFields({ email: 'kundin@example.org' }), file('a.pdf', await pdfWithPages(1))]);
    const { reference, receiptToken } = res.json<{ reference: string; receiptToken: string }>();
    const [mail] = (await ctx.database.db.select().from(outboxMessages).where(eq(outboxMessages.to, 'kundin@example.org'))).filter((m) => m.kind === 'unterlagen.receipt');
    expect(mail!.subject).toBe(`Eingangsbestätigung ${reference}`);
    expect(mail!.text).toContain(`/t/neue-wege/unterlagen/quittung/${receiptToken}`);
    expect(mail!.attachments[0]).toMatchObject({ contentType: 'application/pdf', filename: `Eingangsbestaetigung-${reference}.pdf` });
  });

  it('encrypts a file while it arrives: its staged copy is there before the body ends, and it is the file stored', async () => {
    const store = ctx.deps.fileStore;
    const document = await PDFDocument.create();
    document.addPage([595, 842]);
    await document.attach(randomBytes(3 * 1024 * 1024), 'anlage.bin', { mimeType: 'application/octet-stream' });
    const pdf = Buffer.from(await document.save());
    const { payload, headers } = multipart([...freeFields(), file('gross.pdf', pdf)]);
    const stage = vi.spyOn(store, 'stage');
    try {
      const body = new PassThrough();
      const answer = ctx.app.inject({ method: 'POST', url: `${api}/uploads`, headers, payload: body });
      // All but the last megabyte, a piece at a time once the server has taken the one before. The streams between
      // the request and the staging tap hold a few hundred kilobytes at most, so when the server has taken 2 MB of
      // the file its first bytes have passed the tap: a copy started while the file arrives has started by now.
      const head = payload.subarray(0, payload.length - 1024 * 1024);
      for (let at = 0; at < head.length; at += 64 * 1024) {
        await new Promise((taken) => body.write(head.subarray(at, at + 64 * 1024), taken));
      }
      expect(stage, 'the encrypted copy was started before the body ended').toHaveBeenCalledOnce();
      const fileId = stage.mock.calls[0]![1];
      // Started, it is on disk once its file is opened: waited for as a condition, not for a time.
      while (!(await store.listStaged()).some((entry) => entry.fileId === fileId)) await sleep(10);
      body.end(payload.subarray(head.length));
      const res = await answer;
      expect(res.statusCode).toBe(201);
      const [row] = await ctx.database.db.select().from(uploadFiles).where(eq(uploadFiles.uploadId, res.json<{ id: string }>().id));
      expect(row!.id).toBe(fileId);
      expect(stage).toHaveBeenCalledOnce();
      // By hash: toEqual on two 3 MB buffers compares them byte by byte and took 8 s of CPU.
      expect(sha256(await decrypted(row!))).toBe(sha256(pdf));
      expect(await store.listStaged()).toEqual([]);
    } finally {
      stage.mockRestore();
    }
  });

  it('leaves no encrypted copy of a refused submission behind', async () => {
    const store = ctx.deps.fileStore;
    const res = await post([...freeFields(), file('bescheid.pdf', await pdfWithPages(1)), file('programm.pdf', elfExecutable())]);
    expect(res.statusCode).toBe(422);
    expect(await store.listStaged()).toEqual([]);
    expect(await store.listStored()).toHaveLength((await ctx.database.db.select().from(uploadFiles)).length);
  });

  it('documents both operations, and the multipart body, in OpenAPI', async () => {
    const spec = (await ctx.app.inject('/api/openapi.json')).json<{ paths: Record<string, Record<string, { operationId: string; requestBody?: { content: Record<string, unknown> } }>> }>();
    const create = spec.paths['/api/v1/t/{tenant}/uploads']!.post!;
    expect(create.operationId).toBe('createUpload');
    expect(Object.keys(create.requestBody!.content)).toEqual(['multipart/form-data']);
    expect(spec.paths['/api/v1/t/{tenant}/uploads/{id}/receipt']!.get!.operationId).toBe('getUploadReceipt');
  });
});
