// Read-only views of the booking module's locations and services. termine/index.ts does not (yet) export a
// way to list them, so these two queries read its tables by name; replace them by its exports once they exist.
import { sql } from 'drizzle-orm';
import type { TenantDb } from '../../shared/db/tenant-scope.js';

export interface DeskLocation {
  id: string;
  name: string;
  slotMinutes: number;
  seatsTotal: number;
  seatsOnline: number;
}

export interface DeskService {
  id: string;
  name: Record<string, string>;
  bringList: Record<string, string[]>;
  durationMinutes: number;
  locationIds: string[];
}

async function rows<T>(tdb: TenantDb, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await tdb.db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export async function deskLocations(tdb: TenantDb): Promise<DeskLocation[]> {
  const found = await rows<{ id: string; name: string; slot_minutes: number; seats_total: number; seats_online: number }>(
    tdb,
    sql`select id, name, slot_minutes, seats_total, seats_online from termin_locations
        where tenant_id = ${tdb.tenantId} and active order by sort_order, name`,
  );
  return found.map((r) => ({ id: r.id, name: r.name, slotMinutes: r.slot_minutes, seatsTotal: r.seats_total, seatsOnline: r.seats_online }));
}

export async function deskServices(tdb: TenantDb): Promise<DeskService[]> {
  const found = await rows<{ id: string; name: Record<string, string>; bring_list: Record<string, string[]>; duration_minutes: number; location_ids: string[] | null }>(
    tdb,
    sql`select s.id, s.name, s.bring_list, s.duration_minutes,
          array_remove(array_agg(ls.location_id), null) as location_ids
        from termin_services s
        left join termin_location_services ls on ls.tenant_id = s.tenant_id and ls.service_id = s.id
        where s.tenant_id = ${tdb.tenantId} and s.active
        group by s.id, s.name, s.bring_list, s.duration_minutes, s.sort_order
        order by s.sort_order`,
  );
  return found.map((r) => ({ id: r.id, name: r.name, bringList: r.bring_list, durationMinutes: r.duration_minutes, locationIds: r.location_ids ?? [] }));
}

export function localizedText(text: Record<string, string> | undefined, lang: string): string {
  return text ? text[lang] || text.de || '' : '';
}

export function localizedList(list: Record<string, string[]> | undefined, lang: string): string[] {
  if (!list) return [];
  const own = list[lang];
  return own && own.length > 0 ? own : (list.de ?? []);
}

/** Opening minutes per ISO weekday (1 = Monday) of a location, for the utilisation figure. */
export async function openingMinutesByWeekday(tdb: TenantDb, locationId: string): Promise<Map<number, number>> {
  const found = await rows<{ weekday: number; minutes: number }>(
    tdb,
    sql`select weekday, sum(extract(epoch from (closes_at::time - opens_at::time)) / 60)::int as minutes
        from termin_opening_hours where tenant_id = ${tdb.tenantId} and location_id = ${locationId} group by weekday`,
  );
  return new Map(found.map((r) => [Number(r.weekday), Number(r.minutes)]));
}
