import { describe, expect, it } from 'vitest';
import { estimate } from './estimate.js';
import { EstimateInputError } from './household.js';
import { NoRuleSetError } from './rule-sets.js';
import type { EstimateInput, EstimateMember, EstimateResult } from './types.js';

// Single rules at their edges. Amounts by hand in the comments (Regelbedarfe 563/506/451/471/390/357 €).

const person = (id: string, role: EstimateMember['role'], birthDate: string, extra: Partial<EstimateMember> = {}): EstimateMember => ({
  id,
  role,
  birthDate,
  ...extra,
});
const parent = person('a', 'applicant', '1990-01-15');
const input = (members: EstimateMember[], extra: Partial<EstimateInput> = {}): EstimateInput => ({
  members,
  housing: { kaltmieteCents: 40_000, nebenkostenCents: 10_000, heizkostenCents: 6_000 },
  assetsCents: 0,
  ...extra,
});
const step = (r: EstimateResult, key: string, memberId: string) =>
  r.steps.find((s) => s.key === `antrag.estimate.step.${key}` && s.params.memberId === memberId);
const stufeOf = (birthDate: string, month: string) => {
  const r = estimate(input([parent, person('k', 'child', birthDate)]), { month });
  const s = step(r, 'regelbedarf', 'k');
  return s && [s.params.stufe, s.amountCents];
};

describe('Regelbedarfsstufe by age: a birthday counts for its whole month', () => {
  it('turning 6: RBS 6 (357 €) in February, RBS 5 (390 €) in March', () => {
    expect(stufeOf('2019-03-31', '2025-02')).toEqual([6, 35_700]);
    expect(stufeOf('2019-03-31', '2025-03')).toEqual([5, 39_000]);
  });

  it('turning 14: RBS 5 (390 €), then RBS 4 (471 €)', () => {
    expect(stufeOf('2011-03-15', '2025-02')).toEqual([5, 39_000]);
    expect(stufeOf('2011-03-15', '2025-03')).toEqual([4, 47_100]);
  });

  it('turning 18: RBS 4 (471 €), then RBS 3 (451 €)', () => {
    expect(stufeOf('2007-03-01', '2025-02')).toEqual([4, 47_100]);
    expect(stufeOf('2007-03-01', '2025-03')).toEqual([3, 45_100]);
  });

  it('turning 25: the child leaves the Bedarfsgemeinschaft', () => {
    expect(stufeOf('2000-03-10', '2025-02')).toEqual([3, 45_100]);
    const r = estimate(input([parent, person('k', 'child', '2000-03-10')]), { month: '2025-03' });
    expect(step(r, 'regelbedarf', 'k')).toBeUndefined();
    expect(r.warnings).toContain('antrag.estimate.warning.membersOutsideBedarfsgemeinschaft');
  });

  it('Kindergeld is assumed while the child is under 18 at the start of the month (§ 32 Abs. 3 EStG)', () => {
    const kindergeld = (birthDate: string) =>
      step(estimate(input([parent, person('k', 'child', birthDate)]), { month: '2025-03' }), 'kindergeld', 'k')?.amountCents;
    expect(kindergeld('2007-03-15')).toBe(25_500); // 17 on 1 March
    expect(kindergeld('2007-03-01')).toBeUndefined(); // 18 on 1 March
    // an adult child in training with Kindergeld says so explicitly
    expect(step(estimate(input([parent, person('k', 'child', '2004-06-01', { kindergeld: true })]), { month: '2025-03' }), 'kindergeld', 'k')?.amountCents).toBe(25_500);
  });

  it('a partner under 18: the adult gets RBS 1, the minor RBS 4', () => {
    const r = estimate(input([person('a', 'applicant', '2000-01-01'), person('p', 'partner', '2008-01-01')]), { month: '2025-03' });
    expect(step(r, 'regelbedarf', 'a')?.params.stufe).toBe(1);
    expect(step(r, 'regelbedarf', 'p')?.params.stufe).toBe(4);
  });

  it('the single-parent Mehrbedarf falls from 36 % to 12 % when the only child turns 7', () => {
    const mehrbedarf = (month: string) =>
      step(estimate(input([parent, person('k', 'child', '2018-03-20')]), { month }), 'mehrbedarf.alleinerziehend', 'a')?.amountCents;
    expect(mehrbedarf('2025-02')).toBe(20_268); // 36 % of 563 € = 202.68 €
    expect(mehrbedarf('2025-03')).toBe(6_756); // 12 % of 563 € = 67.56 €
  });
});

