import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { getParameter, NoRuleSetError, ruleSets, selectRuleSet } from './rule-sets.js';

describe('selectRuleSet', () => {
  it.each([
    ['2024-01', 'buergergeld-2024'],
    ['2024-12', 'buergergeld-2024'],
    ['2025-01', 'buergergeld-2025'],
    ['2026-01', 'buergergeld-2026'],
    ['2026-06', 'buergergeld-2026'],
    ['2026-07', 'grundsicherung-2026-07'],
    ['2031-02', 'grundsicherung-2026-07'],
  ])('%s → %s', (month, id) => {
    expect(selectRuleSet(month).id).toBe(id);
  });

  it('has no rule set before 2024 and rejects malformed months', () => {
    expect(() => selectRuleSet('2023-12')).toThrow(NoRuleSetError);
    expect(() => selectRuleSet('2025-1')).toThrow(RangeError);
    expect(() => selectRuleSet('2025-00')).toThrow(RangeError);
  });
});

describe('rule set data', () => {
  it('covers every day from 2024-01-01 without gap or overlap, the last one open-ended', () => {
    const sorted = [...ruleSets].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
    expect(sorted[0]?.validFrom).toBe('2024-01-01');
    sorted.forEach((set, i) => {
      const next = sorted[i + 1];
      if (next === undefined) return expect(set.validTo).toBeUndefined();
      expect(set.validTo).toBeDefined();
      expect(DateTime.fromISO(set.validTo ?? '').plus({ days: 1 }).toISODate()).toBe(next.validFrom);
    });
  });

  it('gives every parameter a source, a whole-number value and a note when unverified', () => {
    for (const set of ruleSets) {
      for (const [id, p] of Object.entries(set.parameters)) {
        expect(p.source.length, `${set.id} ${id}`).toBeGreaterThan(5);
        expect(Number.isSafeInteger(p.value) && p.value >= 0, `${set.id} ${id}`).toBe(true);
        if (!p.verified) expect(p.note, `${set.id} ${id}`).toBeTruthy();
      }
    }
  });

  it('later sets keep every parameter of earlier ones', () => {
    const [first, ...rest] = ruleSets;
    for (const set of rest) expect(Object.keys(set.parameters)).toEqual(expect.arrayContaining(Object.keys(first?.parameters ?? {})));
  });

  it('keeps the Regelbedarfe of 2024 through 2026 and across the reform, verified', () => {
    for (const set of ruleSets) {
      const rbs = [1, 2, 3, 4, 5, 6].map((n) => getParameter(set, `regelbedarf.rbs${n}`));
      expect(rbs.map((p) => p.value)).toEqual([56_300, 50_600, 45_100, 47_100, 39_000, 35_700]);
      expect(rbs.every((p) => p.verified)).toBe(true);
    }
  });

  it('carries Kindergeld per year with § 66 EStG as source', () => {
    const kindergeld = ruleSets.map((s) => [s.id, getParameter(s, 'kindergeld.perChild').value]);
    expect(kindergeld).toEqual([
      ['buergergeld-2024', 25_000],
      ['buergergeld-2025', 25_500],
      ['buergergeld-2026', 25_900],
      ['grundsicherung-2026-07', 25_900],
    ]);
    for (const s of ruleSets) expect(getParameter(s, 'kindergeld.perChild')).toMatchObject({ verified: true, source: expect.stringContaining('§ 66') });
  });

  it('marks the reform parameters and the "verify" items of the domain brief as unverified', () => {
    const reform = selectRuleSet('2026-07');
    expect(reform.name).toBe('Neue Grundsicherung');
    for (const id of ['vermoegen.altersstufe1.amount', 'unterkunft.karenzzeit.capPercentOfLimit', 'einkommen.stufe1.percent', 'mehrbedarf.schwangerschaft.percent']) {
      expect(getParameter(reform, id).verified, id).toBe(false);
    }
    for (const set of ruleSets) {
      expect(getParameter(set, 'mehrbedarf.warmwasser.rbs1').verified).toBe(false);
      expect(getParameter(set, 'einkommen.jungeErwerbstaetige.grundfreibetrag').verified).toBe(false);
    }
    expect(getParameter(selectRuleSet('2026-06'), 'einkommen.stufe1.percent').verified).toBe(true);
  });

  it('throws on a parameter the set does not have', () => {
    expect(() => getParameter(selectRuleSet('2025-01'), 'vermoegen.altersstufe1.amount')).toThrow(/no parameter/);
  });
});

