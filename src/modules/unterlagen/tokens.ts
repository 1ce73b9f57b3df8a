// Access codes of a Mitwirkungsaufforderung (typed from paper, so Crockford base32) and the human-readable
// reference numbers. Codes and receipt tokens are stored only as hashes (hashToken of src/shared/crypto,
// doc/security.md §4).
import { randomBytes } from 'node:crypto';

// Crockford's base32: no I, L, O, U, so a code read from paper is hard to mistype.
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function randomBase32(length: number): string {
  const bytes = randomBytes(length);
  // 256 is a multiple of 32, so `byte % 32` is uniform.
  return Array.from(bytes, (b) => alphabet[b % 32]).join('');
}

/** Characters of an access code: 26 × 5 bits = 130 bits of randomness. */
export const codeLength = 26;

/** A new access code for a Mitwirkungsaufforderung, e.g. "7K3M-9QXA-…" once formatted. */
export function newAccessCode(): string {
  return randomBase32(codeLength);
}

/** Groups of four for the letter and the e-mail; spaces and hyphens are ignored when entered. */
export function formatAccessCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/** The example the code field's hint shows: a whole code, formatted as the letter prints it. */
export const accessCodeExample = formatAccessCode('ABCDEFGHJKMNPQRSTVWXYZ0123');

/**
 * What a person typed (any case, with spaces or hyphens, O for 0, I/L for 1) → the canonical code,
 * or undefined when it cannot be one.
 */
export function normalizeAccessCode(input: string): string | undefined {
  const code = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (code.length !== codeLength) return undefined;
  for (const char of code) if (!alphabet.includes(char)) return undefined;
  return code;
}

/**
 * A reference a person can read out on the phone: "UN-2026-7K3M9Q" (prefix, year, 30 random bits) or,
 * without a year, "MA-7K3M9QXA" (40 bits). Unique per tenant by index; callers retry on a collision.
 */
export function newReference(prefix: 'UN' | 'MA', year?: number): string {
  return year === undefined ? `${prefix}-${randomBase32(8)}` : `${prefix}-${year}-${randomBase32(6)}`;
}
