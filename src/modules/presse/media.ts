// Checks and prepares what the press office attaches to a release (ADR 0260): images are recognised by their content
// (JPEG, PNG, WebP), limited in bytes and pixels, and turned into resized WebP and JPEG variants without any metadata
// (EXIF, GPS, XMP are dropped); PDFs are recognised by content and must open, unencrypted, within a page limit.
import { createHash } from 'node:crypto';
import { loadFileType, loadPdfLib, loadSharp } from '#shared/libraries.js';
import type { ImageFormat } from './presse.tables.js';

export const mediaLimits = {
  imageBytes: 15 * 1024 * 1024,
  /** Press photos of 45-megapixel cameras pass; a decompression bomb does not. */
  imageMegapixels: 50,
  attachmentBytes: 20 * 1024 * 1024,
  attachmentPages: 300,
  imagesPerRelease: 12,
  attachmentsPerRelease: 10,
};

/** The widths offered in srcset; smaller originals get their own width instead of being enlarged. */
export const variantWidths = [480, 960, 1600] as const;

/** Suffix of the i18n key `presse:media.refused.<reason>`. */
export type MediaRefusal = 'empty' | 'too-large' | 'type-not-allowed' | 'image-broken' | 'too-many-pixels' | 'pdf-broken' | 'pdf-encrypted' | 'too-many-pages';

export interface Variant {
  width: number;
  height: number;
  format: ImageFormat;
  bytes: Buffer;
}

export interface PreparedImage {
  width: number;
  height: number;
  hash: string;
  variants: Variant[];
}

const imageMimes = new Set(['image/jpeg', 'image/png', 'image/webp']);

/** Widths for an original `width` pixels wide: the standard ones below it, plus the original's if it is narrower than the largest. */
export function widthsFor(width: number): number[] {
  const below = variantWidths.filter((w) => w < width);
  const largest = variantWidths[variantWidths.length - 1]!;
  return width <= largest ? [...below, width] : [...below];
}

export async function prepareImage(bytes: Buffer): Promise<{ ok: true; image: PreparedImage } | { ok: false; reason: MediaRefusal }> {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  if (bytes.length > mediaLimits.imageBytes) return { ok: false, reason: 'too-large' };
  const { fileTypeFromBuffer } = await loadFileType();
  const type = await fileTypeFromBuffer(bytes);
  if (!type || !imageMimes.has(type.mime)) return { ok: false, reason: 'type-not-allowed' };
  const sharp = await loadSharp();
  const maxPixels = mediaLimits.imageMegapixels * 1_000_000;
  let width: number;
  try {
    // The header only: a bomb is refused before anything is decoded.
    const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
    if (!meta.width || !meta.height) return { ok: false, reason: 'image-broken' };
    if (meta.width * meta.height > maxPixels) return { ok: false, reason: 'too-many-pixels' };
    // EXIF orientations 5–8 swap the sides once the image is turned upright.
    width = (meta.orientation ?? 1) >= 5 ? meta.height : meta.width;
  } catch {
    return { ok: false, reason: 'image-broken' };
  }
  try {
    // rotate() turns the pixels upright by the EXIF orientation; nothing of the metadata is written out.
    const upright = sharp(bytes, { limitInputPixels: maxPixels, failOn: 'error' }).rotate();
    const variants: Variant[] = [];
    for (const w of widthsFor(width)) {
      const resized = upright.clone().resize({ width: w, withoutEnlargement: true });
      const webp = await resized.clone().webp({ quality: 80 }).toBuffer({ resolveWithObject: true });
      const jpeg = await resized.clone().flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true }).toBuffer({ resolveWithObject: true });
      variants.push({ width: webp.info.width, height: webp.info.height, format: 'webp', bytes: webp.data });
      variants.push({ width: jpeg.info.width, height: jpeg.info.height, format: 'jpeg', bytes: jpeg.data });
    }
    const largest = variants[variants.length - 1]!;
    const hash = createHash('sha256');
    for (const v of variants) hash.update(v.bytes);
    return { ok: true, image: { width: largest.width, height: largest.height, hash: hash.digest('hex').slice(0, 20), variants } };
  } catch {
    return { ok: false, reason: 'image-broken' };
  }
}

/** A PDF by content: the file-type signature, an end marker, and a document pdf-lib opens without a password. */
export async function checkPdf(bytes: Buffer): Promise<{ ok: true; pages: number; sha256: string } | { ok: false; reason: MediaRefusal }> {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  if (bytes.length > mediaLimits.attachmentBytes) return { ok: false, reason: 'too-large' };
  const { fileTypeFromBuffer } = await loadFileType();
  const type = await fileTypeFromBuffer(bytes);
  if (type?.mime !== 'application/pdf' || bytes.subarray(0, 5).toString('latin1') !== '%PDF-') return { ok: false, reason: 'type-not-allowed' };
  // Readers look for %%EOF in the last KB; without it the file is truncated.
  if (!bytes.subarray(Math.max(0, bytes.length - 1024)).toString('latin1').includes('%%EOF')) return { ok: false, reason: 'pdf-broken' };
  const { PDFDocument, EncryptedPDFError } = await loadPdfLib();
  try {
    const pages = (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
    if (pages === 0) return { ok: false, reason: 'pdf-broken' };
    if (pages > mediaLimits.attachmentPages) return { ok: false, reason: 'too-many-pages' };
    return { ok: true, pages, sha256: createHash('sha256').update(bytes).digest('hex') };
  } catch (error) {
    return { ok: false, reason: error instanceof EncryptedPDFError ? 'pdf-encrypted' : 'pdf-broken' };
  }
}

export const mimeOf = (format: ImageFormat) => (format === 'webp' ? 'image/webp' : 'image/jpeg');

/** The public file name of a variant: content hash, width and format, e.g. `3f…-960.webp`. */
export const variantFile = (hash: string, width: number, format: ImageFormat) => `${hash}-${width}.${format}`;

/** Public URL of an image variant below the tenant's base: content-hashed, so it can be cached for good (media.routes.ts). */
export const publicImageUrl =
  (tenantBase: string) =>
  (image: { id: string; hash: string }, width: number, format: ImageFormat): string =>
    `${tenantBase}/presse/bilder/${image.id}/${variantFile(image.hash, width, format)}`;

export function parseVariantFile(file: string): { hash: string; width: number; format: ImageFormat } | undefined {
  const match = /^([0-9a-f]{20})-(\d{1,5})\.(webp|jpeg)$/.exec(file);
  return match ? { hash: match[1]!, width: Number(match[2]), format: match[3] as ImageFormat } : undefined;
}

/** The JPEG width taken without srcset (page fallback, PDF, feeds): 960 px where there is one, else the largest. */
export function fallbackWidth(image: { variants: readonly { width: number; format: ImageFormat }[] }): number {
  const widths = image.variants.filter((v) => v.format === 'jpeg').map((v) => v.width);
  return widths.includes(960) ? 960 : Math.max(...widths);
}