describe('Mehrbedarfe', () => {
  const pregnant = (week: number, role: 'applicant' | 'partner') => {
    const members =
      role === 'applicant'
        ? [person('a', 'applicant', '1995-04-04', { pregnancyWeek: week })]
        : [person('a', 'applicant', '1993-01-01'), person('p', 'partner', '1995-04-04', { pregnancyWeek: week })];
    return step(estimate(input(members), { month: '2025-03' }), 'mehrbedarf.schwangerschaft', role === 'applicant' ? 'a' : 'p');
  };

  it('pregnancy: nothing in week 12, 17 % from week 13', () => {
    expect(pregnant(12, 'applicant')).toBeUndefined();
    // 17 % of 563 € = 95.71 €
    expect(pregnant(13, 'applicant')).toMatchObject({ amountCents: 9_571, params: { percent: 17, week: 13 } });
    // 17 % of 506 € = 86.02 €
    expect(pregnant(13, 'partner')?.amountCents).toBe(8_602);
  });

  it('disability with participation benefits: 35 % from age 15 only', () => {
    const r = estimate(
      input([
        person('a', 'applicant', '1985-01-01', { disabilityParticipationBenefits: true }),
        person('k', 'child', '2015-01-01', { disabilityParticipationBenefits: true }),
      ]),
      { month: '2025-03' },
    );
    // 35 % of 563 € = 197.05 €
    expect(step(r, 'mehrbedarf.behinderung', 'a')?.amountCents).toBe(19_705);
    expect(step(r, 'mehrbedarf.behinderung', 'k')).toBeUndefined();
  });

  it('the sum of Mehrbedarfe is capped at the Regelbedarf (§ 21 Abs. 8)', () => {
    const children = ['2019-05-01', '2020-05-01', '2021-05-01', '2022-05-01', '2023-05-01'].map((d, i) => person(`k${i}`, 'child', d));
    const r = estimate(
      input([person('a', 'applicant', '1990-01-15', { pregnancyWeek: 20, disabilityParticipationBenefits: true }), ...children]),
      { month: '2025-03' },
    );
    // five children: 12 % × 5 = 60 % (the maximum) → 337.80 €; pregnancy 95.71 €; disability 197.05 €
    expect(step(r, 'mehrbedarf.alleinerziehend', 'a')).toMatchObject({ amountCents: 33_780, params: { percent: 60 } });
    // 337.80 + 95.71 + 197.05 = 630.56 € > 563 € → 67.56 € taken off
    expect(step(r, 'mehrbedarf.obergrenze', 'a')).toMatchObject({ amountCents: 6_756, sign: '-', params: { capCents: 56_300 } });
  });

  it('decentralised hot water: 2.3 % for RBS 1, rounded half up, shown as unverified', () => {
    const r = estimate(input([parent], { housing: { kaltmieteCents: 40_000, nebenkostenCents: 10_000, heizkostenCents: 6_000, decentralHotWater: true } }), {
      month: '2025-03',
    });
    // 2.3 % of 563 € = 12.949 € → 12.95 €
    expect(step(r, 'mehrbedarf.warmwasser', 'a')?.amountCents).toBe(1_295);
    expect(r.unverifiedParameters).toEqual(['mehrbedarf.warmwasser.rbs1']);
  });
});

describe('assets', () => {
  const family = [person('a', 'applicant', '1980-01-01'), person('p', 'partner', '1981-01-01'), person('k', 'child', '2015-01-01')];

  it('Karenzzeit: 40,000 € + 15,000 € per further person; a warning above, never a zero', () => {
    // 40,000 + 2 × 15,000 = 70,000 €
    const at = estimate(input(family, { assetsCents: 7_000_000 }), { month: '2025-03' });
    expect(at.assetCheck).toEqual({
      assetsCents: 7_000_000,
      limitCents: 7_000_000,
      aboveLimit: false,
      parameterIds: ['vermoegen.karenzzeit.firstPerson', 'vermoegen.karenzzeit.furtherPerson'],
    });
    const above = estimate(input(family, { assetsCents: 7_000_001 }), { month: '2025-03' });
    expect(above.assetCheck.aboveLimit).toBe(true);
    expect(above.warnings).toContain('antrag.estimate.warning.assetsAboveLimit');
    expect(above.entitlementCents).toBe(at.entitlementCents);
    expect(above.entitlementCents).toBeGreaterThan(0);
  });

  it('after the Karenzzeit: 15,000 € per person', () => {
    expect(estimate(input(family, { karenzzeit: false }), { month: '2025-03' }).assetCheck.limitCents).toBe(4_500_000);
  });

  it('Neue Grundsicherung: by age, summed over the Bedarfsgemeinschaft, whatever the Karenzzeit', () => {
    const couple = [person('a', 'applicant', '2006-01-01'), person('p', 'partner', '1970-01-01')];
    // 20 in July 2026 → 10,000 €; 56 → 15,000 €
    const r = estimate(input(couple), { month: '2026-07' });
    expect(r.assetCheck.limitCents).toBe(2_500_000);
    // a 19-year-old (born August 2006) is still in the lowest band: 5,000 + 15,000 €
    const younger = estimate(input([person('a', 'applicant', '2006-08-01'), couple[1]!]), { month: '2026-07' });
    expect(younger.assetCheck.limitCents).toBe(2_000_000);
    expect(younger.unverifiedParameters).toEqual(
      expect.arrayContaining(['vermoegen.altersstufe1.amount', 'vermoegen.altersstufe4.amount', 'vermoegen.altersstufe4.fromAge']),
    );
  });
});

