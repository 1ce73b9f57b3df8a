// Pure slot computation for Onlineterminierung: opening hours, holidays, closures and occupancy of one
// Servicepoint location → free start times. No I/O; the database enforces capacity separately.
//
// Model: a day is cut into slot units of `slotMinutes`, counted on the wall clock from the start of each
// opening range. Every unit has `seatsTotal` seats (parallel counters). A booking takes one seat on
// consecutive units for its whole span; a start time is free when every unit it covers has a free seat.
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

/** A booking or a live hold; it occupies `seats` on every unit it overlaps. */
export interface Occupancy {
  startsAt: Date;
  endsAt: Date;
  seats: number;
}

/** 'online' uses seatsOnline, the horizon and the minimum notice; 'staff' uses all seats from now on. */
export type Channel = 'online' | 'staff';

export interface SlotUnit {
  startsAt: Date;
  endsAt: Date;
  local: LocalTime;
}

export interface FreeTime {
  time: LocalTime;
  /** UTC ISO instants. */
  startsAt: string;
  endsAt: string;
  freeSeats: number;
}

export interface BookingRequest {
  durationMinutes: number;
  persons: number;
  now: Date;
  channel: Channel;
}

export interface AvailableDay {
  date: LocalDate;
  freeTimes: number;
}

export const MAX_PERSONS = 3;
/** Upper bound for one range query, so a request cannot make the server compute years of slots. */
export const MAX_QUERY_DAYS = 366;

const MINUTE_MS = 60_000;
const TIME_PATTERN = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;

