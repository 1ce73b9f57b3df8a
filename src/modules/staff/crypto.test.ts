import { describe, expect, it } from 'vitest';
import { hashToken, keyedHash } from '#shared/crypto.js';
import { csrfTokenFor, decryptSecret, encryptSecret } from './crypto.js';

const key = 'k'.repeat(40);

describe('staff crypto', () => {
  it('round-trips an encrypted secret and refuses a tampered or foreign-key one', () => {
    const sealed = encryptSecret(key, 'JBSWY3DPEHPK3PXP');
    expect(sealed).toMatch(/^v1\.[\w-]{16}\.[\w-]+\.[\w-]{22}$/);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(decryptSecret(key, sealed)).toBe('JBSWY3DPEHPK3PXP');
    expect(() => decryptSecret('x'.repeat(40), sealed)).toThrow();
    const parts = sealed.split('.');
    parts[2] = Buffer.from('tampered').toString('base64url');
    expect(() => decryptSecret(key, parts.join('.'))).toThrow();
    expect(() => decryptSecret(key, `v2.${sealed.slice(3)}`)).toThrow(/unknown secret format/);
  });

  it('derives a CSRF token per session and per key', () => {
    expect(csrfTokenFor(key, hashToken('a'))).toBe(csrfTokenFor(key, hashToken('a')));
    expect(csrfTokenFor(key, hashToken('a'))).not.toBe(csrfTokenFor(key, hashToken('b')));
    expect(csrfTokenFor('y'.repeat(40), hashToken('a'))).not.toBe(csrfTokenFor(key, hashToken('a')));
  });

  it('still reads what the staff tables stored before the helpers moved to src/shared/crypto', () => {
    // Written by the previous staff/crypto.ts with this key.
    expect(decryptSecret(key, 'v1.tp4omPx2ajZWf4QT._uMvqAT1MUXe-qP6BwHg1w.JdlhmKq2xQpUPzTpIoVy9w')).toBe('JBSWY3DPEHPK3PXP');
    expect(keyedHash(key, ['recovery', 'abcd-efgh'])).toBe('d9eb8859475372719121ffa104ecfed75dc9ca5ee73f2193961c75862a20fcfe');
    expect(csrfTokenFor(key, hashToken('a'))).toBe('wZbxX5wNaFAUJ5ckKNw7L8MGitrR_u3qzHRwKVNBcPg');
  });
});
