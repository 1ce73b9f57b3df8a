// Encryption at rest for form answers and PDFs (AES-256-GCM from src/shared/crypto) in the layouts the forms
// tables store. The key is derived from SECRET_KEY; the row's tenant and id are authenticated data, so a
// ciphertext copied into another row (or tenant) does not decrypt.
import { deriveKey, seal, sealParts, unseal, unsealParts } from '#shared/crypto.js';

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
    key = deriveKey(secret, 'wegweiser-forms', 'answers-v1');
    keys.set(secret, key);
  }
  return key;
}

/** The authenticated data of a submission's answers and PDF: its tenant and id. */
export const submissionAad = (tenantId: string, id: string) => `${tenantId}:submission:${id}`;

export function sealJson(value: unknown, key: Buffer, aad: string): Sealed {
  const { iv, data, tag } = sealParts(key, JSON.stringify(value), aad);
  return { v: 1, iv: iv.toString('base64'), data: data.toString('base64'), tag: tag.toString('base64') };
}

export function openJson<T>(sealed: Sealed, key: Buffer, aad: string): T {
  const parts = { iv: Buffer.from(sealed.iv, 'base64'), data: Buffer.from(sealed.data, 'base64'), tag: Buffer.from(sealed.tag, 'base64') };
  return JSON.parse(unsealParts(key, parts, aad).toString('utf8')) as T;
}

/** Binary form for files: IV (12) | ciphertext | tag (16). */
export function sealBytes(plain: Buffer, key: Buffer, aad: string): Buffer {
  return seal(key, plain, aad);
}

export function openBytes(sealed: Buffer, key: Buffer, aad: string): Buffer {
  return unseal(key, sealed, aad);
}
