import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlaintextSink } from './plaintext-sink.js';

const window = { head: 4100, tail: 65_557 };
const isPdf = (start: Buffer) => start.toString('latin1').startsWith('%PDF-');
/** The bytes in pieces of the given sizes, as a request delivers them. */
const pieces = (bytes: Buffer, sizes: number[]) => {
  const out: Buffer[] = [];
  let at = 0;
  for (const size of sizes) out.push(bytes.subarray(at, (at += size)));
  if (at < bytes.length) out.push(bytes.subarray(at));
  return out;
};

describe('PlaintextSink', () => {
  let dir: string;
  beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'wegweiser-sink-'))));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('keeps a PDF off the disk and its first and last bytes in memory, whatever the pieces', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(300_000)]);
    for (const sizes of [[2, 1, 2], [65_536, 65_536], [1, 4099, 1]]) {
      const path = join(dir, `pdf-${sizes.join('-')}`);
      const shown: Buffer[] = [];
      const sink = new PlaintextSink(path, window, (start) => (shown.push(start), !isPdf(start)));
      await pipeline(Readable.from(pieces(pdf, sizes)), sink);
      expect(shown).toHaveLength(1);
      expect(shown[0]!.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(sink.onDisk).toBe(false);
      await expect(stat(path)).rejects.toThrow(/ENOENT/);
      expect(sink.head()).toEqual(pdf.subarray(0, window.head));
      expect(sink.tail()).toEqual(pdf.subarray(pdf.length - window.tail));
    }
  });

  it('writes any other file to disk byte for byte', async () => {
    const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), randomBytes(2 * 1024 * 1024)]);
    const path = join(dir, 'photo');
    const sink = new PlaintextSink(path, window, (start) => !isPdf(start));
    await pipeline(Readable.from(pieces(photo, [1, 1, 1, 65_536])), sink);
    expect(sink.onDisk).toBe(true);
    expect(await readFile(path)).toEqual(photo);
  });

  it('keeps all of a file shorter than its window, and writes an empty file as it is', async () => {
    const short = Buffer.from('%PDF-1.4 kurz %%EOF');
    const sink = new PlaintextSink(join(dir, 'short'), window, (start) => !isPdf(start));
    await pipeline(Readable.from([short]), sink);
    expect([sink.onDisk, sink.head(), sink.tail()]).toEqual([false, short, short]);

    const path = join(dir, 'empty');
    const empty = new PlaintextSink(path, window, (start) => !isPdf(start));
    await pipeline(Readable.from([]), empty);
    expect(empty.onDisk).toBe(true);
    expect((await stat(path)).size).toBe(0);
  });

  it('fails the pipeline when the plaintext cannot be written', async () => {
    const sink = new PlaintextSink(join(dir, 'missing-folder', 'x'), window, () => true);
    await expect(pipeline(Readable.from([randomBytes(100_000)]), sink)).rejects.toThrow(/ENOENT/);
  });
});
