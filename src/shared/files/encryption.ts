// Encryption at rest of uploaded files: AES-256-GCM streams with a per-file data key wrapped by FILES_MASTER_KEY.
import { createCipheriv, createDecipheriv, createHash, randomBytes, type DecipherGCM, type Hash } from 'node:crypto';
import { Transform, type Readable, type TransformCallback, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/*
 * Envelope encryption for files at rest. Every file gets its own random 256-bit data key;
 * only that key, wrapped with the master key, is stored beside the file's record.
 *
 * Encrypted file:  "WGF1" (4) | IV (12) | AES-256-GCM ciphertext (n) | auth tag (16)
 * Wrapped key:     "WGK1" (4) | IV (12) | encrypted data key (32)   | auth tag (16)   = 64 bytes
 * The 4-byte prefix is authenticated data, so a version change cannot be smuggled in.
 */

const fileMagic = Buffer.from('WGF1', 'latin1');
const keyMagic = Buffer.from('WGK1', 'latin1');
const ivLength = 12;
const tagLength = 16;
const keyLength = 32;
const fileHeaderLength = fileMagic.length + ivLength;
export const wrappedKeyLength = keyMagic.length + ivLength + keyLength + tagLength;

/** Tampered ciphertext, a wrong key or a damaged header; never says which, on purpose. */
export class DecryptionError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('decryption failed: wrong key or damaged data', options);
    this.name = 'DecryptionError';
  }
}

/** Reads the master key from configuration (base64 of exactly 32 bytes). */
export function parseMasterKey(base64: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== keyLength || key.toString('base64') !== base64.trim()) {
    throw new RangeError('master key must be 32 bytes, base64-encoded');
  }
  return key;
}

export function generateDataKey(): Buffer {
  return randomBytes(keyLength);
}

export function wrapDataKey(dataKey: Buffer, masterKey: Buffer): Buffer {
  assertKey(dataKey);
  assertKey(masterKey);
  const iv = randomBytes(ivLength);
  const cipher = createCipheriv('aes-256-gcm', masterKey, iv, { authTagLength: tagLength });
  cipher.setAAD(keyMagic);
  const encrypted = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return Buffer.concat([keyMagic, iv, encrypted, cipher.getAuthTag()]);
}

export function unwrapDataKey(wrapped: Buffer, masterKey: Buffer): Buffer {
  assertKey(masterKey);
  if (wrapped.length !== wrappedKeyLength || !wrapped.subarray(0, keyMagic.length).equals(keyMagic)) {
    throw new DecryptionError();
  }
  const iv = wrapped.subarray(keyMagic.length, keyMagic.length + ivLength);
  const encrypted = wrapped.subarray(keyMagic.length + ivLength, keyMagic.length + ivLength + keyLength);
  const tag = wrapped.subarray(wrapped.length - tagLength);
  try {
    const decipher = createDecipheriv('aes-256-gcm', masterKey, iv, { authTagLength: tagLength });
    decipher.setAAD(keyMagic);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(encrypted), decipher.final()]);
  } catch (cause) {
    throw new DecryptionError({ cause });
  }
}

/** Transform: plaintext in, framed ciphertext (header, ciphertext, tag) out. */
export function createEncryptStream(dataKey: Buffer): Transform {
  assertKey(dataKey);
  const iv = randomBytes(ivLength);
  const header = Buffer.concat([fileMagic, iv]);
  const cipher = createCipheriv('aes-256-gcm', dataKey, iv, { authTagLength: tagLength });
  cipher.setAAD(header);
  let headerSent = false;
  const sendHeader = (stream: Transform) => {
    if (!headerSent) stream.push(header);
    headerSent = true;
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      sendHeader(this);
      callback(null, cipher.update(chunk));
    },
    flush(callback) {
      sendHeader(this);
      this.push(cipher.final());
      callback(null, cipher.getAuthTag());
    },
  });
}

/**
 * Transform: framed ciphertext in, plaintext out. The last 16 bytes (the tag) are held back
 * and checked at the end; a mismatch makes the stream fail with DecryptionError.
 * GCM can only authenticate at the end, so plaintext already emitted is not yet verified:
 * write it to a temporary place, or abort the response, when the stream fails.
 */
