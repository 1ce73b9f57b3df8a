// The one home of the security primitives: citizen and staff tokens, hashing, constant-time comparison, keyed
// hashes and AES-256-GCM sealing. Modules keep only the encoding their tables already store (doc/security.md §4).
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/** A token as we hand it out: 32 random bytes in base64url, exactly 43 characters. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A new token with 256 bits of randomness (links, cookies, receipts), base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Looks like one of our tokens; anything else is refused before it reaches the database. */
export function isToken(value: unknown): value is string {
  return typeof value === 'string' && TOKEN_PATTERN.test(value);
}

export function sha256(value: string | Buffer, encoding: 'hex' | 'base64url' = 'hex'): string {
  return createHash('sha256').update(value).digest(encoding);
}

/**
 * How a token is stored: SHA-256, hex. Tokens carry 256 random bits, so a slow password hash adds nothing;
 * the database alone never yields a usable token.
 */
export function hashToken(token: string): string {
  return sha256(token);
}

/**
 * The same hash in base64url: the encoding the termine and forms tables stored from the start. Only for those
 * tables (changing it would invalidate every link already sent); new tables use `hashToken`.
 */
export function hashTokenBase64url(token: string): string {
  return sha256(token, 'base64url');
}

/** Equal strings, compared in constant time (different lengths are unequal at once; length is not secret). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * HMAC-SHA-256 of a value under SECRET_KEY (or a key derived from it for one purpose), for values with little entropy (IP addresses, e-mail addresses,
 * recovery codes) or for signatures. A list is joined with NUL, so ['ip', address] and ['ipa', 'ddress'] differ:
 * put the purpose first.
 */
export function keyedBytes(secret: string | Buffer, value: string | readonly string[]): Buffer {
  return createHmac('sha256', secret)
    .update(typeof value === 'string' ? value : value.join('\0'))
    .digest();
}

export function keyedHash(secret: string | Buffer, value: string | readonly string[], encoding: 'hex' | 'base64url' = 'hex'): string {
  return keyedBytes(secret, value).toString(encoding);
}

/** A 256-bit key for one purpose, derived from SECRET_KEY with HKDF-SHA-256 (salt and info name the use). */
export function deriveKey(secret: string, salt: string, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, salt, info, 32));
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** AES-256-GCM output in parts, for tables that store them in their own layout. */
export interface SealedParts {
  iv: Buffer;
  data: Buffer;
  tag: Buffer;
}

/** Encrypts with a fresh random IV; `aad` (e.g. tenant and row id) must be given again to open it. */
export function sealParts(key: Buffer, plaintext: string | Buffer, aad?: string): SealedParts {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  if (aad !== undefined) cipher.setAAD(Buffer.from(aad, 'utf8'));
  const data = Buffer.concat([cipher.update(typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext), cipher.final()]);
  return { iv, data, tag: cipher.getAuthTag() };
}

/** Decrypts and authenticates; throws on a wrong key, wrong `aad` or any changed byte. */
export function unsealParts(key: Buffer, { iv, data, tag }: SealedParts, aad?: string): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  if (aad !== undefined) decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data), decipher.final()]);
}

/** AES-256-GCM in one buffer: IV (12 bytes) | ciphertext | tag (16 bytes). The layout new tables use. */
export function seal(key: Buffer, plaintext: string | Buffer, aad?: string): Buffer {
  const { iv, data, tag } = sealParts(key, plaintext, aad);
  return Buffer.concat([iv, data, tag]);
}

export function unseal(key: Buffer, sealed: Buffer, aad?: string): Buffer {
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new Error('sealed value too short');
  return unsealParts(
    key,
    { iv: sealed.subarray(0, IV_BYTES), data: sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES), tag: sealed.subarray(sealed.length - TAG_BYTES) },
    aad,
  );
}
