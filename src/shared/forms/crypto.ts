// Encryption at rest for form answers and PDFs (AES-256-GCM), and hashing of citizen tokens.
// The key is derived from SECRET_KEY; the row's tenant and id are authenticated data, so a
// ciphertext copied into another row (or tenant) does not decrypt.
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

export interface Sealed {
  v: 1;
  iv: string;
  data: string;
  tag: string;
}

const keys = new Map<string, Buffer>();

export function formsKey(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, 'wegweiser-forms', 'answers-v1', 32));
    keys.set(secret, key);
  }
  return key;
}

function cipherParts(plain: Buffer, key: Buffer, aad: string) {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const data = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { iv, data, tag: cipher.getAuthTag() };
}

function decipher(iv: Buffer, data: Buffer, tag: Buffer, key: Buffer, aad: string): Buffer {
  const d = createDecipheriv('aes-256-gcm', key, iv);
  d.setAAD(Buffer.from(aad, 'utf8'));
  d.setAuthTag(tag);
  return Buffer.concat([d.update(data), d.final()]);
}

export function sealJson(value: unknown, key: Buffer, aad: string): Sealed {
  const { iv, data, tag } = cipherParts(Buffer.from(JSON.stringify(value), 'utf8'), key, aad);
  return { v: 1, iv: iv.toString('base64'), data: data.toString('base64'), tag: tag.toString('base64') };
}

export function openJson<T>(sealed: Sealed, key: Buffer, aad: string): T {
  const plain = decipher(Buffer.from(sealed.iv, 'base64'), Buffer.from(sealed.data, 'base64'), Buffer.from(sealed.tag, 'base64'), key, aad);
  return JSON.parse(plain.toString('utf8')) as T;
}

/** Binary form for files: IV (12) | ciphertext | tag (16). */
export function sealBytes(plain: Buffer, key: Buffer, aad: string): Buffer {
  const { iv, data, tag } = cipherParts(plain, key, aad);
  return Buffer.concat([iv, data, tag]);
}

export function openBytes(sealed: Buffer, key: Buffer, aad: string): Buffer {
  return decipher(sealed.subarray(0, 12), sealed.subarray(12, sealed.length - 16), sealed.subarray(sealed.length - 16), key, aad);
}

/** 256 bits of randomness, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are stored only as SHA-256 hashes; high entropy makes a slow hash unnecessary. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}

export function looksLikeToken(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
