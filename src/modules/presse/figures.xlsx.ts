// Reads the BA's "Arbeitsmarktreport" workbook (sheet "Eckwerte") by its labels, not by positions: the report month
// from a "November 2020"-like cell above the table, the regions from the header row (official code in brackets,
// "Deutschland", or a named region such as "Südhessen"), the figures from rows labelled "Arbeitslose insgesamt",
// "SGB III", "SGB II" and "Arbeitslosenquote bezogen auf alle zivilen Erwerbspersonen" (doc/domain/presse-und-arbeitsmarkt.md).
// Every problem is reported with its row and column; labels that are not understood are listed, not guessed.
import type { CellValue, Row, Worksheet } from 'exceljs';
import { loadExcelJs } from '#shared/libraries.js';
import { cellText } from '#shared/spreadsheet.js';
import type { FileProblem } from '#shared/html/file-upload.js';
import type { ImportedRow } from './presse.tables.js';

export interface ParsedWorkbook {
  month: string | null;
  rows: ImportedRow[];
  unrecognised: string[];
  problems: FileProblem[];
}

type Measure = 'unemployed' | 'unemployedSgb2' | 'unemployedSgb3' | 'rateTenths';

const monthNames = ['januar', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember'];
const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** Which figure a row label names; the rate on dependent employees only and other rates are not ours. */
export function measureOf(label: string): Measure | null {
  const l = norm(label);
  if (l.includes('quote')) return /arbeitslosenquote/.test(l) && /\balle[n]? zivilen erwerbspersonen/.test(l) ? 'rateTenths' : null;
  if (/\bsgb iii\b/.test(l)) return 'unemployedSgb3';
  if (/\bsgb ii\b/.test(l)) return 'unemployedSgb2';
  if (/^arbeitslose( insgesamt)?$/.test(l) || l.startsWith('arbeitslose insgesamt')) return 'unemployed';
  return null;
}

/** A region from a header cell: "Kreis Bergstraße (06431)", "Hessen (06)", "Deutschland", "Südhessen". */
export function regionOf(header: string): { region: string; regionName: string } | null {
  const text = header.replace(/\s+/g, ' ').trim();
  if (!text || /^(merkmal|region|gebiet)$/i.test(text)) return null;
  const coded = /^(.*?)\s*\((\d{2}|\d{5})\)$/.exec(text);
  if (coded) return { region: coded[2]!, regionName: coded[1]! };
  if (/^deutschland$/i.test(text)) return { region: 'DG', regionName: 'Deutschland' };
  const slug = text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return slug ? { region: slug.slice(0, 40), regionName: text } : null;
}

/** YYYY-MM from "November 2020", "Berichtsmonat: 11/2020", "2020-11" or a date cell. */
export function monthOf(value: CellValue): string | null {
  if (value instanceof Date) return value.toISOString().slice(0, 7);
  const l = norm(cellText(value));
  const named = new RegExp(`\\b(${monthNames.join('|')})\\s+(\\d{4})\\b`).exec(l);
  if (named) return `${named[2]}-${String(monthNames.indexOf(named[1]!) + 1).padStart(2, '0')}`;
  const numeric = /\b(0?[1-9]|1[0-2])\/(\d{4})\b/.exec(l);
  if (numeric) return `${numeric[2]}-${numeric[1]!.padStart(2, '0')}`;
  const iso = /\b(\d{4})-(0[1-9]|1[0-2])\b/.exec(l);
  return iso ? `${iso[1]}-${iso[2]}` : null;
}

/** A count or a rate; "*", "-", "x" and empty cells (values the BA withholds) are null; anything else is an error. */
function numberOf(value: CellValue, percentFormat: boolean): number | null | 'invalid' {
  if (typeof value === 'number') return percentFormat && value < 1 ? value * 100 : value;
  const raw = cellText(value).trim();
  if (raw === '' || /^[*x–-]$/i.test(raw)) return null;
  const german = raw.replace(/\s|%/g, '').replace(/\.(?=\d{3}(\D|$))/g, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(german) ? Number(german) : 'invalid';
}

const columnLetter = (n: number): string => (n > 26 ? columnLetter(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));

function cellsOf(row: Row): { column: number; value: CellValue; percent: boolean }[] {
  const cells: { column: number; value: CellValue; percent: boolean }[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => cells.push({ column, value: cell.value, percent: (cell.numFmt ?? '').includes('%') }));
  return cells;
}

function readSheet(sheet: Worksheet): ParsedWorkbook {
  const problems: FileProblem[] = [];
  const unrecognised: string[] = [];
  let month: string | null = null;
  let header: Map<number, { region: string; regionName: string }> | null = null;
  const values = new Map<string, Partial<Record<Measure, number | null>>>();
  const seen = new Map<Measure, number>();

  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells = cellsOf(row);
    const [first, ...rest] = cells;
    if (!first) return;
    const label = cellText(first.value);
    const measure = measureOf(label);
    if (!measure) {
      if (!header && rest.length > 0 && rest.every((c) => typeof c.value === 'string' || (typeof c.value === 'object' && c.value !== null && 'richText' in c.value))) {
        const regions = rest.map((c) => [c.column, regionOf(cellText(c.value))] as const).filter((e): e is [number, { region: string; regionName: string }] => e[1] !== null);
        if (regions.length > 0 && regions.some(([, r]) => /^\d/.test(r.region) || r.region === 'DG')) {
          header = new Map(regions);
          return;
        }
      }
      if (!month) for (const c of cells) month ??= monthOf(c.value);
      if (header && rest.length > 0 && label) unrecognised.push(label.replace(/\s+/g, ' ').trim());
      return;
    }
    if (!header) {
      problems.push({ row: rowNumber, column: 'A', message: 'presse:import.errors.noHeader' });
      return;
    }
    if (seen.has(measure)) {
      problems.push({ row: rowNumber, column: columnLetter(first.column), message: 'presse:import.errors.duplicate', params: { label, first: String(seen.get(measure)) } });
      return;
    }
    seen.set(measure, rowNumber);
    for (const [column, { region }] of header) {
      const cell = cells.find((c) => c.column === column);
      const n = numberOf(cell?.value ?? null, cell?.percent ?? false);
      if (n === 'invalid') {
        problems.push({ row: rowNumber, column: columnLetter(column), message: 'presse:import.errors.notNumber', params: { value: cellText(cell!.value).slice(0, 40) } });
        continue;
      }
      const entry = values.get(region) ?? {};
      entry[measure] = n === null ? null : measure === 'rateTenths' ? Math.round(n * 10) : Math.round(n);
      values.set(region, entry);
    }
  });

  const regions = header as Map<number, { region: string; regionName: string }> | null;
  if (!regions) return { month, rows: [], unrecognised, problems: problems.length ? problems : [{ message: 'presse:import.errors.noHeader' }] };
  if (!month) problems.push({ message: 'presse:import.errors.noMonth' });
  if (!seen.has('rateTenths')) problems.push({ message: 'presse:import.errors.noRateRow' });
  const rows: ImportedRow[] = [];
  for (const [column, { region, regionName }] of regions) {
    const v = values.get(region) ?? {};
    if (seen.has('rateTenths') && (v.rateTenths === null || v.rateTenths === undefined)) {
      const at = { row: seen.get('rateTenths'), column: columnLetter(column) };
      // A rate cell that is not a number is reported as that already; "no rate" would say the same again.
      if (!problems.some((p) => p.row === at.row && p.column === at.column)) problems.push({ ...at, message: 'presse:import.errors.noRate', params: { region: regionName } });
      continue;
    }
    if (v.rateTenths === undefined || v.rateTenths === null) continue;
    rows.push({ region, regionName, month: month ?? '', unemployed: v.unemployed ?? null, unemployedSgb2: v.unemployedSgb2 ?? null, unemployedSgb3: v.unemployedSgb3 ?? null, rateTenths: v.rateTenths });
  }
  return { month, rows, unrecognised, problems };
}

/** Parses the workbook; a file that is not an XLSX or has no sheet "Eckwerte" is one problem without a row. */
export async function parseWorkbook(bytes: Buffer): Promise<ParsedWorkbook> {
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { month: null, rows: [], unrecognised: [], problems: [{ message: 'presse:import.errors.notXlsx' }] };
  }
  const sheet = workbook.worksheets.find((s) => norm(s.name) === 'eckwerte');
  if (!sheet) return { month: null, rows: [], unrecognised: [], problems: [{ message: 'presse:import.errors.noSheet' }] };
  return readSheet(sheet);
}
