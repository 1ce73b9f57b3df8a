// The report chart's axes and its phone drawing, without a database: counts tick in whole numbers.
import { describe, expect, it } from 'vitest';
import { reportChartSvg } from './reports.chart.js';

/** The texts of an SVG (axis ticks, bar labels, titles). */
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
const widthOf = (svg: string) => Number(/<svg[^>]* width="(\d+)"/.exec(svg)![1]);
const rows = [
  { label: 'Beratungskompetenz', value: 2 },
  { label: 'Datenschutz und Informationssicherheit im Jobcenter', value: 1 },
];
const labels = { title: 'Teilnahmen nach Thema', value: 'Personen', row: 'Thema' };

describe('report chart', () => {
  it('ticks a count axis in whole numbers only (no "0,5 Personen")', async () => {
    const svg = await reportChartSvg(rows, { ...labels, kind: 'count' });
    expect(texts(svg)).toEqual(expect.arrayContaining(['0', '1', '2']));
    expect(texts(svg).filter((x) => /^\d+,\d+$/.test(x))).toEqual([]);
  });

  it('keeps decimal ticks for amounts and per cent ticks for rates', async () => {
    expect(texts(await reportChartSvg(rows, { ...labels, kind: 'amount' }))).toContain('0,2');
    expect(texts(await reportChartSvg([{ label: 'A', value: 0.5 }], { ...labels, kind: 'percent' }))).toContain('50%');
  });

  it('draws a phone version that fits 390 px without the title the section heading already gives', async () => {
    const wide = await reportChartSvg(rows, { ...labels, kind: 'count' });
    const narrow = await reportChartSvg(rows, { ...labels, kind: 'count' }, 'narrow');
    expect(widthOf(wide)).toBeGreaterThan(600);
    expect(widthOf(narrow)).toBeLessThanOrEqual(358);
    expect(texts(wide)).toContain('Teilnahmen nach Thema');
    expect(texts(narrow)).not.toContain('Teilnahmen nach Thema');
  });
});