interface Unit {
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

function isCount(value: number, min: number): boolean {
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
function openingRangesByWeekday(rules: OpeningRule[]): Map<number, MinuteRange[]> {
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

/** Span of one booking in the given persons mode (see PersonsMode). */
export function bookingSpan(
  config: AvailabilityConfig,
  durationMinutes: number,
  persons: number,
): { minutes: number; units: number; seats: number } {
  if (!isCount(durationMinutes, 1) || durationMinutes % config.slotMinutes !== 0) {
    throw new RangeError(`durationMinutes must be a positive multiple of ${config.slotMinutes}`);
  }
  if (!isCount(persons, 1) || persons > MAX_PERSONS) throw new RangeError(`persons must be 1–${MAX_PERSONS}`);
  switch (config.personsMode ?? 'longer-slot') {
    case 'longer-slot': {
      const minutes = durationMinutes * persons;
      return { minutes, units: minutes / config.slotMinutes, seats: 1 };
    }
  }
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
function unitsOfDay(config: AvailabilityConfig, ranges: Map<number, MinuteRange[]>, date: LocalDate): Unit[] {
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

interface BookingWindow {
  /** No start before this instant. */
  earliestMs: number;
  firstDate: LocalDate;
  lastDate: LocalDate | undefined;
}

// Every booking asks for its window: Berlin dates by the cached offset (berlinDate) and calendar arithmetic on
// the date, not a luxon DateTime per call.
function bookingWindow(config: AvailabilityConfig, now: Date, channel: Channel): BookingWindow {
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
function addDays(date: LocalDate, days: number): LocalDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 24 * 60 * MINUTE_MS).toISOString().slice(0, 10);
}

function nextDate(date: LocalDate): LocalDate {
  return addDays(date, 1);
}

function datesBetween(from: LocalDate, to: LocalDate): LocalDate[] {
  parseLocalDate(from);
  const dates: LocalDate[] = [];
  for (let day = from; day <= to; day = nextDate(day)) {
    if (dates.length >= MAX_QUERY_DAYS) throw new RangeError(`a query may cover at most ${MAX_QUERY_DAYS} days`);
    dates.push(day);
  }
  return dates;
}

function firstIndexEndingAfter(units: Unit[], instantMs: number): number {
  let low = 0;
  let high = units.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((units[mid] as Unit).endMs > instantMs) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** Occupied seats per unit, computed once for all days of a query (units sorted by time). */
function occupiedSeats(units: Unit[], occupancy: Occupancy[]): number[] {
  const occupied = new Array<number>(units.length).fill(0);
  for (const entry of occupancy) {
    const endMs = entry.endsAt.getTime();
    for (let i = firstIndexEndingAfter(units, entry.startsAt.getTime()); i < units.length; i++) {
      if ((units[i] as Unit).startMs >= endMs) break;
      occupied[i] = (occupied[i] as number) + entry.seats;
    }
  }
  return occupied;
}

/** Free start times of one day's units (indices `first`..`last` - 1 of the sorted array). */
function freeTimesOfDay(
  units: Unit[],
  occupied: number[],
  first: number,
  last: number,
  span: { units: number; seats: number },
  seats: number,
  earliestMs: number,
): FreeTime[] {
  const times: FreeTime[] = [];
  for (let start = first; start + span.units <= last; start++) {
    const startUnit = units[start] as Unit;
    if (startUnit.startMs < earliestMs) continue;
    let maxOccupied = occupied[start] as number;
    let end = start + 1;
    for (; end < start + span.units; end++) {
      const unit = units[end] as Unit;
      const previous = units[end - 1] as Unit;
      if (unit.range !== startUnit.range || unit.startMs !== previous.endMs) break;
      maxOccupied = Math.max(maxOccupied, occupied[end] as number);
    }
    if (end < start + span.units || maxOccupied + span.seats > seats) continue;
    times.push({
      time: startUnit.local,
      startsAt: new Date(startUnit.startMs).toISOString(),
      endsAt: new Date((units[end - 1] as Unit).endMs).toISOString(),
      freeSeats: seats - maxOccupied,
    });
  }
  return times;
}

/** Free times of every day in [from, to] within the channel's booking window, day by day. */
function* freeTimesByDay(
  config: AvailabilityConfig,
  occupancy: Occupancy[],
  request: BookingRequest & { from: LocalDate; to: LocalDate },
): Generator<{ date: LocalDate; times: FreeTime[] }> {
  assertValidConfig(config);
  if (Number.isNaN(request.now.getTime())) throw new RangeError('now must be a valid Date');
  parseLocalDate(request.from);
  parseLocalDate(request.to);
  const span = bookingSpan(config, request.durationMinutes, request.persons);
  const window = bookingWindow(config, request.now, request.channel);
  const from = request.from > window.firstDate ? request.from : window.firstDate;
  const to = window.lastDate !== undefined && window.lastDate < request.to ? window.lastDate : request.to;
  if (from > to) return;

  const ranges = openingRangesByWeekday(config.openingHours);
  const units: Unit[] = [];
  const dayBounds: { date: LocalDate; first: number; last: number }[] = [];
  for (const date of datesBetween(from, to)) {
    const first = units.length;
    units.push(...unitsOfDay(config, ranges, date));
    dayBounds.push({ date, first, last: units.length });
  }
  const occupied = occupiedSeats(units, occupancy);
  const seats = request.channel === 'staff' ? config.seatsTotal : config.seatsOnline;
  for (const { date, first, last } of dayBounds) {
    yield { date, times: freeTimesOfDay(units, occupied, first, last, span, seats, window.earliestMs) };
  }
}

/** Free start times on one local date for a service of `durationMinutes` and `persons`. */
export function freeTimes(
  config: AvailabilityConfig,
  occupancy: Occupancy[],
  request: BookingRequest & { date: LocalDate },
): FreeTime[] {
  const [day] = freeTimesByDay(config, occupancy, { ...request, from: request.date, to: request.date });
  return day?.times ?? [];
}

/**
 * The start times a booking can have on `date` at all — opening hours, holidays, closures, the span fits, the
 * channel has seats — regardless of occupancy and of the booking window (see inBookingWindow). With both checks
 * a start is one freeTimes offers on an empty day; unlike freeTimes the answer does not change with `now`.
 */
export function possibleStarts(config: AvailabilityConfig, request: Omit<BookingRequest, 'now'> & { date: LocalDate }): FreeTime[] {
  assertValidConfig(config);
  const span = bookingSpan(config, request.durationMinutes, request.persons);
  const units = unitsOfDay(config, openingRangesByWeekday(config.openingHours), request.date);
  const seats = request.channel === 'staff' ? config.seatsTotal : config.seatsOnline;
  return freeTimesOfDay(units, new Array<number>(units.length).fill(0), 0, units.length, span, seats, -Infinity);
}

/** Whether a start at `startsAt` (on the local date `date`) lies in the channel's booking window at `now`. */
export function inBookingWindow(config: AvailabilityConfig, now: Date, channel: Channel, startsAt: Date, date: LocalDate): boolean {
  const window = bookingWindow(config, now, channel);
  return startsAt.getTime() >= window.earliestMs && date >= window.firstDate && (window.lastDate === undefined || date <= window.lastDate);
}

/** Days in [from, to] (inclusive, clipped to the booking window) with at least one free time. */
export function availableDays(
  config: AvailabilityConfig,
  occupancy: Occupancy[],
  request: BookingRequest & { from: LocalDate; to: LocalDate },
): AvailableDay[] {
  const days: AvailableDay[] = [];
  for (const { date, times } of freeTimesByDay(config, occupancy, request)) {
    if (times.length > 0) days.push({ date, freeTimes: times.length });
  }
  return days;
}

/**
 * The first date with a free time and that time, or null. `from` defaults to today, `to` to
 * today + horizonDays (for staff a search bound only).
 */
export function nextFreeDate(
  config: AvailabilityConfig,
  occupancy: Occupancy[],
  request: BookingRequest & { from?: LocalDate; to?: LocalDate },
): { date: LocalDate; firstTime: FreeTime } | null {
  const today = berlinDate(request.now) as LocalDate;
  const from = request.from ?? today;
  const to = request.to ?? addDays(today, config.horizonDays);
  for (const { date, times } of freeTimesByDay(config, occupancy, { ...request, from, to })) {
    const firstTime = times[0];
    if (firstTime) return { date, firstTime };
  }
  return null;
}
