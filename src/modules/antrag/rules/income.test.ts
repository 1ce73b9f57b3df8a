import { describe, expect, it } from 'vitest';
import { erwerbstaetigenFreibetrag } from './income.js';
import { selectRuleSet } from './rule-sets.js';

const set2025 = selectRuleSet('2025-06');
const total = (gross: number, withMinorChild = false, youngEarner = false) =>
  erwerbstaetigenFreibetrag(gross, set2025, { withMinorChild, youngEarner }).reduce((a, p) => a + p.amountCents, 0);

describe('erwerbstaetigenFreibetrag (§ 11b SGB II)', () => {
  it.each([
    [8_000, 8_000], // below 100 €: the whole amount
    [52_000, 18_400], // 100 + 20 % of 420
    [100_000, 32_800], // 100 + 84 + 30 % of 480 = 144
    [120_000, 34_800], // … + 10 % of 200 = 20
    [160_000, 34_800], // no allowance above 1,200 € without a child
  ])('gross %i ct → %i ct', (gross, expected) => {
    expect(total(gross)).toBe(expected);
  });

  it('runs the 10 % band to 1,500 € with a minor child', () => {
    expect(total(160_000, true)).toBe(37_800); // 100 + 84 + 144 + 10 % of 500
    expect(total(120_000, true)).toBe(34_800);
  });

  it('uses the Geringfügigkeitsgrenze for young earners in training', () => {
    expect(total(50_000, false, true)).toBe(50_000); // all of it below 556 €
    expect(total(80_000, false, true)).toBe(55_600 + 7_320); // 556 + 30 % of 244
  });
});
