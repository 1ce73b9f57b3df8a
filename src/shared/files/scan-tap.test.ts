import { randomBytes } from 'node:crypto';
import { Readable, Writable, type Readable as ReadableType } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { ScanTap } from './scan-tap.js';
import type { ScanVerdict, Scanner } from './scanner.js';

const pdf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size)]);

/** A scanner that reads everything (slowly, so the tap has to wait for it) and reports what it saw. */
function recordingScanner(): Scanner & { seen: Buffer[]; calls: number } {
  const scanner = {
    configured: true,
    seen: [] as Buffer[],
    calls: 0,
    async scan(source: ReadableType): Promise<ScanVerdict> {
      scanner.calls++;
      for await (const chunk of source) {
        scanner.seen.push(chunk as Buffer);
        await new Promise((resolve) => setImmediate(resolve));
      }
      return { status: 'clean' };
    },
  };
  return scanner;
}

function sink(): { stream: Writable; bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  return {
    stream: new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk);
        callback();
      },
    }),
    bytes: () => Buffer.concat(chunks),
  };
}

const chunked = (bytes: Buffer) => Readable.from(Array.from({ length: Math.ceil(bytes.length / 65536) }, (_, i) => bytes.subarray(i * 65536, (i + 1) * 65536)));

describe('ScanTap: the scan while the upload is written', () => {
  it('gives the scanner and the file the same bytes of a PDF, and the verdict', async () => {
    const bytes = pdf(5 * 1024 * 1024);
    const scanner = recordingScanner();
    const tap = new ScanTap(scanner, { startsWith: Buffer.from('%PDF-'), highWaterMark: 64 * 1024 });
    const file = sink();
    await pipeline(chunked(bytes), tap, file.stream);
    expect(await tap.verdict()).toEqual({ status: 'clean' });
    expect(file.bytes().equals(bytes)).toBe(true);
    expect(Buffer.concat(scanner.seen).equals(bytes)).toBe(true);
  });

  it('does not scan what does not start as a PDF (photos are scanned after conversion)', async () => {
    const scanner = recordingScanner();
    const tap = new ScanTap(scanner, { startsWith: Buffer.from('%PDF-') });
    const file = sink();
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), randomBytes(100_000)]);
    await pipeline(chunked(jpeg), tap, file.stream);
    expect(tap.verdict()).toBeUndefined();
    expect(scanner.calls).toBe(0);
    expect(file.bytes().equals(jpeg)).toBe(true);
  });

  it('still writes the whole file when the scanner answers early and stops reading', async () => {
    const early: Scanner = {
      configured: true,
      async scan(source) {
        for await (const _chunk of source) break;
        source.destroy();
        return { status: 'infected', signature: 'Test.Early' };
      },
    };
    const bytes = pdf(2 * 1024 * 1024);
    const tap = new ScanTap(early, { startsWith: Buffer.from('%PDF-'), highWaterMark: 16 * 1024 });
    const file = sink();
    await pipeline(chunked(bytes), tap, file.stream);
    expect(await tap.verdict()).toEqual({ status: 'infected', signature: 'Test.Early' });
    expect(file.bytes().equals(bytes)).toBe(true);
  });
});
