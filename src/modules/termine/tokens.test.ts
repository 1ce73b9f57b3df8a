import { describe, expect, it } from 'vitest';
import { deriveSecret, openForRetry, sealForRetry, shortKeyedHash } from './tokens.js';

const key = 'k'.repeat(40);

describe('termine tokens', () => {
  it('seal a manage token for a retry that only the same Idempotency-Key opens', () => {
    const sealed = sealForRetry(key, 'client-key-1', 'manage-token');
    expect(openForRetry(key, 'client-key-1', sealed)).toBe('manage-token');
    expect(() => openForRetry(key, 'client-key-2', sealed)).toThrow();
  });

  it('keep the encodings stored before the helpers moved to src/shared/crypto', () => {
    // Written by the previous termine/tokens.ts with this key.
    expect(openForRetry(key, 'client-key-1', '5ALUkMd2CJE8kd2nVLsgCxWMTzJUY2hQ0xXI3Qi0bqJd5eOVB9tZCQ')).toBe('manage-token');
    expect(shortKeyedHash(key, 'termine-form', 'hold')).toBe('si3bBFy7cn4C0I8ONde35Q7agkVZkum6');
    expect(deriveSecret(key, 'captcha-question')).toBe('2qeo6e-Eb5VkIYU_KeRorH9ovGPa5ng3yTddlKlNUsg');
  });
});
