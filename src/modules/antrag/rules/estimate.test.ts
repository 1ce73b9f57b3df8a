import { describe, expect, it } from 'vitest';
import { estimate, ESTIMATE_NOTE_KEYS, ESTIMATE_STEP_KEYS, ESTIMATE_WARNING_KEYS } from './estimate.js';
import { formatEuro } from './money.js';
import type { EstimateHousing, EstimateInput, EstimateMember, EstimateResult, Step } from './types.js';

// Worked examples. Every expected figure is computed by hand in the comment above it,
// with the parameters of the rule set in force (Regelbedarfe 2024–2026: 563/506/451/471/390/357 €;
// Kindergeld 2025: 255 €, 2026: 259 €).

const person = (id: string, role: EstimateMember['role'], birthDate: string, extra: Partial<EstimateMember> = {}): EstimateMember => ({
  id,
  role,
  birthDate,
  ...extra,
});
const flat = (kaltmieteCents: number, nebenkostenCents: number, heizkostenCents: number): EstimateHousing => ({
  kaltmieteCents,
  nebenkostenCents,
  heizkostenCents,
});
const household = (members: EstimateMember[], housing: EstimateHousing, extra: Partial<EstimateInput> = {}): EstimateInput => ({
  members,
  housing,
  assetsCents: 0,
  ...extra,
});

const signed = (s: Step) => (s.sign === '+' ? s.amountCents : -s.amountCents);
const stepsOf = (r: EstimateResult, key: string) => r.steps.filter((s) => s.key === `antrag.estimate.step.${key}`);
const amountOf = (r: EstimateResult, key: string, memberId?: string) =>
  stepsOf(r, key)
    .filter((s) => memberId === undefined || s.params.memberId === memberId)
    .reduce((sum, s) => sum + s.amountCents, 0);

/** Every result must be explainable from its steps alone. */
function expectConsistent(r: EstimateResult): void {
  const need = r.steps.filter((s) => s.section === 'bedarf').reduce((a, s) => a + signed(s), 0);
  const income = r.steps.filter((s) => s.section === 'einkommen').reduce((a, s) => a - signed(s), 0);
  expect(need).toBe(r.totalNeedCents);
  expect(income).toBe(r.countedIncomeCents);
  expect(r.entitlementCents).toBe(Math.max(0, need - income));
  expect(r.nonBinding).toBe(true);
  for (const s of r.steps) {
    expect(ESTIMATE_STEP_KEYS).toContain(s.key);
    if (typeof s.params.note === 'string') expect(ESTIMATE_NOTE_KEYS).toContain(s.params.note);
  }
  for (const w of r.warnings) expect(ESTIMATE_WARNING_KEYS).toContain(w);
}

const single = person('a', 'applicant', '1985-05-10');

