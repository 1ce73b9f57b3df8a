// Checks an uploaded file by its content: kind, size, pages, pixels; names why it is refused.
import { open, stat } from 'node:fs/promises';
import type { Metadata } from 'sharp';
import { loadFileType, loadSharp } from '#shared/libraries.js';
import { heifCodecConfigs } from './heif.js';
import { checkPdfInWorker } from './pdf-worker.js';
import { extensionOf, isSuspiciousName, sanitizeName } from './sanitize-name.js';

export type FileKind = 'pdf' | 'jpeg' | 'png' | 'heic';

/** Why a file is refused; used as suffix of the i18n key (e.g. `unterlagen.refused.too-large`). */
export type ReasonCode =
  | 'empty'
  | 'type-not-allowed'
  | 'extension-mismatch'
  | 'pdf-encrypted'
  | 'pdf-broken'
  | 'image-broken'
  | 'too-many-pages'
  | 'too-many-pixels'
  | 'too-large'
  | 'too-complex'
  | 'infected'
  | 'name-invalid';

export interface InspectLimits {
  maxBytes: number;
  maxPdfPages: number;
  maxMegapixels: number;
}

/** 48-megapixel phone cameras must pass; a 2,500-megapixel "bomb" must not. */
export const defaultInspectLimits: InspectLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxPdfPages: 100,
  maxMegapixels: 60,
};

export type InspectResult =
  | {
      ok: true;
      kind: FileKind;
      mime: string;
      /** Canonical extension without dot for the kind ('pdf', 'jpg', 'png', 'heic'). */
      ext: string;
      /** Safe display/download name (see sanitizeName). */
      safeName: string;
      size: number;
      pages?: number;
      width?: number;
      height?: number;
    }
  | { ok: false; reason: ReasonCode };

type Refusal = Extract<InspectResult, { ok: false }>;

const kindByMime: Record<string, FileKind> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/heic': 'heic',
  'image/heif': 'heic',
};

const extensionsByKind: Record<FileKind, readonly string[]> = {
  pdf: ['pdf'],
  jpeg: ['jpg', 'jpeg'],
  png: ['png'],
  heic: ['heic', 'heif'],
};

const canonicalExtension: Record<FileKind, string> = { pdf: 'pdf', jpeg: 'jpg', png: 'png', heic: 'heic' };

const allowedExtensions = new Set(Object.values(extensionsByKind).flat());

const headLength = 4100;
// The 'meta' box of a HEIC sits at the start; with many tiles and properties it can pass 4 KB.
const heifHeadLength = 256 * 1024;
const pdfTrailerSearch = 1024;
// End of central directory record (22 bytes) plus the longest possible ZIP comment.
const zipTailLength = 22 + 0xffff;

/** The first and last bytes the checks read of every file (beside a PDF's parse and an image's decode). */
export const inspectedEdges = { head: headLength, tail: Math.max(zipTailLength, pdfTrailerSearch) };

/**
 * A file on disk whose size and first and last bytes (`inspectedEdges`) are already known, because they were kept
 * while it arrived: the checks then read those from memory and open the file only for a parse or a decode (ADR 0408).
 */
export interface KnownFile {
  path: string;
  size: number;
  head: Uint8Array;
  tail: Uint8Array;
}

type Input = string | Uint8Array | KnownFile;

const isKnown = (input: Input): input is KnownFile => typeof input !== 'string' && !(input instanceof Uint8Array);
/** What the parser and the image library are given: the bytes, or the file's path. */
const source = (input: Input): string | Uint8Array => (isKnown(input) ? input.path : input);

/**
 * Decides by content whether an upload is acceptable, cross-checked with the name's extension.
 * With a path only the head, the tail and (for PDFs) the whole file up to `maxBytes` are read;
 * image dimensions come from the header, so a decompression bomb is refused before any decoding.
 * The virus scan is separate (clamd.ts); its refusal uses the reason 'infected'.
 */
export async function inspectFile(
  input: Input,
  originalName: string,
  limits: Partial<InspectLimits> = {},
): Promise<InspectResult> {
  const { maxBytes, maxPdfPages, maxMegapixels } = { ...defaultInspectLimits, ...limits };

  if (isSuspiciousName(originalName)) return refuse('name-invalid');
  const safeName = sanitizeName(originalName);

  const size = typeof input === 'string' ? (await stat(input)).size : isKnown(input) ? input.size : input.byteLength;
  if (size === 0) return refuse('empty');
  if (size > maxBytes) return refuse('too-large');

  const head = await readRange(input, 0, Math.min(size, headLength));
  const { fileTypeFromBuffer } = await loadFileType();
  const detected = await fileTypeFromBuffer(head);
  const kind = detected ? kindByMime[detected.mime] : undefined;
  if (!detected || !kind) return refuse('type-not-allowed');

  const extension = extensionOf(safeName);
  if (!allowedExtensions.has(extension)) return refuse('type-not-allowed');
  if (!extensionsByKind[kind].includes(extension)) return refuse('extension-mismatch');

  // A file that a ZIP reader also opens (e.g. PDF or JPEG with an archive appended) is a polyglot.
  const tail = await readRange(input, Math.max(0, size - zipTailLength), size);
  if (hasZipTrailer(tail, size)) return refuse('type-not-allowed');

  const accepted = { ok: true as const, kind, mime: detected.mime, ext: canonicalExtension[kind], safeName, size };

  if (kind === 'pdf') {
    const checked = await checkPdf(input, head, size, maxPdfPages);
    return 'reason' in checked ? checked : { ...accepted, pages: checked.pages };
  }
  const checked = await checkImage(input, size, kind, maxMegapixels * 1_000_000);
  return 'reason' in checked ? checked : { ...accepted, width: checked.width, height: checked.height };
}

