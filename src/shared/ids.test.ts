import { describe, expect, it } from 'vitest';
import { isUuid, uuidString } from './ids.js';

describe('an id from an address or a form', () => {
  it('is accepted as PostgreSQL and randomUUID write it', () => {
    expect(isUuid(crypto.randomUUID())).toBe(true);
    expect(isUuid('00000000-0000-0000-0000-000000000000')).toBe(true);
    expect(uuidString.safeParse('0f8fad5b-d9cb-469f-a165-70867728950e').success).toBe(true);
  });

  it('is refused in upper case, with anything around it, or cut short', () => {
    for (const value of ['0F8FAD5B-D9CB-469F-A165-70867728950E', ' 0f8fad5b-d9cb-469f-a165-70867728950e', '0f8fad5b-d9cb-469f-a165-70867728950e/x', '0f8fad5b-d9cb-469f-a165-70867728950', '../etc/passwd', '']) {
      expect(isUuid(value), value).toBe(false);
      expect(uuidString.safeParse(value).success, value).toBe(false);
    }
  });
});
