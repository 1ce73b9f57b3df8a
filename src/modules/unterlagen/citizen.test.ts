// The citizen's upload forms through HTTP: files held after a refusal, a type per file group, the application
// reference as the key (and its case on the caseworker's pages), and receipts linked from the request's page.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TenantDb } from '#shared/db/tenant-scope.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { formSubmissions } from '../forms/testing.js';
import { householdOfThree, injectClient, runJourney } from '../antrag/testing.js';
import { loginAs } from '../staff/testing.js';
import { pdfWithPages } from './files/test/fixtures.js';
import { createMitwirkungsaufforderung } from './index.js';
import { cleanupStorage } from './maintenance.js';
import { file, freeFields, multipart, type Part } from './test/multipart.js';
import { heldUploadFiles, uploadFiles, uploads } from './unterlagen.tables.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

const free = '/t/neue-wege/unterlagen/frei';
const post = (parts: Part[], url = free) => ctx.app.inject({ method: 'POST', url, ...multipart(parts) });
const field = (name: string, value: string): Part => ({ name, value });
const heldToken = (body: string) => /name="heldToken" value="([A-Za-z0-9_-]{43})"/.exec(body)?.[1];
// A fresh sign-in each time: the tests move the clock past the session's idle time.
const staffGet = async (url: string) => ctx.app.inject({ method: 'GET', url, cookies: (await loginAs(ctx, ['sachbearbeitung'])).cookies });
const db = () => ctx.deps.database.db;

describe('files already received survive a refused form', () => {
  it('holds three files after a missing field, lists them as received, and sends them with the corrected form', async () => {
    const pdfs = await Promise.all([1, 2, 3].map((n) => pdfWithPages(n)));
    const stage = vi.spyOn(ctx.deps.fileStore, 'stage');
    const refused = await post([
      ...freeFields({ lastName: '' }),
      file('auszug-august.pdf', pdfs[0]!),
      file('auszug-september.pdf', pdfs[1]!),
      file('auszug-oktober.pdf', pdfs[2]!),
    ]);
    expect(refused.statusCode).toBe(422);
    // Each file was encrypted once, while it arrived: that copy is the one held.
    expect(stage).toHaveBeenCalledTimes(3);
    stage.mockRestore();
    expect(refused.body).toContain('Bitte geben Sie Ihren Nachnamen ein.');
    expect(refused.body).toContain('Bereits empfangen:');
    expect(refused.body).toContain('Diese 3 Dateien haben wir schon.');
    for (const name of ['auszug-august.pdf', 'auszug-september.pdf', 'auszug-oktober.pdf']) expect(refused.body).toContain(name);
    // The file field is no longer required: the files are there.
    expect(refused.body).not.toMatch(/id="f-file" name="file" multiple accept="[^"]*" required/);
    const token = heldToken(refused.body)!;
    expect(token).toBeDefined();
    const held = await db().select().from(heldUploadFiles);
    expect(held).toHaveLength(3);
    expect(held.map((h) => h.tokenHash)).not.toContain(token);

    const sent = await post([...freeFields(), field('heldToken', token)]);
    expect(sent.statusCode).toBe(303);
    const receipt = await ctx.app.inject(sent.headers.location!);
    for (const name of ['auszug-august.pdf', 'auszug-september.pdf', 'auszug-oktober.pdf']) expect(receipt.body).toContain(name);
    expect(await db().select().from(heldUploadFiles)).toHaveLength(0);
    expect(await ctx.deps.fileStore.listStaged()).toEqual([]);
  });

  it('leaves out a held file the citizen ticks, and keeps the held ones through a second refusal', async () => {
    const first = await post([...freeFields({ birthDate: '' }), file('behalten.pdf', await pdfWithPages(1)), file('falsch.pdf', await pdfWithPages(1))]);
    const token = heldToken(first.body)!;
    const positions = [...first.body.matchAll(/name="remove\.(\d+)"/g)].map((m) => m[1]);
    expect(positions).toEqual(['1', '2']);
    expect(first.body).toContain('„falsch.pdf“ nicht mitsenden');

    // Still a field missing, one more file chosen: now three files are held under the same token.
    const second = await post([...freeFields({ birthDate: '' }), field('heldToken', token), file('dazu.pdf', await pdfWithPages(2))]);
    expect(second.statusCode).toBe(422);
    expect(heldToken(second.body)).toBe(token);
    expect(second.body).toContain('dazu.pdf');

    const sent = await post([...freeFields(), field('heldToken', token), field('remove.2', '1')]);
    expect(sent.statusCode).toBe(303);
    const receipt = await ctx.app.inject(sent.headers.location!);
    expect(receipt.body).toContain('behalten.pdf');
    expect(receipt.body).toContain('dazu.pdf');
    expect(receipt.body).not.toContain('falsch.pdf');
  });

  it('does not open files held for another form or with a wrong token, and the cleanup job removes expired ones', async () => {
    const refused = await post([...freeFields({ lastName: '' }), file('liegen.pdf', await pdfWithPages(1))]);
    const token = heldToken(refused.body)!;
    const elsewhere = await post([field('heldToken', token)], '/t/neue-wege/unterlagen/a/ABCDEFGHJKMNPQRSTVWXYZ0123/1');
    expect(elsewhere.statusCode).toBe(404);
    const wrong = await post([...freeFields(), field('heldToken', 'x'.repeat(43))]);
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('Bitte wählen Sie mindestens eine Datei aus.');

    ctx.clock.advance(25 * 3_600_000);
    const run = await cleanupStorage(ctx.deps);
    expect(run.heldExpired).toBe(1);
    expect(await db().select().from(heldUploadFiles)).toHaveLength(0);
    expect(await ctx.deps.fileStore.listStaged()).toEqual([]);
  });
});

