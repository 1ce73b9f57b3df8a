// A PDF checked from its encrypted staged copy (ADR 0384): the checker's decryption agrees with the store's encryption,
// and a copy that does not decrypt is a fault of the server, never a refusal of the citizen's file.
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptFile, unwrapDataKey } from '#shared/files/encryption.js';
import { inspectFile, pdfWindow, type SealedFile } from './inspect.js';
import { UnreadableUploadError } from './pdf-worker.js';
import { pdfWithPages, zipArchive } from './test/fixtures.js';

const masterKey = randomBytes(32);

describe('a PDF checked from its encrypted copy', () => {
  let dir: string;
  beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'wegweiser-sealed-'))));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  /** Encrypts `bytes` as the store stages them and describes the file as an upload keeps it. */
  async function seal(bytes: Buffer, name: string): Promise<SealedFile> {
    const path = join(dir, name);
    // 64 KB pieces, as a request delivers them.
    const pieces = Array.from({ length: Math.ceil(bytes.length / 65_536) }, (_, i) => bytes.subarray(i * 65_536, (i + 1) * 65_536));
    const { wrappedKey } = await encryptFile(Readable.from(pieces), createWriteStream(path), masterKey);
    const head = bytes.subarray(0, pdfWindow.head);
    const tail = bytes.subarray(Math.max(0, bytes.length - pdfWindow.tail));
    return { size: bytes.length, head, tail, copy: { path, dataKey: unwrapDataKey(wrappedKey, masterKey) } };
  }

  it('counts the pages of a PDF larger than the piece the checker reads at once', async () => {
    const pdf = await pdfWithPages(7);
    expect(await inspectFile(await seal(pdf, 'seven.pdf'), 'Bescheid.pdf')).toMatchObject({ ok: true, kind: 'pdf', pages: 7 });
    const big = Buffer.concat([pdf.subarray(0, pdf.lastIndexOf('%%EOF')), Buffer.from(`%${randomBytes(1_500_000).toString('hex')}\n%%EOF\n`)]);
    expect(await inspectFile(await seal(big, 'big.pdf'), 'Bescheid.pdf')).toMatchObject({ ok: true, pages: 7 });
  });

  it('still refuses by content what is refused as a plain file', async () => {
    const polyglot = Buffer.concat([await pdfWithPages(1), zipArchive('notiz.txt', Buffer.from('Notiz'))]);
    expect(await inspectFile(await seal(polyglot, 'polyglot.pdf'), 'a.pdf')).toEqual({ ok: false, reason: 'type-not-allowed' });
    const cut = (await pdfWithPages(2)).subarray(0, 400);
    expect(await inspectFile(await seal(cut, 'cut.pdf'), 'a.pdf')).toEqual({ ok: false, reason: 'pdf-broken' });
  });

  it('fails, instead of refusing the file, when the copy does not decrypt', async () => {
    const sealed = await seal(await pdfWithPages(2), 'tampered.pdf');
    const bytes = await readFile(sealed.copy.path);
    bytes[100] = bytes[100]! ^ 0xff;
    await writeFile(sealed.copy.path, bytes);
    await expect(inspectFile(sealed, 'a.pdf')).rejects.toThrow(UnreadableUploadError);
    const other = await seal(await pdfWithPages(2), 'other-key.pdf');
    await expect(inspectFile({ ...other, copy: { ...other.copy, dataKey: randomBytes(32) } }, 'a.pdf')).rejects.toThrow(UnreadableUploadError);
  });
});
