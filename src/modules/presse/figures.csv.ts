// The figures as CSV (semicolon-separated, decimal comma: what German spreadsheet programs open directly), with the
// source and the demo marker in columns of their own.
import type { TFunction } from '#shared/i18n/index.js';
import type { FiguresView } from './figures.service.js';
import type { LabourMarketFigure } from './presse.tables.js';

const cell = (v: string | number | null | undefined) => {
  const s = v === null || v === undefined ? '' : String(v);
  // Quote always; a leading =, +, - or @ is neutralised so a spreadsheet does not run it as a formula.
  return `"${(/^[=+\-@]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"`;
};

export function figuresCsv(view: FiguresView, t: TFunction): string {
  const header = ['month', 'region', 'regionName', 'rate', 'unemployed', 'sgb2', 'sgb3', 'source'].map((k) => t(`presse:figures.csvColumns.${k}`));
  const rows: (string | number | null)[][] = [];
  const add = (f: LabourMarketFigure | undefined) => {
    if (!f) return;
    rows.push([f.month, f.region, f.regionName, (f.rateTenths / 10).toFixed(1).replace('.', ','), f.unemployed, f.unemployedSgb2, f.unemployedSgb3, t(`presse:figures.sources.${f.source}`)]);
  };
  for (const m of view.months) {
    add(m.district);
    add(m.comparison);
  }
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(';')).join('\r\n')}\r\n`;
}