describe('worked examples', () => {
  it('(1) single adult without income', () => {
    const r = estimate(household([single], flat(45_000, 9_000, 6_000)), { month: '2025-03' });
    expectConsistent(r);
    expect(r.ruleSet).toEqual({ id: 'buergergeld-2025', name: 'Bürgergeld 2025', validFrom: '2025-01-01' });
    // Regelbedarf RBS 1: 563,00 €
    expect(stepsOf(r, 'regelbedarf')[0]).toMatchObject({ amountCents: 56_300, params: { stufe: 1 }, parameterIds: ['regelbedarf.rbs1'] });
    // Bruttokaltmiete 450 + 90 = 540 €; heating 60 €
    expect(amountOf(r, 'unterkunft')).toBe(54_000);
    expect(amountOf(r, 'heizung')).toBe(6_000);
    // 563 + 540 + 60 = 1,163 €
    expect(r.totalNeedCents).toBe(116_300);
    expect(r.countedIncomeCents).toBe(0);
    expect(r.entitlementCents).toBe(116_300);
    expect(formatEuro(r.entitlementCents, 'de-DE')).toBe('1.163,00\u00a0€');
    expect(r.warnings).toEqual(['antrag.estimate.warning.noHousingLimit']);
    expect(r.unverifiedParameters).toEqual([]);
  });

  it('(2) couple without children, one partner with ALG I', () => {
    const r = estimate(
      household(
        [
          person('a', 'applicant', '1980-02-01'),
          person('p', 'partner', '1982-07-07', { otherIncome: [{ kind: 'alg1', amountCents: 40_000 }] }),
        ],
        flat(50_000, 10_000, 8_000),
      ),
      { month: '2025-03' },
    );
    expectConsistent(r);
    // RBS 2 for each partner: 506 €
    expect(stepsOf(r, 'regelbedarf').map((s) => [s.params.stufe, s.amountCents])).toEqual([
      [2, 50_600],
      [2, 50_600],
    ]);
    // 506 + 506 + 600 + 80 = 1,692 €
    expect(r.totalNeedCents).toBe(169_200);
    // ALG I 400 € counted less the insurance allowance of 30 € (§ 6 Abs. 1 Nr. 1 Bürgergeld-V)
    expect(stepsOf(r, 'einkommen.sonstiges')[0]?.params).toMatchObject({ kind: 'alg1', note: 'antrag.estimate.note.countedInFull' });
    expect(stepsOf(r, 'freibetrag.versicherungspauschale')).toMatchObject([{ amountCents: 3_000, params: { memberId: 'p' } }]);
    expect(r.countedIncomeCents).toBe(37_000);
    // 1,692 - 370 = 1,322 €
    expect(r.entitlementCents).toBe(132_200);
  });

  const singleParent = (month: string) =>
    estimate(
      household(
        [
          person('a', 'applicant', '1990-01-15'),
          person('k1', 'child', '2020-10-01'), // 4 in March 2025
          person('k2', 'child', '2015-06-20'), // 9 in March 2025
        ],
        flat(60_000, 15_000, 10_000),
      ),
      { month },
    );

  it('(3) single parent with two children (4 and 9), Kindergeld and Mehrbedarf Alleinerziehende', () => {
    const r = singleParent('2025-03');
    expectConsistent(r);
    // RBS 1 563 €, RBS 6 357 € (age 4), RBS 5 390 € (age 9)
    expect(stepsOf(r, 'regelbedarf').map((s) => [s.params.memberId, s.params.stufe, s.amountCents])).toEqual([
      ['a', 1, 56_300],
      ['k1', 6, 35_700],
      ['k2', 5, 39_000],
    ]);
    // one child under 7 → 36 % of 563 € = 202.68 €; 12 % × 2 = 24 % is lower
    expect(stepsOf(r, 'mehrbedarf.alleinerziehend')[0]).toMatchObject({ amountCents: 20_268, params: { percent: 36 } });
    // 563 + 357 + 390 + 202.68 + 750 + 100 = 2,362.68 €
    expect(r.totalNeedCents).toBe(236_268);
    // Kindergeld 2 × 255 € = 510 €; each child's need (≥ 640 €) exceeds it, nothing goes to the parent
    expect(stepsOf(r, 'kindergeld').map((s) => [s.amountCents, s.params.totalCents])).toEqual([
      [25_500, 25_500],
      [25_500, 25_500],
    ]);
    expect(stepsOf(r, 'kindergeldUeberschuss')).toEqual([]);
    expect(r.countedIncomeCents).toBe(51_000);
    // 2,362.68 - 510 = 1,852.68 €
    expect(r.entitlementCents).toBe(185_268);
  });

  it('(3) the same family in 2026 counts Kindergeld of 259 €', () => {
    const r = singleParent('2026-03');
    expect(r.ruleSet.id).toBe('buergergeld-2026');
    // 2,362.68 - 2 × 259 = 1,844.68 €
    expect(r.countedIncomeCents).toBe(51_800);
    expect(r.entitlementCents).toBe(184_468);
  });

  it('(4) single adult with earnings: gross 1,200 €, net 950 €', () => {
    const r = estimate(
      household([{ ...single, earnings: { grossCents: 120_000, netCents: 95_000 } }], flat(45_000, 9_000, 6_000)),
      { month: '2025-03' },
    );
    expectConsistent(r);
    // allowances: 100 + 20 % of 420 = 84 + 30 % of 480 = 144 + 10 % of 200 = 20 → 348 €
    expect(amountOf(r, 'freibetrag.grundfreibetrag')).toBe(10_000);
    expect(amountOf(r, 'freibetrag.stufe1')).toBe(8_400);
    expect(amountOf(r, 'freibetrag.stufe2')).toBe(14_400);
    expect(amountOf(r, 'freibetrag.stufe3')).toBe(2_000);
    // counted: 950 - 348 = 602 €
    expect(r.countedIncomeCents).toBe(60_200);
    // 1,163 - 602 = 561 €
    expect(r.entitlementCents).toBe(56_100);
  });

  it('(4) single parent with earnings above 1,200 €: the 10 % band runs to 1,500 €', () => {
    const r = estimate(
      household(
        [
          person('a', 'applicant', '1990-01-15', { earnings: { grossCents: 160_000, netCents: 120_000 } }),
          person('k', 'child', '2016-08-08'), // 8 in March 2025
        ],
        flat(50_000, 10_000, 10_000),
      ),
      { month: '2025-03' },
    );
    expectConsistent(r);
    // 10 % of 1,000–1,500 = 50 € → allowances 100 + 84 + 144 + 50 = 378 €
    expect(stepsOf(r, 'freibetrag.stufe3')[0]).toMatchObject({ amountCents: 5_000, params: { sliceCents: 50_000 } });
    // Mehrbedarf: one child of 8 → 12 % of 563 € = 67.56 €
    expect(amountOf(r, 'mehrbedarf.alleinerziehend')).toBe(6_756);
    // need: 563 + 67.56 + 390 + 600 + 100 = 1,720.56 €
    expect(r.totalNeedCents).toBe(172_056);
    // income: (1,200 - 378) + 255 = 1,077 €
    expect(r.countedIncomeCents).toBe(107_700);
    // 1,720.56 - 1,077 = 643.56 €
    expect(r.entitlementCents).toBe(64_356);
  });

  describe('(5) the 2026-07-01 boundary', () => {
    const input = household([person('a', 'applicant', '1990-03-03')], flat(45_000, 9_000, 6_000), { assetsCents: 1_200_000 });

    it('picks Bürgergeld for June and the Neue Grundsicherung for July', () => {
      const june = estimate(input, { month: '2026-06' });
      const july = estimate(input, { month: '2026-07' });
      expectConsistent(june);
      expectConsistent(july);
      expect(june.ruleSet.id).toBe('buergergeld-2026');
      expect(july.ruleSet).toEqual({ id: 'grundsicherung-2026-07', name: 'Neue Grundsicherung', validFrom: '2026-07-01' });
      // same Regelbedarf and housing: 563 + 540 + 60 = 1,163 € in both months
      expect(june.entitlementCents).toBe(116_300);
      expect(july.entitlementCents).toBe(116_300);
      // June: Karenzzeit, 40,000 € protected → 12,000 € is fine
      expect(june.assetCheck).toMatchObject({ limitCents: 4_000_000, aboveLimit: false });
      expect(june.unverifiedParameters).toEqual([]);
      // July: no Karenzzeit; age 36 → 10,000 € → 12,000 € is above: a warning, not a zero
      expect(july.assetCheck).toMatchObject({ limitCents: 1_000_000, aboveLimit: true });
      expect(july.warnings).toContain('antrag.estimate.warning.assetsAboveLimit');
      expect(july.warnings).toContain('antrag.estimate.warning.unverifiedParameters');
      expect(july.unverifiedParameters).toEqual(['vermoegen.altersstufe2.amount', 'vermoegen.altersstufe2.fromAge']);
    });

    it('caps rent in the Karenzzeit at 1.5 times the limit from July only', () => {
      const expensive = household([person('a', 'applicant', '1990-03-03')], flat(60_000, 10_000, 6_000));
      const housingLimit = { bruttokaltmieteCents: 40_000 };
      const june = estimate(expensive, { month: '2026-06', housingLimit });
      const july = estimate(expensive, { month: '2026-07', housingLimit });
      // June: Karenzzeit → actual 700 €: 563 + 700 + 60 = 1,323 €
      expect(june.entitlementCents).toBe(132_300);
      expect(stepsOf(june, 'unterkunft')[0]?.params.basis).toBe('karenzzeit');
      // July: 1.5 × 400 = 600 €: 563 + 600 + 60 = 1,223 €
      expect(july.entitlementCents).toBe(122_300);
      expect(stepsOf(july, 'unterkunft')[0]).toMatchObject({
        params: { basis: 'karenzzeitCap', actualCents: 70_000, limitCents: 40_000 },
        parameterIds: ['unterkunft.karenzzeit.capPercentOfLimit'],
      });
      expect(july.unverifiedParameters).toContain('unterkunft.karenzzeit.capPercentOfLimit');
      // after the Karenzzeit both months cap at the limit: 563 + 400 + 60 = 1,023 €
      for (const month of ['2026-06', '2026-07']) {
        expect(estimate({ ...expensive, karenzzeit: false }, { month, housingLimit }).entitlementCents).toBe(102_300);
      }
    });
  });
});

