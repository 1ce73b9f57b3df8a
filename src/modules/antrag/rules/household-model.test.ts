import { describe, expect, it } from 'vitest';
import { estimate } from './estimate.js';
import { ImplausibleInputError } from './plausibility.js';
import type { EstimateInput, EstimateMember, EstimateResult } from './types.js';

// The household model of SGB II: who forms the Bedarfsgemeinschaft, who is excluded, which income
// rules apply. March 2026: Regelbedarfe 563/506/451/471/390/357 €, Kindergeld 259 €. Amounts by hand.

const member = (id: string, role: EstimateMember['role'], birthDate: string, extra: Partial<EstimateMember> = {}): EstimateMember => ({ id, role, birthDate, ...extra });
const household = (members: EstimateMember[], rent = 60_000, service = 10_000, heating = 8_000, extra: Partial<EstimateInput> = {}): EstimateInput => ({
  members,
  housing: { kaltmieteCents: rent, nebenkostenCents: service, heizkostenCents: heating },
  assetsCents: 0,
  ...extra,
});
const steps = (r: EstimateResult, key: string) => r.steps.filter((s) => s.key === `antrag.estimate.step.${key}`);
const month = '2026-03';

describe('§ 7 Abs. 3 Nr. 2, 4 SGB II: an unmarried applicant under 25 lives in the Bedarfsgemeinschaft of a parent', () => {
  const youngAdult = member('a', 'applicant', '2005-09-01'); // 20
  const mother = (extra: Partial<EstimateMember> = {}) => member('m', 'parent', '1975-04-04', extra);

  it('Stufe 3 for the 20-year-old, Stufe 1 for the mother, and the mother\'s earnings count', () => {
    const r = estimate(household([youngAdult, mother({ earnings: { grossCents: 300_000, netCents: 200_000 } })]), { month });
    expect(steps(r, 'regelbedarf').map((s) => [s.params.memberId, s.params.stufe, s.amountCents])).toEqual([
      ['a', 3, 45_100],
      ['m', 1, 56_300],
    ]);
    // need 451 + 563 + 700 + 80 = 1,794 €; allowances 100 + 84 + 144 + 20 = 348 €; counted 2,000 - 348 = 1,652 €
    expect(r.totalNeedCents).toBe(179_400);
    expect(r.countedIncomeCents).toBe(165_200);
    expect(r.entitlementCents).toBe(14_200);
    expect(r.eligible).toBe(true);
    expect(r.warnings).not.toContain('antrag.estimate.warning.membersOutsideBedarfsgemeinschaft');
  });

  it('from 25 the applicant is on their own: Stufe 1, the mother outside', () => {
    const r = estimate(household([member('a', 'applicant', '2001-02-01'), mother({ earnings: { grossCents: 300_000, netCents: 200_000 } })]), { month });
    expect(steps(r, 'regelbedarf').map((s) => [s.params.memberId, s.params.stufe])).toEqual([['a', 1]]);
    expect(r.countedIncomeCents).toBe(0);
  });

  it('two parents get Stufe 2 each, a sibling under 25 belongs too', () => {
    const r = estimate(
      household([youngAdult, mother(), member('f', 'parent', '1972-01-01'), member('s', 'sibling', '2012-05-05')]),
      { month },
    );
    expect(steps(r, 'regelbedarf').map((s) => [s.params.memberId, s.params.stufe])).toEqual([
      ['a', 3],
      ['m', 2],
      ['f', 2],
      ['s', 5],
    ]);
  });

  it('an applicant with a child of their own forms their own Bedarfsgemeinschaft', () => {
    const r = estimate(household([youngAdult, mother(), member('k', 'child', '2024-01-01')]), { month });
    expect(steps(r, 'regelbedarf').map((s) => [s.params.memberId, s.params.stufe])).toEqual([
      ['a', 1],
      ['k', 6],
    ]);
  });
});

