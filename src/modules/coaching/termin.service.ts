// Appointments with the coach, booked through the Onlineterminierung (module termine, staff channel), not in a
// second calendar: the coach books, moves and cancels from the dossier; termine takes the seat, sends the booking
// mail with its calendar file and shows the appointment in the Servicepoint's day view. Coaching keeps only an
// activity of type 'termin' that points at the appointment; time, place and status are always read from termine.
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { NotFoundError, ValidationError } from '#shared/http/errors.js';
import type { AppDeps } from '#shared/module.js';
import type { Tenant } from '#shared/tenancy/index.js';
import { berlinDate, fromBerlinIso } from '#shared/time.js';
import type { StaffPrincipal } from '../staff/index.js';
import { bookingService, type AppointmentView, type TermineContext } from '../termine/index.js';
import * as repo from './coaching.repository.js';
import { accessTo, change } from './coaching.service.js';
import type { Aktivitaet, Teilnehmende } from './coaching.tables.js';

/** The concern (termine service key) coaching appointments are booked under; offered where the coaches sit. */
export const COACHING_CONCERN_KEY = 'coaching';
/** How far ahead the picker lists days with free times. */
export const PICKER_DAYS = 28;

export interface Ort {
  id: string;
  name: string;
}

export interface Anliegen {
  serviceId: string;
  name: Record<string, string>;
  orte: Ort[];
}

export interface SlotPicker {
  tn: Teilnehmende;
  anliegen: Anliegen | undefined;
  ort: Ort | undefined;
  /** Days with at least one free time in the next PICKER_DAYS days. */
  days: { date: string; freeTimes: number }[];
  date: string | undefined;
  times: { time: string; startsAt: string }[];
  /** When moving: the appointment that is moved. */
  moving: TerminEintrag | undefined;
}

export interface TerminEintrag {
  aktivitaetId: string;
  view: AppointmentView;
  /** Booked or pending, and still ahead: it can be moved or cancelled. */
  changeable: boolean;
}

const termineCtx = (deps: AppDeps, tdb: TenantDb, tenant: Tenant): TermineContext => ({ deps, tdb, tenant });

/** The coaching concern and the active locations offering it; undefined while the tenant has none. */
export async function anliegen(ctx: TermineContext): Promise<Anliegen | undefined> {
  const { locations, services } = await bookingService.staffCatalogue(ctx);
  const service = services.find((s) => s.key === COACHING_CONCERN_KEY);
  if (!service) return undefined;
  const orte = locations.filter((l) => service.locationIds.includes(l.id)).map((l) => ({ id: l.id, name: l.name }));
  return orte.length ? { serviceId: service.id, name: service.name, orte } : undefined;
}

/** The appointments behind the participant's 'termin' activities, newest first (the caller has checked access). */
export async function termineOf(deps: AppDeps, tdb: TenantDb, tenant: Tenant, aktivitaeten: Aktivitaet[]): Promise<TerminEintrag[]> {
  const ctx = termineCtx(deps, tdb, tenant);
  const now = deps.clock.now();
  const result: TerminEintrag[] = [];
  for (const a of aktivitaeten) {
    if (!a.terminId) continue;
    const appointment = await bookingService.appointment(ctx, a.terminId).catch((error: unknown) => {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    });
    if (!appointment || appointment.anonymisedAt) continue;
    const actions = bookingService.allowedActions(appointment, now);
    result.push({ aktivitaetId: a.id, view: await bookingService.describe(ctx, appointment), changeable: actions.cancel });
  }
  return result.sort((x, y) => y.view.appointment.startsAt.getTime() - x.view.appointment.startsAt.getTime());
}

/** The slot picker of the dossier: the coach's locations, days with free times and the free times of one day. */
export async function slotPicker(
  deps: AppDeps,
  tdb: TenantDb,
  staff: StaffPrincipal,
  tenant: Tenant,
  id: string,
  query: { ort?: string | undefined; datum?: string | undefined; verschieben?: string | undefined },
): Promise<SlotPicker> {
  const { tn, zugang } = await accessTo(deps, tdb, staff, id);
  if (zugang !== 'coach') throw new NotFoundError();
  const ctx = termineCtx(deps, tdb, tenant);
  const moving = query.verschieben ? await terminEintrag(deps, tdb, tenant, tn, query.verschieben) : undefined;
  const found = await anliegen(ctx);
  const base = { tn, anliegen: found, days: [], times: [], date: undefined, moving };
  if (!found) return { ...base, ort: undefined };
  const ort = found.orte.find((o) => o.id === (moving?.view.location.id ?? query.ort)) ?? found.orte[0]!;
  const slot = { locationId: ort.id, serviceIds: [found.serviceId], persons: 1, channel: 'staff' as const };
  const today = berlinDate(deps.clock.now());
  const to = fromBerlinIso(today).plus({ days: PICKER_DAYS - 1 }).toISODate()!;
  const { days } = await bookingService.listAvailableDays(ctx, { ...slot, from: today, to });
  // The day asked for, else (when moving) the appointment's own day, else the first day with a free time.
  const movingDay = moving ? berlinDate(moving.view.appointment.startsAt) : undefined;
  const date = [query.datum, movingDay].find((d) => d && days.some((day) => day.date === d)) ?? days[0]?.date;
  const times = date ? (await bookingService.listAvailableTimes(ctx, { ...slot, date })).times.filter((t) => t.freeSeats > 0) : [];
  return { ...base, ort, days, date, times: times.map((t) => ({ time: t.time, startsAt: t.startsAt })) };
}

