import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, commonPasswords, hashPassword, verifyDummy, verifyPassword } from './password.js';

describe('password policy (NIST 800-63B)', () => {
  it('needs at least 12 characters, counted as characters not bytes', () => {
    expect(checkPasswordPolicy('kurz-pw-123')).toBe('tooShort');
    expect(checkPasswordPolicy('ääääääääääää')).toBeNull();
    expect(checkPasswordPolicy('a'.repeat(129))).toBe('tooLong');
  });

  it('has no composition rules: a long passphrase of lower-case words passes', () => {
    expect(checkPasswordPolicy('pferd batterie heftklammer')).toBeNull();
  });

  it('refuses common passwords from the shipped list, case-insensitively', () => {
    expect(commonPasswords().size).toBeGreaterThanOrEqual(900);
    expect(checkPasswordPolicy('passwort1234')).toBe('common');
    expect(checkPasswordPolicy('PASSWORT1234')).toBe('common');
    expect(checkPasswordPolicy('123456789012')).toBe('common');
  });

  it('refuses a password that contains the own e-mail name', () => {
    expect(checkPasswordPolicy('anna.schmidt-2026!', { email: 'anna.schmidt@neue-wege.example' })).toBe('containsEmail');
  });
});

describe('argon2id hashing', () => {
  it('hashes with argon2id and verifies only the right password (also after Unicode normalisation)', async () => {
    const stored = await hashPassword('Straße im Regen 42');
    expect(stored.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(stored, 'Straße im Regen 42')).toBe(true);
    expect(await verifyPassword(stored, 'Strasse im Regen 42')).toBe(false);
    const composed = await hashPassword('Café au lait 12'.normalize('NFC'));
    expect(await verifyPassword(composed, 'Café au lait 12'.normalize('NFD'))).toBe(true);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
    expect(await verifyDummy('anything')).toBe(false);
  });
});
