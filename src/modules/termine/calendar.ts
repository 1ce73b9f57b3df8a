// The calendar of one Servicepoint location: which slot units exist on a local date (opening hours, holidays,
// closures, the clock changes) and the window in which a channel may book. Pure, no I/O; what is free of those
// units is availability.ts.
//
// Daylight saving time: units are defined by local wall-clock time. A local time that does not exist
// (02:00–02:59 on the last Sunday of March) yields no unit. A local time that occurs twice (02:00–02:59 on
// the last Sunday of October) yields one unit, in the second pass (standard time, CET), so no 'HH:mm' is
// offered twice and no unit is shifted. Units are consecutive only when one ends at the real instant the
// next starts, so a booking never straddles the hour that the clock skips or repeats.
import { DateTime } from 'luxon';
import { closedRangesForDay, isHoliday, type HolidayPolicy, type LocalDate, type LocalTime } from './holidays.js';
import { BERLIN, berlinDate, parseLocalDate } from '#shared/time.js';

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface OpeningRule {
  weekday: Weekday;
  from: LocalTime;
  to: LocalTime;
}

export type MinNotice = { kind: 'hours'; hours: number } | { kind: 'nextWorkingDay' };

/**
 * How several persons in one booking use capacity. 'longer-slot': one seat (one counter) for
 * persons × durationMinutes, because one staff member serves the whole household one after the other;
 * the alternative (persons seats in parallel) would let one booking empty a slot that walk-ins need.
 */
export type PersonsMode = 'longer-slot';

export interface Closure {
  startsAt: Date;
  endsAt: Date;
}

export interface AvailabilityConfig {
  slotMinutes: number;
  seatsTotal: number;
  /** Seats released for online booking; the rest are kept for walk-ins and phone. */
  seatsOnline: number;
  /** Online bookings are possible up to and including the local date today + horizonDays. */
  horizonDays: number;
  minNotice: MinNotice;
  openingHours: OpeningRule[];
  closures: Closure[];
  holidays: HolidayPolicy;
  /** Defaults to 'longer-slot'. */
  personsMode?: PersonsMode;
}

/** 'online' uses seatsOnline, the horizon and the minimum notice; 'staff' uses all seats from now on. */
export type Channel = 'online' | 'staff';

export interface SlotUnit {
  startsAt: Date;
  endsAt: Date;
  local: LocalTime;
}

/** Upper bound for one range query, so a request cannot make the server compute years of slots. */
export const MAX_QUERY_DAYS = 366;

export const MINUTE_MS = 60_000;
const TIME_PATTERN = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;

export interface Unit {
  startMs: number;
  endMs: number;
  local: LocalTime;
  /** Index of the opening range on its day: a booking must stay inside one range. */
  range: number;
}

interface MinuteRange {
  from: number;
  to: number;
}

/** Minutes since local midnight; '24:00' is allowed as the end of a range. */
export function parseLocalTime(time: LocalTime): number {
  const match = TIME_PATTERN.exec(time);
  if (!match) throw new RangeError(`invalid local time: ${time}`);
  return Number(match[1] ?? match[3]) * 60 + Number(match[2] ?? match[4]);
}

function formatLocalTime(minutes: number): LocalTime {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function isCount(value: number, min: number): boolean {
  return Number.isInteger(value) && value >= min;
}

/** Throws RangeError for a configuration the slot computation cannot honour. */
export function assertValidConfig(config: AvailabilityConfig): void {
  if (!isCount(config.slotMinutes, 1) || config.slotMinutes > 24 * 60) throw new RangeError('slotMinutes must be 1–1440');
  if (!isCount(config.seatsTotal, 0)) throw new RangeError('seatsTotal must be a count');
  if (!isCount(config.seatsOnline, 0) || config.seatsOnline > config.seatsTotal) {
    throw new RangeError('seatsOnline must be a count not above seatsTotal');
  }
  if (!isCount(config.horizonDays, 0)) throw new RangeError('horizonDays must be a count');
  if (config.minNotice.kind === 'hours' && !(config.minNotice.hours >= 0)) throw new RangeError('minNotice.hours must be ≥ 0');
  for (const closure of config.closures) {
    if (!(closure.startsAt.getTime() < closure.endsAt.getTime())) throw new RangeError('closure must end after it starts');
  }
  openingRangesByWeekday(config.openingHours);
}

/** Opening ranges in minutes, grouped by weekday and sorted; overlapping ranges are a configuration error. */
export function openingRangesByWeekday(rules: OpeningRule[]): Map<number, MinuteRange[]> {
  const byWeekday = new Map<number, MinuteRange[]>();
  for (const rule of rules) {
    if (!Number.isInteger(rule.weekday) || rule.weekday < 1 || rule.weekday > 7) throw new RangeError('weekday must be 1–7');
    const range = { from: parseLocalTime(rule.from), to: parseLocalTime(rule.to) };
    if (range.from >= range.to) throw new RangeError(`opening range ${rule.from}–${rule.to} is empty`);
    byWeekday.set(rule.weekday, [...(byWeekday.get(rule.weekday) ?? []), range]);
  }
  for (const ranges of byWeekday.values()) {
    ranges.sort((a, b) => a.from - b.from);
    ranges.forEach((range, i) => {
      const next = ranges[i + 1];
      if (next && next.from < range.to) throw new RangeError('opening ranges of one weekday overlap');
    });
  }
  return byWeekday;
}

/**
 * The instant of a local wall-clock time, undefined if the clock skips it; the later one if it repeats.
 * `fixedOffset` is the day's UTC offset when it has no switch, which spares luxon the per-unit lookup.
 */
function localInstant(day: DateTime, minutes: number, fixedOffset: number | undefined): number | undefined {
  if (fixedOffset !== undefined) return Date.UTC(day.year, day.month - 1, day.day) + (minutes - fixedOffset) * MINUTE_MS;
  const hour = Math.floor(minutes / 60);
  const minute = minutes % 60;
  const candidate = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute }, { zone: BERLIN });
  if (candidate.hour !== hour || candidate.minute !== minute) return undefined;
  return Math.max(...candidate.getPossibleOffsets().map((possible) => possible.toMillis()));
}

