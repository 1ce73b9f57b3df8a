// An excerpt in the layout of the BA's download "Klassifikation der Berufe 2010 – Systematisches Verzeichnis": title
// lines above the table, a header row, and every level of the classification (Berufsbereich 1 digit …
// Berufsgattung 5 digits) in one list. The rows are examples for the tests, not a copy of the official list.
import ExcelJS from 'exceljs';

export const kldbRows: [string, string][] = [
  ['5', 'Verkehr, Logistik, Schutz und Sicherheit'],
  ['51', 'Verkehrs- und Logistikberufe (außer Fahrzeugführung)'],
  ['513', 'Lagerwirtschaft, Post und Zustellung, Güterumschlag'],
  ['5131', 'Lagerwirtschaft'],
  ['51311', 'Berufe in der Lagerwirtschaft - Helfer-/Anlerntätigkeiten'],
  ['51312', 'Berufe in der Lagerwirtschaft - fachlich ausgerichtete Tätigkeiten'],
  ['51313', 'Berufe in der Lagerwirtschaft - komplexe Spezialistentätigkeiten'],
  ['51314', 'Berufe in der Lagerwirtschaft - hoch komplexe Tätigkeiten'],
  ['8', 'Gesundheit, Soziales, Lehre und Erziehung'],
  ['81', 'Medizinische Gesundheitsberufe'],
  ['813', 'Gesundheits- und Krankenpflege, Rettungsdienst und Geburtshilfe'],
  ['8130', 'Gesundheits- und Krankenpflege (ohne Spezialisierung)'],
  ['81301', 'Berufe in der Gesundheits- und Krankenpflege (ohne Spezialisierung) - Helfer-/Anlerntätigkeiten'],
  ['81302', 'Berufe in der Gesundheits- und Krankenpflege (ohne Spezialisierung) - fachlich ausgerichtete Tätigkeiten'],
  ['0', 'Militär'],
  ['01104', 'Offiziere - hoch komplexe Tätigkeiten'],
  // Not an occupation: a level digit outside 1–4, and the same code twice.
  ['81309', 'Ungültiges Anforderungsniveau'],
  ['51312', 'Doppelt'],
];

/** The CSV as offered for download: semicolon separated, Windows-1252, title lines first. */
export function kldbCsv(header = ['Schlüssel KldB 2010', 'Bezeichnung']): Buffer {
  const lines = ['Klassifikation der Berufe 2010 - überarbeitete Fassung 2020', 'Systematisches Verzeichnis', '', header.join(';'), ...kldbRows.map(([code, title]) => `${code};"${title}"`)];
  return Buffer.from(lines.join('\r\n') + '\r\n', 'latin1');
}

/**
 * The XLSX: header "Kode" / "Berufsbezeichnung", codes as text; with `numericCodes` as numbers shown with the format
 * "00000" (01104 stays 01104 on screen), and one without that format (1104: not a 5-digit code).
 */
export async function kldbXlsx(numericCodes = false): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('KldB 2010');
  sheet.addRow(['Klassifikation der Berufe 2010']);
  sheet.addRow([]);
  sheet.addRow(['Ebene', 'Kode', 'Berufsbezeichnung']);
  for (const [code, title] of kldbRows) {
    const row = sheet.addRow([code.length, numericCodes ? Number(code) : code, title]);
    if (numericCodes) row.getCell(2).numFmt = '0'.repeat(code.length);
  }
  if (numericCodes) sheet.addRow([5, 1105, 'Ohne Zahlenformat: nur vier Ziffern']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