describe('§ 7 Abs. 3 Nr. 4 SGB II: foster children are not members of the Bedarfsgemeinschaft', () => {
  const applicant = member('a', 'applicant', '1988-03-03');
  const own = member('k', 'child', '2017-07-07'); // 8
  const foster = member('p', 'fosterChild', '2021-01-01'); // 5

  it('no Regelbedarf, no single-parent share and no Kindergeld for the foster child; rent by heads', () => {
    const r = estimate(household([applicant, own, foster], 60_000, 15_000, 9_000), { month });
    expect(steps(r, 'regelbedarf').map((s) => s.params.memberId)).toEqual(['a', 'k']);
    // one child of 8: 12 % of 563 € = 67.56 € (36 % needs a child under 7 or two or three under 16)
    expect(steps(r, 'mehrbedarf.alleinerziehend')[0]).toMatchObject({ amountCents: 6_756, params: { children: 1 } });
    expect(steps(r, 'kindergeld').map((s) => s.params.memberId)).toEqual(['k']);
    // 563 + 390 + 67.56 + 2/3 of 750 (500) + 2/3 of 90 (60) = 1,580.56 €; Kindergeld 259 € → 1,321.56 €
    expect(r.totalNeedCents).toBe(158_056);
    expect(r.entitlementCents).toBe(132_156);
    expect(r.warnings).toContain('antrag.estimate.warning.fosterChildren');
  });

  it('Kindergeld for the foster child entered as the applicant\'s income counts less 30 €', () => {
    const r = estimate(household([{ ...applicant, otherIncome: [{ kind: 'kindergeld', amountCents: 25_900 }] }, own, foster], 60_000, 15_000, 9_000), { month });
    expect(r.entitlementCents).toBe(132_156 - 25_900 + 3_000);
  });
});

describe('income rules', () => {
  const singleParentWithMinijob = (extra: Partial<EstimateMember> = {}) =>
    household(
      [
        member('a', 'applicant', '1990-05-01', { earnings: { grossCents: 52_000, netCents: 52_000 }, ...extra }),
        member('k1', 'child', '2021-02-01'), // 5
        member('k2', 'child', '2017-09-01'), // 8
      ],
      65_000,
      15_000,
      10_000,
    );

  it('a single parent with two children and a mini-job of 520 €', () => {
    const r = estimate(singleParentWithMinijob(), { month });
    // 563 + 357 + 390 + 36 % of 563 (202.68) + 800 + 100 = 2,412.68 €
    expect(r.totalNeedCents).toBe(241_268);
    // earnings 520 - (100 + 20 % of 420 = 84) = 336 €; Kindergeld 2 × 259 €; no insurance allowance next to earnings
    expect(steps(r, 'freibetrag.versicherungspauschale')).toEqual([]);
    expect(r.countedIncomeCents).toBe(33_600 + 51_800);
    expect(r.entitlementCents).toBe(155_868);
  });

  it('Unterhaltsvorschuss and Kinderzuschlag entered for the parent are the children\'s income', () => {
    const r = estimate(singleParentWithMinijob({ otherIncome: [{ kind: 'unterhaltsvorschuss', amountCents: 40_000 }] }), { month });
    expect(steps(r, 'einkommen.sonstiges').map((s) => [s.params.memberId, s.amountCents, s.params.enteredBy])).toEqual([
      ['k1', 20_000, 'a'],
      ['k2', 20_000, 'a'],
    ]);
    expect(r.entitlementCents).toBe(155_868 - 40_000);
  });

  it('30 € insurance allowance on income other than earnings of an adult, not of a minor', () => {
    const single = (otherIncome: EstimateMember['otherIncome']) => estimate(household([member('a', 'applicant', '1980-01-01', { otherIncome })]), { month });
    expect(single([{ kind: 'rente', amountCents: 20_000 }]).countedIncomeCents).toBe(17_000);
    expect(single([{ kind: 'rente', amountCents: 2_000 }]).countedIncomeCents).toBe(0);
  });

  it('the 10 % band runs to 1,500 € also for an earner with a minor child living elsewhere (§ 11b Abs. 3 Satz 3)', () => {
    const earner = (minorChildElsewhere: boolean) =>
      estimate(household([member('a', 'applicant', '1980-01-01', { earnings: { grossCents: 150_000, netCents: 115_000 }, minorChildElsewhere })]), { month });
    // 100 + 84 + 144 + 10 % of 500 = 378 € against 100 + 84 + 144 + 10 % of 200 = 348 €
    expect(earner(true).countedIncomeCents).toBe(115_000 - 37_800);
    expect(earner(false).countedIncomeCents).toBe(115_000 - 34_800);
  });
});

