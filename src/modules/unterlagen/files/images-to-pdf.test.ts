import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImageConversionError, imagesToPdf, writeImagesPdf } from './images-to-pdf.js';
import { exifMarker, jpegWithGps, pngClaimingSize, pngImage, tinyHeic } from './test/fixtures.js';

interface PageImage {
  pageWidth: number;
  pageHeight: number;
  imageWidth: number;
  imageHeight: number;
  data: Uint8Array;
}

async function pageImages(pdf: Buffer): Promise<PageImage[]> {
  const document = await PDFDocument.load(pdf);
  return document.getPages().map((page) => {
    const xObjects = page.node.Resources()?.lookup(PDFName.of('XObject'), PDFDict);
    const [ref] = xObjects?.values() ?? [];
    const stream = document.context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) throw new Error('page without image');
    const number = (key: string) => stream.dict.lookup(PDFName.of(key), PDFNumber).asNumber();
    return {
      pageWidth: page.getWidth(),
      pageHeight: page.getHeight(),
      imageWidth: number('Width'),
      imageHeight: number('Height'),
      data: stream.contents,
    };
  });
}

describe('imagesToPdf', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wegweiser-images-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('makes one A4 page per image, in the given order, from JPEG, PNG and HEIC', async () => {
    const pngPath = join(dir, 'scan.png');
    await writeFile(pngPath, await pngImage(30, 50));
    const pdf = await imagesToPdf([
      { kind: 'jpeg', data: await jpegWithGps(40, 20) },
      { kind: 'png', data: pngPath },
      { kind: 'heic', data: tinyHeic },
    ]);

    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = await pageImages(pdf);
    expect(pages).toHaveLength(3);
    expect(pages.map((p) => [p.imageWidth, p.imageHeight])).toEqual([
      [40, 20],
      [30, 50],
      [32, 16],
    ]);
    // Landscape photos get a landscape A4 page, portrait ones a portrait page.
    expect(pages.map((p) => [Math.round(p.pageWidth), Math.round(p.pageHeight)])).toEqual([
      [842, 595],
      [595, 842],
      [842, 595],
    ]);
  });

  it('keeps the colours of the HEIC photo (left red, right blue)', async () => {
    const [page] = await pageImages(await imagesToPdf([{ kind: 'heic', data: tinyHeic }]));
    const { data, info } = await sharp(page!.data).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number) => [...data.subarray((8 * info.width + x) * 3, (8 * info.width + x) * 3 + 3)];
    const [redLeft, , blueLeft] = pixel(4);
    const [redRight, , blueRight] = pixel(28);
    expect(redLeft).toBeGreaterThan(150);
    expect(blueLeft).toBeLessThan(100);
    expect(blueRight).toBeGreaterThan(150);
    expect(redRight).toBeLessThan(100);
  });

  it('removes EXIF and GPS data that the photo carried', async () => {
    const photo = await jpegWithGps();
    const exif = (await sharp(photo).metadata()).exif;
    expect(exif?.toString('latin1')).toContain(exifMarker);
    expect(photo.includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(true);

    const pdf = await imagesToPdf([{ kind: 'jpeg', data: photo }]);
    expect(pdf.includes(Buffer.from(exifMarker, 'latin1'))).toBe(false);
    expect(pdf.includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(false);
    const [page] = await pageImages(pdf);
    const embedded = await sharp(page!.data).metadata();
    expect(embedded.exif).toBeUndefined();
    expect(embedded.xmp).toBeUndefined();
  });

  it('turns the photo upright by its EXIF orientation before dropping the tag', async () => {
    // Stored 40×20, orientation 6 = rotate 90° clockwise to display: the page shows it 20×40.
    const sideways = await jpegWithGps(40, 20, 6);
    expect((await sharp(sideways).metadata()).orientation).toBe(6);
    const [page] = await pageImages(await imagesToPdf([{ kind: 'jpeg', data: sideways }]));
    expect([page!.imageWidth, page!.imageHeight]).toEqual([20, 40]);
    expect(page!.pageHeight).toBeGreaterThan(page!.pageWidth);
    expect((await sharp(page!.data).metadata()).orientation).toBeUndefined();
  });

  it('scales large photos down to the printable area at the chosen resolution', async () => {
    const big = await sharp({ create: { width: 3000, height: 4000, channels: 3, background: '#888' } })
      .jpeg()
      .toBuffer();
    const [page] = await pageImages(await imagesToPdf([{ kind: 'jpeg', data: big }], { dpi: 100, marginMm: 10 }));
    // A4 portrait minus 2 × 10 mm is 190 × 277 mm, at 100 dpi 748 × 1091 pixels; 3:4 fits by width.
    expect([page!.imageWidth, page!.imageHeight]).toEqual([748, 997]);
  });

  it('streams into a writable', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    const result = await writeImagesPdf([{ kind: 'png', data: await pngImage(10, 10) }], out, {
      now: () => new Date('2026-03-01T09:00:00Z'),
    });
    expect(result.pages).toBe(1);
    const document = await PDFDocument.load(Buffer.concat(chunks), { updateMetadata: false });
    expect(document.getCreationDate()?.toISOString()).toBe('2026-03-01T09:00:00.000Z');
  });

  it('refuses a pixel bomb before decoding it, naming the image', async () => {
    const bomb = pngClaimingSize(50_000, 50_000);
    const attempt = imagesToPdf([
      { kind: 'png', data: await pngImage(10, 10) },
      { kind: 'png', data: bomb },
    ]);
    await expect(attempt).rejects.toBeInstanceOf(ImageConversionError);
    await expect(attempt).rejects.toMatchObject({ reason: 'too-many-pixels', index: 1 });
  });

  it('reports a broken image and an empty list', async () => {
    await expect(imagesToPdf([{ kind: 'jpeg', data: Buffer.from('not a jpeg') }])).rejects.toMatchObject({
      reason: 'image-broken',
      index: 0,
    });
    await expect(imagesToPdf([{ kind: 'heic', data: tinyHeic.subarray(0, 300) }])).rejects.toMatchObject({
      reason: 'image-broken',
    });
    await expect(imagesToPdf([])).rejects.toBeInstanceOf(RangeError);
  });
});
