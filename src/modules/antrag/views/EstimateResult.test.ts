import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ruleSets } from '../rules/index.js';
import { parameterLabelKey } from './EstimateResult.js';

describe('parameter labels', () => {
  it('every parameter of every rule set has its legal source, its state and a plain-words label in de and en', () => {
    for (const lang of ['de', 'en']) {
      const labels = (JSON.parse(readFileSync(`src/locales/${lang}/antrag.json`, 'utf8')) as { estimate: { parameter: Record<string, string> } }).estimate.parameter;
      for (const set of ruleSets) {
        for (const [id, p] of Object.entries(set.parameters)) {
          expect(p.source, id).not.toBe('');
          expect(typeof p.verified, id).toBe('boolean');
          expect(labels[parameterLabelKey(id).key], `${lang} ${id}`).toBeTruthy();
        }
      }
    }
  });
});