export function createDecryptStream(dataKey: Buffer): Transform {
  assertKey(dataKey);
  let header = Buffer.alloc(0);
  let held = Buffer.alloc(0);
  let decipher: DecipherGCM | undefined;

  const decrypt = (data: Buffer, stream: Transform) => {
    // Keep the last tagLength bytes of everything seen so far; they may be the tag.
    const combined = held.length + data.length;
    if (combined <= tagLength) {
      held = Buffer.concat([held, data]);
      return;
    }
    const release = combined - tagLength;
    const fromHeld = Math.min(release, held.length);
    if (fromHeld > 0) stream.push(decipher!.update(held.subarray(0, fromHeld)));
    const fromData = release - fromHeld;
    if (fromData > 0) stream.push(decipher!.update(data.subarray(0, fromData)));
    held = Buffer.concat([held.subarray(fromHeld), data.subarray(fromData)]);
  };

  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      try {
        let data = chunk;
        if (!decipher) {
          const needed = fileHeaderLength - header.length;
          header = Buffer.concat([header, data.subarray(0, needed)]);
          data = data.subarray(needed);
          if (header.length < fileHeaderLength) return callback();
          if (!header.subarray(0, fileMagic.length).equals(fileMagic)) return callback(new DecryptionError());
          decipher = createDecipheriv('aes-256-gcm', dataKey, header.subarray(fileMagic.length), {
            authTagLength: tagLength,
          });
          decipher.setAAD(header);
        }
        decrypt(data, this);
        callback();
      } catch (cause) {
        callback(new DecryptionError({ cause }));
      }
    },
    flush(callback) {
      if (!decipher || held.length !== tagLength) return callback(new DecryptionError());
      try {
        decipher.setAuthTag(held);
        callback(null, decipher.final());
      } catch (cause) {
        callback(new DecryptionError({ cause }));
      }
    },
  });
}

/** Pass-through that counts the bytes flowing through it (the size of a file hashed elsewhere). */
class ByteCounter extends Transform {
  private count = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.count += chunk.length;
    callback(null, chunk);
  }

  get size(): number {
    return this.count;
  }
}

/** Pass-through that computes SHA-256 and byte count of what flows through it. */
export class Sha256Tap extends ByteCounter {
  private readonly hash: Hash = createHash('sha256');
  private hex: string | undefined;

  override _transform(chunk: Buffer, encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    super._transform(chunk, encoding, callback);
  }

  override _flush(callback: TransformCallback): void {
    this.hex = this.hash.digest('hex');
    callback();
  }

  /** Hex digest; available once the stream has ended. */
  get sha256(): string {
    if (this.hex === undefined) throw new Error('Sha256Tap: stream has not ended yet');
    return this.hex;
  }
}

export interface EncryptedFile {
  /** Store this beside the file's record; without it (and the master key) the file is unreadable. */
  wrappedKey: Buffer;
  /** SHA-256 of the plaintext, hex, for the receipt. */
  sha256: string;
  /** Plaintext size in bytes. */
  size: number;
}

/** An encrypted file whose plaintext the caller hashed itself (`digest: false`). */
export type EncryptedCopy = Omit<EncryptedFile, 'sha256'>;

export interface EncryptOptions {
  /**
   * false: the caller hashes the very same bytes already (an upload hashes while it receives), so the plaintext is not
   * hashed a second time: 7 ms of CPU per 10 MB (ADR 0380).
   */
  digest: false;
}

/** Encrypts `source` into `destination` with a fresh data key, hashing the plaintext on the way (unless `digest: false`). */
export async function encryptFile(source: Readable, destination: Writable, masterKey: Buffer): Promise<EncryptedFile>;
export async function encryptFile(source: Readable, destination: Writable, masterKey: Buffer, options: EncryptOptions): Promise<EncryptedCopy>;
export async function encryptFile(source: Readable, destination: Writable, masterKey: Buffer, options?: EncryptOptions): Promise<EncryptedFile | EncryptedCopy>;
export async function encryptFile(source: Readable, destination: Writable, masterKey: Buffer, options?: EncryptOptions): Promise<EncryptedFile | EncryptedCopy> {
  const dataKey = generateDataKey();
  try {
    const wrappedKey = wrapDataKey(dataKey, masterKey);
    const tap = options?.digest === false ? new ByteCounter() : new Sha256Tap();
    await pipeline(source, tap, createEncryptStream(dataKey), destination);
    return tap instanceof Sha256Tap ? { wrappedKey, sha256: tap.sha256, size: tap.size } : { wrappedKey, size: tap.size };
  } finally {
    dataKey.fill(0);
  }
}

/**
 * Decrypts into `destination` and returns the plaintext's SHA-256. Rejects with DecryptionError
 * on a wrong master key or tampered data (see createDecryptStream about emitted plaintext).
 */
export async function decryptFile(
  source: Readable,
  destination: Writable,
  wrappedKey: Buffer,
  masterKey: Buffer,
): Promise<{ sha256: string; size: number }> {
  const dataKey = unwrapDataKey(wrappedKey, masterKey);
  try {
    const tap = new Sha256Tap();
    await pipeline(source, createDecryptStream(dataKey), tap, destination);
    return { sha256: tap.sha256, size: tap.size };
  } finally {
    dataKey.fill(0);
  }
}

function assertKey(key: Buffer): void {
  if (key.length !== keyLength) throw new RangeError('AES-256 keys are 32 bytes');
}
