// Tenant administration of Onlineterminierung: settings, locations with opening hours, services, closures.
// Every change is checked against the slot rules and written to the audit log in its transaction.
import { randomUUID } from 'node:crypto';
import { recordAudit, type AuditAction, type AuditObjectType } from '#shared/audit/index.js';
import { ConflictError, NotFoundError, ValidationError, type FieldError } from '#shared/http/errors.js';
import { assertValidConfig, type Weekday } from './calendar.js';
import type { TermineContext } from './availability.service.js';
import { hasFutureAppointments } from './booking.repository.js';
import { closeLocation } from './closures.service.js';
import * as repo from './termine.repository.js';
import type { TerminLocation, TerminService } from './termine.tables.js';

export type SettingsValues = repo.SettingsValues;

export interface Actor {
  userId: string;
  roles: string[];
}

export interface LocationInput extends Omit<repo.LocationValues, 'key' | 'sortOrder'> {
  hours: { weekday: number; opensAt: string; closesAt: string }[];
}

export interface ServiceInput extends Omit<repo.ServiceValues, 'key' | 'sortOrder'> {
  locationIds: string[];
}

function invalid(fields: FieldError[]): never {
  throw new ValidationError(fields);
}

async function audit(ctx: TermineContext, actor: Actor, action: AuditAction, objectType: AuditObjectType, objectId: string) {
  await recordAudit(ctx.tdb, { actorId: actor.userId, actorRoles: actor.roles, action, objectType, objectId });
}

export async function adminOverview(ctx: TermineContext) {
  const [settings, locations, services, pairs] = await Promise.all([
    repo.getSettings(ctx.tdb),
    repo.listLocations(ctx.tdb, false),
    repo.listServices(ctx.tdb, { activeOnly: false }),
    repo.locationServicePairs(ctx.tdb),
  ]);
  return { settings, locations, services, pairs };
}

export async function saveSettings(ctx: TermineContext, actor: Actor, values: Partial<repo.SettingsValues>): Promise<void> {
  await ctx.tdb.transaction(async (tx) => {
    await repo.saveSettings(tx, values, ctx.deps.clock.now());
    await recordAudit(tx, { actorId: actor.userId, actorRoles: actor.roles, action: 'termine.settings.changed', objectType: 'termin_settings', objectId: ctx.tenant.id });
  });
}

/** The slot rules must accept the location (hours, seats); a new slot length needs a location without future appointments. */
async function checkLocation(ctx: TermineContext, input: LocationInput, existing?: TerminLocation): Promise<void> {
  const settings = await repo.getSettings(ctx.tdb);
  try {
    assertValidConfig({
      slotMinutes: input.slotMinutes,
      seatsTotal: input.seatsTotal,
      seatsOnline: input.seatsOnline,
      horizonDays: input.horizonDays,
      minNotice: input.minNoticeKind === 'hours' ? { kind: 'hours', hours: input.minNoticeHours } : { kind: 'nextWorkingDay' },
      openingHours: input.hours.map((h) => ({ weekday: h.weekday as Weekday, from: h.opensAt, to: h.closesAt })),
      closures: [],
      holidays: { heiligabend: settings.heiligabend, silvester: settings.silvester },
    });
  } catch (err) {
    const message = err instanceof Error ? err.message : '';
    if (message.includes('seatsOnline')) invalid([{ field: 'seatsOnline', message: 'termine:admin.errors.seatsOnline' }]);
    invalid([{ field: 'hours', message: 'termine:admin.errors.hours' }]);
  }
  if (existing && existing.slotMinutes !== input.slotMinutes && (await hasFutureAppointments(ctx.tdb, existing.id, ctx.deps.clock.now()))) {
    invalid([{ field: 'slotMinutes', message: 'termine:admin.errors.slotWithBookings' }]);
  }
}

export async function createLocation(ctx: TermineContext, actor: Actor, input: LocationInput): Promise<TerminLocation> {
  await checkLocation(ctx, input);
  return ctx.tdb.transaction(async (tx) => {
    const { hours, ...values } = input;
    const location = await repo.insertLocation(tx, { ...values, key: `sp-${randomUUID().slice(0, 8)}`, sortOrder: 50 });
    await repo.replaceOpeningHours(tx, location.id, hours);
    await audit({ ...ctx, tdb: tx }, actor, 'termine.location.created', 'termin_location', location.id);
    return location;
  });
}

