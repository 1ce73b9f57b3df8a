// SQL for the configuration of Onlineterminierung: settings, locations, opening hours, services, closures.
import { asc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import {
  terminClosures,
  terminLocations,
  terminLocationServices,
  terminOpeningHours,
  terminServices,
  terminSettings,
  type TerminClosure,
  type TerminLocation,
  type TerminOpeningHours,
  type TerminService,
  type TerminSettings,
} from './termine.tables.js';
import { cachedPlan, changingPlans } from './plan-cache.js';

export type SettingsValues = Omit<TerminSettings, 'tenantId' | 'updatedAt'>;
export type LocationValues = Omit<TerminLocation, 'tenantId' | 'id' | 'createdAt'>;
export type ServiceValues = Omit<TerminService, 'tenantId' | 'id'>;

export const defaultSettings: SettingsValues = {
  holdMinutes: 10,
  doubleOptIn: false,
  confirmMinutes: 60,
  reminderHours: 24,
  maxFutureAppointmentsPerEmail: 2,
  retentionDays: 30,
  holdsPerIpHour: 30,
  bookingsPerIpHour: 10,
  bookingsPerEmailDay: 5,
  heiligabend: 'closed',
  silvester: 'closed',
};

export async function getSettings(tdb: TenantDb): Promise<SettingsValues> {
  const row = await tdb.first(terminSettings);
  if (!row) return defaultSettings;
  const { tenantId: _t, updatedAt: _u, ...values } = row;
  return values;
}

export async function saveSettings(tdb: TenantDb, values: Partial<SettingsValues>, now: Date): Promise<void> {
  await changingPlans(tdb, () =>
    tdb.db
      .insert(terminSettings)
      .values({ ...defaultSettings, ...values, tenantId: tdb.tenantId, updatedAt: now })
      .onConflictDoUpdate({ target: terminSettings.tenantId, set: { ...values, updatedAt: now } }),
  );
}

export async function listLocations(tdb: TenantDb, activeOnly: boolean): Promise<TerminLocation[]> {
  return tdb.db
    .select()
    .from(terminLocations)
    .where(tdb.scope(terminLocations, activeOnly ? eq(terminLocations.active, true) : undefined))
    .orderBy(asc(terminLocations.sortOrder), asc(terminLocations.name));
}

export function getLocation(tdb: TenantDb, id: string): Promise<TerminLocation | undefined> {
  return tdb.first(terminLocations, eq(terminLocations.id, id));
}

export function getLocationByKey(tdb: TenantDb, key: string): Promise<TerminLocation | undefined> {
  return tdb.first(terminLocations, eq(terminLocations.key, key));
}

export function insertLocation(tdb: TenantDb, values: LocationValues): Promise<TerminLocation> {
  return changingPlans(tdb, () => tdb.insert(terminLocations, values));
}

export async function updateLocation(tdb: TenantDb, id: string, values: Partial<LocationValues>): Promise<void> {
  await changingPlans(tdb, () => tdb.update(terminLocations, values, eq(terminLocations.id, id)));
}

export async function openingHours(tdb: TenantDb, locationId: string): Promise<TerminOpeningHours[]> {
  return tdb.db
    .select()
    .from(terminOpeningHours)
    .where(tdb.scope(terminOpeningHours, eq(terminOpeningHours.locationId, locationId)))
    .orderBy(asc(terminOpeningHours.weekday), asc(terminOpeningHours.opensAt));
}

export async function replaceOpeningHours(
  tdb: TenantDb,
  locationId: string,
  rules: { weekday: number; opensAt: string; closesAt: string }[],
): Promise<void> {
  await changingPlans(tdb, async () => {
    await tdb.delete(terminOpeningHours, eq(terminOpeningHours.locationId, locationId));
    await tdb.insertMany(
      terminOpeningHours,
      rules.map((r) => ({ ...r, locationId })),
    );
  });
}

/** Closures of a location that end after `from` (and start before `to`, when given). */
export function closures(tdb: TenantDb, locationId: string, from: Date, to?: Date): Promise<TerminClosure[]> {
  return tdb.select(
    terminClosures,
    eq(terminClosures.locationId, locationId),
    to ? lt(terminClosures.startsAt, to) : undefined,
    gt(terminClosures.endsAt, from),
  );
}

export function insertClosure(
  tdb: TenantDb,
  values: { locationId: string; startsAt: Date; endsAt: Date; reason: string },
): Promise<TerminClosure> {
  return changingPlans(tdb, () => tdb.insert(terminClosures, values));
}

export async function deleteClosure(tdb: TenantDb, id: string): Promise<number> {
  return changingPlans(tdb, () => tdb.delete(terminClosures, eq(terminClosures.id, id)));
}

export async function listServices(tdb: TenantDb, options: { locationId?: string; activeOnly: boolean }): Promise<TerminService[]> {
  const conditions = [options.activeOnly ? eq(terminServices.active, true) : undefined];
  if (options.locationId) {
    return (
      await tdb.db
        .select({ service: terminServices })
        .from(terminServices)
        .innerJoin(
          terminLocationServices,
          tdb.scope(
            terminLocationServices,
            eq(terminLocationServices.serviceId, terminServices.id),
            eq(terminLocationServices.locationId, options.locationId),
          ),
        )
        .where(tdb.scope(terminServices, ...conditions))
        .orderBy(asc(terminServices.sortOrder))
    ).map((r) => r.service);
  }
  return tdb.db
    .select()
    .from(terminServices)
    .where(tdb.scope(terminServices, ...conditions))
    .orderBy(asc(terminServices.sortOrder));
}

export function servicesByIds(tdb: TenantDb, ids: string[]): Promise<TerminService[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return tdb.select(terminServices, inArray(terminServices.id, ids));
}

export function getServiceByKey(tdb: TenantDb, key: string): Promise<TerminService | undefined> {
  return tdb.first(terminServices, eq(terminServices.key, key));
}

export function insertService(tdb: TenantDb, values: ServiceValues): Promise<TerminService> {
  return changingPlans(tdb, () => tdb.insert(terminServices, values));
}

export async function updateService(tdb: TenantDb, id: string, values: Partial<ServiceValues>): Promise<void> {
  await changingPlans(tdb, () => tdb.update(terminServices, values, eq(terminServices.id, id)));
}

/** All (location, service) pairs of the tenant. */
export async function locationServicePairs(tdb: TenantDb): Promise<{ locationId: string; serviceId: string }[]> {
  return tdb.db
    .select({ locationId: terminLocationServices.locationId, serviceId: terminLocationServices.serviceId })
    .from(terminLocationServices)
    .where(tdb.scope(terminLocationServices));
}

export async function setServiceLocations(tdb: TenantDb, serviceId: string, locationIds: string[]): Promise<void> {
  await changingPlans(tdb, async () => {
    await tdb.delete(terminLocationServices, eq(terminLocationServices.serviceId, serviceId));
    await tdb.insertMany(
      terminLocationServices,
      locationIds.map((locationId) => ({ locationId, serviceId })),
    );
  });
}

export async function addLocationServices(tdb: TenantDb, pairs: { locationId: string; serviceId: string }[]): Promise<void> {
  if (pairs.length === 0) return;
  await changingPlans(tdb, () =>
    tdb.db
      .insert(terminLocationServices)
      .values(pairs.map((p) => ({ ...p, tenantId: tdb.tenantId })))
      .onConflictDoNothing(),
  );
}


export interface PlanRows {
  location: TerminLocation | undefined;
  hours: { weekday: number; opensAt: string; closesAt: string }[];
  closures: { startsAt: Date; endsAt: Date }[];
  settings: SettingsValues;
  services: (TerminService & { offered: boolean })[];
}

const camel = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
function camelRow<T>(row: Record<string, unknown> | null, dates: string[] = []): T | undefined {
  if (!row) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[camel(k)] = dates.includes(camel(k)) && v !== null ? new Date(v as string) : v;
  return out as T;
}

/**
 * Everything the slot rules of one location need, in one round trip: the location, its opening hours, the
 * closures ending after `closuresFrom`, the tenant's settings and the requested services (offered there or not).
 * Cached per node for a few seconds (plan-cache.ts); every change below forgets the tenant's entries.
 */
export function planRows(tdb: TenantDb, locationId: string, serviceIds: string[], closuresFrom: Date): Promise<PlanRows> {
  return cachedPlan(tdb, `${locationId}|${serviceIds.join(',')}|${closuresFrom.toISOString()}`, () => loadPlanRows(tdb, locationId, serviceIds, closuresFrom));
}

async function loadPlanRows(tdb: TenantDb, locationId: string, serviceIds: string[], closuresFrom: Date): Promise<PlanRows> {
  const t = tdb.tenantId;
  const ids = serviceIds.length > 0 ? sql.join(serviceIds.map((id) => sql`${id}::uuid`), sql`, `) : sql`null::uuid`;
  const result = await tdb.db.execute(sql`
    select
      (select row_to_json(l) from termin_locations l where l.tenant_id = ${t} and l.id = ${locationId}) as location,
      (select coalesce(json_agg(json_build_object('weekday', h.weekday, 'opensAt', h.opens_at, 'closesAt', h.closes_at)), '[]'::json)
         from termin_opening_hours h where h.tenant_id = ${t} and h.location_id = ${locationId}) as hours,
      (select coalesce(json_agg(json_build_object('startsAt', c.starts_at, 'endsAt', c.ends_at)), '[]'::json)
         from termin_closures c where c.tenant_id = ${t} and c.location_id = ${locationId} and c.ends_at > ${closuresFrom.toISOString()}::timestamptz) as closures,
      (select row_to_json(st) from termin_settings st where st.tenant_id = ${t}) as settings,
      (select coalesce(json_agg(to_jsonb(sv) || jsonb_build_object('offered', exists (
           select 1 from termin_location_services ls where ls.tenant_id = ${t} and ls.location_id = ${locationId} and ls.service_id = sv.id))), '[]'::json)
         from termin_services sv where sv.tenant_id = ${t} and sv.id in (${ids})) as services`);
  const row = (result as unknown as { rows: Record<string, unknown>[] }).rows[0]!;
  const parse = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
  const settings = camelRow<TerminSettings>(parse(row.settings));
  return {
    location: camelRow<TerminLocation>(parse(row.location), ['createdAt']),
    hours: parse(row.hours),
    closures: parse<{ startsAt: string; endsAt: string }[]>(row.closures).map((c) => ({ startsAt: new Date(c.startsAt), endsAt: new Date(c.endsAt) })),
    settings: settings ? (({ tenantId: _t, updatedAt: _u, ...v }) => v)(settings) : defaultSettings,
    services: parse<Record<string, unknown>[]>(row.services).map((r) => camelRow<TerminService & { offered: boolean }>(r)!),
  };
}