describe('housing', () => {
  const expensive = { kaltmieteCents: 60_000, nebenkostenCents: 10_000, heizkostenCents: 8_000 };
  const housingLimit = { bruttokaltmieteCents: 45_000, heizkostenCents: 7_000 };

  it('after the Karenzzeit rent and heating are capped at the limits', () => {
    const r = estimate(input([parent], { housing: expensive, karenzzeit: false }), { month: '2025-03', housingLimit });
    // 563 + 450 + 70 = 1,083 €
    expect(r.entitlementCents).toBe(108_300);
    expect(r.steps.find((s) => s.key === 'antrag.estimate.step.unterkunft')?.params).toMatchObject({ basis: 'limit', actualCents: 70_000 });
    expect(r.warnings).not.toContain('antrag.estimate.warning.noHousingLimit');
  });

  it('in the Karenzzeit rent in full, heating still only up to its limit', () => {
    const r = estimate(input([parent], { housing: expensive }), { month: '2025-03', housingLimit });
    // 563 + 700 + 70 = 1,333 €
    expect(r.entitlementCents).toBe(133_300);
  });

  it('splits costs by heads with people outside the Bedarfsgemeinschaft and ignores their income', () => {
    const r = estimate(
      input(
        [parent, person('o', 'other', '1988-01-01', { earnings: { grossCents: 300_000, netCents: 200_000 } })],
        { housing: { kaltmieteCents: 80_000, nebenkostenCents: 10_000, heizkostenCents: 10_001 } },
      ),
      { month: '2025-03' },
    );
    // half of 900 € = 450 €; half of 100.01 € = 50.01 € (the odd cent to the first head)
    expect(r.steps.find((s) => s.key === 'antrag.estimate.step.unterkunft')).toMatchObject({ amountCents: 45_000, params: { residents: 2, bgMembers: 1 } });
    expect(r.steps.find((s) => s.key === 'antrag.estimate.step.heizung')?.amountCents).toBe(5_001);
    expect(r.countedIncomeCents).toBe(0);
    expect(r.warnings).toContain('antrag.estimate.warning.membersOutsideBedarfsgemeinschaft');
  });
});

describe('earnings of a young person in training (§ 11b Abs. 2b)', () => {
  it('uses the Geringfügigkeitsgrenze as Grundfreibetrag and flags it as unverified', () => {
    const r = estimate(
      input([parent, person('k', 'child', '2008-01-01', { inSchoolOrTraining: true, earnings: { grossCents: 80_000, netCents: 65_000 } })]),
      { month: '2025-03' },
    );
    // 556 € + 30 % of (800 - 556) = 73.20 € → 629.20 €; counted 650 - 629.20 = 20.80 €, plus Kindergeld 255 €
    expect(step(r, 'freibetrag.grundfreibetrag', 'k')?.amountCents).toBe(55_600);
    expect(step(r, 'freibetrag.stufe1', 'k')).toBeUndefined();
    expect(step(r, 'freibetrag.stufe2', 'k')?.amountCents).toBe(7_320);
    expect(r.countedIncomeCents).toBe(2_080 + 25_500);
    expect(r.unverifiedParameters).toContain('einkommen.jungeErwerbstaetige.grundfreibetrag');
  });
});

describe('invalid input', () => {
  it('rejects households and months the engine cannot estimate', () => {
    expect(() => estimate(input([person('p', 'partner', '1990-01-01')]), { month: '2025-03' })).toThrow(EstimateInputError);
    expect(() => estimate(input([parent, { ...parent, id: 'b' }]), { month: '2025-03' })).toThrow(EstimateInputError);
    expect(() => estimate(input([{ ...parent, earnings: { grossCents: 100, netCents: 200 } }]), { month: '2025-03' })).toThrow(
      EstimateInputError,
    );
    expect(() => estimate(input([parent], { assetsCents: -1 }), { month: '2025-03' })).toThrow(EstimateInputError);
    expect(() => estimate(input([person('a', 'applicant', '2025-04-01')]), { month: '2025-03' })).toThrow(EstimateInputError);
    expect(() => estimate(input([person('a', 'applicant', '1990-02-30')]), { month: '2025-03' })).toThrow(EstimateInputError);
    expect(() => estimate(input([parent]), { month: '2023-12' })).toThrow(NoRuleSetError);
    expect(() => estimate(input([parent]), { month: '2025-13' })).toThrow(RangeError);
  });
});
