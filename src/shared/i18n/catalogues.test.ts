import { describe, expect, it } from 'vitest';
import { defaultLanguage, readCatalogues } from './index.js';

function keys(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => keys(v, `${prefix}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

describe('message catalogues', () => {
  const catalogues = readCatalogues();
  const languages = Object.keys(catalogues);

  it('offers German and English', () => {
    expect(languages).toEqual(expect.arrayContaining(['de', 'en']));
  });

  for (const lang of languages.filter((l) => l !== defaultLanguage)) {
    it(`${lang} has exactly the keys of ${defaultLanguage} in every namespace`, () => {
      const base = catalogues[defaultLanguage]!;
      const other = catalogues[lang]!;
      expect(Object.keys(other).sort()).toEqual(Object.keys(base).sort());
      for (const ns of Object.keys(base)) {
        const missing = keys(base[ns]).filter((k) => !keys(other[ns]).includes(k));
        const extra = keys(other[ns]).filter((k) => !keys(base[ns]).includes(k));
        expect({ ns, missing, extra }).toEqual({ ns, missing: [], extra: [] });
      }
    });
  }

  it('has no empty texts', () => {
    for (const lang of languages) {
      for (const [ns, catalogue] of Object.entries(catalogues[lang]!)) {
        const empty = keys(catalogue).filter((k) => {
          const value = k.split(/\.|\[(\d+)\]/).filter(Boolean).reduce<unknown>((o, part) => (o as Record<string, unknown>)?.[part], catalogue);
          return typeof value === 'string' && value.trim() === '';
        });
        expect(empty, `${lang}/${ns}`).toEqual([]);
      }
    }
  });
});
