// Self-service tokens: 256 bits of randomness, shown once, stored only as SHA-256 (doc/security.md §4).
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/** A new random token (32 bytes, base64url, 43 characters). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Looks like one of our tokens; anything else is rejected before it reaches the database. */
export function isTokenShaped(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}

/** Keyed hash for identifiers that must not be stored in the clear (IP addresses, e-mail in rate limits). */
export function keyedHash(secret: string, purpose: string, value: string): string {
  return createHmac('sha256', secret).update(`${purpose}\u0000${value}`).digest('base64url').slice(0, 32);
}

/** A secret for one purpose, derived from SECRET_KEY. */
export function deriveSecret(secret: string, purpose: string): string {
  return Buffer.from(hkdfSync('sha256', secret, 'wegweiser-termine', purpose, 32)).toString('base64url');
}

function idempotencyKey(secret: string, clientKey: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, clientKey, 'termine-idempotency', 32));
}

/**
 * Encrypts the manage token of an idempotent booking so a retry can return it again. The key needs the
 * client's Idempotency-Key, which is stored only as a hash: the database alone cannot reveal the token.
 */
export function sealForRetry(secret: string, clientKey: string, token: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', idempotencyKey(secret, clientKey), iv);
  const body = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

export function openForRetry(secret: string, clientKey: string, sealed: string): string {
  const raw = Buffer.from(sealed, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', idempotencyKey(secret, clientKey), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}
