import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { availableDays, bookingSpan, freeTimes, nextFreeDate, type BookingRequest, type Occupancy } from './availability.js';
import { nextWorkingDay, slotUnitsForDay, type AvailabilityConfig, type OpeningRule, type Weekday } from './calendar.js';

/** An instant from a Berlin wall-clock time, independent of the process time zone. */
const berlin = (local: string): Date => DateTime.fromISO(local, { zone: 'Europe/Berlin' }).toJSDate();

const weekdays = (from: string, to: string, days: Weekday[] = [1, 2, 3, 4, 5]): OpeningRule[] =>
  days.map((weekday) => ({ weekday, from, to }));

/** Mo–Fr 08:00–12:00 and 13:00–16:00, 15-minute slots, 8 counters of which 5 are online. */
const makeConfig = (overrides: Partial<AvailabilityConfig> = {}): AvailabilityConfig => ({
  slotMinutes: 15,
  seatsTotal: 8,
  seatsOnline: 5,
  horizonDays: 42,
  minNotice: { kind: 'hours', hours: 0 },
  openingHours: [...weekdays('08:00', '12:00'), ...weekdays('13:00', '16:00')],
  closures: [],
  holidays: { heiligabend: 'closed', silvester: 'closed' },
  ...overrides,
});

/** Monday 2026-05-04 07:00 Berlin: every date used below lies inside the 42-day horizon. */
const NOW = berlin('2026-05-04T07:00');
const request = (overrides: Partial<BookingRequest> = {}): BookingRequest => ({
  durationMinutes: 15,
  persons: 1,
  now: NOW,
  channel: 'online',
  ...overrides,
});
const times = (
  config: AvailabilityConfig,
  date: string,
  overrides: Partial<BookingRequest> = {},
  occupancy: Occupancy[] = [],
) => freeTimes(config, occupancy, { ...request(overrides), date }).map((t) => t.time);
const booking = (from: string, to: string, seats = 1) => ({ startsAt: berlin(from), endsAt: berlin(to), seats });

describe('slot units', () => {
  it('cuts each opening range into units and leaves the lunch break out', () => {
    const units = slotUnitsForDay(makeConfig(), '2026-05-11');
    expect(units).toHaveLength(16 + 12);
    expect(units.map((u) => u.local)).toContain('11:45');
    expect(units.map((u) => u.local)).not.toContain('12:00');
    expect(units.map((u) => u.local)).not.toContain('12:45');
    expect(units[16]?.local).toBe('13:00');
    expect(units.at(-1)?.local).toBe('15:45');
  });

  it('gives UTC instants for Berlin times in summer and winter', () => {
    const [summer] = slotUnitsForDay(makeConfig(), '2026-05-11');
    const [winter] = slotUnitsForDay(makeConfig(), '2026-01-12');
    expect(summer?.startsAt.toISOString()).toBe('2026-05-11T06:00:00.000Z');
    expect(summer?.endsAt.toISOString()).toBe('2026-05-11T06:15:00.000Z');
    expect(winter?.startsAt.toISOString()).toBe('2026-01-12T07:00:00.000Z');
  });

  it('has no units on days without opening hours', () => {
    expect(slotUnitsForDay(makeConfig(), '2026-05-09')).toEqual([]);
    expect(slotUnitsForDay(makeConfig(), '2026-05-10')).toEqual([]);
  });

  it('drops a trailing piece shorter than a slot', () => {
    const config = makeConfig({ slotMinutes: 20, openingHours: weekdays('08:00', '09:10') });
    expect(slotUnitsForDay(config, '2026-05-11').map((u) => u.local)).toEqual(['08:00', '08:20', '08:40']);
  });

  it('rejects overlapping opening ranges and impossible seat numbers', () => {
    const overlapping = makeConfig({ openingHours: [...weekdays('08:00', '12:00'), ...weekdays('11:00', '14:00')] });
    expect(() => slotUnitsForDay(overlapping, '2026-05-11')).toThrow(RangeError);
    expect(() => slotUnitsForDay(makeConfig({ seatsOnline: 9 }), '2026-05-11')).toThrow(RangeError);
    expect(() => slotUnitsForDay(makeConfig({ openingHours: weekdays('8:00', '12:00') }), '2026-05-11')).toThrow(RangeError);
  });
});

