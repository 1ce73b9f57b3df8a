// Use cases of the Servicepoint desk: day view, check-in, walk-ins, calling, done/no-show. Each change of a
// visit and of its appointment happens in one transaction together with its audit row.
import { ConflictError, NotFoundError } from '#shared/http/errors.js';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import type { AppDeps } from '#shared/module.js';
import { recordAudit, type AuditAction, type AuditObjectType } from '#shared/audit/index.js';
import { filterById, storeSearch } from '#shared/saved-filters/index.js';
import type { StaffPrincipal } from '../staff/index.js';
import type { Tenant } from '#shared/tenancy/index.js';
import { bookingCode, bookingService, type Appointment, type AppointmentStatus, type TermineContext } from '../termine/index.js';
import { averageMinutes, estimateWait, normaliseCode, openCounters, type WaitEstimate } from './queue.js';
import * as repo from './servicepoint.repository.js';
import type { Visit, VisitStatus } from './servicepoint.tables.js';
import { deskCatalogue, deskLocations, type DeskLocation, type DeskService } from './termine.adapter.js';
import { berlinDate } from '#shared/time.js';
import { nameContains } from '#shared/name-folding.js';
import { issueUndo, markOfAppointment, markOfVisit, type UndoTicket } from './undo-ticket.js';

export interface DeskContext {
  tdb: TenantDb;
  tenant: Tenant;
  deps: AppDeps;
  /** Absent on the kiosk (self check-in). */
  staff?: StaffPrincipal | undefined;
}

export function termineCtx(ctx: DeskContext, tdb: TenantDb = ctx.tdb): TermineContext {
  return { tdb, tenant: ctx.tenant, deps: ctx.deps };
}

export async function audit(ctx: DeskContext, tdb: TenantDb, action: AuditAction, objectType: AuditObjectType, objectId: string, purpose?: string): Promise<void> {
  await recordAudit(tdb, {
    actorId: ctx.staff?.userId ?? null,
    actorRoles: ctx.staff?.roles ?? [],
    action,
    objectType,
    objectId,
    purpose: purpose ?? null,
  });
}

export function codeOf(ctx: DeskContext, appointmentId: string): string {
  return bookingCode(ctx.deps.config.secretKey, ctx.tenant.id, appointmentId);
}

export async function requireLocation(ctx: DeskContext, locationId: string): Promise<DeskLocation> {
  const location = (await deskLocations(ctx)).find((l) => l.id === locationId);
  if (!location) throw new NotFoundError();
  return location;
}

/** Seat-slots still free today (staff channel, i.e. all seats), counted with the location's shortest service. */
export async function freeSeatsLeft(ctx: DeskContext, location: DeskLocation, day: string, services: DeskService[]): Promise<number> {
  const offered = services.filter((s) => s.locationIds.includes(location.id)).sort((a, b) => a.durationMinutes - b.durationMinutes);
  if (!offered[0]) return 0;
  try {
    const { times } = await bookingService.listAvailableTimes(termineCtx(ctx), {
      locationId: location.id,
      serviceIds: [offered[0].id],
      persons: 1,
      channel: 'staff',
      date: day,
    });
    return times.reduce((sum, t) => sum + t.freeSeats, 0);
  } catch {
    return 0;
  }
}

export interface DayRow {
  appointment: Appointment;
  code: string;
  visit?: Visit | undefined;
  /** Booking code of an earlier row with the same e-mail address, concerns and start: this row is a duplicate. */
  duplicateOf?: string | undefined;
}

/** Marks each booking that repeats an earlier one of the day (same address, concerns and start), so staff see it. */
export function markDuplicates(rows: DayRow[]): DayRow[] {
  const first = new Map<string, string>();
  return rows.map((row) => {
    const a = row.appointment;
    if (!a.email || (a.status !== 'booked' && a.status !== 'pending')) return row;
    const key = [a.email.toLowerCase(), a.startsAt.toISOString(), [...a.serviceIds].sort().join(',')].join('|');
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, row.code);
      return row;
    }
    return { ...row, duplicateOf: earlier };
  });
}

export interface DayView {
  location: DeskLocation;
  locations: DeskLocation[];
  services: DeskService[];
  day: string;
  rows: DayRow[];
  walkIns: Visit[];
  freeSeats: number;
  counters: string[];
  /** Visits waiting for a call now. */
  waiting: number;
  /** What this desk's counter has in hand (called or in progress), with the appointment row when there is one. */
  current: { visit: Visit; row?: DayRow | undefined }[];
}

