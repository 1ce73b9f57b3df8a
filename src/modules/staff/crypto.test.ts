import { describe, expect, it } from 'vitest';
import { csrfTokenFor, decryptSecret, encryptSecret, keyedHash, randomToken, safeEqual, sha256 } from './crypto.js';

const key = 'k'.repeat(40);

describe('staff crypto', () => {
  it('makes tokens with at least 128 bits that never repeat', () => {
    const a = randomToken();
    expect(Buffer.from(a, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    expect(randomToken()).not.toBe(a);
  });

  it('round-trips an encrypted secret and refuses a tampered or foreign-key one', () => {
    const sealed = encryptSecret(key, 'JBSWY3DPEHPK3PXP');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(decryptSecret(key, sealed)).toBe('JBSWY3DPEHPK3PXP');
    expect(() => decryptSecret('x'.repeat(40), sealed)).toThrow();
    const parts = sealed.split('.');
    parts[2] = Buffer.from('tampered').toString('base64url');
    expect(() => decryptSecret(key, parts.join('.'))).toThrow();
  });

  it('derives stable, key-dependent hashes and CSRF tokens', () => {
    expect(keyedHash(key, 'ip', '127.0.0.1')).toBe(keyedHash(key, 'ip', '127.0.0.1'));
    expect(keyedHash(key, 'ip', '127.0.0.1')).not.toBe(keyedHash('y'.repeat(40), 'ip', '127.0.0.1'));
    expect(csrfTokenFor(key, sha256('a'))).not.toBe(csrfTokenFor(key, sha256('b')));
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
  });
});
