// Use cases around free slots: what a location offers, which days and times are free, and whether a
// requested start is a valid one (capacity itself is left to the database, see booking.repository.ts).
import { DateTime } from 'luxon';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { ValidationError } from '#shared/http/errors.js';
import type { AppDeps } from '#shared/module.js';
import type { Tenant } from '#shared/tenancy/index.js';
import { availableDays, bookingSpan, freeTimes, possibleStarts, type AvailableDay, type FreeTime } from './availability.js';
import { inBookingWindow, type AvailabilityConfig, type Channel, type Weekday } from './calendar.js';
import { occupancy } from './booking.repository.js';
import type { LocalDate } from './holidays.js';
import * as repo from './termine.repository.js';
import type { TerminLocation, TerminService } from './termine.tables.js';
import { berlinDate, berlinDateTime, parseLocalDate } from '#shared/time.js';

/** What every use case of this module gets: the tenant, its database scope and the app's dependencies. */
export interface TermineContext {
  tdb: TenantDb;
  tenant: Tenant;
  deps: AppDeps;
  /** The caller's IP address, for rate limits (citizen channel only). */
  clientIp?: string | undefined;
}

export interface SlotQuery {
  locationId: string;
  serviceIds: string[];
  persons: number;
  channel: Channel;
}

export interface LocationPlan {
  location: TerminLocation;
  services: TerminService[];
  config: AvailabilityConfig;
  durationMinutes: number;
  settings: repo.SettingsValues;
}

const DAY_MS = 86_400_000;

function invalid(field: string, key: string, params: Record<string, unknown> = {}): ValidationError {
  return new ValidationError([{ field, message: `termine:errors.${key}`, params }]);
}

export async function publicLocations(ctx: TermineContext): Promise<{ location: TerminLocation; serviceIds: string[] }[]> {
  const [locations, pairs, services] = await Promise.all([
    repo.listLocations(ctx.tdb, true),
    repo.locationServicePairs(ctx.tdb),
    repo.listServices(ctx.tdb, { activeOnly: true }),
  ]);
  const bookable = new Set(services.filter((s) => s.onlineBookable).map((s) => s.id));
  return locations.map((location) => ({
    location,
    serviceIds: pairs.filter((p) => p.locationId === location.id && bookable.has(p.serviceId)).map((p) => p.serviceId),
  }));
}

/** Services citizens can book online, optionally only those offered at a location. */
export async function publicServices(ctx: TermineContext, locationId?: string): Promise<TerminService[]> {
  if (locationId && !(await repo.getLocation(ctx.tdb, locationId))?.active) throw invalid('location', 'unknownLocation');
  const services = await repo.listServices(ctx.tdb, { locationId, activeOnly: true });
  return services.filter((s) => s.onlineBookable);
}

function toConfig(
  location: TerminLocation,
  hours: { weekday: number; opensAt: string; closesAt: string }[],
  closures: { startsAt: Date; endsAt: Date }[],
  settings: repo.SettingsValues,
): AvailabilityConfig {
  return {
    slotMinutes: location.slotMinutes,
    seatsTotal: location.seatsTotal,
    seatsOnline: location.seatsOnline,
    horizonDays: location.horizonDays,
    minNotice: location.minNoticeKind === 'hours' ? { kind: 'hours', hours: location.minNoticeHours } : { kind: 'nextWorkingDay' },
    openingHours: hours.map((h) => ({ weekday: h.weekday as Weekday, from: h.opensAt, to: h.closesAt })),
    closures: closures.map((c) => ({ startsAt: c.startsAt, endsAt: c.endsAt })),
    holidays: { heiligabend: settings.heiligabend, silvester: settings.silvester },
  };
}

/**
 * Loads a location with its rules from `from` on and checks the requested services: they must exist, be
 * active, be offered there and (online) be bookable online; their durations add up.
 */
