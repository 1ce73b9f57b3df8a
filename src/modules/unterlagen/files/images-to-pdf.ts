// Photos (JPEG, PNG, HEIC) to one A4 PDF, upright and without metadata.
import { readFile } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Metadata } from 'sharp';
import { loadHeicConvert, loadPdfkit, loadSharp } from '#shared/libraries.js';
import { defaultInspectLimits } from './inspect.js';

export interface PdfImage {
  kind: 'jpeg' | 'png' | 'heic';
  /** File path or the bytes of the image. */
  data: string | Uint8Array;
}

export interface ImagesToPdfOptions {
  /** Margin around the image on every side, in millimetres. */
  marginMm?: number;
  /** Resolution the photos are scaled down to for the printable area. */
  dpi?: number;
  jpegQuality?: number;
  maxMegapixels?: number;
  title?: string;
  /** Injectable clock for the PDF's creation date. */
  now?: () => Date;
}

/** An image that cannot be turned into a page; `reason` matches inspect's ReasonCode. */
export class ImageConversionError extends Error {
  constructor(
    readonly reason: 'too-many-pixels' | 'image-broken',
    readonly index: number,
    options?: { cause?: unknown },
  ) {
    super(`image ${index + 1}: ${reason}`, options);
    this.name = 'ImageConversionError';
  }
}

const a4 = { width: 595.28, height: 841.89 };

/**
 * The memory budget of photo conversion (doc/adr/0270-upload-streaming.md): one photo is decoded at a time in the
 * whole process, whatever the number of uploads, on one libvips thread, and libvips keeps no cache of decoded
 * images (no photo is read twice; both set where sharp is loaded, #shared/libraries). A 4000×3000 JPEG then needs about 40 MB while it is converted, and 20 photos
 * or three uploads of 20 do not need more.
 */
let converting: Promise<unknown> = Promise.resolve();

async function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const turn = converting.then(task, task);
  converting = turn.catch(() => undefined);
  return turn;
}

const pointsPerMm = 72 / 25.4;

/**
 * Writes one PDF with a page per image, in the given order. Each photo is auto-rotated by its
 * EXIF orientation and re-encoded by sharp, which drops EXIF, GPS, XMP and ICC data — pdfkit would
 * otherwise copy a JPEG byte for byte, metadata included. Only one image is in memory at a time.
 */
export async function writeImagesPdf(
  images: readonly PdfImage[],
  destination: Writable,
  options: ImagesToPdfOptions = {},
): Promise<{ pages: number }> {
  if (images.length === 0) throw new RangeError('at least one image is needed for a PDF');
  const margin = (options.marginMm ?? 10) * pointsPerMm;
  const dpi = options.dpi ?? 200;
  const maxPixels = (options.maxMegapixels ?? defaultInspectLimits.maxMegapixels) * 1_000_000;

  const PDFDocument = await loadPdfkit();
  const document = new PDFDocument({
    autoFirstPage: false,
    margin: 0,
    info: {
      Title: options.title ?? 'Unterlagen',
      Creator: 'Wegweiser',
      Producer: 'Wegweiser',
      CreationDate: options.now?.() ?? new Date(),
    },
  });
  const written = pipeline(document, destination);

  try {
    for (const [index, image] of images.entries()) {
      const { jpeg, landscape, box } = await oneAtATime(async () => {
        const source = await toSharpInput(image, index, maxPixels);
        const { width, height } = await orientedSize(source, index, maxPixels);
        const landscape = width > height;
        const page = landscape ? { width: a4.height, height: a4.width } : a4;
        const box = { width: page.width - 2 * margin, height: page.height - 2 * margin };
        const jpeg = await reencode(source, index, maxPixels, {
          width: Math.round((box.width / 72) * dpi),
          height: Math.round((box.height / 72) * dpi),
          quality: options.jpegQuality ?? 85,
        });
        return { jpeg, landscape, box };
      });
      document.addPage({ size: 'A4', layout: landscape ? 'landscape' : 'portrait', margin: 0 });
      document.image(jpeg, margin, margin, { fit: [box.width, box.height], align: 'center', valign: 'center' });
    }
    document.end();
  } catch (error) {
    document.destroy(error as Error);
    await written.catch(() => undefined);
    throw error;
  }
  await written;
  return { pages: images.length };
}

/** Like {@link writeImagesPdf}, collected into one Buffer. */
export async function imagesToPdf(images: readonly PdfImage[], options: ImagesToPdfOptions = {}): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const collector = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  await writeImagesPdf(images, collector, options);
  return Buffer.concat(chunks);
}

async function toSharpInput(image: PdfImage, index: number, maxPixels: number): Promise<string | Uint8Array> {
  if (image.kind !== 'heic') return image.data;
  // sharp's prebuilt libvips has no HEVC decoder, so HEIC goes through heic-convert (libheif in wasm).
  // Its decoder allocates the whole bitmap: check the dimensions from the header first.
  await orientedSize(image.data, index, maxPixels);
  const bytes = typeof image.data === 'string' ? await readFile(image.data) : image.data;
  const heicConvert = await loadHeicConvert();
  try {
    return new Uint8Array(await heicConvert({ buffer: bytes, format: 'JPEG', quality: 0.92 }));
  } catch (cause) {
    throw new ImageConversionError('image-broken', index, { cause });
  }
}

async function orientedSize(
  input: string | Uint8Array,
  index: number,
  maxPixels: number,
): Promise<{ width: number; height: number }> {
  const sharp = await loadSharp();
  let metadata: Metadata;
  try {
    metadata = await sharp(input, { limitInputPixels: false }).metadata();
  } catch (cause) {
    throw new ImageConversionError('image-broken', index, { cause });
  }
  if (!metadata.width || !metadata.height) throw new ImageConversionError('image-broken', index);
  if (metadata.width * metadata.height > maxPixels) throw new ImageConversionError('too-many-pixels', index);
  return metadata.autoOrient;
}

async function reencode(
  input: string | Uint8Array,
  index: number,
  maxPixels: number,
  target: { width: number; height: number; quality: number },
): Promise<Buffer> {
  const sharp = await loadSharp();
  try {
    // sharp writes no metadata unless asked to (keepExif/withMetadata): EXIF and GPS are gone.
    return await sharp(input, { limitInputPixels: maxPixels, failOn: 'error' })
      .autoOrient()
      .flatten({ background: '#ffffff' })
      .resize({ width: target.width, height: target.height, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: target.quality })
      .toBuffer();
  } catch (cause) {
    throw new ImageConversionError('image-broken', index, { cause });
  }
}