export interface DayFilter {
  serviceId?: string | undefined;
  counter?: string | undefined;
  q?: string | undefined;
  /** The id of the stored search that holds `q` (the address carries the id, never the term). */
  searchId?: string | undefined;
}

const searchOwner = (ctx: DeskContext) => ({ userId: ctx.staff!.userId, inbox: 'servicepoint' });

/** Stores a search term of this staff member (names, booking codes) and returns the id for the list's address. */
export function storeDaySearch(ctx: DeskContext, q: string): Promise<string> {
  return storeSearch(ctx.tdb, searchOwner(ctx), { q }, ctx.deps.clock.now());
}

/** The term of a stored search of this staff member; undefined for another person's id or a removed one. */
export async function daySearchTerm(ctx: DeskContext, id: string | undefined): Promise<string | undefined> {
  const row = id ? await filterById(ctx.tdb, searchOwner(ctx), id) : undefined;
  return row?.params.q;
}

// Eight letters may be a booking code or a surname ("Friedman", "Schroder" typed without an umlaut): both are tried.
function matchesSearch(row: DayRow, q: string): boolean {
  return row.code === normaliseCode(q) || nameContains(row.appointment.name ?? '', q);
}

export async function dayView(ctx: DeskContext, locationId: string, day: string, filter: DayFilter, myCounter?: string): Promise<DayView> {
  const { locations, services } = await deskCatalogue(ctx);
  const location = locations.find((l) => l.id === locationId);
  if (!location) throw new NotFoundError();
  const freeSeats = await freeSeatsLeft(ctx, location, day, services);
  const { appointments, visits } = await ctx.tdb.transaction(async (tx) => {
    const appointments = await bookingService.listByDay(termineCtx(ctx, tx), locationId, day);
    const visits = await repo.visitsOfDay(tx, locationId, day);
    await audit(ctx, tx, 'servicepoint.day.read', 'termin_location', locationId, day);
    return { appointments, visits };
  });
  const byAppointment = new Map(visits.filter((v) => v.appointmentId).map((v) => [v.appointmentId!, v]));
  let rows: DayRow[] = markDuplicates(appointments.map((appointment) => ({ appointment, code: codeOf(ctx, appointment.id), visit: byAppointment.get(appointment.id) })));
  const rowOf = new Map(rows.map((r) => [r.appointment.id, r]));
  const current = myCounter
    ? visits
        .filter((v) => v.counter === myCounter && (v.status === 'called' || v.status === 'in_progress'))
        .map((visit) => ({ visit, row: visit.appointmentId ? rowOf.get(visit.appointmentId) : undefined }))
    : [];
  const waiting = visits.filter((v) => v.status === 'waiting').length;
  let walkIns = visits.filter((v) => v.channel === 'walk_in');
  if (filter.serviceId) {
    rows = rows.filter((r) => r.appointment.serviceIds.includes(filter.serviceId!));
    walkIns = walkIns.filter((v) => v.serviceId === filter.serviceId);
  }
  if (filter.counter) {
    rows = rows.filter((r) => r.visit?.counter === filter.counter);
    walkIns = walkIns.filter((v) => v.counter === filter.counter);
  }
  if (filter.q?.trim()) rows = rows.filter((r) => matchesSearch(r, filter.q!.trim()));
  const counters = [...new Set(visits.map((v) => v.counter).filter((c): c is string => Boolean(c)))].sort();
  return { location, locations, services, day, rows, walkIns, freeSeats, counters, waiting, current };
}

async function todaysAppointment(ctx: DeskContext, tx: TenantDb, locationId: string, appointmentId: string): Promise<Appointment> {
  const today = berlinDate(ctx.deps.clock.now());
  const found = (await bookingService.listByDay(termineCtx(ctx, tx), locationId, today)).find((a) => a.id === appointmentId);
  if (!found) throw new NotFoundError();
  return found;
}

