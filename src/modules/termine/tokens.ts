// Termine's own uses of src/shared/crypto, in the encodings its tables and pages already carry: short keyed
// hashes of rate-limit subjects and hold form tokens, secrets derived per purpose, and the manage token of an
// idempotent booking sealed for a retry (doc/security.md §4).
import { deriveKey, keyedHash, sealParts, unsealParts } from '#shared/crypto.js';

/** Keyed hash, 32 base64url characters, for identifiers that must not be stored in the clear (IP, e-mail). */
export function shortKeyedHash(secret: string, purpose: string, value: string): string {
  return keyedHash(secret, [purpose, value], 'base64url').slice(0, 32);
}

/** A secret for one purpose, derived from SECRET_KEY. */
export function deriveSecret(secret: string, purpose: string): string {
  return deriveKey(secret, 'wegweiser-termine', purpose).toString('base64url');
}

// The key needs the client's Idempotency-Key, which is stored only as a hash: the database alone cannot reveal the token.
const retryKey = (secret: string, clientKey: string) => deriveKey(secret, clientKey, 'termine-idempotency');

/** Encrypts the manage token of an idempotent booking so a retry can return it again: base64url(IV | tag | data). */
export function sealForRetry(secret: string, clientKey: string, token: string): string {
  const { iv, data, tag } = sealParts(retryKey(secret, clientKey), token);
  return Buffer.concat([iv, tag, data]).toString('base64url');
}

export function openForRetry(secret: string, clientKey: string, sealed: string): string {
  const raw = Buffer.from(sealed, 'base64url');
  return unsealParts(retryKey(secret, clientKey), { iv: raw.subarray(0, 12), tag: raw.subarray(12, 28), data: raw.subarray(28) }).toString('utf8');
}
