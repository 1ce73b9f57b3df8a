import { describe, expect, it } from 'vitest';
import { ageOn, centsToGerman, formatIban, ibanChecksumValid, parseDate, parseEuroToCents, parseIban } from './values.js';

describe('German amounts', () => {
  it.each([
    ['1.234,56', 123_456],
    ['1234,56', 123_456],
    ['1234,5', 123_450],
    ['1 234 €', 123_400],
    ['1.000.000,00', 100_000_000],
    ['0', 0],
    ['12.50', 1_250],
    ['550', 55_000],
    ['€ 90,50', 9_050],
  ])('%s → %i cents', (input, cents) => {
    expect(parseEuroToCents(input)).toEqual({ ok: true, cents });
  });

  it('refuses amounts above ten million euros', () => {
    expect(parseEuroToCents('12.345.678')).toEqual({ ok: false, reason: 'tooBig' });
  });

  it.each(['12,345', '1,2,3', 'abc', '-5', '1.23.4', '', '12.3456'])('rejects %j', (input) => {
    expect(parseEuroToCents(input).ok).toBe(false);
  });

  it('formats cents back to German notation', () => {
    expect(centsToGerman(123_456)).toBe('1.234,56');
    expect(centsToGerman(5)).toBe('0,05');
    expect(centsToGerman(100_000_000)).toBe('1.000.000,00');
  });
});

describe('dates', () => {
  it('accepts DD.MM.YYYY, ISO and the three GOV.UK fields', () => {
    expect(parseDate('27.3.1990')).toEqual({ ok: true, iso: '1990-03-27' });
    expect(parseDate('1990-03-27')).toEqual({ ok: true, iso: '1990-03-27' });
    expect(parseDate({ day: ' 7', month: '03', year: '1990' })).toEqual({ ok: true, iso: '1990-03-07' });
  });

  it('tells a wrong format from a day that does not exist', () => {
    expect(parseDate('31.02.1990')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseDate({ day: '29', month: '2', year: '2023' })).toEqual({ ok: false, reason: 'invalid' });
    expect(parseDate({ day: '29', month: '2', year: '2024' })).toEqual({ ok: true, iso: '2024-02-29' });
    expect(parseDate('27/03/1990')).toEqual({ ok: false, reason: 'format' });
    expect(parseDate({ day: '1', month: '1', year: '90' })).toEqual({ ok: false, reason: 'format' });
  });

  it('computes whole years of age', () => {
    expect(ageOn('2008-11-25', '2026-11-24')).toBe(17);
    expect(ageOn('2008-11-25', '2026-11-25')).toBe(18);
  });
});

describe('IBAN', () => {
  it('accepts valid IBANs with spaces and lower case', () => {
    expect(parseIban('de89 3704 0044 0532 0130 00')).toEqual({ ok: true, iban: 'DE89370400440532013000' });
    expect(parseIban('AT61 1904 3002 3457 3201')).toEqual({ ok: true, iban: 'AT611904300234573201' });
  });

  it('rejects a changed digit (mod 97), a wrong length and unknown countries', () => {
    expect(parseIban('DE88 3704 0044 0532 0130 00')).toEqual({ ok: false, reason: 'checksum' });
    expect(parseIban('DE89 3704 0044 0532 0131 00')).toEqual({ ok: false, reason: 'checksum' });
    expect(parseIban('DE89 3704 0044 0532 0130')).toEqual({ ok: false, reason: 'length' });
    expect(parseIban('XX89 3704 0044 0532 0130 00')).toEqual({ ok: false, reason: 'country' });
    expect(parseIban('not an iban')).toEqual({ ok: false, reason: 'format' });
  });

  it('checks the digits piecewise for long IBANs', () => {
    expect(ibanChecksumValid('MT84MALT011000012345MTLCAST001S')).toBe(true);
    expect(formatIban('DE89370400440532013000')).toBe('DE89 3704 0044 0532 0130 00');
  });
});
