import { randomBytes } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { EdgesTap } from './edges-tap.js';

/** Streams `bytes` in pieces of `pieceLength` through an EdgesTap; returns its edges and what passed. */
async function run(bytes: Buffer, pieceLength: number, head: number, tail: number) {
  const pieces = Array.from({ length: Math.ceil(bytes.length / pieceLength) }, (_v, i) => bytes.subarray(i * pieceLength, (i + 1) * pieceLength));
  const tap = new EdgesTap(head, tail);
  const passed: Buffer[] = [];
  await pipeline(Readable.from(pieces), tap, new Writable({ write: (chunk: Buffer, _e, done) => (passed.push(chunk), done()) }));
  return { edges: tap.edges, passed: Buffer.concat(passed) };
}

describe('EdgesTap', () => {
  const bytes = randomBytes(300_000);

  it.each([7, 4100, 65_536, 65_557, 100_000, 300_000])('keeps the first and last bytes exactly, in pieces of %i bytes', async (pieceLength) => {
    const { edges, passed } = await run(bytes, pieceLength, 4100, 65_557);
    expect(edges.head.equals(bytes.subarray(0, 4100))).toBe(true);
    expect(edges.tail.equals(bytes.subarray(bytes.length - 65_557))).toBe(true);
    expect(passed.equals(bytes)).toBe(true);
  });

  it('keeps the whole of a stream shorter than the edges, in both', async () => {
    const short = bytes.subarray(0, 1000);
    const { edges } = await run(short, 300, 4100, 65_557);
    expect(edges.head.equals(short)).toBe(true);
    expect(edges.tail.equals(short)).toBe(true);
  });

  it('keeps the edges of one-byte pieces', async () => {
    // 300,000 pieces of one byte each (a sender of tiny pieces): a tap that held on to the pieces took 26 s here.
    const { edges } = await run(bytes, 1, 4100, 65_557);
    expect(edges.head.equals(bytes.subarray(0, 4100))).toBe(true);
    expect(edges.tail.equals(bytes.subarray(bytes.length - 65_557))).toBe(true);
  });

  it('has no edges before the stream ended', () => {
    expect(() => new EdgesTap(1, 1).edges).toThrow(/not ended/);
  });
});