describe('service duration and persons', () => {
  it('offers a 15-minute service at every unit', () => {
    expect(times(makeConfig(), '2026-05-11')).toHaveLength(28);
  });

  it('lets a 30-minute service use two consecutive units inside one opening range', () => {
    const result = freeTimes(makeConfig(), [], { ...request({ durationMinutes: 30 }), date: '2026-05-11' });
    expect(result).toHaveLength(15 + 11);
    expect(result.map((t) => t.time)).toContain('11:30');
    expect(result.map((t) => t.time)).not.toContain('11:45');
    expect(result.map((t) => t.time)).not.toContain('15:45');
    expect(result[0]).toEqual({
      time: '08:00',
      startsAt: '2026-05-11T06:00:00.000Z',
      endsAt: '2026-05-11T06:30:00.000Z',
      freeSeats: 5,
    });
  });

  it('does not join two adjacent opening ranges', () => {
    const config = makeConfig({ openingHours: [...weekdays('08:00', '10:00'), ...weekdays('10:00', '12:00')] });
    expect(times(config, '2026-05-11', { durationMinutes: 30 })).not.toContain('09:45');
    expect(times(config, '2026-05-11', { durationMinutes: 30 })).toContain('10:00');
  });

  it('lengthens the booking by one service duration per person', () => {
    const lastMorning = (persons: number) =>
      freeTimes(makeConfig(), [], { ...request({ durationMinutes: 30, persons }), date: '2026-05-11' }).filter(
        (t) => t.time < '12:00',
      );
    expect(lastMorning(1).at(-1)?.time).toBe('11:30');
    expect(lastMorning(2).at(-1)?.time).toBe('11:00');
    expect(lastMorning(3).at(-1)).toMatchObject({ time: '10:30', endsAt: '2026-05-11T10:00:00.000Z' });
    expect(bookingSpan(makeConfig(), 30, 3)).toEqual({ minutes: 90, units: 6, seats: 1 });
  });

  it('rejects durations that are not a multiple of the slot length and 0 or 4 persons', () => {
    expect(() => times(makeConfig(), '2026-05-11', { durationMinutes: 20 })).toThrow(RangeError);
    expect(() => times(makeConfig(), '2026-05-11', { persons: 0 })).toThrow(RangeError);
    expect(() => times(makeConfig(), '2026-05-11', { persons: 4 })).toThrow(RangeError);
  });
});

describe('seats and occupancy', () => {
  it('gives online the released seats and staff all seats', () => {
    const occupancy = [booking('2026-05-11T09:00', '2026-05-11T09:15', 5)];
    const online = freeTimes(makeConfig(), occupancy, { ...request(), date: '2026-05-11' });
    const staff = freeTimes(makeConfig(), occupancy, { ...request({ channel: 'staff' }), date: '2026-05-11' });
    expect(online.map((t) => t.time)).not.toContain('09:00');
    expect(staff.find((t) => t.time === '09:00')?.freeSeats).toBe(3);
    expect(staff.find((t) => t.time === '09:15')?.freeSeats).toBe(8);
  });

  it('closes a unit for staff too when all counters are taken', () => {
    const occupancy = [booking('2026-05-11T09:00', '2026-05-11T09:15', 3), booking('2026-05-11T09:00', '2026-05-11T09:15', 5)];
    const staff = freeTimes(makeConfig(), occupancy, { ...request({ channel: 'staff' }), date: '2026-05-11' });
    expect(staff.map((t) => t.time)).not.toContain('09:00');
    expect(staff).toHaveLength(27);
  });

  it('removes exactly the units a booking covers', () => {
    const full = [booking('2026-05-11T10:00', '2026-05-11T10:30', 5)];
    const short = times(makeConfig(), '2026-05-11', {}, full);
    expect(short).toHaveLength(26);
    expect(short).toEqual(expect.arrayContaining(['09:45', '10:30']));
    expect(short).not.toEqual(expect.arrayContaining(['10:00']));
    expect(short).not.toEqual(expect.arrayContaining(['10:15']));
    const long = times(makeConfig(), '2026-05-11', { durationMinutes: 30 }, full);
    expect(long).toHaveLength(26 - 3);
    expect(long).toEqual(expect.arrayContaining(['09:30', '10:30']));
  });

  it('counts a hold that only partly overlaps units against each of them', () => {
    const hold = [booking('2026-05-11T10:05', '2026-05-11T10:20', 5)];
    expect(times(makeConfig(), '2026-05-11', {}, hold)).not.toEqual(expect.arrayContaining(['10:00']));
    expect(times(makeConfig(), '2026-05-11', {}, hold)).not.toEqual(expect.arrayContaining(['10:15']));
    expect(times(makeConfig(), '2026-05-11', {}, hold)).toContain('10:30');
  });

  it('reports the free seats of the fullest unit covered', () => {
    const occupancy = [booking('2026-05-11T10:15', '2026-05-11T10:30', 2), booking('2026-05-11T10:00', '2026-05-11T10:15', 1)];
    const result = freeTimes(makeConfig(), occupancy, { ...request({ durationMinutes: 30 }), date: '2026-05-11' });
    expect(result.find((t) => t.time === '10:00')?.freeSeats).toBe(3);
    expect(result.find((t) => t.time === '09:45')?.freeSeats).toBe(4);
    expect(result.find((t) => t.time === '10:30')?.freeSeats).toBe(5);
  });
});