describe('a type for each file group (free upload)', () => {
  it('files a rental contract and two bank statements under their own types, shown to the caseworker', async () => {
    const sent = await post([
      ...freeFields({ documentType: 'kontoauszuege' }),
      file('auszug-1.pdf', await pdfWithPages(1)),
      file('auszug-2.pdf', await pdfWithPages(1)),
      field('documentType.2', 'mietvertrag'),
      { name: 'file.2', filename: 'mietvertrag.pdf', value: await pdfWithPages(4) },
    ]);
    expect(sent.statusCode).toBe(303);
    const receipt = await ctx.app.inject(sent.headers.location!);
    expect(receipt.body).toContain('Arten der Unterlagen');
    expect(receipt.body).toContain('Kontoauszüge, Mietvertrag');
    const [upload] = await db().select().from(uploads).orderBy(uploads.receivedAt).limit(1).offset((await db().select().from(uploads)).length - 1);
    const files = await db().select().from(uploadFiles).where(eq(uploadFiles.uploadId, upload!.id));
    expect(files.map((f) => [f.name, f.documentType])).toEqual([
      ['auszug-1.pdf', 'kontoauszuege'],
      ['auszug-2.pdf', 'kontoauszuege'],
      ['mietvertrag.pdf', 'mietvertrag'],
    ]);
    const detail = await staffGet(`/t/neue-wege/staff/unterlagen/${upload!.id}`);
    expect(detail.body).toMatch(/mietvertrag\.pdf<\/a> – Mietvertrag/);
    expect(detail.body).toMatch(/auszug-1\.pdf<\/a> – Kontoauszüge/);
  });

  it('asks for the type of a group with files, and for the files of a group with a type', async () => {
    const res = await post([
      ...freeFields(),
      file('a.pdf', await pdfWithPages(1)),
      { name: 'file.2', filename: 'ohne-art.pdf', value: await pdfWithPages(1) },
      field('documentType.3', 'lohnabrechnung'),
    ]);
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('<a class="kern-link" href="#f-documentType-2">Bitte wählen Sie die Art der 2. Unterlage aus.');
    expect(res.body).toContain('<a class="kern-link" href="#f-file-3">Bitte wählen Sie die Dateien der 3. Unterlage aus');
    expect(res.body).toMatch(/<details class="ww-details" open/);
  });
});

