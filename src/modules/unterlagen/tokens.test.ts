import { describe, expect, it } from 'vitest';
import { accessCodeExample, codeLength, formatAccessCode, newAccessCode, newReference, normalizeAccessCode } from './tokens.js';

describe('access codes', () => {
  it('have 26 characters of Crockford base32 (130 bits) and differ every time', () => {
    const codes = new Set(Array.from({ length: 1000 }, newAccessCode));
    expect(codes.size).toBe(1000);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(codeLength * Math.log2(32)).toBeGreaterThanOrEqual(128);
  });

  it('are shown in the hint by an example that is a whole code, formatted as the letter prints it', () => {
    expect(accessCodeExample).toBe('ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-23');
    expect(formatAccessCode(normalizeAccessCode(accessCodeExample)!)).toBe(accessCodeExample);
  });

  it('use every character of the alphabet (no bias towards a few)', () => {
    const seen = new Set(Array.from({ length: 200 }, newAccessCode).join(''));
    expect(seen.size).toBe(32);
  });

  it('are read back as typed from paper', () => {
    const code = '0123456789ABCDEFGHJKMNPQRS';
    expect(formatAccessCode(code)).toBe('0123-4567-89AB-CDEF-GHJK-MNPQ-RS');
    expect(normalizeAccessCode('o123-4567-89ab-cdef-ghjk-mnpq-rs')).toBe(code);
    expect(normalizeAccessCode(' 0I23 4567 89AB CDEF GHJK MNPQ RS ')).toBe(code);
    expect(normalizeAccessCode('0L23456789ABCDEFGHJKMNPQRS')).toBe(code);
  });

  it('refuse what cannot be a code', () => {
    expect(normalizeAccessCode('ABC')).toBeUndefined();
    expect(normalizeAccessCode('0123456789ABCDEFGHJKMNPQRU')).toBeUndefined();
    expect(normalizeAccessCode('0123456789ABCDEFGHJKMNPQRS7')).toBeUndefined();
  });
});

describe('references', () => {
  it('carry the prefix and, for uploads, the year', () => {
    expect(newReference('UN', 2026)).toMatch(/^UN-2026-[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(newReference('MA')).toMatch(/^MA-[0-9A-HJKMNP-TV-Z]{8}$/);
  });
});