async function arrive(ctx: DeskContext, tx: TenantDb, appointment: Appointment): Promise<Visit> {
  const existing = await repo.visitByAppointment(tx, appointment.id);
  if (existing) return existing;
  const now = ctx.deps.clock.now();
  await bookingService.setStatus(termineCtx(ctx, tx), appointment.id, 'arrived');
  return repo.insertVisit(tx, {
    locationId: appointment.locationId,
    appointmentId: appointment.id,
    serviceId: appointment.serviceIds[0] ?? null,
    localDay: berlinDate(now),
    channel: appointment.channel,
    dueAt: appointment.startsAt.getTime() > now.getTime() ? appointment.startsAt : now,
    arrivedAt: now,
  });
}

/** Staff marks a citizen with an appointment today as arrived; the visit gets a waiting number. */
export async function checkIn(ctx: DeskContext, locationId: string, appointmentId: string): Promise<Visit> {
  return ctx.tdb.transaction(async (tx) => {
    const appointment = await todaysAppointment(ctx, tx, locationId, appointmentId);
    const visit = await arrive(ctx, tx, appointment);
    await audit(ctx, tx, 'servicepoint.check_in', 'termin_appointment', appointment.id);
    return visit;
  });
}

/** Kiosk: the booking code of a booked appointment today at this location; undefined if none matches. */
export async function selfCheckIn(ctx: DeskContext, locationId: string, typed: string): Promise<Visit | undefined> {
  const code = normaliseCode(typed);
  if (!code) return undefined;
  return ctx.tdb.transaction(async (tx) => {
    const today = berlinDate(ctx.deps.clock.now());
    const appointments = await bookingService.listByDay(termineCtx(ctx, tx), locationId, today);
    const appointment = appointments.find((a) => (a.status === 'booked' || a.status === 'arrived') && codeOf(ctx, a.id) === code);
    if (!appointment) return undefined;
    const visit = await arrive(ctx, tx, appointment);
    await audit(ctx, tx, 'servicepoint.self_check_in', 'termin_appointment', appointment.id);
    return visit;
  });
}

/** A ticket without appointment; the estimate tells whether seats kept for walk-ins are left today. */
export async function walkIn(ctx: DeskContext, locationId: string, serviceId: string | undefined): Promise<Visit> {
  await requireLocation(ctx, locationId);
  const now = ctx.deps.clock.now();
  return ctx.tdb.transaction(async (tx) => {
    const visit = await repo.insertVisit(tx, {
      locationId,
      appointmentId: null,
      serviceId: serviceId ?? null,
      localDay: berlinDate(now),
      channel: 'walk_in',
      dueAt: now,
      arrivedAt: now,
    });
    await audit(ctx, tx, 'servicepoint.walk_in', 'servicepoint_visit', visit.id);
    return visit;
  });
}

export async function visitWithEstimate(ctx: DeskContext, visitId: string): Promise<{ visit: Visit; location: DeskLocation; estimate: WaitEstimate }> {
  const visit = await repo.getVisit(ctx.tdb, visitId);
  if (!visit) throw new NotFoundError();
  const [{ locations, services }, visits] = await Promise.all([deskCatalogue(ctx), repo.visitsOfDay(ctx.tdb, visit.locationId, visit.localDay)]);
  const location = locations.find((l) => l.id === visit.locationId);
  if (!location) throw new NotFoundError();
  const waiting = visits.filter((v) => v.status === 'waiting');
  const ahead = waiting.filter((v) => v.dueAt < visit.dueAt || (v.dueAt.getTime() === visit.dueAt.getTime() && v.ticket < visit.ticket)).length;
  // The recent service times (the last ten finished visits) and the counters open now, not the whole day's.
  const recent = visits.filter((v) => v.calledAt && v.doneAt).sort((a, b) => b.doneAt!.getTime() - a.doneAt!.getTime()).slice(0, 10);
  const handling = averageMinutes(recent.map((v) => ({ from: v.calledAt, to: v.doneAt }))) ?? location.slotMinutes;
  const counters = openCounters(visits, ctx.deps.clock.now()) || Math.max(1, location.seatsTotal - location.seatsOnline);
  const seats = (await freeSeatsLeft(ctx, location, visit.localDay, services)) - waiting.filter((v) => v.channel === 'walk_in').length;
  return { visit, location, estimate: estimateWait({ ahead, handlingMinutes: handling, counters, freeSeats: seats + (visit.channel === 'walk_in' && visit.status === 'waiting' ? 1 : 0) }) };
}

