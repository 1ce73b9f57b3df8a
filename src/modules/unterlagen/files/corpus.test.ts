import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { EdgesTap } from '#shared/files/index.js';
import { inspectedEdges, inspectFile, type InspectLimits, type KnownFile, type ReasonCode } from './inspect.js';
import {
  elfExecutable,
  encryptedPdf,
  handmadePdf,
  jpegWithGps,
  pdfWithPages,
  peWithPdfInside,
  pngClaimingSize,
  tinyHeic,
  zipArchive,
} from './test/fixtures.js';

interface BadFile {
  label: string;
  name: string;
  bytes: () => Promise<Buffer> | Buffer;
  reason: ReasonCode;
  limits?: Partial<InspectLimits>;
}

/** The file as an upload knows it: on disk, with the edges kept while its bytes passed in pieces of 1,000. */
async function knownFile(path: string, content: Buffer): Promise<KnownFile> {
  const tap = new EdgesTap(inspectedEdges.head, inspectedEdges.tail);
  const pieces = Array.from({ length: Math.ceil(content.length / 1000) }, (_v, i) => content.subarray(i * 1000, (i + 1) * 1000));
  await pipeline(Readable.from(pieces), tap, async (source: AsyncIterable<Buffer>) => {
    for await (const _piece of source);
  });
  return { path, size: content.length, ...tap.edges };
}

// The bad-file corpus, generated here so no suspicious binary sits in the repository.
const corpus: BadFile[] = [
  { label: 'empty file', name: 'leer.pdf', bytes: () => Buffer.alloc(0), reason: 'empty' },
  { label: 'ELF executable renamed .pdf', name: 'bescheid.pdf', bytes: elfExecutable, reason: 'type-not-allowed' },
  {
    label: 'PE executable with %PDF- in its first 1024 bytes',
    name: 'bescheid.pdf',
    bytes: async () => peWithPdfInside(await pdfWithPages(1)),
    reason: 'type-not-allowed',
  },
  {
    label: 'ZIP renamed .jpg',
    name: 'foto.jpg',
    bytes: () => zipArchive('foto.jpg', Buffer.from('not really a photo')),
    reason: 'type-not-allowed',
  },
  {
    label: 'polyglot: valid PDF with a ZIP appended',
    name: 'lohnabrechnung.pdf',
    bytes: async () => Buffer.concat([await pdfWithPages(1), zipArchive('payload.js', Buffer.from('alert(1)'))]),
    reason: 'type-not-allowed',
  },
  {
    label: 'polyglot: JPEG with a ZIP appended',
    name: 'foto.jpg',
    bytes: async () => Buffer.concat([await jpegWithGps(), zipArchive('payload.exe', elfExecutable())]),
    reason: 'type-not-allowed',
  },
  {
    label: 'zip bomb-ish: 16 MB of zeros deflated into a small ZIP',
    name: 'unterlagen.zip',
    bytes: () => zipArchive('zeros.bin', Buffer.alloc(16 * 1024 * 1024), true),
    reason: 'type-not-allowed',
  },
  {
    label: 'the same ZIP named .pdf',
    name: 'unterlagen.pdf',
    bytes: () => zipArchive('zeros.bin', Buffer.alloc(1024 * 1024), true),
    reason: 'type-not-allowed',
  },
  {
    label: 'PNG whose header claims 50,000 × 50,000 pixels',
    name: 'scan.png',
    bytes: () => pngClaimingSize(50_000, 50_000),
    reason: 'too-many-pixels',
  },
  {
    label: 'PNG just above the configured pixel limit',
    name: 'scan.png',
    bytes: () => pngClaimingSize(2001, 1000),
    reason: 'too-many-pixels',
    limits: { maxMegapixels: 2 },
  },
  {
    label: 'HEIC above the configured pixel limit',
    name: 'IMG_0001.HEIC',
    bytes: () => tinyHeic,
    reason: 'too-many-pixels',
    limits: { maxMegapixels: 0.0001 },
  },
  { label: 'encrypted PDF (/Encrypt in the trailer)', name: 'verschluesselt.pdf', bytes: encryptedPdf, reason: 'pdf-encrypted' },
  {
    label: 'broken PDF: header followed by garbage',
    name: 'kaputt.pdf',
    bytes: () => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x41)]),
    reason: 'pdf-broken',
  },
  {
    label: 'broken PDF: catalogue without pages',
    name: 'kaputt.pdf',
    bytes: () => handmadePdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>']),
    reason: 'pdf-broken',
  },
  {
    label: 'broken PDF: first half of a real one',
    name: 'abgeschnitten.pdf',
    bytes: async () => {
      const pdf = await pdfWithPages(2);
      return pdf.subarray(0, Math.floor(pdf.length / 2));
    },
    reason: 'pdf-broken',
  },
  {
    label: 'PDF with more pages than allowed',
    name: 'dick.pdf',
    bytes: () => pdfWithPages(4),
    reason: 'too-many-pages',
    limits: { maxPdfPages: 3 },
  },
  {
    label: 'file larger than allowed',
    name: 'gross.pdf',
    bytes: () => pdfWithPages(1),
    reason: 'too-large',
    limits: { maxBytes: 100 },
  },
  {
    label: 'truncated JPEG',
    name: 'foto.jpg',
    bytes: async () => {
      const jpeg = await jpegWithGps(400, 300);
      return jpeg.subarray(0, Math.floor(jpeg.length * 0.6));
    },
    reason: 'image-broken',
  },
  { label: 'HEIC with its image data cut off', name: 'IMG.heic', bytes: () => tinyHeic.subarray(0, 200), reason: 'image-broken' },
  { label: 'PDF named .jpg', name: 'foto.jpg', bytes: () => pdfWithPages(1), reason: 'extension-mismatch' },
  { label: 'path traversal (unix)', name: '../../etc/passwd.pdf', bytes: () => pdfWithPages(1), reason: 'name-invalid' },
  { label: 'path traversal (windows)', name: '..\\..\\boot.ini.pdf', bytes: () => pdfWithPages(1), reason: 'name-invalid' },
  { label: 'NUL byte in the name', name: 'scan.pdf\u0000.exe', bytes: () => pdfWithPages(1), reason: 'name-invalid' },
  { label: 'right-to-left override in the name', name: 'scan\u202Egpj.pdf', bytes: () => pdfWithPages(1), reason: 'name-invalid' },
  { label: 'name of dots only', name: '..', bytes: () => pdfWithPages(1), reason: 'name-invalid' },
];

