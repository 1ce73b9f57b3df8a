// Images and PDF attachments of a release over HTTP: alt text and credit required (named in the message), type by
// content, resized variants without EXIF/GPS, order and removal, only in a draft; with a fake clock, an embargoed
// release's images and attachments do not exist until the embargo, then the page, PDF, feeds and schema.org carry them.
import { parse } from 'fast-xml-parser';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type LoggedIn } from '../staff/testing.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { pressAttachments, pressImages, pressImageVariants } from './presse.tables.js';

let ctx: TestContext;
let author: LoggedIn;
let approver: LoggedIn;
let releaseUrl = '';
const base = '/t/neue-wege';
const embargo = new Date('2026-03-12T09:00:00Z');

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-03-10T09:00:00Z' });
  author = await loginAs(ctx, ['presse']);
  approver = await loginAs(ctx, ['tenant_admin']);
  const res = await post(author, `${base}/staff/presse/neu`, {
    title: 'Neue Räume im Servicepoint Bensheim',
    dateline: 'Kreis Bergstraße (kb).',
    body: 'Der Servicepoint zieht um.',
    embargoDate: '2026-03-12',
    embargoTime: '10:00',
  });
  releaseUrl = res.headers.location!.split('?')[0]!;
});
afterAll(async () => ctx?.close());

function post(who: LoggedIn, url: string, payload: Record<string, string>) {
  return ctx.app.inject({ method: 'POST', url, cookies: who.cookies, payload: { ...payload, _csrf: who.csrfToken } });
}
const get = (url: string, who?: LoggedIn) => ctx.app.inject({ url, ...(who ? { cookies: who.cookies } : {}) });

/** A multipart form as a browser sends it: text fields, then the file. */
function upload(who: LoggedIn, url: string, fields: Record<string, string>, file?: { field: string; name: string; type: string; bytes: Buffer }) {
  const boundary = 'wegweiser-media-boundary';
  const parts: Buffer[] = Object.entries({ _csrf: who.csrfToken, ...fields }).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return ctx.app.inject({ method: 'POST', url, cookies: who.cookies, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: Buffer.concat(parts) });
}

/** A camera-like JPEG: 2000 × 1500 with EXIF (camera, copyright) and a GPS position. */
function photo(colour = '#3366aa', width = 2000, height = 1500) {
  return sharp({ create: { width, height, channels: 3, background: colour } })
    .jpeg()
    .withExif({ IFD0: { Make: 'TestCam', Copyright: 'Geheim' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '49/1 41/1 0/1' } })
    .toBuffer();
}

async function onePagePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]).drawText('Programm');
  return Buffer.from(await doc.save());
}

const image = (bytes: Buffer, name = 'foto.jpg') => ({ field: 'image', name, type: 'image/jpeg', bytes });
const stored = () => ctx.deps.database.db.select().from(pressImages).where(eq(pressImages.releaseId, releaseUrl.split('/').pop()!)).orderBy(pressImages.position);

