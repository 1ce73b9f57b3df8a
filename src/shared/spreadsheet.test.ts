import { describe, expect, it } from 'vitest';
import { cellText, csvTable } from './spreadsheet.js';

describe('spreadsheets', () => {
  it('reads a CSV with semicolons, quotes, a BOM and Windows line ends; Windows-1252 umlauts too', async () => {
    const csv = '\uFEFFKode;Bezeichnung\r\n"51312";"Fachkraft ""Lager"" und Logistik; Transport"\r\n\r\n01104;Soldat\r\n';
    expect(await csvTable(Buffer.from(csv))).toEqual([
      ['Kode', 'Bezeichnung'],
      ['51312', 'Fachkraft "Lager" und Logistik; Transport'],
      ['01104', 'Soldat'],
    ]);
    expect(await csvTable(Buffer.from('Kode,Bezeichnung\n1,B\xfcrokauffrau\n', 'latin1'))).toEqual([['Kode', 'Bezeichnung'], ['1', 'Bürokauffrau']]);
  });

  it('gives a cell its shown text: leading zeros of a formatted code, rich text, formula results', () => {
    expect(cellText(1104, '00000')).toBe('01104');
    expect(cellText(1104)).toBe('1104');
    expect(cellText({ richText: [{ text: 'Fach' }, { text: 'kraft' }] })).toBe('Fachkraft');
    expect(cellText({ formula: 'A1', result: 4.1 } as never)).toBe('4.1');
    expect(cellText(null)).toBe('');
  });
});
