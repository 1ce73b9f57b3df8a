import { describe, expect, it } from 'vitest';
import { newRecoveryCodes, newTotpSecret, normaliseRecoveryCode, totpCode, totpQrDataUrl, totpStep, totpUri, verifyTotp } from './totp.js';

const at = new Date('2026-11-25T09:00:10Z');

describe('TOTP (RFC 6238)', () => {
  it('matches the RFC 6238 SHA-1 test vector', () => {
    // Secret "12345678901234567890" in base32; at T=59 s the 8-digit code is 94287082, so 6 digits: 287082.
    expect(totpCode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', new Date(59_000))).toBe('287082');
  });

  it('accepts the current code and one step of drift, refuses others', () => {
    const secret = newTotpSecret();
    expect(verifyTotp(secret, totpCode(secret, at), at, null)).toBe(totpStep(at));
    expect(verifyTotp(secret, totpCode(secret, new Date(at.getTime() - 30_000)), at, null)).toBe(totpStep(at) - 1);
    expect(verifyTotp(secret, totpCode(secret, new Date(at.getTime() - 90_000)), at, null)).toBeNull();
    expect(verifyTotp(secret, '12345', at, null)).toBeNull();
    expect(verifyTotp(secret, 'abcdef', at, null)).toBeNull();
  });

  it('refuses a replayed code: the step must be later than the last one used', () => {
    const secret = newTotpSecret();
    const code = totpCode(secret, at);
    const step = verifyTotp(secret, code, at, null)!;
    expect(verifyTotp(secret, code, at, step)).toBeNull();
    const next = new Date(at.getTime() + 30_000);
    expect(verifyTotp(secret, totpCode(secret, next), next, step)).toBe(step + 1);
  });

  it('builds an otpauth URI and an SVG QR data URL', async () => {
    const uri = totpUri('JBSWY3DPEHPK3PXP', 'anna@example.org', 'Neue Wege');
    expect(uri).toMatch(/^otpauth:\/\/totp\/Neue%20Wege:anna%40example\.org\?/);
    expect(uri).toContain('secret=JBSWY3DPEHPK3PXP');
    expect(await totpQrDataUrl(uri)).toMatch(/^data:image\/svg\+xml;base64,/);
  });

  it('makes distinct recovery codes and reads them back regardless of case and dashes', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    expect(codes[0]).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    expect(normaliseRecoveryCode(codes[0]!.toLowerCase().replaceAll('-', ' '))).toBe(codes[0]);
  });
});