async function terminEintrag(deps: AppDeps, tdb: TenantDb, tenant: Tenant, tn: Teilnehmende, aktivitaetId: string): Promise<TerminEintrag> {
  const aktivitaet = await repo.aktivitaetById(tdb, tn.id, aktivitaetId);
  if (!aktivitaet?.terminId) throw new NotFoundError();
  const [eintrag] = await termineOf(deps, tdb, tenant, [aktivitaet]);
  if (!eintrag) throw new NotFoundError();
  return eintrag;
}

function startOf(startsAt: string): Date {
  const instant = new Date(startsAt);
  if (Number.isNaN(instant.getTime())) throw new ValidationError([{ field: 'startsAt', message: 'coaching:termin.errors.time' }]);
  return instant;
}

/**
 * Books an appointment for the participant in the staff channel: the booking mail with the calendar file goes to
 * the participant's address in their language, as for any citizen booking. Appointment, activity and audit row
 * are written in one transaction.
 */
export async function bookTermin(deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, tenant: Tenant, id: string, input: { ort: string; startsAt: string }) {
  const startsAt = startOf(input.startsAt);
  const found = await anliegen(termineCtx(deps, tdb, tenant));
  if (!found) throw new ValidationError([{ field: 'startsAt', message: 'coaching:termin.errors.noConcern' }]);
  if (!found.orte.some((o) => o.id === input.ort)) throw new ValidationError([{ field: 'ort', message: 'common:validation.choice' }]);
  return change(deps, tdb, staff, id, 'coaching.termin.book', async (tx, tn) => {
    const { appointment } = await bookingService.staffBook(termineCtx(deps, tx, tenant), {
      locationId: input.ort,
      serviceIds: [found.serviceId],
      persons: 1,
      startsAt,
      contact: { name: `${tn.givenName} ${tn.familyName}`, email: tn.email ?? undefined, phone: tn.phone ?? undefined, bgNummer: tn.bgNummer ?? undefined },
      language: tn.mailLanguage,
    });
    return repo.insertAktivitaet(tx, {
      teilnehmendeId: tn.id,
      typ: 'termin',
      title: 'Gespräch mit dem Coach',
      wer: 'beide',
      dueOn: berlinDate(appointment.startsAt),
      status: 'geplant',
      wartetAuf: 'niemand',
      terminId: appointment.id,
    });
  });
}

/** Moves the appointment (termine mails the new time with an updated calendar file); the activity's date follows. */
export async function moveTermin(deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, tenant: Tenant, id: string, aktivitaetId: string, input: { startsAt: string }) {
  const startsAt = startOf(input.startsAt);
  return change(deps, tdb, staff, id, 'coaching.termin.move', async (tx, tn) => {
    const aktivitaet = await repo.aktivitaetById(tx, tn.id, aktivitaetId);
    if (!aktivitaet?.terminId) throw new NotFoundError();
    const ctx = termineCtx(deps, tx, tenant);
    const moved = await bookingService.reschedule(ctx, await bookingService.appointment(ctx, aktivitaet.terminId), startsAt, 'staff');
    await repo.updateAktivitaet(tx, tn.id, aktivitaetId, { dueOn: berlinDate(moved.startsAt) });
  });
}

/** Cancels the appointment (termine mails the cancellation); the activity is marked cancelled. */
export async function cancelTermin(deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, tenant: Tenant, id: string, aktivitaetId: string) {
  return change(deps, tdb, staff, id, 'coaching.termin.cancel', async (tx, tn) => {
    const aktivitaet = await repo.aktivitaetById(tx, tn.id, aktivitaetId);
    if (!aktivitaet?.terminId) throw new NotFoundError();
    const ctx = termineCtx(deps, tx, tenant);
    await bookingService.cancel(ctx, await bookingService.appointment(ctx, aktivitaet.terminId), { by: 'staff' });
    await repo.updateAktivitaet(tx, tn.id, aktivitaetId, { status: 'abgebrochen' });
  });
}
