import { describe, expect, it } from 'vitest';
import { bedarfsgemeinschaftSize } from './rules/index.js';
import { countedAssetsCents, estimateMonth, pregnancyWeek, toEstimateInput } from './estimate.adapter.js';
import { estimate } from './rules/index.js';

const household = {
  firstName: 'Ada',
  birthDate: '1990-04-12',
  statuses: ['arbeit', 'schwanger'],
  dueDate: '2027-05-01',
  grossEarnings: 80_000,
  netEarnings: 64_000,
  otherIncome: ['wohngeld'],
  income_wohngeld: 10_000,
  housing: 'miete',
  kaltmiete: 55_000,
  nebenkosten: 12_000,
  heizkosten: 9_050,
  hotWaterDecentral: 'ja',
  assets: ['konto', 'fahrzeug'],
  asset_konto: 120_000,
  asset_fahrzeug: 500_000,
  members: [
    { id: 'p', firstName: 'Ben', birthDate: '1988-09-03', relation: 'partner', statuses: ['arbeitsuchend'], otherIncome: ['keine'] },
    { id: 'k', firstName: 'Cleo', birthDate: '2019-06-15', relation: 'kind', statuses: ['schule'], kindergeld: 'ja' },
    { id: 'g', firstName: 'Opa', birthDate: '1950-01-01', relation: 'elternteil', statuses: ['keine'] },
  ],
};

describe('answers → estimate input', () => {
  it('maps roles, earnings, other income, housing and counted assets', () => {
    const input = toEstimateInput(household, '2026-11')!;
    expect(input.members.map((m) => [m.id, m.role])).toEqual([
      ['antragsteller', 'applicant'],
      ['p', 'partner'],
      ['k', 'child'],
      ['g', 'parent'],
    ]);
    expect(input.members[0]).toMatchObject({ earnings: { grossCents: 80_000, netCents: 64_000 }, otherIncome: [{ kind: 'sonstiges', amountCents: 10_000 }], pregnancyWeek: 19 });
    expect(input.members[2]).toMatchObject({ kindergeld: true, inSchoolOrTraining: true });
    expect(input.housing).toEqual({ kaltmieteCents: 55_000, nebenkostenCents: 12_000, heizkostenCents: 9_050, decentralHotWater: true });
    // The car is usually protected and is not counted.
    expect(input.assetsCents).toBe(120_000);
    expect(countedAssetsCents({ assets: ['keine'], asset_konto: 5 })).toBe(0);
    expect(() => estimate(input, { month: '2026-11' })).not.toThrow();
  });

  it('waits for birth dates and housing costs', () => {
    expect(toEstimateInput({ ...household, housing: undefined }, '2026-11')).toBeUndefined();
    expect(toEstimateInput({ ...household, members: [{ id: 'x', relation: 'kind' }] }, '2026-11')).toBeUndefined();
    expect(toEstimateInput({ ...household, housing: 'miete', kaltmiete: undefined }, '2026-11')).toBeUndefined();
  });

  it('counts the week of pregnancy reached at the end of the month', () => {
    // Due 2027-05-01 is day 280; 2026-11-30 lies 152 days before it, so day 128 of the pregnancy → week 19.
    expect(pregnancyWeek('2027-05-01', '2026-11')).toBe(19);
    expect(pregnancyWeek('2027-12-01', '2026-11')).toBeUndefined();
    expect(pregnancyWeek(undefined, '2026-11')).toBeUndefined();
  });

  it('sizes the Bedarfsgemeinschaft without parents of an adult applicant or children aged 25 and over', () => {
    expect(bedarfsgemeinschaftSize(toEstimateInput(household, '2026-11')!.members, '2026-11')).toBe(3);
  });

  it('estimates the month in Berlin, not in the process time zone', () => {
    expect(estimateMonth(new Date('2026-11-30T23:30:00Z'))).toBe('2026-12');
  });
});