/**
 * Cheap structural checks first (header, an end-of-file marker near the end), then the parse in a worker thread
 * with a time and memory limit (pdf-worker.ts): random bytes behind a PDF header never reach pdf-lib.
 */
async function checkPdf(input: Input, head: Uint8Array, size: number, maxPages: number): Promise<Refusal | { pages: number }> {
  // file-type already found "%PDF" at offset 0, so neither "MZ" nor "PK" can start the file.
  if (Buffer.from(head.subarray(0, 5)).toString('latin1') !== '%PDF-') return refuse('pdf-broken');
  // Readers look for %%EOF in the last KB; a file without one is truncated or not a PDF.
  const end = Buffer.from(await readRange(input, Math.max(0, size - pdfTrailerSearch), size)).toString('latin1');
  if (!end.includes('%%EOF')) return refuse('pdf-broken');
  const checked = await checkPdfInWorker(source(input));
  if ('reason' in checked) return refuse(checked.reason);
  if (checked.pages === 0) return refuse('pdf-broken');
  if (checked.pages > maxPages) return refuse('too-many-pages');
  return { pages: checked.pages };
}

async function checkImage(
  input: Input,
  size: number,
  kind: FileKind,
  maxPixels: number,
): Promise<Refusal | { width: number; height: number }> {
  const sharp = await loadSharp();
  let metadata: Metadata;
  try {
    // Reads the header only; nothing is decoded yet.
    metadata = await sharp(source(input), { limitInputPixels: false }).metadata();
  } catch {
    return refuse('image-broken');
  }
  const { width, height } = metadata;
  if (!width || !height) return refuse('image-broken');
  if (width * height > maxPixels) return refuse('too-many-pixels');

  if (kind === 'heic') {
    // Only HEVC-coded HEIF can be converted (heic-convert); AV1 in a box labelled "mif1" cannot.
    const configs = heifCodecConfigs(await readRange(input, 0, Math.min(size, heifHeadLength)));
    return configs.has('hvcC') && !configs.has('av1C') ? { width, height } : refuse('type-not-allowed');
  }
  try {
    // A cheap decode (JPEG shrinks on load) finds truncated or corrupt pixel data now rather than
    // when the caseworker opens the file.
    await sharp(source(input), { limitInputPixels: maxPixels, failOn: 'error' }).resize({ width: 64 }).raw().toBuffer();
  } catch {
    return refuse('image-broken');
  }
  return { width, height };
}

/**
 * True when the bytes end with a consistent ZIP end-of-central-directory record: its comment
 * reaches exactly the end of the file and its central directory lies inside the file and starts
 * with a central directory header. Random bytes in a compressed stream practically never do all that.
 */
export function hasZipTrailer(tail: Uint8Array, fileSize: number): boolean {
  const bytes = Buffer.from(tail.buffer, tail.byteOffset, tail.byteLength);
  const tailStart = fileSize - bytes.length;
  for (let at = bytes.length - 22; at >= 0; at--) {
    if (bytes.readUInt32LE(at) !== 0x06054b50) continue;
    const commentLength = bytes.readUInt16LE(at + 20);
    if (at + 22 + commentLength !== bytes.length) continue;
    const directorySize = bytes.readUInt32LE(at + 12);
    const directoryOffset = bytes.readUInt32LE(at + 16);
    const eocdOffset = tailStart + at;
    if (directoryOffset + directorySize > eocdOffset) continue;
    // The empty archive has no central directory; the bare record already makes it a ZIP.
    if (directorySize === 0) return true;
    // Readers also accept an archive appended to other data ("cat a.pdf b.zip"): then the central
    // directory sits right before this record rather than at the offset written in it.
    for (const candidate of [directoryOffset, eocdOffset - directorySize]) {
      const directoryAt = candidate - tailStart;
      if (directoryAt < 0 || bytes.readUInt32LE(directoryAt) === 0x02014b50) return true;
    }
  }
  return false;
}

async function readRange(input: Input, start: number, end: number): Promise<Uint8Array> {
  if (input instanceof Uint8Array) return input.subarray(start, end);
  if (isKnown(input)) {
    if (end <= input.head.length) return input.head.subarray(start, end);
    const tailStart = input.size - input.tail.length;
    if (start >= tailStart) return input.tail.subarray(start - tailStart, end - tailStart);
  }
  const handle = await open(typeof input === 'string' ? input : input.path, 'r');
  try {
    const buffer = Buffer.alloc(end - start);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, start);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function refuse(reason: ReasonCode): Refusal {
  return { ok: false, reason };
}