function overlaps(startA: number, endA: number, startB: number, endB: number): boolean {
  return startA < endB && endA > startB;
}

/** Units of one day after opening hours, holidays and closures, in time order. */
export function unitsOfDay(config: AvailabilityConfig, ranges: Map<number, MinuteRange[]>, date: LocalDate): Unit[] {
  const day = parseLocalDate(date);
  const closedByHoliday = closedRangesForDay(date, config.holidays).map((r) => ({
    from: parseLocalTime(r.from),
    to: parseLocalTime(r.to),
  }));
  const slotMs = config.slotMinutes * MINUTE_MS;
  // Europe/Berlin switches at most once a day, so equal offsets at both midnights mean no switch.
  const fixedOffset = day.offset === parseLocalDate(nextDate(date)).offset ? day.offset : undefined;
  const units: Unit[] = [];
  (ranges.get(day.weekday) ?? []).forEach((range, rangeIndex) => {
    for (let m = range.from; m + config.slotMinutes <= range.to; m += config.slotMinutes) {
      const end = m + config.slotMinutes;
      if (closedByHoliday.some((closed) => overlaps(m, end, closed.from, closed.to))) continue;
      const startMs = localInstant(day, m, fixedOffset);
      if (startMs === undefined) continue;
      const endMs = startMs + slotMs;
      if (config.closures.some((c) => overlaps(startMs, endMs, c.startsAt.getTime(), c.endsAt.getTime()))) continue;
      units.push({ startMs, endMs, local: formatLocalTime(m), range: rangeIndex });
    }
  });
  return units;
}

/** Bookable slot units of a day (opening hours minus holidays and closures), before occupancy. */
export function slotUnitsForDay(config: AvailabilityConfig, date: LocalDate): SlotUnit[] {
  assertValidConfig(config);
  return unitsOfDay(config, openingRangesByWeekday(config.openingHours), date).map((unit) => ({
    startsAt: new Date(unit.startMs),
    endsAt: new Date(unit.endMs),
    local: unit.local,
  }));
}

/** Mon–Fri and not closed for a holiday (24.12./31.12. count as working days unless the policy closes them). */
export function isWorkingDay(date: LocalDate, policy: HolidayPolicy): boolean {
  return parseLocalDate(date).weekday <= 5 && !isHoliday(date, policy);
}

/** The first local date after `date` that is a working day. */
export function nextWorkingDay(date: LocalDate, policy: HolidayPolicy): LocalDate {
  let day = parseLocalDate(date).plus({ days: 1 });
  while (!isWorkingDay(day.toISODate() as LocalDate, policy)) day = day.plus({ days: 1 });
  return day.toISODate() as LocalDate;
}

export interface BookingWindow {
  /** No start before this instant. */
  earliestMs: number;
  firstDate: LocalDate;
  lastDate: LocalDate | undefined;
}

// Every booking asks for its window: Berlin dates by the cached offset (berlinDate) and calendar arithmetic on
// the date, not a luxon DateTime per call.
export function bookingWindow(config: AvailabilityConfig, now: Date, channel: Channel): BookingWindow {
  const todayDate = berlinDate(now) as LocalDate;
  if (channel === 'staff') return { earliestMs: now.getTime(), firstDate: todayDate, lastDate: undefined };
  const lastDate = addDays(todayDate, config.horizonDays);
  if (config.minNotice.kind === 'hours') {
    const earliestMs = now.getTime() + config.minNotice.hours * 60 * MINUTE_MS;
    const firstDate = berlinDate(new Date(earliestMs)) as LocalDate;
    return { earliestMs, firstDate, lastDate };
  }
  const firstDate = nextWorkingDay(todayDate, config.holidays);
  return { earliestMs: parseLocalDate(firstDate).toMillis(), firstDate, lastDate };
}

/** The calendar date `days` after `date` (calendar arithmetic in UTC, where every day has 24 hours). */
export function addDays(date: LocalDate, days: number): LocalDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 24 * 60 * MINUTE_MS).toISOString().slice(0, 10);
}

/** The calendar date after `date`. */
function nextDate(date: LocalDate): LocalDate {
  return addDays(date, 1);
}

export function datesBetween(from: LocalDate, to: LocalDate): LocalDate[] {
  parseLocalDate(from);
  const dates: LocalDate[] = [];
  for (let day = from; day <= to; day = nextDate(day)) {
    if (dates.length >= MAX_QUERY_DAYS) throw new RangeError(`a query may cover at most ${MAX_QUERY_DAYS} days`);
    dates.push(day);
  }
  return dates;
}

/** Whether a start at `startsAt` (on the local date `date`) lies in the channel's booking window at `now`. */
export function inBookingWindow(config: AvailabilityConfig, now: Date, channel: Channel, startsAt: Date, date: LocalDate): boolean {
  const window = bookingWindow(config, now, channel);
  return startsAt.getTime() >= window.earliestMs && date >= window.firstDate && (window.lastDate === undefined || date <= window.lastDate);
}