describe('holidays and closures', () => {
  it('has no times on Hessian holidays', () => {
    expect(times(makeConfig(), '2026-06-04')).toEqual([]); // Fronleichnam
    expect(times(makeConfig(), '2026-05-14')).toEqual([]); // Christi Himmelfahrt
    expect(times(makeConfig(), '2026-06-05')).toHaveLength(28);
    const easter = berlin('2026-03-30T07:00');
    expect(times(makeConfig(), '2026-04-06', { now: easter })).toEqual([]); // Ostermontag
    expect(times(makeConfig(), '2026-04-07', { now: easter })).toHaveLength(28);
  });

  it('closes on Tag der Deutschen Einheit even where Saturdays are open', () => {
    const config = makeConfig({ openingHours: weekdays('09:00', '12:00', [6]) });
    const autumn = berlin('2026-09-28T07:00');
    expect(times(config, '2026-10-03', { now: autumn })).toEqual([]);
    expect(times(config, '2026-10-10', { now: autumn })).toHaveLength(12);
    const config2027 = makeConfig({ openingHours: weekdays('09:00', '12:00', [7]) });
    expect(slotUnitsForDay(config2027, '2027-10-03')).toEqual([]); // a Sunday in 2027
    expect(slotUnitsForDay(config2027, '2027-10-10')).toHaveLength(12);
  });

  it('follows the Heiligabend policy', () => {
    const december = berlin('2026-12-01T07:00');
    const on24th = (heiligabend: 'closed' | 'morning' | 'open') =>
      times(makeConfig({ holidays: { heiligabend, silvester: 'open' } }), '2026-12-24', { now: december, durationMinutes: 30 });
    expect(on24th('closed')).toEqual([]);
    expect(on24th('morning')).toHaveLength(15);
    expect(on24th('morning').at(-1)).toBe('11:30');
    expect(on24th('open')).toHaveLength(26);
  });

  it('removes a location closed for the whole day', () => {
    const config = makeConfig({ closures: [{ startsAt: berlin('2026-05-12T00:00'), endsAt: berlin('2026-05-13T00:00') }] });
    expect(times(config, '2026-05-12')).toEqual([]);
    expect(times(config, '2026-05-11')).toHaveLength(28);
    expect(times(config, '2026-05-13')).toHaveLength(28);
  });

  it('removes the units of a closure for some hours and every span that would cross it', () => {
    const config = makeConfig({ closures: [{ startsAt: berlin('2026-05-12T10:00'), endsAt: berlin('2026-05-12T11:00') }] });
    expect(slotUnitsForDay(config, '2026-05-12')).toHaveLength(28 - 4);
    const result = times(config, '2026-05-12', { durationMinutes: 30 });
    expect(result).toEqual(expect.arrayContaining(['09:30', '11:00']));
    expect(result).not.toEqual(expect.arrayContaining(['09:45']));
    expect(result).not.toEqual(expect.arrayContaining(['10:30']));
  });

  it('removes a unit that a short closure only touches', () => {
    const config = makeConfig({ closures: [{ startsAt: berlin('2026-05-12T10:05'), endsAt: berlin('2026-05-12T10:10') }] });
    expect(slotUnitsForDay(config, '2026-05-12').map((u) => u.local)).not.toContain('10:00');
    expect(slotUnitsForDay(config, '2026-05-12').map((u) => u.local)).toContain('10:15');
  });
});