export async function planFor(ctx: TermineContext, query: SlotQuery, from: Date): Promise<LocationPlan> {
  const ids = [...new Set(query.serviceIds)];
  // Closures are few: all that end after `from` serve any query from there on.
  const rows = await repo.planRows(ctx.tdb, query.locationId, ids, new Date(from.getTime() - DAY_MS));
  // The rows are cached for seconds (plan-cache.ts); so is the plan built from them, one per channel and persons.
  let plans = plansByRows.get(rows);
  if (!plans) plansByRows.set(rows, (plans = new Map()));
  const key = `${query.channel}|${query.persons}`;
  let plan = plans.get(key);
  if (!plan) plans.set(key, (plan = buildPlan(query, ids, rows)));
  return plan;
}

const plansByRows = new WeakMap<repo.PlanRows, Map<string, LocationPlan>>();

function buildPlan(query: SlotQuery, ids: string[], rows: repo.PlanRows): LocationPlan {
  const { location, hours, closures: closureRows, settings, services } = rows;
  if (!location || (!location.active && query.channel === 'online')) throw invalid('location', 'unknownLocation');
  if (ids.length === 0 || services.length !== ids.length || services.some((s) => !s.active)) throw invalid('service', 'unknownService');
  for (const service of services) {
    if (!service.offered) throw invalid('service', 'serviceNotOffered');
    if (query.channel === 'online' && !service.onlineBookable) throw invalid('service', 'serviceNotOnline');
  }
  const config = toConfig(location, hours, closureRows, settings);
  const durationMinutes = services.reduce((sum, s) => sum + s.durationMinutes, 0);
  try {
    bookingSpan(config, durationMinutes, query.persons);
  } catch {
    throw invalid('persons', 'persons');
  }
  return { location, services: ids.map((id) => services.find((s) => s.id === id)!), config, durationMinutes, settings };
}

function startOfLocalDate(date: LocalDate): Date {
  return parseLocalDate(date).toJSDate();
}

function dayAfter(date: LocalDate): Date {
  return parseLocalDate(date).plus({ days: 1 }).toJSDate();
}

async function occupancyFor(ctx: TermineContext, plan: LocationPlan, from: Date, to: Date) {
  const now = ctx.deps.clock.now();
  const slotMs = plan.config.slotMinutes * 60_000;
  const rows = await occupancy(ctx.tdb, plan.location.id, from, to, now);
  return rows.map((r) => ({ startsAt: r.unitStart, endsAt: new Date(r.unitStart.getTime() + slotMs), seats: r.seats }));
}

export function today(ctx: TermineContext): LocalDate {
  return berlinDate(ctx.deps.clock.now());
}

/** The booking horizon's last date for the citizen channel. */
export function horizonEnd(ctx: TermineContext, plan: LocationPlan): LocalDate {
  return berlinDateTime(ctx.deps.clock.now()).plus({ days: plan.config.horizonDays }).toISODate() as LocalDate;
}

function checkRange(from: LocalDate, to: LocalDate): void {
  try {
    parseLocalDate(from);
  } catch {
    throw invalid('from', 'date');
  }
  try {
    parseLocalDate(to);
  } catch {
    throw invalid('to', 'date');
  }
  if (to < from) throw invalid('to', 'rangeOrder');
  if (parseLocalDate(to).diff(parseLocalDate(from), 'days').days > 92) throw invalid('to', 'rangeTooLong', { days: 92 });
}

async function daysWithOccupancy(
  ctx: TermineContext,
  query: SlotQuery & { from?: LocalDate | undefined; to?: LocalDate | undefined },
  loaded?: LocationPlan,
) {
  const from = query.from ?? today(ctx);
  checkRange(from, query.to ?? from);
  const plan = loaded ?? (await planFor(ctx, query, startOfLocalDate(from)));
  const to = query.to ?? horizonEnd(ctx, plan);
  const occupied = await occupancyFor(ctx, plan, startOfLocalDate(from), dayAfter(to));
  const request = { durationMinutes: plan.durationMinutes, persons: query.persons, now: ctx.deps.clock.now(), channel: query.channel };
  const days = availableDays(plan.config, occupied, { ...request, from, to });
  return { plan, days, occupied, request };
}