describe("a child's income covers only the child's own need", () => {
  // single parent + child of 10 (RBS 5, 390 €); flat 400 + 100 + 100 = 600 €, 300 € per head.
  // Need: 563 + 12 % of 563 = 67.56 + 390 + 600 = 1,620.56 €; child's own need 390 + 300 = 690 €.
  const withUnterhalt = (amountCents: number) =>
    estimate(
      household(
        [
          person('a', 'applicant', '1990-01-15'),
          person('k', 'child', '2014-11-11', { otherIncome: [{ kind: 'unterhalt', amountCents }] }),
        ],
        flat(40_000, 10_000, 10_000),
      ),
      { month: '2025-03' },
    );

  it('counts the Kindergeld surplus for the parent', () => {
    const r = withUnterhalt(50_000);
    expectConsistent(r);
    expect(r.totalNeedCents).toBe(162_056);
    // Unterhalt 500 € leaves 190 € of need; Kindergeld 255 € → 65 € surplus is the parent's income,
    // from which the parent's insurance allowance of 30 € is deducted
    expect(stepsOf(r, 'kindergeld')[0]).toMatchObject({ amountCents: 19_000, params: { totalCents: 25_500 } });
    expect(stepsOf(r, 'kindergeldUeberschuss')[0]).toMatchObject({ amountCents: 6_500, params: { memberId: 'a', child: 'k' } });
    expect(stepsOf(r, 'freibetrag.versicherungspauschale')[0]).toMatchObject({ amountCents: 3_000, params: { memberId: 'a' } });
    expect(stepsOf(r, 'einkommen.kindUeberschuss')).toEqual([]);
    // 500 + 255 - 30 = 725 €; 1,620.56 - 725 = 895.56 €
    expect(r.countedIncomeCents).toBe(72_500);
    expect(r.entitlementCents).toBe(89_556);
  });

  it('does not count the surplus of other income for the parent', () => {
    const r = withUnterhalt(80_000);
    expectConsistent(r);
    // Unterhalt 800 € exceeds 690 € by 110 €: not counted; all 255 € Kindergeld go to the parent
    expect(stepsOf(r, 'einkommen.kindUeberschuss')[0]).toMatchObject({ amountCents: 11_000, sign: '+', params: { needCents: 69_000 } });
    expect(stepsOf(r, 'kindergeld')[0]).toMatchObject({ amountCents: 0, params: { totalCents: 25_500 } });
    expect(stepsOf(r, 'kindergeldUeberschuss')[0]?.amountCents).toBe(25_500);
    // 800 - 110 + 255 - 30 = 915 €; 1,620.56 - 915 = 705.56 €
    expect(r.countedIncomeCents).toBe(91_500);
    expect(r.entitlementCents).toBe(70_556);
  });
});

describe('income above the need', () => {
  it('gives no entitlement and says so', () => {
    const r = estimate(
      household([{ ...single, earnings: { grossCents: 400_000, netCents: 300_000 } }], flat(45_000, 9_000, 6_000)),
      { month: '2025-03' },
    );
    expectConsistent(r);
    // counted 3,000 - 348 = 2,652 € > 1,163 €
    expect(r.countedIncomeCents).toBe(265_200);
    expect(r.entitlementCents).toBe(0);
    expect(r.warnings).toContain('antrag.estimate.warning.incomeCoversNeed');
  });
});
