// Reads the BA's download of the KldB 2010 (Klassifikation der Berufe, CSV or XLSX) by its column names, not by
// positions: the code column is the one headed "Schlüssel KldB 2010", "Kode", "KldB" or "Code", the title column
// "Bezeichnung", "Berufsbezeichnung", "Berufsgattung" or "Titel" (case, spacing and umlaut spelling do not matter).
// Only 5-digit codes whose last digit is an Anforderungsniveau 1–4 are occupations (Berufsgattungen); the file's
// other levels (Berufsbereich … Berufsuntergruppe, 1–4 digits) are counted as skipped, not guessed.
import type { CellValue } from 'exceljs';
import { loadExcelJs } from '#shared/libraries.js';
import type { KldbEntry } from './berufe.tables.js';

export interface KldbParse {
  rows: KldbEntry[];
  /** Rows below the header that are not a 5-digit occupation code with level 1–4 (other levels, notes). */
  skipped: number;
  /** Codes that appeared more than once: the first title is kept. */
  duplicates: number;
  /** i18n key when the file cannot be read at all. */
  problem?: string | undefined;
}

const fold = (s: string) =>
  s
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Which column a header cell names: the code, the title, or neither. */
export function columnOf(header: string): 'code' | 'title' | null {
  const h = fold(header);
  if (!h) return null;
  if (/\b(schluessel|kode|code|kldb)\b/.test(h) && !/\bbezeichnung\b/.test(h)) return 'code';
  if (/\b(bezeichnung|berufsbezeichnung|berufsgattung|berufsbenennung|titel|title)\b/.test(h)) return 'title';
  return null;
}

const OCCUPATION = /^\d{4}[1-4]$/;

/** The rows of a table (first row that names both columns is the header) into occupations. */
export function occupationsOf(table: string[][]): KldbParse {
  const headerAt = table.findIndex((row) => {
    const kinds = row.map(columnOf);
    return kinds.includes('code') && kinds.includes('title');
  });
  if (headerAt < 0) return { rows: [], skipped: 0, duplicates: 0, problem: 'coaching:kldb.errors.noHeader' };
  const header = table[headerAt]!.map(columnOf);
  const codeAt = header.indexOf('code');
  const titleAt = header.indexOf('title');
  const seen = new Set<string>();
  const rows: KldbEntry[] = [];
  let skipped = 0;
  let duplicates = 0;
  for (const row of table.slice(headerAt + 1)) {
    const code = (row[codeAt] ?? '').trim();
    const title = (row[titleAt] ?? '').replace(/\s+/g, ' ').trim();
    if (!code && !title) continue;
    if (!OCCUPATION.test(code) || !title) {
      skipped++;
      continue;
    }
    if (seen.has(code)) {
      duplicates++;
      continue;
    }
    seen.add(code);
    rows.push({ kldb: code, title: title.slice(0, 300) });
  }
  if (rows.length === 0) return { rows, skipped, duplicates, problem: 'coaching:kldb.errors.noRows' };
  return { rows, skipped, duplicates };
}

/** CSV as the BA offers it: semicolon (or comma or tab) separated, UTF-8 with or without BOM, or Windows-1252. */
export function csvTable(bytes: Buffer): string[][] {
  let text = new TextDecoder('utf-8').decode(bytes);
  if (text.includes('\uFFFD')) text = new TextDecoder('windows-1252').decode(bytes);
  text = text.replace(/^\uFEFF/, '');
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const delimiter = [';', '\t', ','].map((d) => [d, firstLine.split(d).length] as const).sort((a, b) => b[1] - a[1])[0]![0];
  const table: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === delimiter) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      table.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) table.push([...row, cell]);
  return table;
}

function textOf(value: CellValue, numFmt = ''): string {
  if (value === null || value === undefined) return '';
  // A code stored as a number shows its leading zero only through a format like "00000" (military occupations
  // 01104 …): then it gets its places back. Without such a format the number is taken as it is, never guessed.
  if (typeof value === 'number') return Number.isInteger(value) && /^0+$/.test(numFmt) ? String(value).padStart(numFmt.length, '0') : String(value);
  if (value instanceof Date) return '';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return textOf(value.result as CellValue);
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}

/** The first sheet of an XLSX workbook that has a header naming code and title. */
export async function xlsxTable(bytes: Buffer): Promise<string[][]> {
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  let best: string[][] = [];
  for (const sheet of workbook.worksheets) {
    const table: string[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => (cells[column - 1] = textOf(cell.value, cell.numFmt ?? '')));
      table.push(Array.from(cells, (c) => c ?? ''));
    });
    if (occupationsOf(table).rows.length > 0) return table;
    if (!best.length) best = table;
  }
  return best;
}

const isZip = (bytes: Buffer) => bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** Parses the upload by its content (an XLSX is a zip), whatever its name says. */
export async function parseKldbFile(bytes: Buffer): Promise<KldbParse> {
  try {
    return occupationsOf(isZip(bytes) ? await xlsxTable(bytes) : csvTable(bytes));
  } catch {
    return { rows: [], skipped: 0, duplicates: 0, problem: 'coaching:kldb.errors.unreadable' };
  }
}
