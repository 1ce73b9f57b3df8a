// A workbook like the BA's "Arbeitsmarktreport" for the Kreis Bergstraße, November 2020, built in the tests: the
// sheet "Eckwerte" with the report's row labels (figures: the Kreis's release of December 2020 where quoted, the
// rest fictitious). `layout` moves rows and columns, as the BA's layout changes between years.
import ExcelJS from 'exceljs';

export interface FixtureOptions {
  /** Put the regions in another order and an extra row between the figures. */
  shuffled?: boolean;
  /** Replace a cell: [row label, region header, value]. */
  override?: [string, string, ExcelJS.CellValue];
  /** Put this in every cell of the figures (a file whose figures are all unreadable). */
  everyValue?: ExcelJS.CellValue;
  sheetName?: string;
}

export async function arbeitsmarktreport(options: FixtureOptions = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Deckblatt').addRow(['Arbeitsmarktreport']);
  const sheet = workbook.addWorksheet(options.sheetName ?? 'Eckwerte');
  const regions = options.shuffled ? ['Deutschland', 'Südhessen', 'Kreis Bergstraße (06431)', 'Hessen (06)'] : ['Kreis Bergstraße (06431)', 'Südhessen', 'Hessen (06)', 'Deutschland'];
  const data: Record<string, Record<string, ExcelJS.CellValue>> = {
    'Arbeitslose insgesamt': { 'Kreis Bergstraße (06431)': 6_123, Südhessen: 27_456, 'Hessen (06)': 177_640, Deutschland: 2_699_000 },
    'davon: Rechtskreis SGB III': { 'Kreis Bergstraße (06431)': 2_418, Südhessen: 10_900, 'Hessen (06)': 66_200, Deutschland: 1_003_000 },
    'Rechtskreis SGB II': { 'Kreis Bergstraße (06431)': 3_705, Südhessen: 16_556, 'Hessen (06)': 111_440, Deutschland: 1_696_000 },
    'Arbeitslosenquote bezogen auf alle zivilen Erwerbspersonen': { 'Kreis Bergstraße (06431)': 4.1, Südhessen: 5.0, 'Hessen (06)': 5.2, Deutschland: 5.9 },
    'Arbeitslosenquote bezogen auf abhängige zivile Erwerbspersonen': { 'Kreis Bergstraße (06431)': 4.6, Südhessen: 5.6, 'Hessen (06)': 5.8, Deutschland: 6.6 },
  };
  if (options.override) data[options.override[0]]![options.override[1]] = options.override[2];
  sheet.addRow(['Arbeitsmarktreport – Eckwerte']);
  sheet.addRow(['Berichtsmonat: November 2020']);
  sheet.addRow([]);
  sheet.addRow(['Merkmal', ...regions]);
  const labels = Object.keys(data);
  if (options.shuffled) labels.splice(1, 0, 'Unterbeschäftigung (ohne Kurzarbeit)');
  for (const label of labels) sheet.addRow([label, ...regions.map((r) => options.everyValue ?? data[label]?.[r] ?? 9_999)]);
  sheet.addRow(['Quelle: Statistik der Bundesagentur für Arbeit']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
