import { describe, expect, it } from 'vitest';
import {
  BERLIN,
  berlinDate,
  berlinDateTime,
  berlinTime,
  berlinYear,
  formatDateLong,
  formatDateMedium,
  formatDateTime,
  formatDateTimeMedium,
  formatDateTimeSeconds,
  formatMonthYear,
  localDateIn,
  formatDayFull,
  fromBerlinIso,
  isLocalDate,
  parseLocalDate,
} from './time.js';

describe('Berlin time', () => {
  it('gives the Berlin date and time of an instant, not the UTC one', () => {
    // 23:30 UTC on 31 Dec is already 00:30 on 1 Jan in Berlin (winter, UTC+1).
    const instant = new Date('2026-12-31T23:30:00Z');
    expect(berlinDate(instant)).toBe('2027-01-01');
    expect(berlinTime(instant)).toBe('00:30');
    // Summer time is UTC+2.
    expect(berlinTime(new Date('2026-07-01T06:15:00Z'))).toBe('08:15');
    expect(berlinDateTime(instant).zoneName).toBe(BERLIN);
    expect(berlinYear(instant)).toBe(2027);
    expect(berlinYear(new Date('2026-12-31T22:59:59Z'))).toBe(2026);
  });

  it('gives the same date and time as the time zone data on both sides of every DST switch', () => {
    // Every 10 minutes from 2 h before to 2 h after the switches of 2026 and 1980, and instants far apart.
    const around = ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', '1980-04-06T01:00:00Z', '1980-09-28T01:00:00Z'].flatMap((at) =>
      Array.from({ length: 25 }, (_, i) => new Date(Date.parse(at) - 7_200_000 + i * 600_000)),
    );
    const far = [new Date('1893-03-31T23:10:00Z'), new Date('1900-01-01T00:00:00Z'), new Date('1945-05-24T01:30:00Z'), new Date('2099-12-31T23:59:59Z'), new Date('0001-01-01T00:00:00Z')];
    for (const instant of [...around, ...far]) {
      const expected = berlinDateTime(instant);
      expect(`${berlinDate(instant)} ${berlinTime(instant)}`, instant.toISOString()).toBe(`${expected.toISODate()} ${expected.toFormat('HH:mm')}`);
    }
    expect(berlinTime(new Date('2026-03-29T00:59:00Z'))).toBe('01:59');
    expect(berlinTime(new Date('2026-03-29T01:00:00Z'))).toBe('03:00');
    expect(berlinTime(new Date('2026-10-25T00:59:00Z'))).toBe('02:59');
    expect(berlinTime(new Date('2026-10-25T01:00:00Z'))).toBe('02:00');
  });

  it('reads local values as Berlin wall-clock time across the DST switch', () => {
    expect(fromBerlinIso('2026-03-29T03:00').toUTC().toISO()).toBe('2026-03-29T01:00:00.000Z');
    expect(fromBerlinIso('2026-03-28T03:00').toUTC().toISO()).toBe('2026-03-28T02:00:00.000Z');
  });

  it('accepts only real dates written YYYY-MM-DD', () => {
    expect(parseLocalDate('2028-02-29').toISODate()).toBe('2028-02-29');
    expect(parseLocalDate('2028-02-29').toUTC().toISO()).toBe('2028-02-28T23:00:00.000Z');
    for (const bad of ['2027-02-29', '2026-13-01', '2026-1-01', '04.12.2026', '2026-12-04T10:00', '']) {
      expect(() => parseLocalDate(bad), bad).toThrow(RangeError);
      expect(isLocalDate(bad), bad).toBe(false);
    }
    expect(isLocalDate('2026-12-04')).toBe(true);
  });
});

describe('date and time as people read them', () => {
  it('shows Berlin time to the minute in winter and summer, whatever the process time zone', () => {
    expect(formatDateTime(new Date('2026-11-25T09:00:00Z'), 'de')).toBe('25.11.2026, 10:00 Uhr');
    expect(formatDateTime(new Date('2026-07-01T21:59:30Z'), 'de')).toBe('01.07.2026, 23:59 Uhr');
    expect(formatDateTime(new Date('2026-07-01T22:00:00Z'), 'en')).toBe('2 Jul 2026, 00:00');
  });

  it('writes a date in full for citizens, from a local date or from an instant (its Berlin day)', () => {
    expect(formatDayFull('2026-12-03', 'de')).toBe('Donnerstag, 3. Dezember 2026');
    expect(formatDayFull('2026-12-03', 'en')).toBe('Thursday, 3 December 2026');
    // 23:30 UTC on 2 Dec is 00:30 on 3 Dec in Berlin.
    expect(formatDayFull(new Date('2026-12-02T23:30:00Z'), 'de')).toBe('Donnerstag, 3. Dezember 2026');
  });

  it('writes a date and a date with time in the medium form of the page language, on the Berlin day', () => {
    // 23:30 UTC on 11 Mar is 00:30 on 12 Mar in Berlin (winter, UTC+1).
    const instant = new Date('2027-03-11T23:30:00Z');
    expect(formatDateMedium(instant, 'de')).toBe('12. März 2027');
    expect(formatDateMedium(new Date('2027-02-15T08:00:00Z'), 'de')).toBe('15. Feb. 2027');
    expect(formatDateMedium(instant, 'en')).toBe('12 Mar 2027');
    expect(formatDateTimeMedium(instant, 'de')).toBe('12. März 2027, 00:30');
    // Summer time is UTC+2.
    expect(formatDateTimeMedium(new Date('2027-07-01T07:05:00Z'), 'de')).toBe('1. Juli 2027, 09:05');
    expect(formatDateTimeMedium(new Date('2027-07-01T07:05:00Z'), 'en')).toBe('1 Jul 2027, 09:05');
    // Afternoon: the 24-hour clock in English too.
    expect(formatDateTimeMedium(new Date('2027-03-12T14:05:00Z'), 'en')).toBe('12 Mar 2027, 15:05');
  });

  it('writes every other English form in British order with a 24-hour clock', () => {
    const afternoon = new Date('2027-03-12T14:05:09Z');
    expect(formatDateLong(afternoon, 'de')).toBe('12. März 2027');
    expect(formatDateLong(afternoon, 'en')).toBe('12 March 2027');
    expect(formatDateTimeSeconds(afternoon, 'de')).toBe('12.3.2027, 15:05:09');
    expect(formatDateTimeSeconds(afternoon, 'en')).toBe('12/03/2027, 15:05:09');
    expect(formatDateTime(afternoon, 'en')).toBe('12 Mar 2027, 15:05');
    expect(formatMonthYear('2027-03', 'de')).toBe('März 2027');
    expect(formatMonthYear('2027-03', 'en')).toBe('March 2027');
    expect(localDateIn('2027-03-12', 'en').toFormat('ccc')).toBe('Fri');
    expect(localDateIn('2027-03-12', 'de').toFormat('ccc')).toBe('Fr');
  });
});
