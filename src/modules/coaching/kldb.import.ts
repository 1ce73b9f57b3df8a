// Reads the BA's download of the KldB 2010 (Klassifikation der Berufe, CSV or XLSX) by its column names, not by
// positions: the code column is the one headed "Schlüssel KldB 2010", "Kode", "KldB" or "Code", the title column
// "Bezeichnung", "Berufsbezeichnung", "Berufsgattung" or "Titel" (case, spacing and umlaut spelling do not matter).
// Only 5-digit codes whose last digit is an Anforderungsniveau 1–4 are occupations (Berufsgattungen); the file's
// other levels (Berufsbereich … Berufsuntergruppe, 1–4 digits) are counted as skipped, not guessed.
import { cellText, csvTable } from '#shared/spreadsheet.js';
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
      row.eachCell({ includeEmpty: true }, (cell, column) => (cells[column - 1] = cellText(cell.value, cell.numFmt ?? '')));
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
    return occupationsOf(isZip(bytes) ? await xlsxTable(bytes) : await csvTable(bytes));
  } catch {
    return { rows: [], skipped: 0, duplicates: 0, problem: 'coaching:kldb.errors.unreadable' };
  }
}
