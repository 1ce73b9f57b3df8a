import { describe, expect, it } from 'vitest';
import { closedRangesForDay, holidayName, isHoliday, isPublicHoliday, publicHolidays, type HolidayPolicy } from './holidays.js';

const policy = (heiligabend: HolidayPolicy['heiligabend'], silvester: HolidayPolicy['silvester'] = 'closed'): HolidayPolicy => ({
  heiligabend,
  silvester,
});

describe('public holidays of Hessen', () => {
  it('lists the 10 holidays of 2026 with their local dates', () => {
    expect(publicHolidays(2026).map((h) => `${h.date} ${h.key}`)).toEqual([
      '2026-01-01 NEUJAHRSTAG',
      '2026-04-03 KARFREITAG',
      '2026-04-06 OSTERMONTAG',
      '2026-05-01 TAG_DER_ARBEIT',
      '2026-05-14 CHRISTIHIMMELFAHRT',
      '2026-05-25 PFINGSTMONTAG',
      '2026-06-04 FRONLEICHNAM',
      '2026-10-03 DEUTSCHEEINHEIT',
      '2026-12-25 ERSTERWEIHNACHTSFEIERTAG',
      '2026-12-26 ZWEITERWEIHNACHTSFEIERTAG',
    ]);
  });

  it('computes the movable holidays of 2027 (Easter on 28 March)', () => {
    expect(publicHolidays(2027).map((h) => h.date)).toEqual([
      '2027-01-01',
      '2027-03-26',
      '2027-03-29',
      '2027-05-01',
      '2027-05-06',
      '2027-05-17',
      '2027-05-27',
      '2027-10-03',
      '2027-12-25',
      '2027-12-26',
    ]);
  });

  it('knows Fronleichnam, Ostermontag and Tag der Deutschen Einheit, but not holidays of other Länder', () => {
    expect(isPublicHoliday('2026-06-04')).toBe(true);
    expect(isPublicHoliday('2026-04-06')).toBe(true);
    expect(isPublicHoliday('2026-10-03')).toBe(true);
    expect(isPublicHoliday('2027-05-27')).toBe(true);
    expect(isPublicHoliday('2026-06-03')).toBe(false);
    expect(isPublicHoliday('2026-01-06')).toBe(false); // Heilige Drei Könige: BW, BY, ST only
    expect(isPublicHoliday('2026-10-31')).toBe(false); // Reformationstag: not in Hessen
    expect(isPublicHoliday('2026-11-01')).toBe(false); // Allerheiligen: not in Hessen
  });

  it('names holidays in German and English and falls back to German', () => {
    expect(holidayName('2026-06-04')).toBe('Fronleichnam');
    expect(holidayName('2026-06-04', 'en')).toBe('Corpus Christi');
    expect(holidayName('2026-06-04', 'en-GB')).toBe('Corpus Christi');
    expect(holidayName('2026-06-04', 'tr')).toBe('Fronleichnam');
    expect(holidayName('2026-10-03', 'de')).toBe('Tag der Deutschen Einheit');
    expect(holidayName('2026-12-24', 'de')).toBe('Heiligabend');
    expect(holidayName('2026-12-31', 'en')).toBe("New Year's Eve");
    expect(holidayName('2026-06-05')).toBeUndefined();
  });

  it('rejects dates that are not YYYY-MM-DD or do not exist', () => {
    expect(() => isPublicHoliday('2026-02-30')).toThrow(RangeError);
    expect(() => isPublicHoliday('2026-6-4')).toThrow(RangeError);
    expect(() => holidayName('04.06.2026')).toThrow(RangeError);
  });
});

describe('Heiligabend and Silvester policy', () => {
  it('closes the whole day with "closed"', () => {
    expect(isHoliday('2026-12-24', policy('closed'))).toBe(true);
    expect(closedRangesForDay('2026-12-24', policy('closed'))).toEqual([{ from: '00:00', to: '24:00' }]);
  });

  it('closes from 12:00 with "morning"', () => {
    expect(isHoliday('2026-12-24', policy('morning'))).toBe(false);
    expect(closedRangesForDay('2026-12-24', policy('morning'))).toEqual([{ from: '12:00', to: '24:00' }]);
  });

  it('keeps the day open with "open"', () => {
    expect(isHoliday('2026-12-24', policy('open'))).toBe(false);
    expect(closedRangesForDay('2026-12-24', policy('open'))).toEqual([]);
  });

  it('applies the Silvester policy independently of Heiligabend', () => {
    const mixed = policy('open', 'morning');
    expect(closedRangesForDay('2026-12-31', mixed)).toEqual([{ from: '12:00', to: '24:00' }]);
    expect(closedRangesForDay('2026-12-24', mixed)).toEqual([]);
    expect(isHoliday('2026-12-31', policy('open', 'closed'))).toBe(true);
  });

  it('closes public holidays whatever the policy and leaves ordinary days open', () => {
    expect(closedRangesForDay('2026-12-25', policy('open', 'open'))).toEqual([{ from: '00:00', to: '24:00' }]);
    expect(isHoliday('2026-12-23', policy('closed'))).toBe(false);
    expect(closedRangesForDay('2026-12-23', policy('closed'))).toEqual([]);
  });
});