describe('the application reference as the key, and one case for the caseworker', () => {
  let applicationId = '';
  let reference = '';
  beforeAll(async () => {
    const { confirmation } = await runJourney(injectClient(ctx.app), '/t/neue-wege', householdOfThree());
    reference = /EA-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(confirmation)![0];
    applicationId = (await db().select().from(formSubmissions).where(eq(formSubmissions.reference, reference)))[0]!.id;
    // The confirmation opens the upload form with the reference, sent in the body.
    expect(confirmation).toContain(`<input type="hidden" name="reference" value="${reference}"/>`);
  });

  it('opens the upload form with the reference filled in, takes it instead of a BG-Nummer and ties the upload to the application', async () => {
    const form = await ctx.app.inject({ method: 'POST', url: '/t/neue-wege/unterlagen/antrag', payload: `reference=${reference}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`value="${reference}"`);
    expect(form.body).toContain('BG-Nummer oder Antragsnummer');

    const sent = await post([...freeFields({ bgNummer: reference.toLowerCase() }), file('ausweis.pdf', await pdfWithPages(1))]);
    expect(sent.statusCode).toBe(303);
    const receipt = await ctx.app.inject(sent.headers.location!);
    expect(receipt.body).toContain(reference);
    const [upload] = await db().select().from(uploads).where(eq(uploads.applicationId, applicationId));
    expect(upload).toMatchObject({ applicationReference: reference, bgNummer: '' });

    const detail = await staffGet(`/t/neue-wege/staff/unterlagen/${upload!.id}`);
    expect(detail.body).toContain(`href="/t/neue-wege/staff/antraege/${applicationId}">Antrag ${reference}</a>`);
  });

  it('keeps an unknown reference as typed without saying whether it exists', async () => {
    const sent = await post([...freeFields({ bgNummer: 'EA-2026-ZZZZ-ZZZZ' }), file('x.pdf', await pdfWithPages(1))]);
    expect(sent.statusCode).toBe(303);
    const [upload] = await db().select().from(uploads).where(eq(uploads.applicationReference, 'EA-2026-ZZZZ-ZZZZ'));
    expect(upload!.applicationId).toBeNull();
  });

  it('shows one timeline on the application: events, the request, and uploads by reference, by request and by BG-Nummer', async () => {
    const tdb = new TenantDb(db(), ctx.tenant.id);
    const { code, reference: requestReference } = await createMitwirkungsaufforderung(tdb, {
      bgNummer: '12345BG0099999',
      applicationId,
      items: [{ documentType: 'mietvertrag', description: 'Mietvertrag', dueDate: '2026-12-20' }],
      createdBy: 'test',
    });
    ctx.clock.advance(60_000);
    expect((await post([file('mv.pdf', await pdfWithPages(1))], `/t/neue-wege/unterlagen/a/${code}/1`)).statusCode).toBe(303);
    ctx.clock.advance(60_000);
    expect((await post([...freeFields({ bgNummer: '12345BG0099999' }), file('lohn.pdf', await pdfWithPages(1))])).statusCode).toBe(303);
    await post([...freeFields({ bgNummer: '12345BG0011111' }), file('fremd.pdf', await pdfWithPages(1))]);

    const page = await staffGet(`/t/neue-wege/staff/antraege/${applicationId}`);
    expect(page.statusCode).toBe(200);
    const timeline = page.body.slice(page.body.indexOf('class="ww-timeline"'));
    // The request's own time comes from the database clock, so only its presence is checked.
    expect(timeline).toContain(requestReference);
    const order = ['Eingegangen', 'mit der Antragsnummer gesendet', 'zur Anforderung gesendet', 'mit der BG-Nummer gesendet'].map((s) => timeline.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(timeline).toContain('mit der Antragsnummer gesendet');
    expect((timeline.match(/Unterlagen eingegangen \(UN-/g) ?? []).length).toBe(3);
  });
});

describe('the request page links each received item to its receipt', () => {
  it('opens the receipt by the code, and only uploads of that request', async () => {
    const tdb = new TenantDb(db(), ctx.tenant.id);
    const { code } = await createMitwirkungsaufforderung(tdb, {
      bgNummer: '12345BG0012345',
      items: [{ documentType: 'kontoauszuege', description: 'Kontoauszüge', dueDate: '2026-12-20' }],
      createdBy: 'test',
    });
    await post([file('konto.pdf', await pdfWithPages(1))], `/t/neue-wege/unterlagen/a/${code}/1`);
    const page = await ctx.app.inject(`/t/neue-wege/unterlagen/a/${code}`);
    const link = /href="(\/t\/neue-wege\/unterlagen\/a\/[^"]+\/quittung\/(UN-[^"]+))">Eingangsbestätigung (UN-[^<]+)</.exec(page.body)!;
    expect(link[2]).toBe(link[3]);
    const receipt = await ctx.app.inject(link[1]!);
    expect(receipt.statusCode).toBe(200);
    expect(receipt.body).toContain('konto.pdf');
    expect(receipt.body).toContain(`href="/t/neue-wege/unterlagen/a/${code}">Weitere Unterlagen senden`);
    expect((await ctx.app.inject(`${link[1]}/pdf`)).headers['content-type']).toBe('application/pdf');

    const other = await post([...freeFields(), file('frei.pdf', await pdfWithPages(1))]);
    const freeReference = /UN-\d{4}-[0-9A-Z-]+/.exec((await ctx.app.inject(other.headers.location!)).body)![0];
    expect((await ctx.app.inject(`/t/neue-wege/unterlagen/a/${code}/quittung/${freeReference}`)).statusCode).toBe(404);
  });
});