describe('§§ 7, 7a, 8 SGB II: eligibility before amounts', () => {
  const exclusionsOf = (a: Partial<EstimateMember>, others: EstimateMember[] = [], m = month) =>
    estimate(household([member('a', 'applicant', '1985-01-01', a), ...others]), { month: m });

  it('no exclusion for an ordinary applicant', () => {
    expect(exclusionsOf({}).exclusions).toEqual([]);
  });

  it('the Altersgrenze: born June 1960 reaches 66 years and 4 months in October 2026, excluded from November', () => {
    expect(exclusionsOf({ birthDate: '1960-06-15' }, [], '2026-10').exclusions).toEqual([]);
    const r = exclusionsOf({ birthDate: '1960-06-15' }, [], '2026-11');
    expect(r.exclusions).toMatchObject([{ key: 'pensionAge', referral: 'grundsicherungAlter' }]);
    expect(r.eligible).toBe(false);
    expect(r.steps).toEqual([]);
    expect(r.unverifiedParameters).toContain('altersgrenze.jahrgang1960');
  });

  it('under 15, old-age pension, institution, residence status', () => {
    expect(exclusionsOf({ birthDate: '2012-01-01' }).exclusions.map((e) => e.key)).toEqual(['tooYoung']);
    expect(exclusionsOf({ oldAgePension: true }).exclusions.map((e) => e.referral)).toEqual(['grundsicherungAlter']);
    expect(exclusionsOf({ inInstitution: true }).exclusions.map((e) => e.referral)).toEqual(['hilfeZumLebensunterhalt']);
    expect(exclusionsOf({ residence: 'asylum' }).exclusions.map((e) => e.referral)).toEqual(['asylblg']);
    expect(exclusionsOf({ residence: 'jobSeeking' }).exclusions.map((e) => e.referral)).toEqual(['ueberbrueckung']);
    expect(exclusionsOf({ residence: 'euWorker' }).exclusions).toEqual([]);
  });

  it('unable to work: excluded alone, not next to a partner who can work', () => {
    expect(exclusionsOf({ ableToWork: false }).exclusions.map((e) => e.referral)).toEqual(['grundsicherungErwerbsminderung']);
    expect(exclusionsOf({ ableToWork: false }, [member('p', 'partner', '1986-01-01')]).exclusions).toEqual([]);
  });

  it('studies: excluded away from the parents (BAföG), not when living with them (§ 7 Abs. 6 Nr. 2)', () => {
    expect(exclusionsOf({ birthDate: '2004-01-01', education: 'studies' }).exclusions.map((e) => e.referral)).toEqual(['bafoeg']);
    expect(exclusionsOf({ birthDate: '2004-01-01', education: 'studies' }, [member('m', 'parent', '1970-01-01')]).exclusions).toEqual([]);
    expect(exclusionsOf({ education: 'school' }).exclusions).toEqual([]);
  });
});

describe('plausibility', () => {
  it('asks to check a rent of 95,000 € instead of estimating it', () => {
    expect(() => estimate(household([member('a', 'applicant', '1985-01-01')], 9_500_000), { month })).toThrow(ImplausibleInputError);
    expect(() => estimate(household([member('a', 'applicant', '1985-01-01')], 950_000), { month })).not.toThrow();
  });
});