describe('images of a release', () => {
  it('refuses an image without alt text or credit, naming the fields, and stores nothing', async () => {
    const res = await upload(author, `${releaseUrl}/bilder`, { alt: '', credit: '', caption: '' }, image(await photo()));
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Bitte geben Sie einen Alternativtext an');
    expect(res.body).toContain('Bitte geben Sie den Bildnachweis an');
    expect(res.body).toContain('href="#f-alt"');
    expect(res.body).toContain('aria-invalid="true"');
    expect(await stored()).toHaveLength(0);
  });

  it('checks the type by content, not by name, and needs a file', async () => {
    const fake = await upload(author, `${releaseUrl}/bilder`, { alt: 'Ein Bild', credit: 'Kreis' }, image(await onePagePdf(), 'foto.jpg'));
    expect(fake.statusCode).toBe(422);
    expect(fake.body).toContain('Das Format der Datei ist nicht erlaubt');
    const none = await upload(author, `${releaseUrl}/bilder`, { alt: 'Ein Bild', credit: 'Kreis' });
    expect(none.body).toContain('Bitte wählen Sie eine Bilddatei aus.');
    expect(none.body).toContain('href="#f-image"');
    expect(await stored()).toHaveLength(0);
  });

  it('stores 480, 960 and 1600 px as WebP and JPEG, without EXIF or GPS, and shows them in the editor', async () => {
    const res = await upload(author, `${releaseUrl}/bilder`, { alt: 'Das neue Gebäude des Servicepoints', credit: 'Kreis Bergstraße', caption: 'Der Eingang' }, image(await photo()));
    expect(res.statusCode).toBe(303);
    const [row] = await stored();
    expect(row).toMatchObject({ alt: 'Das neue Gebäude des Servicepoints', credit: 'Kreis Bergstraße', width: 1600, height: 1200 });
    const variants = await ctx.deps.database.db.select().from(pressImageVariants).where(eq(pressImageVariants.imageId, row!.id));
    expect(variants.map((v) => `${v.width}.${v.format}`).sort()).toEqual(['1600.jpeg', '1600.webp', '480.jpeg', '480.webp', '960.jpeg', '960.webp']);
    for (const v of variants) {
      const meta = await sharp(v.bytes).metadata();
      expect(meta.format).toBe(v.format);
      expect(meta.exif).toBeUndefined();
      expect(v.bytes.includes('TestCam')).toBe(false);
    }
    const page = await get(res.headers.location!, author);
    expect(page.body).toContain('Bild hinzugefügt.');
    expect(page.body).toContain(`/bilder/${row!.id}/${row!.hash}-480.webp 480w`);
    expect(page.body).toContain('alt="Das neue Gebäude des Servicepoints"');
    expect(page.body).toContain('Bild: Kreis Bergstraße');
    const staffImage = await get(`${releaseUrl}/bilder/${row!.id}/${row!.hash}-960.jpeg`, author);
    expect(staffImage.statusCode).toBe(200);
    expect(staffImage.headers['cache-control']).toBe('no-store');
  });

  it('keeps a narrow image at its own width (no enlarging) and reorders and removes', async () => {
    const small = await upload(author, `${releaseUrl}/bilder`, { alt: 'Ein kleines Logo', credit: 'Kreis' }, { field: 'image', name: 'logo.png', type: 'image/png', bytes: await sharp({ create: { width: 300, height: 100, channels: 4, background: '#00000000' } }).png().toBuffer() });
    expect(small.statusCode).toBe(303);
    const [first, second] = await stored();
    expect(second).toMatchObject({ alt: 'Ein kleines Logo', width: 300, height: 100 });
    expect((await post(author, `${releaseUrl}/bilder/${second!.id}/verschieben`, { direction: 'up' })).statusCode).toBe(303);
    expect((await stored()).map((i) => i.id)).toEqual([second!.id, first!.id]);
    expect((await post(author, `${releaseUrl}/bilder/${second!.id}/entfernen`, {})).statusCode).toBe(303);
    expect((await stored()).map((i) => i.id)).toEqual([first!.id]);
  });
});

describe('PDF attachments', () => {
  it('accepts only a PDF, with a title, and lists it with its size', async () => {
    const jpeg = await upload(author, `${releaseUrl}/anhaenge`, { attachmentTitle: 'Programm' }, { field: 'attachment', name: 'programm.pdf', type: 'application/pdf', bytes: await photo() });
    expect(jpeg.statusCode).toBe(422);
    expect(jpeg.body).toContain('Das Format der Datei ist nicht erlaubt');
    const untitled = await upload(author, `${releaseUrl}/anhaenge`, { attachmentTitle: ' ' }, { field: 'attachment', name: 'programm.pdf', type: 'application/pdf', bytes: await onePagePdf() });
    expect(untitled.body).toContain('Bitte geben Sie einen Titel für den Anhang an.');
    const ok = await upload(author, `${releaseUrl}/anhaenge`, { attachmentTitle: 'Programm der Eröffnung' }, { field: 'attachment', name: 'Programm Eröffnung.pdf', type: 'application/pdf', bytes: await onePagePdf() });
    expect(ok.statusCode).toBe(303);
    const page = await get(ok.headers.location!, author);
    expect(page.body).toContain('Programm der Eröffnung');
    expect(page.body).toMatch(/PDF, 1 KB, 1 Seite\)/);
    const [row] = await ctx.deps.database.db.select({ fileName: pressAttachments.fileName }).from(pressAttachments);
    expect(row!.fileName).toBe('Programm-Eroffnung.pdf');
  });
});

