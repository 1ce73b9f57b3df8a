// Reading the spreadsheets offices are sent (BA statistics, classification lists): cell text of an XLSX cell
// (exceljs) and CSV tables as German offices save them (semicolon, comma or tab; UTF-8 with or without BOM, or
// Windows-1252), parsed by @fast-csv/parse.
import { parseString } from '@fast-csv/parse';
import type { CellValue } from 'exceljs';

/**
 * The text of a cell as shown: rich text joined, a formula's result, a date as ISO. A whole number formatted like
 * "00000" gets its leading zeros back (codes such as KldB 01104 are stored as numbers); otherwise numbers are
 * taken as they are, never guessed.
 */
export function cellText(value: CellValue, numFmt = ''): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) && /^0+$/.test(numFmt) ? String(value).padStart(numFmt.length, '0') : String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result as CellValue);
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}

/** A CSV file as rows of cells; the delimiter is the one the first line uses most. */
export function csvTable(bytes: Buffer): Promise<string[][]> {
  let text = new TextDecoder('utf-8').decode(bytes);
  if (text.includes('\uFFFD')) text = new TextDecoder('windows-1252').decode(bytes);
  text = text.replace(/^\uFEFF/, '');
  const end = text.indexOf('\n');
  const firstLine = end === -1 ? text : text.slice(0, end);
  const delimiter = [';', '\t', ','].map((d) => [d, firstLine.split(d).length] as const).sort((a, b) => b[1] - a[1])[0]![0];
  return new Promise((resolve, reject) => {
    const rows: string[][] = [];
    parseString<string[], string[]>(text, { delimiter, ignoreEmpty: true, discardUnmappedColumns: false, strictColumnHandling: false })
      .on('error', reject)
      .on('data', (row: string[]) => rows.push(row))
      .on('end', () => resolve(rows));
  });
}
