// How a report's values read on the page and in the CSV file: German or English numbers; in the CSV without the
// unit (it is in the column head) and with a leading apostrophe before a label that a spreadsheet would run.
import { formatEuro } from './format.js';
import type { ColumnKind, Report } from './reports.js';

type T = (key: string, params?: Record<string, unknown>) => string;

export function formatValue(value: number | null, kind: ColumnKind, lang: string, csv = false): string {
  if (value === null) return '–';
  const locale = lang === 'de' ? 'de-DE' : 'en-GB';
  if (kind === 'percent') return `${(value * 100).toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}${csv ? '' : ' %'}`;
  if (kind === 'euro') return csv ? (value / 100).toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false }) : formatEuro(value, lang);
  return value.toLocaleString(locale, { useGrouping: !csv });
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function reportCsv(report: Report, t: T, lang: string): string {
  const head = [t(`seminare:reports.${report.id}.row`), ...report.columns.map((c) => t(`seminare:reports.columns.${c.key}`) + (c.kind === 'percent' ? ' (%)' : c.kind === 'euro' ? ' (€)' : ''))];
  const lines = [head, ...report.rows.map((r) => [r.label, ...(r.suppressed ? report.columns.map((_, i) => (i === 0 ? t('seminare:reports.fewer') : '')) : r.values.map((v, i) => formatValue(v, report.columns[i]!.kind, lang, true)))])];
  return `\uFEFF${lines.map((l) => l.map(csvCell).join(';')).join('\r\n')}\r\n`;
}
