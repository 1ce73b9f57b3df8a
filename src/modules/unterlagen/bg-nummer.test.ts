import { describe, expect, it } from 'vitest';
import { baFormat, isValidBgNummer, normalizeBgNummer } from './bg-nummer.js';

describe('BG-Nummer format check', () => {
  it('accepts the BA format as people type it', () => {
    expect(isValidBgNummer('12345BG0012345', baFormat)).toBe(true);
    expect(isValidBgNummer('12345 bg 0012345', baFormat)).toBe(true);
    expect(normalizeBgNummer(' 12345 bg 0012345 ')).toBe('12345BG0012345');
  });

  it('refuses other shapes, and cannot be bypassed with alternatives in the input', () => {
    for (const value of ['', '12345BG001234', '1234BG0012345', '12345BX0012345', '12345BG0012345X', 'x12345BG0012345']) {
      expect(isValidBgNummer(value, baFormat), value).toBe(false);
    }
    // The tenant pattern is anchored as a whole, even with alternatives in it.
    expect(isValidBgNummer('AB-1', { pattern: 'AB-1|CD-2', example: 'AB-1' })).toBe(true);
    expect(isValidBgNummer('AB-1-evil', { pattern: 'AB-1|CD-2', example: 'AB-1' })).toBe(false);
  });
});
