import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imagesToPdf } from './images-to-pdf.js';
import { hasZipTrailer, inspectFile } from './inspect.js';
import { jpegWithGps, pdfWithPages, pngImage, tinyHeic, zipArchive } from './test/fixtures.js';

describe('inspectFile accepts allowed files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wegweiser-inspect-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('a PDF, from a path, with its page count', async () => {
    const path = join(dir, 'upload-1');
    await writeFile(path, await pdfWithPages(3));
    expect(await inspectFile(path, 'Kontoauszüge Q1.pdf')).toMatchObject({
      ok: true,
      kind: 'pdf',
      mime: 'application/pdf',
      ext: 'pdf',
      safeName: 'Kontoauszüge Q1.pdf',
      pages: 3,
    });
  });

  it.each([
    ['foto.jpg', 'jpeg', 'image/jpeg', 'jpg'],
    ['FOTO.JPEG', 'jpeg', 'image/jpeg', 'jpg'],
  ])('a JPEG named %s', async (name, kind, mime, ext) => {
    const result = await inspectFile(await jpegWithGps(40, 20), name);
    expect(result).toMatchObject({ ok: true, kind, mime, ext, width: 40, height: 20 });
  });

  it('a PNG', async () => {
    expect(await inspectFile(await pngImage(12, 34), 'scan.png')).toMatchObject({
      ok: true,
      kind: 'png',
      ext: 'png',
      width: 12,
      height: 34,
    });
  });

  it.each(['IMG_0042.HEIC', 'IMG_0042.heif'])('a HEIC photo named %s', async (name) => {
    expect(await inspectFile(tinyHeic, name)).toMatchObject({
      ok: true,
      kind: 'heic',
      mime: 'image/heic',
      ext: 'heic',
      width: 32,
      height: 16,
    });
  });

  it('the PDF that imagesToPdf makes from photos', async () => {
    const pdf = await imagesToPdf([{ kind: 'heic', data: tinyHeic }]);
    expect(await inspectFile(pdf, 'fotos.pdf')).toMatchObject({ ok: true, kind: 'pdf', pages: 1 });
  });

  it('a file exactly at the size limit and a PDF exactly at the page limit', async () => {
    const pdf = await pdfWithPages(2);
    expect(await inspectFile(pdf, 'a.pdf', { maxBytes: pdf.length, maxPdfPages: 2 })).toMatchObject({ ok: true });
    expect(await inspectFile(pdf, 'a.pdf', { maxBytes: pdf.length - 1 })).toEqual({ ok: false, reason: 'too-large' });
  });

  it('an image exactly at the pixel limit', async () => {
    const png = await pngImage(1000, 1000);
    expect(await inspectFile(png, 'a.png', { maxMegapixels: 1 })).toMatchObject({ ok: true });
    expect(await inspectFile(png, 'a.png', { maxMegapixels: 0.999 })).toEqual({ ok: false, reason: 'too-many-pixels' });
  });
});

describe('inspectFile refuses by rule', () => {
  it('an extension that does not match the content', async () => {
    expect(await inspectFile(await pngImage(5, 5), 'scan.jpg')).toEqual({ ok: false, reason: 'extension-mismatch' });
    expect(await inspectFile(await pdfWithPages(1), 'scan.png')).toEqual({ ok: false, reason: 'extension-mismatch' });
    expect(await inspectFile(tinyHeic, 'scan.jpeg')).toEqual({ ok: false, reason: 'extension-mismatch' });
  });

  it('an extension outside the allow-list, or none, even when the content is allowed', async () => {
    const pdf = await pdfWithPages(1);
    expect(await inspectFile(pdf, 'rechnung.pdf.exe')).toEqual({ ok: false, reason: 'type-not-allowed' });
    expect(await inspectFile(pdf, 'rechnung')).toEqual({ ok: false, reason: 'type-not-allowed' });
    expect(await inspectFile(pdf, 'rechnung.docx')).toEqual({ ok: false, reason: 'type-not-allowed' });
  });

  it('image formats outside the allow-list (GIF, WebP, AVIF, TIFF)', async () => {
    const base = sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } });
    for (const [format, name] of [
      ['gif', 'a.png'],
      ['webp', 'a.jpg'],
      ['avif', 'a.heic'],
      ['tiff', 'a.jpg'],
    ] as const) {
      const bytes = await base.clone().toFormat(format).toBuffer();
      expect(await inspectFile(bytes, name), format).toEqual({ ok: false, reason: 'type-not-allowed' });
    }
  });

  it('an AV1 image in a HEIF box labelled "mif1", which heic-convert cannot decode', async () => {
    const avif = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } }).avif().toBuffer();
    avif.write('mif1', 8, 'latin1');
    expect(await inspectFile(avif, 'IMG_0001.heic')).toEqual({ ok: false, reason: 'type-not-allowed' });
  });

  it('text formats, which have no magic bytes (HTML, SVG)', async () => {
    const html = Buffer.from('<!doctype html><script>alert(1)</script>');
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(await inspectFile(html, 'a.pdf')).toEqual({ ok: false, reason: 'type-not-allowed' });
    expect(await inspectFile(svg, 'a.png')).toEqual({ ok: false, reason: 'type-not-allowed' });
  });

  it('a name check comes before reading the content', async () => {
    expect(await inspectFile(Buffer.alloc(0), '../x.pdf')).toEqual({ ok: false, reason: 'name-invalid' });
  });
});

describe('hasZipTrailer', () => {
  it('finds an archive at the start and one appended to other data', () => {
    const zip = zipArchive('a.txt', Buffer.from('hallo'));
    expect(hasZipTrailer(zip, zip.length)).toBe(true);
    const appended = Buffer.concat([Buffer.alloc(5000, 0x20), zip]);
    expect(hasZipTrailer(appended.subarray(1000), appended.length)).toBe(true);
  });

  it('ignores a stray end-record signature that is not consistent', () => {
    const zip = zipArchive('a.txt', Buffer.from('hallo'));
    const stray = Buffer.concat([zip, Buffer.from('trailing bytes')]);
    expect(hasZipTrailer(stray, stray.length)).toBe(false);
    const noDirectory = Buffer.concat([Buffer.alloc(100), zip.subarray(zip.length - 22)]);
    noDirectory.writeUInt32LE(46, noDirectory.length - 22 + 12);
    expect(hasZipTrailer(noDirectory, noDirectory.length)).toBe(false);
  });
});