/** Days in [from, to] with at least one free time (clipped to the booking window; `to` defaults to the horizon). */
export async function listAvailableDays(
  ctx: TermineContext,
  query: SlotQuery & { from?: LocalDate | undefined; to?: LocalDate | undefined },
): Promise<{ plan: LocationPlan; days: AvailableDay[] }> {
  const { plan, days } = await daysWithOccupancy(ctx, query);
  return { plan, days };
}

export async function listAvailableTimes(
  ctx: TermineContext,
  query: SlotQuery & { date: LocalDate },
): Promise<{ plan: LocationPlan; times: FreeTime[] }> {
  checkRange(query.date, query.date);
  const from = startOfLocalDate(query.date);
  const to = dayAfter(query.date);
  const plan = await planFor(ctx, query, from);
  const occupied = await occupancyFor(ctx, plan, from, to);
  const times = freeTimes(plan.config, occupied, {
    durationMinutes: plan.durationMinutes,
    persons: query.persons,
    now: ctx.deps.clock.now(),
    channel: query.channel,
    date: query.date,
  });
  return { plan, times };
}

/** Up to `limit` free times from `fromDate` on, across days (for "this time was just taken"). */
export async function nextFreeTimes(
  ctx: TermineContext,
  query: SlotQuery & { fromDate: LocalDate; limit: number; after?: Date | undefined },
  /** A plan loaded for a date on or before `fromDate` (saves loading it again). */
  loaded?: LocationPlan,
): Promise<(FreeTime & { date: LocalDate })[]> {
  const from = query.fromDate < today(ctx) ? today(ctx) : query.fromDate;
  const { plan, days, occupied, request } = await daysWithOccupancy(ctx, { ...query, from }, loaded);
  const after = query.after?.toISOString() ?? '';
  const result: (FreeTime & { date: LocalDate })[] = [];
  for (const day of days) {
    for (const time of freeTimes(plan.config, occupied, { ...request, date: day.date })) {
      if (time.startsAt <= after) continue;
      result.push({ ...time, date: day.date });
      if (result.length >= query.limit) return result;
    }
  }
  return result;
}

export interface ResolvedSlot {
  plan: LocationPlan;
  startsAt: Date;
  endsAt: Date;
  /** Slot units the booking covers, one seat each. */
  units: Date[];
  /** Seats the channel may use (online: the seats released online). */
  maxSeat: number;
}

/** Possible starts by instant, per plan (which lives as long as its cached rows) and date: a booking looks its start up. */
const startsByPlan = new WeakMap<LocationPlan, Map<string, Map<string, FreeTime>>>();

function startsOfDay(plan: LocationPlan, query: SlotQuery, date: LocalDate): Map<string, FreeTime> {
  let byDate = startsByPlan.get(plan);
  if (!byDate) startsByPlan.set(plan, (byDate = new Map()));
  const key = `${date}|${query.persons}|${query.channel}`;
  let starts = byDate.get(key);
  if (!starts) {
    // The staff channel has no horizon: bound what one plan keeps.
    if (byDate.size >= 400) byDate.clear();
    const times = possibleStarts(plan.config, { durationMinutes: plan.durationMinutes, persons: query.persons, channel: query.channel, date });
    byDate.set(key, (starts = new Map(times.map((t) => [t.startsAt, t]))));
  }
  return starts;
}

/**
 * Checks that `startsAt` is a valid start for this request in the channel's window — open, no holiday or
 * closure, far enough ahead, within the horizon — without looking at occupancy, and lists its units.
 */