describe('bad-file corpus', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wegweiser-corpus-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each(corpus)('$label → $reason', async ({ name, bytes, reason, limits }) => {
    const content = await bytes();
    expect(await inspectFile(content, name, limits)).toEqual({ ok: false, reason });
    // The same verdict when the upload was streamed to disk first.
    const path = join(dir, 'upload');
    await writeFile(path, content);
    expect(await inspectFile(path, name, limits)).toEqual({ ok: false, reason });
    // And when the upload kept the file's edges while it arrived (ADR 0408).
    expect(await inspectFile(await knownFile(path, content), name, limits)).toEqual({ ok: false, reason });
  });

  it('reads the kept edges, not the file, for the checks of the first and last bytes', async () => {
    const pdf = await pdfWithPages(1);
    const path = join(dir, 'clean.pdf');
    await writeFile(path, pdf);
    const clean = await knownFile(path, pdf);
    expect(await inspectFile(clean, 'bescheid.pdf')).toMatchObject({ ok: true, kind: 'pdf', pages: 1 });
    // The file on disk is the clean PDF; the edges kept say a ZIP was appended: refused by the edges.
    const polyglot = Buffer.concat([pdf, zipArchive('payload.js', Buffer.from('alert(1)'))]);
    const kept = await knownFile(path, polyglot);
    expect(await inspectFile({ ...kept, size: polyglot.length }, 'bescheid.pdf')).toEqual({ ok: false, reason: 'type-not-allowed' });
  });
});