/** Moves the appointment along `path`; its status before and after, for the undo ticket. */
async function syncAppointment(ctx: DeskContext, tx: TenantDb, appointmentId: string | null, path: AppointmentStatus[]): Promise<UndoTicket['appointment']> {
  if (!appointmentId || path.length === 0) return undefined;
  const tctx = termineCtx(ctx, tx);
  const before = await bookingService.appointment(tctx, appointmentId);
  let after = before;
  for (const status of path) after = await bookingService.setStatus(tctx, appointmentId, status);
  return { id: appointmentId, before: markOfAppointment(before), after: markOfAppointment(after) };
}

/** A change of the desk and the signed ticket that takes it back (doc/adr/0305-desk-undo-on-the-server.md). */
export interface Undoable<T> {
  result: T;
  undo?: string | undefined;
}

/** Calls the next waiting number to `counter`; undefined when nobody is waiting. */
export async function callNext(ctx: DeskContext, locationId: string, counter: string): Promise<Undoable<Visit> | undefined> {
  await requireLocation(ctx, locationId);
  const now = ctx.deps.clock.now();
  return ctx.tdb.transaction(async (tx) => {
    const called = await repo.callNext(tx, { locationId, localDay: berlinDate(now), counter, userId: ctx.staff!.userId, now });
    if (!called) return undefined;
    const { before, visit } = called;
    const appointment = await syncAppointment(ctx, tx, visit.appointmentId, ['called']);
    await audit(ctx, tx, 'servicepoint.call', 'servicepoint_visit', visit.id, counter);
    const undo = issueUndo(ctx, { action: 'call', locationId, ticket: visit.ticket, visit: { id: visit.id, before: markOfVisit(before), after: markOfVisit(visit) }, appointment });
    return { result: visit, undo };
  });
}

export const visitActions = ['start', 'done', 'no_show', 'requeue'] as const;
export type VisitAction = (typeof visitActions)[number];

const actionRules: Record<VisitAction, { from: VisitStatus[]; to: VisitStatus; appointment: Partial<Record<VisitStatus, AppointmentStatus[]>> }> = {
  start: { from: ['called'], to: 'in_progress', appointment: { called: ['in_progress'] } },
  done: { from: ['called', 'in_progress'], to: 'done', appointment: { called: ['in_progress', 'done'], in_progress: ['done'] } },
  no_show: { from: ['called'], to: 'no_show', appointment: { called: ['no_show'] } },
  requeue: { from: ['called'], to: 'waiting', appointment: { called: ['arrived'] } },
};

/** Start, finish, mark as not present when called, or put back into the queue; done and no-show can be taken back. */
export async function visitAction(ctx: DeskContext, visitId: string, action: VisitAction): Promise<Undoable<Visit>> {
  const rule = actionRules[action];
  const now = ctx.deps.clock.now();
  return ctx.tdb.transaction(async (tx) => {
    const before = await repo.getVisit(tx, visitId);
    if (!before) throw new NotFoundError();
    const values = action === 'requeue' ? { counter: null, calledAt: null } : action === 'start' ? {} : { doneAt: now };
    const visit = await repo.updateVisit(tx, visitId, rule.from, { status: rule.to, ...values });
    if (!visit) throw new ConflictError('servicepoint:errors.changedMeanwhile');
    const appointment = await syncAppointment(ctx, tx, visit.appointmentId, rule.appointment[before.status] ?? []);
    await audit(ctx, tx, `servicepoint.visit.${action}`, 'servicepoint_visit', visit.id);
    if (action !== 'done' && action !== 'no_show') return { result: visit };
    const undo = issueUndo(ctx, { action, locationId: visit.locationId, ticket: visit.ticket, visit: { id: visit.id, before: markOfVisit(before), after: markOfVisit(visit) }, appointment });
    return { result: visit, undo };
  });
}

/** An appointment nobody came to: counts in the statistics, releases nothing retroactively; can be taken back. */
export async function markNoShow(ctx: DeskContext, locationId: string, appointmentId: string): Promise<Undoable<void>> {
  return ctx.tdb.transaction(async (tx) => {
    await todaysAppointment(ctx, tx, locationId, appointmentId);
    const appointment = await syncAppointment(ctx, tx, appointmentId, ['no_show']);
    await audit(ctx, tx, 'servicepoint.no_show', 'termin_appointment', appointmentId);
    return { result: undefined, undo: issueUndo(ctx, { action: 'appointment_no_show', locationId, appointment }) };
  });
}