describe('embargo and publication', () => {
  it('refuses changes once submitted, hides files until the embargo, then serves them for good', async () => {
    expect((await post(author, `${releaseUrl}/schritt`, { action: 'submit' })).statusCode).toBe(303);
    const late = await upload(author, `${releaseUrl}/bilder`, { alt: 'Zu spät', credit: 'Kreis' }, image(await photo('#aa3333')));
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('Dieser Schritt ist im aktuellen Bearbeitungsstand nicht möglich');
    expect((await post(approver, `${releaseUrl}/schritt`, { action: 'approve' })).statusCode).toBe(303);
    expect((await post(author, `${releaseUrl}/schritt`, { action: 'publish' })).statusCode).toBe(303);

    const [img] = await stored();
    const [attachment] = await ctx.deps.database.db.select({ id: pressAttachments.id }).from(pressAttachments);
    const imageUrl = `${base}/presse/bilder/${img!.id}/${img!.hash}-960.webp`;
    const attachmentUrl = `${base}/presse/2026-1/anhaenge/${attachment!.id}`;

    ctx.clock.set(new Date(embargo.getTime() - 1000));
    expect((await get(imageUrl)).statusCode).toBe(404);
    expect((await get(attachmentUrl)).statusCode).toBe(404);
    expect((await get('/api/v1/t/neue-wege/press-releases/2026-1')).statusCode).toBe(404);

    ctx.clock.set(embargo);
    const served = await get(imageUrl);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/webp');
    expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await get(`${base}/presse/bilder/${img!.id}/${'0'.repeat(20)}-960.webp`)).statusCode).toBe(404);
    const pdf = await get(attachmentUrl);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-disposition']).toBe('attachment; filename="Programm-Eroffnung.pdf"');

    const page = await get(`${base}/presse/2026-1`);
    expect(page.body).toContain(`srcset="${base}/presse/bilder/${img!.id}/${img!.hash}-480.webp 480w`);
    expect(page.body).toContain('sizes="(min-width: 48rem) 46rem, 100vw"');
    expect(page.body).toMatch(/<img[^>]+itemprop="image"/);
    expect(page.body).toContain('width="1600" height="1200"');
    expect(page.body).toContain('Der Eingang');
    expect(page.body).toContain('Programm der Eröffnung');

    const api = await get('/api/v1/t/neue-wege/press-releases/2026-1');
    expect(api.statusCode).toBe(200);
    const origin = `${ctx.deps.config.publicUrl}${base}/presse/bilder/${img!.id}/${img!.hash}`;
    const [apiImage] = api.json().images;
    expect(apiImage).toMatchObject({ url: `${origin}-960.jpeg`, alt: 'Das neue Gebäude des Servicepoints', caption: 'Der Eingang', credit: 'Kreis Bergstraße', width: 1600, height: 1200 });
    expect(apiImage.variants).toContainEqual({ url: `${origin}-480.webp`, width: 480, height: 360, format: 'webp', size: expect.any(Number) });
    expect(apiImage.variants).toHaveLength(6);
    expect((await get(apiImage.variants[0].url.slice(ctx.deps.config.publicUrl.length))).statusCode).toBe(200);

    const rssText = (await get(`${base}/presse/feed.rss`)).body;
    const rss = parse(rssText, { ignoreAttributes: false });
    const item = [rss.rss.channel.item].flat().find((i: { link: string }) => i.link.endsWith('/presse/2026-1'));
    const enclosure = item.enclosure;
    expect(enclosure['@_url']).toBe(`${ctx.deps.config.publicUrl}${base}/presse/bilder/${img!.id}/${img!.hash}-960.jpeg`);
    expect(enclosure['@_type']).toBe('image/jpeg');
    expect(Number(enclosure['@_length'])).toBeGreaterThan(1000);
    const atom = await get(`${base}/presse/feed.atom`);
    expect(atom.body).toMatch(/<link rel="enclosure" href="[^"]+-960\.jpeg" type="image\/jpeg" length="\d+"\/>/);

    const releasePdf = await get(`${base}/presse/2026-1/pdf`);
    expect(releasePdf.statusCode).toBe(200);
    expect(releasePdf.rawPayload.includes('/Subtype /Image')).toBe(true);
  });

  it('shows the demo releases with their generated picture', async () => {
    const page = await get(`${base}/presse/2020-530`);
    expect(page.body).toMatch(/<img[^>]+alt="Symbolbild: [^"]+"[^>]+width="960" height="540"/);
    expect(page.body).toContain('Bild: Neue Wege (Symbolbild, für die Demo erzeugt)');
  });
});
