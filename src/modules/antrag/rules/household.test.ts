import { describe, expect, it } from 'vitest';
import { ageAtStartOfMonth, ageInMonth } from './household.js';

describe('ageInMonth', () => {
  it('counts a birthday for its whole month, including 29 February in other years', () => {
    expect(ageInMonth('2019-03-31', '2025-02')).toBe(5);
    expect(ageInMonth('2019-03-31', '2025-03')).toBe(6);
    expect(ageInMonth('2008-02-29', '2025-02')).toBe(17);
  });
});

describe('ageAtStartOfMonth', () => {
  it('counts completed years on the first of the month', () => {
    expect(ageAtStartOfMonth('2007-03-01', '2025-03')).toBe(18);
    expect(ageAtStartOfMonth('2007-03-02', '2025-03')).toBe(17);
  });
});
