// The workbook parser: labels, not positions; problems with row and column; withheld values; not a workbook.
import { describe, expect, it } from 'vitest';
import { arbeitsmarktreport } from './figures.workbook.test-fixture.js';
import { parseWorkbook } from './figures.xlsx.js';

describe('Arbeitsmarktreport workbook', () => {
  it('reads the report month, every region and its figures by label', async () => {
    const parsed = await parseWorkbook(await arbeitsmarktreport());
    expect(parsed.problems).toEqual([]);
    expect(parsed.month).toBe('2020-11');
    expect(parsed.rows).toContainEqual({ region: '06431', regionName: 'Kreis Bergstraße', month: '2020-11', unemployed: 6123, unemployedSgb2: 3705, unemployedSgb3: 2418, rateTenths: 41 });
    expect(parsed.rows.map((r) => [r.region, r.rateTenths])).toEqual([['06431', 41], ['suedhessen', 50], ['06', 52], ['DG', 59]]);
    expect(parsed.unrecognised).toEqual(['Arbeitslosenquote bezogen auf abhängige zivile Erwerbspersonen']);
  });

  it('reads the same figures when rows and columns move', async () => {
    const a = await parseWorkbook(await arbeitsmarktreport());
    const b = await parseWorkbook(await arbeitsmarktreport({ shuffled: true }));
    expect(b.problems).toEqual([]);
    expect([...b.rows].sort((x, y) => x.region.localeCompare(y.region))).toEqual([...a.rows].sort((x, y) => x.region.localeCompare(y.region)));
    expect(b.unrecognised).toContain('Unterbeschäftigung (ohne Kurzarbeit)');
  });

  it('names the row and column of a bad value; a withheld count is empty, a missing rate an error', async () => {
    const bad = await parseWorkbook(await arbeitsmarktreport({ override: ['Arbeitslose insgesamt', 'Hessen (06)', 'viele'] }));
    expect(bad.problems).toEqual([{ row: 5, column: 'D', message: 'presse:import.errors.notNumber', params: { value: 'viele' } }]);
    const withheld = await parseWorkbook(await arbeitsmarktreport({ override: ['Rechtskreis SGB II', 'Südhessen', '*'] }));
    expect(withheld.problems).toEqual([]);
    expect(withheld.rows.find((r) => r.region === 'suedhessen')!.unemployedSgb2).toBeNull();
    const noRate = await parseWorkbook(await arbeitsmarktreport({ override: ['Arbeitslosenquote bezogen auf alle zivilen Erwerbspersonen', 'Deutschland', '-'] }));
    expect(noRate.problems).toEqual([{ row: 8, column: 'E', message: 'presse:import.errors.noRate', params: { region: 'Deutschland' } }]);
    const badRate = await parseWorkbook(await arbeitsmarktreport({ override: ['Arbeitslosenquote bezogen auf alle zivilen Erwerbspersonen', 'Deutschland', 'hoch'] }));
    expect(badRate.problems).toEqual([{ row: 8, column: 'E', message: 'presse:import.errors.notNumber', params: { value: 'hoch' } }]);
  });

  it('refuses a file that is no workbook, or has no sheet "Eckwerte"', async () => {
    expect((await parseWorkbook(Buffer.from('%PDF-1.4 kein Excel'))).problems).toEqual([{ message: 'presse:import.errors.notXlsx' }]);
    expect((await parseWorkbook(await arbeitsmarktreport({ sheetName: 'Tabelle1' }))).problems).toEqual([{ message: 'presse:import.errors.noSheet' }]);
  });
});