export async function resolveSlot(ctx: TermineContext, query: SlotQuery & { startsAt: Date }): Promise<ResolvedSlot> {
  if (Number.isNaN(query.startsAt.getTime())) throw invalid('startsAt', 'date');
  const date = berlinDate(query.startsAt);
  const plan = await planFor(ctx, query, startOfLocalDate(date));
  const now = ctx.deps.clock.now();
  // Same rule as availability.ts: a start at this very instant is still offered.
  if (query.startsAt.getTime() < now.getTime()) throw invalid('startsAt', 'past');
  if (!inBookingWindow(plan.config, now, query.channel, query.startsAt, date)) throw invalid('startsAt', 'notBookable');
  const match = startsOfDay(plan, query, date).get(query.startsAt.toISOString());
  if (!match) throw invalid('startsAt', 'notBookable');
  const endsAt = new Date(match.endsAt);
  // A free start spans contiguous units only (never across a clock change), so they follow by slot length.
  const slotMs = plan.config.slotMinutes * 60_000;
  const units = Array.from({ length: (endsAt.getTime() - query.startsAt.getTime()) / slotMs }, (_, i) => new Date(query.startsAt.getTime() + i * slotMs));
  const maxSeat = query.channel === 'staff' ? plan.config.seatsTotal : plan.config.seatsOnline;
  return { plan, startsAt: query.startsAt, endsAt, units, maxSeat };
}

/** Active locations that offer every one of the chosen services online. */
export async function locationsOffering(ctx: TermineContext, serviceIds: string[]): Promise<TerminLocation[]> {
  const all = await publicLocations(ctx);
  return all.filter((l) => serviceIds.every((id) => l.serviceIds.includes(id))).map((l) => l.location);
}

/** Services by id in the given order; ValidationError when one is unknown or not bookable online. */
export async function chosenServices(ctx: TermineContext, serviceIds: string[]): Promise<TerminService[]> {
  const services = await publicServices(ctx);
  const chosen = serviceIds.map((id) => services.find((s) => s.id === id));
  if (chosen.some((s) => !s)) throw invalid('service', 'unknownService');
  return chosen as TerminService[];
}

export interface DayOverview {
  days: AvailableDay[];
  nextFree: (FreeTime & { date: LocalDate }) | null;
  month: string;
  prevMonth?: string | undefined;
  nextMonth?: string | undefined;
}

/** Everything the day page shows: free days of the whole horizon, the first free time, and the month to show. */
export async function dayOverview(ctx: TermineContext, query: SlotQuery, requestedMonth?: string): Promise<DayOverview> {
  const { plan, days: allDays, occupied, request } = await daysWithOccupancy(ctx, query);
  const firstDay = allDays[0];
  const firstTime = firstDay ? freeTimes(plan.config, occupied, { ...request, date: firstDay.date })[0] : undefined;
  const nextFree = firstDay && firstTime ? { ...firstTime, date: firstDay.date } : undefined;
  const days = allDays;
  const first = today(ctx).slice(0, 7);
  const last = horizonEnd(ctx, plan).slice(0, 7);
  const fallback = nextFree ? nextFree.date.slice(0, 7) : first;
  const month = requestedMonth && requestedMonth >= first && requestedMonth <= last ? requestedMonth : fallback;
  const shift = (n: number) => DateTime.fromISO(`${month}-01`).plus({ months: n }).toFormat('yyyy-MM');
  return {
    days: days.filter((d) => d.date.startsWith(month)),
    nextFree: nextFree ?? null,
    month,
    prevMonth: month > first ? shift(-1) : undefined,
    nextMonth: month < last ? shift(1) : undefined,
  };
}

/** Active locations in display order. */
export function activeLocations(ctx: TermineContext): Promise<TerminLocation[]> {
  return repo.listLocations(ctx.tdb, true);
}

/** Staff view: active locations, and all active services (also those bookable only internally) with where they are offered. */
export async function staffCatalogue(ctx: TermineContext): Promise<{ locations: TerminLocation[]; services: (TerminService & { locationIds: string[] })[] }> {
  const [locations, services, pairs] = await Promise.all([
    activeLocations(ctx),
    repo.listServices(ctx.tdb, { activeOnly: true }),
    repo.locationServicePairs(ctx.tdb),
  ]);
  return {
    locations,
    services: services.map((s) => ({ ...s, locationIds: pairs.filter((p) => p.serviceId === s.id).map((p) => p.locationId) })),
  };
}

/** Opening hours of a location (local 'HH:mm', ISO weekday). */
export function openingHoursOf(ctx: TermineContext, locationId: string) {
  return repo.openingHours(ctx.tdb, locationId);
}
