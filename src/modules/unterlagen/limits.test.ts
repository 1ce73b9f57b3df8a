// Size and count limits hold while the request streams; the HTML form (no JavaScript) gets the same checks.
import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { encryptedPdf, pdfWithPages } from './files/test/fixtures.js';
import { file, freeFields, multipart, type Part } from './test/multipart.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ env: { UPLOAD_MAX_FILE_MB: '1', UPLOAD_MAX_TOTAL_MB: '2' } });
});
afterAll(async () => ctx?.close());

const post = (parts: Part[], url = '/api/v1/t/neue-wege/uploads') => ctx.app.inject({ method: 'POST', url, ...multipart(parts) });
const errors = (body: string) => (JSON.parse(body) as { errors: { field: string; code: string; message: string }[] }).errors;
const mb = (n: number) => randomBytes(Math.round(n * 1024 * 1024));

describe('upload limits', () => {
  it('cuts a file off at the per-file limit and names it', async () => {
    const res = await post([...freeFields(), file('gross.pdf', mb(1.5)), file('klein.pdf', await pdfWithPages(1))]);
    expect(res.statusCode).toBe(422);
    expect(errors(res.body)).toEqual([{ field: 'file', code: 'too-large', message: '„gross.pdf“ ist größer als 1 MB. Bitte verkleinern Sie die Datei oder teilen Sie sie auf.' }]);
  });

  it('stops storing at the total limit of a submission', async () => {
    const res = await post([...freeFields(), file('a.pdf', mb(0.9)), file('b.pdf', mb(0.9)), file('c.pdf', mb(0.9))]);
    expect(res.statusCode).toBe(422);
    expect(errors(res.body)).toEqual([{ field: 'file', code: 'total-too-large', message: expect.stringContaining('größer als 2 MB') }]);
  });

  it('refuses more than 20 files', async () => {
    const pdf = await pdfWithPages(1);
    const res = await post([...freeFields(), ...Array.from({ length: 21 }, (_v, i) => file(`${i}.pdf`, pdf))]);
    expect(res.statusCode).toBe(422);
    expect(errors(res.body)[0]!.code).toBe('too-many-files');
  });

  it('cuts the connection of a request far beyond the limits before reading it', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/t/neue-wege/uploads', headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(10 * 1024 * 1024) }, payload: '' });
    expect(res.statusCode).toBe(413);
    expect(res.json<{ detail: string }>().detail).toBe('Alle Dateien zusammen sind größer als 2 MB. Bitte senden Sie die Unterlagen in mehreren Schritten.');
  });

  it('leaves no plaintext behind after refusals', async () => {
    const store = ctx.deps.fileStore;
    expect(await readdir(store.incomingDir)).toEqual([]);
  });
});

describe('the form without JavaScript', () => {
  it('is a multipart form with a native file input', async () => {
    const page = await ctx.app.inject('/t/neue-wege/unterlagen/frei');
    expect(page.body).toContain('enctype="multipart/form-data"');
    expect(page.body).toMatch(/<input class="ww-file-input" type="file" id="f-file" name="file" multiple accept="application\/pdf,image\/jpeg,image\/png,image\/heic/);
  });

  it('shows refusals in the error summary, keeps the answers, and redirects to the receipt on success', async () => {
    const bad = await post([...freeFields({ bgNummer: '12345BG0012345', lastName: 'Muster' }), file('passwort.pdf', encryptedPdf())], '/t/neue-wege/unterlagen/frei');
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('<a class="kern-link" href="#f-file">„passwort.pdf“ ist mit einem Passwort geschützt.');
    expect(bad.body).toContain('value="Muster"');
    expect(bad.body).toContain('aria-invalid="true"');

    const good = await post([...freeFields(), file('ok.pdf', await pdfWithPages(1))], '/t/neue-wege/unterlagen/frei');
    expect(good.statusCode).toBe(303);
    const receipt = await ctx.app.inject(good.headers.location!);
    expect(receipt.statusCode).toBe(200);
    expect(receipt.body).toContain('Eingangsbestätigung');
    expect(receipt.body).toContain('25.11.2026, 10:00 Uhr');
    const pdf = await ctx.app.inject(`${good.headers.location}/pdf`);
    expect(pdf.headers['content-disposition']).toMatch(/^attachment;/);
    expect((await ctx.app.inject('/t/neue-wege/unterlagen/quittung/' + 'x'.repeat(43))).statusCode).toBe(404);
  });
});
