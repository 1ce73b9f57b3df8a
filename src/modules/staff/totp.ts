// TOTP second factor (RFC 6238) and recovery codes: secrets, codes, verification with replay protection.
import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { loadQrCode } from '#shared/libraries.js';

const PERIOD = 30;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secretBase32: string, label = 'Wegweiser', issuer = 'Wegweiser'): TOTP {
  return new TOTP({ issuer, label, secret: Secret.fromBase32(secretBase32), algorithm: 'SHA1', digits: 6, period: PERIOD });
}

export function totpStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / PERIOD);
}

/**
 * RFC 6238 check with ±1 step for clock drift. Returns the matched time step, or null. A code is only
 * accepted for a step after `lastStep`, so an observed code cannot be replayed.
 */
export function verifyTotp(secretBase32: string, code: string, at: Date, lastStep: number | null): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totp(secretBase32).validate({ token, timestamp: at.getTime(), window: 1 });
  if (delta === null) return null;
  const step = totpStep(at) + delta;
  if (lastStep !== null && step <= lastStep) return null;
  return step;
}

/** The code for a moment: used by tests and the demo printout, never shown by the app. */
export function totpCode(secretBase32: string, at: Date): string {
  return totp(secretBase32).generate({ timestamp: at.getTime() });
}

export function totpUri(secretBase32: string, account: string, issuer: string): string {
  return totp(secretBase32, account, issuer).toString();
}

/** QR code as an SVG data URL (CSP allows img-src data:). */
export async function totpQrDataUrl(uri: string): Promise<string> {
  const svg = await (await loadQrCode()).toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** Ten recovery codes of 16 characters (80 bits each), grouped for reading: XXXX-XXXX-XXXX-XXXX. */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const bytes = randomBytes(16);
    const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
    return chars.match(/.{4}/g)!.join('-');
  });
}

/** Canonical form of a typed recovery code (case and separators do not matter). */
export function normaliseRecoveryCode(input: string): string {
  const plain = input.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return plain.length === 16 ? plain.match(/.{4}/g)!.join('-') : plain;
}
