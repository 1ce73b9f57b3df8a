import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImageConversionError } from './images-to-pdf.js';
import { writeImagesPdfInChild } from './photo-pdf-process.js';
import { jpegWithGps, pdfWithPages, pngImage } from './test/fixtures.js';

describe('writeImagesPdfInChild', () => {
  let dir: string;
  const file = async (name: string, bytes: Uint8Array) => {
    const path = join(dir, name);
    await writeFile(path, bytes);
    return { path, name };
  };
  const job = (photos: { path: string; name: string }[]) => ({ photos, maxBytes: 10_000_000, output: join(dir, 'out.pdf'), title: 'Fotos', createdAt: '2026-12-05T10:00:00.000Z' });
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wegweiser-photo-pdf-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes one page per photo, in order, in a process of its own', async () => {
    const photos = [await file('a.jpg', await jpegWithGps(40, 20)), await file('b.png', await pngImage(10, 30))];
    expect(await writeImagesPdfInChild(job(photos))).toEqual({ pages: 2 });
    const pdf = await PDFDocument.load(await readFile(join(dir, 'out.pdf')));
    expect(pdf.getPageCount()).toBe(2);
    expect(pdf.getTitle()).toBe('Fotos');
    expect(pdf.getCreationDate()?.toISOString()).toBe('2026-12-05T10:00:00.000Z');
    const [first, second] = pdf.getPages();
    expect(first!.getWidth()).toBeGreaterThan(first!.getHeight());
    expect(second!.getWidth()).toBeLessThan(second!.getHeight());
  });

  it('names the photo that cannot be converted, checked by content: a PDF named like a photo, broken bytes', async () => {
    const good = await file('a.jpg', await jpegWithGps());
    const pdf = await file('b.jpg', await pdfWithPages(1));
    const broken = await file('c.jpg', Buffer.from('not a jpeg at all'));
    await expect(writeImagesPdfInChild(job([good, pdf]))).rejects.toEqual(new ImageConversionError('image-broken', 1));
    await expect(writeImagesPdfInChild(job([broken, good]))).rejects.toMatchObject({ name: 'ImageConversionError', reason: 'image-broken', index: 0 });
  });

  it('ends a child that takes too long, as a passing failure (not a broken photo)', async () => {
    const attempt = writeImagesPdfInChild(job([await file('a.jpg', await jpegWithGps())]), 1);
    await expect(attempt).rejects.toThrow(/took longer than 1 ms/);
    await expect(attempt).rejects.not.toBeInstanceOf(ImageConversionError);
  });
});
