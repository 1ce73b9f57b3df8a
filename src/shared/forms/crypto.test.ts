import { describe, expect, it } from 'vitest';
import { formsKey, openBytes, openJson, sealBytes, sealJson, type Sealed } from './crypto.js';

const key = formsKey('k'.repeat(40));

describe('forms encryption at rest', () => {
  it('round-trips answers and files bound to their row', () => {
    expect(openJson(sealJson({ a: 1 }, key, 't:r'), key, 't:r')).toEqual({ a: 1 });
    expect(() => openJson(sealJson({ a: 1 }, key, 't:r'), key, 't:other')).toThrow();
    expect(openBytes(sealBytes(Buffer.from('PDF'), key, 't:r'), key, 't:r').toString()).toBe('PDF');
  });

  it('still reads what the forms tables stored before the helpers moved to src/shared/crypto', () => {
    // Written by the previous forms/crypto.ts with this secret.
    const sealed: Sealed = { v: 1, iv: 'XVoZD+pL2Ly63kfW', data: 'ceHu+twJeBni6TFkCEWaBZfO0w==', tag: 'm8FM53LrUwF2u8ZulJeoPg==' };
    expect(openJson(sealed, key, 'tenant:row')).toEqual({ answers: { a: 1 } });
    expect(openBytes(Buffer.from('/2n4onfZG+WDt5wD/o/aOFKTbv5Ydx9Puz2AHldzkA==', 'base64'), key, 'tenant:row').toString()).toBe('PDF');
  });
});
