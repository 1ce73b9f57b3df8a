import { describe, expect, it } from 'vitest';
import { blindNameIndex, blindNameQuery } from './blind-index.js';
import { keyedHash } from './crypto.js';

const secret = 'x'.repeat(40);
const finds = (stored: string[], typed: string, scope = 't1', storedScope = 't1') => {
  const index = new Set(blindNameIndex(secret, storedScope, stored));
  const query = blindNameQuery(secret, scope, typed);
  return query.length > 0 && query.every((h) => index.has(h));
};

describe('blind name index', () => {
  it('finds a name by each whole word, in any case, with hyphens and spaces as word breaks', () => {
    const anna = ['Anna-Lena', 'Schmidt Özdemir'];
    for (const typed of ['schmidt', 'SCHMIDT', 'anna', 'lena', 'Özdemir', 'oezdemir', 'ozdemir', 'Anna Schmidt', 'lena-schmidt']) expect(finds(anna, typed), typed).toBe(true);
    for (const typed of ['schmid', 'schmidtt', 'ann', 'anna-lena mueller', '']) expect(finds(anna, typed), typed).toBe(false);
  });

  it('folds umlauts and ß: Müller is found as müller, mueller and muller; Mueller as mueller and müller only', () => {
    for (const typed of ['Müller', 'mueller', 'muller', 'MÜLLER']) expect(finds(['Müller'], typed), typed).toBe(true);
    for (const typed of ['mueller', 'Müller']) expect(finds(['Mueller'], typed), typed).toBe(true);
    expect(finds(['Mueller'], 'muller')).toBe(false);
    for (const typed of ['Weiß', 'weiss']) expect(finds(['Weiß'], typed), typed).toBe(true);
    expect(finds(['José'], 'jose')).toBe(true);
    // NFKC: a full-width or ligature spelling is the same word.
    expect(finds(['Schaefer'], 'ｓｃｈａｅｆｅｒ')).toBe(true);
  });

  it('differs per scope (tenant), and holds neither the name nor its plain hash', () => {
    expect(finds(['Müller'], 'müller', 't2', 't1')).toBe(false);
    const index = blindNameIndex(secret, 't1', ['Müller']);
    expect(index.join()).not.toMatch(/m(ue|u|ü)ller/i);
    expect(index).not.toContain(keyedHash(secret, ['t1', 'mueller'], 'base64url'));
    expect(blindNameIndex('y'.repeat(40), 't1', ['Müller'])).not.toEqual(index);
  });
});