export async function updateLocation(ctx: TermineContext, actor: Actor, id: string, input: LocationInput): Promise<void> {
  const existing = await repo.getLocation(ctx.tdb, id);
  if (!existing) throw new NotFoundError();
  await checkLocation(ctx, input, existing);
  await ctx.tdb.transaction(async (tx) => {
    const { hours, ...values } = input;
    await repo.updateLocation(tx, id, values);
    await repo.replaceOpeningHours(tx, id, hours);
    await audit({ ...ctx, tdb: tx }, actor, 'termine.location.changed', 'termin_location', id);
  });
}

export async function locationDetails(ctx: TermineContext, id: string) {
  const location = await repo.getLocation(ctx.tdb, id);
  if (!location) throw new NotFoundError();
  const now = ctx.deps.clock.now();
  const [hours, closures] = await Promise.all([repo.openingHours(ctx.tdb, id), repo.closures(ctx.tdb, id, now)]);
  return { location, hours, closures: closures.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()) };
}

/** The locations must be this tenant's; the duration must fit the slot length of every location that offers the service. */
async function checkService(ctx: TermineContext, input: ServiceInput): Promise<void> {
  const locations = await repo.listLocations(ctx.tdb, false);
  const ids = new Set(locations.map((l) => l.id));
  // Each unknown one by its position, as the API's schema names a malformed one ('locationIds.2').
  const unknown = input.locationIds.flatMap((id, index) => (ids.has(id) ? [] : [{ field: `locationIds.${index}`, message: 'termine:errors.unknownLocation' }]));
  if (unknown.length) invalid(unknown);
  const misfit = locations.find((l) => input.locationIds.includes(l.id) && input.durationMinutes % l.slotMinutes !== 0);
  if (misfit) invalid([{ field: 'durationMinutes', message: 'termine:admin.errors.duration', params: { slot: misfit.slotMinutes, location: misfit.name } }]);
}

export async function createService(ctx: TermineContext, actor: Actor, input: ServiceInput): Promise<TerminService> {
  await checkService(ctx, input);
  return ctx.tdb.transaction(async (tx) => {
    const { locationIds, ...values } = input;
    const service = await repo.insertService(tx, { ...values, key: `anliegen-${randomUUID().slice(0, 8)}`, sortOrder: 50 });
    await repo.setServiceLocations(tx, service.id, locationIds);
    await audit({ ...ctx, tdb: tx }, actor, 'termine.service.created', 'termin_service', service.id);
    return service;
  });
}

export async function updateService(ctx: TermineContext, actor: Actor, id: string, input: ServiceInput): Promise<void> {
  if (!(await repo.servicesByIds(ctx.tdb, [id])).length) throw new NotFoundError();
  await checkService(ctx, input);
  await ctx.tdb.transaction(async (tx) => {
    const { locationIds, ...values } = input;
    await repo.updateService(tx, id, values);
    await repo.setServiceLocations(tx, id, locationIds);
    await audit({ ...ctx, tdb: tx }, actor, 'termine.service.changed', 'termin_service', id);
  });
}

export async function serviceDetails(ctx: TermineContext, id: string) {
  const [service] = await repo.servicesByIds(ctx.tdb, [id]);
  if (!service) throw new NotFoundError();
  const pairs = await repo.locationServicePairs(ctx.tdb);
  return { service, locationIds: pairs.filter((p) => p.serviceId === id).map((p) => p.locationId) };
}

/** Closes a location (admin side) and records who did it; affected citizens are mailed by closeLocation. */
export async function addClosure(ctx: TermineContext, actor: Actor, input: { locationId: string; startsAt: Date; endsAt: Date; reason: string }) {
  if (input.endsAt.getTime() <= ctx.deps.clock.now().getTime()) throw new ConflictError('termine:admin.errors.closurePast');
  return closeLocation(ctx, input, (tx) => audit({ ...ctx, tdb: tx }, actor, 'termine.location.closed', 'termin_location', input.locationId));
}
