import { createHash, randomBytes } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  createDecryptStream,
  createEncryptStream,
  decryptFile,
  DecryptionError,
  encryptFile,
  generateDataKey,
  parseMasterKey,
  unwrapDataKey,
  wrapDataKey,
  wrappedKeyLength,
} from './encryption.js';

const masterKey = randomBytes(32);

function collector(): { sink: Writable; bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  return { sink, bytes: () => Buffer.concat(chunks) };
}

/** Splits a buffer into chunks of uneven sizes, so header and tag straddle chunk borders. */
function unevenChunks(data: Buffer): Readable {
  const sizes = [1, 3, 15, 17, 4096, 65_536, 7];
  return Readable.from(
    (function* () {
      let at = 0;
      for (let i = 0; at < data.length; i++) {
        const size = sizes[i % sizes.length]!;
        yield data.subarray(at, at + size);
        at += size;
      }
    })(),
  );
}

async function encrypt(plaintext: Buffer) {
  const { sink, bytes } = collector();
  const result = await encryptFile(Readable.from([plaintext]), sink, masterKey);
  return { ...result, ciphertext: bytes() };
}

describe('envelope encryption', () => {
  it('round-trips 5 MB of random data and reports the plaintext SHA-256', async () => {
    const plaintext = randomBytes(5 * 1024 * 1024);
    const expectedHash = createHash('sha256').update(plaintext).digest('hex');
    const { wrappedKey, sha256, size, ciphertext } = await encrypt(plaintext);

    expect(sha256).toBe(expectedHash);
    expect(size).toBe(plaintext.length);
    expect(wrappedKey).toHaveLength(wrappedKeyLength);
    expect(ciphertext).toHaveLength(plaintext.length + 4 + 12 + 16);
    expect(ciphertext.subarray(0, 4).toString('latin1')).toBe('WGF1');
    expect(ciphertext.includes(plaintext.subarray(1000, 1064))).toBe(false);

    const { sink, bytes } = collector();
    const decrypted = await decryptFile(unevenChunks(ciphertext), sink, wrappedKey, masterKey);
    expect(bytes().equals(plaintext)).toBe(true);
    expect(decrypted).toEqual({ sha256: expectedHash, size: plaintext.length });
  });

  it('round-trips empty and tiny files', async () => {
    for (const plaintext of [Buffer.alloc(0), Buffer.from('x'), randomBytes(16), randomBytes(17)]) {
      const { wrappedKey, ciphertext } = await encrypt(plaintext);
      const { sink, bytes } = collector();
      await decryptFile(unevenChunks(ciphertext), sink, wrappedKey, masterKey);
      expect(bytes().equals(plaintext)).toBe(true);
    }
  });

  it('uses a fresh data key and IV per file', async () => {
    const plaintext = Buffer.from('Kontoauszug');
    const first = await encrypt(plaintext);
    const second = await encrypt(plaintext);
    expect(first.ciphertext.equals(second.ciphertext)).toBe(false);
    expect(unwrapDataKey(first.wrappedKey, masterKey).equals(unwrapDataKey(second.wrappedKey, masterKey))).toBe(false);
  });

  it.each([
    ['a flipped ciphertext byte', (c: Buffer) => void (c[5000] = c[5000]! ^ 0x01)],
    ['a flipped tag byte', (c: Buffer) => void (c[c.length - 1] = c[c.length - 1]! ^ 0x80)],
    ['a flipped IV byte', (c: Buffer) => void (c[6] = c[6]! ^ 0x01)],
    ['a changed format marker', (c: Buffer) => void c.write('WGF2', 0, 'latin1')],
  ])('refuses %s', async (_label, tamper) => {
    const { wrappedKey, ciphertext } = await encrypt(randomBytes(10_000));
    tamper(ciphertext);
    const { sink } = collector();
    await expect(decryptFile(Readable.from([ciphertext]), sink, wrappedKey, masterKey)).rejects.toBeInstanceOf(
      DecryptionError,
    );
  });

  it('refuses truncated ciphertext', async () => {
    const { wrappedKey, ciphertext } = await encrypt(randomBytes(10_000));
    for (const cut of [ciphertext.length - 1, ciphertext.length - 16, 20, 10]) {
      const { sink } = collector();
      await expect(
        decryptFile(Readable.from([ciphertext.subarray(0, cut)]), sink, wrappedKey, masterKey),
      ).rejects.toBeInstanceOf(DecryptionError);
    }
  });

  it('refuses a wrong master key and a tampered wrapped key', async () => {
    const { wrappedKey, ciphertext } = await encrypt(randomBytes(1000));
    const { sink } = collector();
    await expect(decryptFile(Readable.from([ciphertext]), sink, wrappedKey, randomBytes(32))).rejects.toBeInstanceOf(
      DecryptionError,
    );
    const damaged = Buffer.from(wrappedKey);
    damaged[20] = damaged[20]! ^ 0x01;
    expect(() => unwrapDataKey(damaged, masterKey)).toThrow(DecryptionError);
    expect(() => unwrapDataKey(wrappedKey.subarray(1), masterKey)).toThrow(DecryptionError);
  });

  it('refuses a stream decrypted with another data key', async () => {
    const dataKey = generateDataKey();
    const { sink, bytes } = collector();
    await pipeline(Readable.from([randomBytes(100)]), createEncryptStream(dataKey), sink);
    const { sink: out } = collector();
    await expect(
      pipeline(Readable.from([bytes()]), createDecryptStream(generateDataKey()), out),
    ).rejects.toBeInstanceOf(DecryptionError);
  });

  it('wraps and unwraps a data key', () => {
    const dataKey = generateDataKey();
    const wrapped = wrapDataKey(dataKey, masterKey);
    expect(wrapped.includes(dataKey)).toBe(false);
    expect(unwrapDataKey(wrapped, masterKey).equals(dataKey)).toBe(true);
  });

  it('accepts only a 32-byte base64 master key', () => {
    const key = randomBytes(32);
    expect(parseMasterKey(key.toString('base64')).equals(key)).toBe(true);
    expect(() => parseMasterKey(randomBytes(16).toString('base64'))).toThrow(RangeError);
    expect(() => parseMasterKey('not base64 at all!')).toThrow(RangeError);
  });

  it('streams with bounded memory: output flows before input ends, no chunk grows with the file', async () => {
    const chunk = randomBytes(64 * 1024);
    const totalChunks = 2048; // 128 MB
    let produced = 0;
    let outputSeenAt: number | undefined;
    let largestOutput = 0;
    let outputBytes = 0;
    let peakGrowth = 0;
    // Collect garbage before each sample, so only memory still referenced counts.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const memory = () => {
      gc();
      const usage = process.memoryUsage();
      return usage.heapUsed + usage.arrayBuffers;
    };
    const baseline = memory();

    const source = Readable.from(
      (function* () {
        for (; produced < totalChunks; produced++) yield chunk;
      })(),
    );
    const dataKey = generateDataKey();
    const sink = new Writable({
      write(data: Buffer, _encoding, callback) {
        outputSeenAt ??= produced;
        largestOutput = Math.max(largestOutput, data.length);
        outputBytes += data.length;
        if (outputBytes % (64 * chunk.length) < data.length) peakGrowth = Math.max(peakGrowth, memory() - baseline);
        callback();
      },
    });
    await pipeline(source, createEncryptStream(dataKey), createDecryptStream(dataKey), sink);

    expect(outputBytes).toBe(chunk.length * totalChunks);
    expect(outputSeenAt).toBeLessThan(10);
    expect(largestOutput).toBeLessThanOrEqual(chunk.length + 16);
    // Whole-file buffering would need 128 MB (twice, for ciphertext and plaintext).
    expect(peakGrowth).toBeLessThan(32 * 1024 * 1024);
  });
});