describe('horizon and minimum notice', () => {
  it('lets online book up to today + horizonDays, staff beyond', () => {
    expect(times(makeConfig(), '2026-06-15')).toHaveLength(28);
    expect(times(makeConfig(), '2026-06-16')).toEqual([]);
    expect(times(makeConfig(), '2026-06-16', { channel: 'staff' })).toHaveLength(28);
  });

  it('applies a minimum notice in hours', () => {
    const config = makeConfig({ minNotice: { kind: 'hours', hours: 24 } });
    const now = berlin('2026-05-04T10:00');
    expect(times(config, '2026-05-04', { now })).toEqual([]);
    expect(times(config, '2026-05-05', { now })[0]).toBe('10:00');
    expect(times(config, '2026-05-04', { now, channel: 'staff' })[0]).toBe('10:00');
  });

  it('never offers a past time, not even to staff', () => {
    const now = berlin('2026-05-04T10:07');
    expect(times(makeConfig(), '2026-05-04', { now, channel: 'staff' })[0]).toBe('10:15');
  });

  it('on Friday 15:00 with "next working day" offers Monday first, even with Saturday opening', () => {
    const config = makeConfig({
      minNotice: { kind: 'nextWorkingDay' },
      openingHours: [...makeConfig().openingHours, ...weekdays('09:00', '12:00', [6])],
    });
    const friday = berlin('2026-05-08T15:00');
    expect(times(config, '2026-05-08', { now: friday })).toEqual([]);
    expect(times(config, '2026-05-09', { now: friday })).toEqual([]);
    expect(times(config, '2026-05-08', { now: friday, channel: 'staff' })).toEqual(['15:00', '15:15', '15:30', '15:45']);
    expect(nextFreeDate(config, [], request({ now: friday }))).toMatchObject({
      date: '2026-05-11',
      firstTime: { time: '08:00', startsAt: '2026-05-11T06:00:00.000Z' },
    });
  });

  it('skips holidays when looking for the next working day', () => {
    const policy = { heiligabend: 'closed', silvester: 'closed' } as const;
    expect(nextWorkingDay('2026-06-03', policy)).toBe('2026-06-05'); // Fronleichnam on Thursday
    expect(nextWorkingDay('2026-04-02', policy)).toBe('2026-04-07'); // Karfreitag to Ostermontag
    expect(nextWorkingDay('2026-12-23', policy)).toBe('2026-12-28');
    expect(nextWorkingDay('2026-12-23', { ...policy, heiligabend: 'morning' })).toBe('2026-12-24');
    const config = makeConfig({ minNotice: { kind: 'nextWorkingDay' } });
    expect(nextFreeDate(config, [], request({ now: berlin('2026-06-03T09:00') }))?.date).toBe('2026-06-05');
  });

  it('returns null when nothing is free within the horizon', () => {
    expect(nextFreeDate(makeConfig({ seatsOnline: 0 }), [], request())).toBeNull();
  });
});

