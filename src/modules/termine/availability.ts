// Pure slot computation for Onlineterminierung: the slot units of a location's calendar (calendar.ts) and their
// occupancy → free start times. No I/O; the database enforces capacity separately.
//
// Model: a day is cut into slot units of `slotMinutes`, counted on the wall clock from the start of each
// opening range. Every unit has `seatsTotal` seats (parallel counters). A booking takes one seat on
// consecutive units for its whole span; a start time is free when every unit it covers has a free seat.
import {
  addDays,
  assertValidConfig,
  bookingWindow,
  datesBetween,
  isCount,
  openingRangesByWeekday,
  unitsOfDay,
  type AvailabilityConfig,
  type Channel,
  type Unit,
} from './calendar.js';
import type { LocalDate, LocalTime } from './holidays.js';
import { berlinDate, parseLocalDate } from '#shared/time.js';

/** A booking or a live hold; it occupies `seats` on every unit it overlaps. */
export interface Occupancy {
  startsAt: Date;
  endsAt: Date;
  seats: number;
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
