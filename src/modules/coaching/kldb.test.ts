// Reading the KldB 2010 file of the BA (CSV or XLSX) by its column names; the pages that import it are tested over
// HTTP in kldb.routes.test.ts.
import { describe, expect, it } from 'vitest';
import { csvTable } from '#shared/spreadsheet.js';
import { columnOf, occupationsOf, parseKldbFile } from './kldb.import.js';
import { kldbCsv, kldbXlsx } from './kldb.test-fixture.js';

describe('reading the BA file', () => {
  it('recognises the columns by lenient header spelling', () => {
    for (const h of ['Schlüssel KldB 2010', 'Schluessel KldB 2010', 'KODE', 'Kode KldB 2010', 'kldb']) expect(columnOf(h)).toBe('code');
    for (const h of ['Bezeichnung', 'Berufsbezeichnung', 'Berufsgattung', ' bezeichnung ']) expect(columnOf(h)).toBe('title');
    expect(columnOf('Ebene')).toBeNull();
  });

  it('takes only 5-digit codes with level 1–4 from a Windows-1252 CSV; other levels, bad levels and duplicates are skipped', async () => {
    const parsed = await parseKldbFile(kldbCsv());
    expect(parsed.problem).toBeUndefined();
    expect(parsed.rows.map((r) => r.kldb)).toEqual(['51311', '51312', '51313', '51314', '81301', '81302', '01104']);
    expect(parsed.rows[1]).toEqual({ kldb: '51312', title: 'Berufe in der Lagerwirtschaft - fachlich ausgerichtete Tätigkeiten' });
    expect(parsed.skipped).toBe(10);
    expect(parsed.duplicates).toBe(1);
  });

  it('reads the XLSX by its other header spelling; a numeric code keeps its leading zero only through its "00000" format', async () => {
    const parsed = await parseKldbFile(await kldbXlsx());
    expect(parsed.rows.map((r) => r.kldb)).toEqual(['51311', '51312', '51313', '51314', '81301', '81302', '01104']);
    const numeric = await parseKldbFile(await kldbXlsx(true));
    expect(numeric.rows.map((r) => r.kldb)).toEqual(['51311', '51312', '51313', '51314', '81301', '81302', '01104']);
    expect(numeric.skipped).toBe(11);
  });

  it('names what is missing: no header, no occupation, an unreadable file', async () => {
    expect((await parseKldbFile(kldbCsv(['Nummer', 'Text']))).problem).toBe('coaching:kldb.errors.noHeader');
    expect(occupationsOf(await csvTable(Buffer.from('Kode;Bezeichnung\n5;Verkehr\n51;Logistik\n'))).problem).toBe('coaching:kldb.errors.noRows');
    expect((await parseKldbFile(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).problem).toBe('coaching:kldb.errors.unreadable');
  });
});