describe('daylight saving time', () => {
  // Both switch days are Sundays; open a Sunday night range across the switch to exercise it.
  const night = makeConfig({ slotMinutes: 30, openingHours: weekdays('01:00', '04:00', [7]) });
  const now = berlin('2026-03-01T00:00');

  it('skips the hour that does not exist on 2026-03-29', () => {
    const units = slotUnitsForDay(night, '2026-03-29');
    expect(units.map((u) => u.local)).toEqual(['01:00', '01:30', '03:00', '03:30']);
    expect(units.map((u) => u.startsAt.toISOString())).toEqual([
      '2026-03-29T00:00:00.000Z',
      '2026-03-29T00:30:00.000Z',
      '2026-03-29T01:00:00.000Z',
      '2026-03-29T01:30:00.000Z',
    ]);
    const hour = freeTimes(night, [], { ...request({ durationMinutes: 60, now }), date: '2026-03-29' });
    expect(hour.map((t) => [t.time, t.startsAt, t.endsAt])).toEqual([
      ['01:00', '2026-03-29T00:00:00.000Z', '2026-03-29T01:00:00.000Z'],
      ['01:30', '2026-03-29T00:30:00.000Z', '2026-03-29T01:30:00.000Z'],
      ['03:00', '2026-03-29T01:00:00.000Z', '2026-03-29T02:00:00.000Z'],
    ]);
  });

  it('offers the repeated hour of 2026-10-25 once and never across the repetition', () => {
    const units = slotUnitsForDay(night, '2026-10-25');
    expect(units.map((u) => u.local)).toEqual(['01:00', '01:30', '02:00', '02:30', '03:00', '03:30']);
    expect(units.map((u) => u.startsAt.toISOString())).toEqual([
      '2026-10-24T23:00:00.000Z',
      '2026-10-24T23:30:00.000Z',
      '2026-10-25T01:00:00.000Z',
      '2026-10-25T01:30:00.000Z',
      '2026-10-25T02:00:00.000Z',
      '2026-10-25T02:30:00.000Z',
    ]);
    const hour = freeTimes(night, [], { ...request({ durationMinutes: 60, now: berlin('2026-10-01T00:00') }), date: '2026-10-25' });
    expect(hour.map((t) => t.time)).toEqual(['01:00', '02:00', '02:30', '03:00']);
    expect(hour.every((t) => Date.parse(t.endsAt) - Date.parse(t.startsAt) === 3_600_000)).toBe(true);
  });

  it('keeps daytime slots on the switch days at their local times', () => {
    const sunday = makeConfig({ openingHours: weekdays('08:00', '09:00', [7]) });
    expect(slotUnitsForDay(sunday, '2026-03-29')[0]?.startsAt.toISOString()).toBe('2026-03-29T06:00:00.000Z');
    expect(slotUnitsForDay(sunday, '2026-10-25')[0]?.startsAt.toISOString()).toBe('2026-10-25T07:00:00.000Z');
  });
});

describe('available days', () => {
  const config = makeConfig({ minNotice: { kind: 'nextWorkingDay' } });
  // Every unit of Wednesday 2026-05-20 fully taken online, one booking on Tuesday 2026-05-26.
  const fullDay = slotUnitsForDay(config, '2026-05-20').flatMap((unit) =>
    Array.from({ length: 5 }, () => ({ startsAt: unit.startsAt, endsAt: unit.endsAt, seats: 1 })),
  );
  const occupancy = [...fullDay, booking('2026-05-26T10:00', '2026-05-26T10:30', 5)];
  const query = { ...request({ durationMinutes: 30 }), from: '2026-05-01', to: '2026-07-31' };

  it('lists every working day inside the 42-day window with its number of free times', () => {
    const days = availableDays(config, occupancy, query);
    const expectedDates: string[] = [];
    for (let d = DateTime.fromISO('2026-05-05'); d.toISODate()! <= '2026-06-15'; d = d.plus({ days: 1 })) {
      const date = d.toISODate()!;
      if (d.weekday <= 5 && !['2026-05-14', '2026-05-25', '2026-06-04', '2026-05-20'].includes(date)) expectedDates.push(date);
    }
    expect(days.map((d) => d.date)).toEqual(expectedDates);
    expect(days.find((d) => d.date === '2026-05-26')?.freeTimes).toBe(26 - 3);
    expect(days.filter((d) => d.freeTimes !== 26).map((d) => d.date)).toEqual(['2026-05-26']);
  });

  it('still shows the fully booked online day to staff', () => {
    const days = availableDays(config, occupancy, { ...query, channel: 'staff', to: '2026-05-31' });
    expect(days[0]?.date).toBe('2026-05-04');
    expect(days.find((d) => d.date === '2026-05-20')?.freeTimes).toBe(26);
  });

  it('agrees with freeTimes day by day', () => {
    const days = availableDays(config, occupancy, query);
    // The loop below proves nothing over an empty list.
    expect(days.length).toBeGreaterThan(25);
    expect(days.some((d) => d.freeTimes < 26)).toBe(true);
    for (const { date, freeTimes: count } of days) {
      expect(freeTimes(config, occupancy, { ...query, date })).toHaveLength(count);
    }
  });

  it('finds the next free date after a fully booked day', () => {
    const now = berlin('2026-05-19T09:00');
    expect(nextFreeDate(config, occupancy, { ...request({ now }), durationMinutes: 30 })?.date).toBe('2026-05-21');
  });

  it('refuses a staff query over more than a year', () => {
    expect(() => availableDays(config, [], { ...query, channel: 'staff', to: '2028-01-01' })).toThrow(RangeError);
  });
});
