import { describe, expect, it } from 'vitest';
import { berufByKldb, niveauOf, wegeZu } from './berufe.js';
import { berlinToday, externenpruefungMoeglich, followUpUntil, indicators, isOverdue, planReviewOn, sustainabilityCheckOn, umschulungMonate, type IndicatorInput } from './rules.js';

describe('coaching rules', () => {
  it('takes today in Berlin, not UTC', () => {
    expect(berlinToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });

  it('flags a contact as overdue only after its date and only while the coaching runs', () => {
    expect(isOverdue({ nextContactOn: '2026-11-24', phase: 'plan' }, '2026-11-25')).toBe(true);
    expect(isOverdue({ nextContactOn: '2026-11-25', phase: 'plan' }, '2026-11-25')).toBe(false);
    expect(isOverdue({ nextContactOn: '2026-11-01', phase: 'beendet' }, '2026-11-25')).toBe(false);
    expect(isOverdue({ nextContactOn: null, phase: 'analyse' }, '2026-11-25')).toBe(false);
  });

  it('follows up six months after a job start, nine under § 16k; checks sustainability at six months', () => {
    expect(followUpUntil('2026-03-31', 'p16-45')).toBe('2026-09-30');
    expect(followUpUntil('2026-03-31', 'p16k')).toBe('2026-12-31');
    expect(sustainabilityCheckOn('2026-01-15')).toBe('2026-07-15');
  });

  it('reviews the plan at the latest after six months', () => {
    expect(planReviewOn('2026-11-25')).toBe('2027-05-25');
    expect(planReviewOn('2026-11-25', '2027-02-01')).toBe('2027-02-01');
    expect(planReviewOn('2026-11-25', '2027-12-01')).toBe('2027-05-25');
  });

  it('admits to the Externenprüfung after one and a half times the training time', () => {
    expect(externenpruefungMoeglich(54, 36)).toEqual({ eligible: true, needed: 54, missing: 0 });
    expect(externenpruefungMoeglich(40, 36)).toEqual({ eligible: false, needed: 54, missing: 14 });
    expect(externenpruefungMoeglich(62, 42).needed).toBe(63);
    expect(umschulungMonate(36)).toBe(24);
    expect(umschulungMonate(42)).toBe(28);
  });

  it('reads the Anforderungsniveau from the fifth KldB digit and offers fitting paths', () => {
    expect(niveauOf('51312')).toBe('fachkraft');
    expect(niveauOf('51311')).toBe('helfer');
    expect(wegeZu(berufByKldb('51311')!)).toEqual(['direkteinstieg']);
    expect(wegeZu(berufByKldb('51312')!)).toEqual(['ausbildung', 'teilzeitausbildung', 'umschulung', 'teilqualifikation', 'externenpruefung']);
  });

  it('withholds rates for groups under five and computes them from five on', () => {
    const job = (startOn: string, exitOn: string, still: boolean | null = true): IndicatorInput => ({ startOn, exitOn, exitReason: 'svBeschaeftigung', stillEmployedAt6Months: still });
    const four = [job('2026-01-01', '2026-03-01'), job('2026-01-01', '2026-04-01'), job('2026-02-01', '2026-05-01'), job('2026-02-01', '2026-06-01')];
    const small = indicators(four, '2026-01-01', '2026-12-31');
    expect(small).toMatchObject({ entries: 4, exitsTotal: 4, integrationRate: null, medianDaysToIntegration: null, suppressed: true });

    const rows = [...four, job('2026-03-01', '2026-07-01', false), { startOn: '2026-03-01', exitOn: '2026-08-01', exitReason: 'abbruch' as const, stillEmployedAt6Months: null }, { startOn: '2026-06-01', exitOn: null, exitReason: null, stillEmployedAt6Months: null }];
    const r = indicators(rows, '2026-01-01', '2026-12-31');
    expect(r.entries).toBe(7);
    expect(r.active).toBe(1);
    expect(r.exitsTotal).toBe(6);
    expect(r.exits.svBeschaeftigung).toBe(5);
    expect(r.integrationRate).toBe(83.3);
    expect(r.medianDaysToIntegration).toBe(90);
    expect(r.stillEmployedRate).toBe(80);
  });
});
