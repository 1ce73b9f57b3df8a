// Staff's own uses of src/shared/crypto: the CSRF synchronizer token of a session and TOTP secrets at rest, in
// the formats the staff tables already store.
import { deriveKey, keyedHash, sealParts, unsealParts } from '#shared/crypto.js';

/** The synchronizer token of a session: derived from the session's token hash, so it dies with the session. */
export function csrfTokenFor(secretKey: string, sessionTokenHash: string): string {
  return keyedHash(secretKey, ['csrf', sessionTokenHash], 'base64url');
}

const totpKey = (secretKey: string) => deriveKey(secretKey, 'wegweiser-staff', 'totp');

/** AES-256-GCM with a key derived from SECRET_KEY; stored as `v1.<iv>.<ciphertext>.<tag>` (base64url). */
export function encryptSecret(secretKey: string, plain: string): string {
  const { iv, data, tag } = sealParts(totpKey(secretKey), plain);
  return `v1.${iv.toString('base64url')}.${data.toString('base64url')}.${tag.toString('base64url')}`;
}

export function decryptSecret(secretKey: string, sealed: string): string {
  const [version, iv, data, tag] = sealed.split('.');
  if (version !== 'v1' || !iv || !data || !tag) throw new Error('unknown secret format');
  const parts = { iv: Buffer.from(iv, 'base64url'), data: Buffer.from(data, 'base64url'), tag: Buffer.from(tag, 'base64url') };
  return unsealParts(totpKey(secretKey), parts).toString('utf8');
}
