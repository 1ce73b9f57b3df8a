// Saved list filters of staff members (both caseworker inboxes): the search just run and named filters.
// Owns the staff_list_filters table. Every query is scoped to the tenant and to the staff member: nobody sees
// another person's filters.
import { and, asc, eq, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { TenantDb } from '../db/tenant-scope.js';
import { staffListFilters, type StaffListFilter } from './saved-filters.tables.js';

export { staffListFilters, type StaffListFilter } from './saved-filters.tables.js';

/** Named filters a staff member may keep per inbox. */
export const MAX_SAVED_FILTERS = 20;
/** Unnamed search rows older than this are removed when the same person searches again. */
const SEARCH_ROW_DAYS = 1;

export interface FilterOwner {
  userId: string;
  inbox: string;
}

/** Parameters without empty values, sorted, so the same search finds its existing row. */
function clean(params: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(params)
      .filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '')
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

/** Stores the search just run (or finds the same one from today) and returns its id for the list's address. */
export async function storeSearch(tdb: TenantDb, owner: FilterOwner, params: Record<string, string | undefined>, now: Date): Promise<string> {
  const values = clean(params);
  const mine = (...more: Parameters<TenantDb['scope']>[1][]) =>
    tdb.scope(staffListFilters, eq(staffListFilters.userId, owner.userId), eq(staffListFilters.inbox, owner.inbox), ...more);
  const existing = await tdb.db
    .select({ id: staffListFilters.id })
    .from(staffListFilters)
    .where(mine(isNull(staffListFilters.name), sql`${staffListFilters.params} = ${JSON.stringify(values)}::jsonb`))
    .limit(1);
  if (existing[0]) return existing[0].id;
  await tdb.db.delete(staffListFilters).where(mine(isNull(staffListFilters.name), lt(staffListFilters.createdAt, new Date(now.getTime() - SEARCH_ROW_DAYS * 86_400_000))));
  const row = await tdb.insert(staffListFilters, { userId: owner.userId, inbox: owner.inbox, name: null, params: values, createdAt: now });
  return row.id;
}

/** A filter of this staff member (search or named), or undefined (another person's id, or removed). */
export async function filterById(tdb: TenantDb, owner: FilterOwner, id: string): Promise<StaffListFilter | undefined> {
  return tdb.first(staffListFilters, eq(staffListFilters.id, id), eq(staffListFilters.userId, owner.userId), eq(staffListFilters.inbox, owner.inbox));
}

export async function namedFilters(tdb: TenantDb, owner: FilterOwner): Promise<StaffListFilter[]> {
  return tdb.db
    .select()
    .from(staffListFilters)
    .where(tdb.scope(staffListFilters, eq(staffListFilters.userId, owner.userId), eq(staffListFilters.inbox, owner.inbox), isNotNull(staffListFilters.name)))
    .orderBy(asc(staffListFilters.name))
    .limit(MAX_SAVED_FILTERS);
}

export type SaveResult = { ok: true; id: string } | { ok: false; reason: 'limit' };

/** Saves the given parameters under a name; the same name again replaces that filter. */
export async function saveNamedFilter(tdb: TenantDb, owner: FilterOwner, name: string, params: Record<string, string | undefined>, now: Date): Promise<SaveResult> {
  const values = clean(params);
  const mine = tdb.scope(staffListFilters, eq(staffListFilters.userId, owner.userId), eq(staffListFilters.inbox, owner.inbox));
  const same = await tdb.db.select({ id: staffListFilters.id }).from(staffListFilters).where(and(mine, eq(staffListFilters.name, name))).limit(1);
  if (same[0]) {
    await tdb.update(staffListFilters, { params: values, createdAt: now }, eq(staffListFilters.id, same[0].id));
    return { ok: true, id: same[0].id };
  }
  const [count] = await tdb.db.select({ n: sql<number>`count(*)::int` }).from(staffListFilters).where(and(mine, isNotNull(staffListFilters.name)));
  if (Number(count?.n ?? 0) >= MAX_SAVED_FILTERS) return { ok: false, reason: 'limit' };
  const row = await tdb.insert(staffListFilters, { userId: owner.userId, inbox: owner.inbox, name, params: values, createdAt: now });
  return { ok: true, id: row.id };
}

/** Deletes a named filter of this staff member; false when there was none. */
export async function deleteNamedFilter(tdb: TenantDb, owner: FilterOwner, id: string): Promise<boolean> {
  const n = await tdb.delete(staffListFilters, eq(staffListFilters.id, id), eq(staffListFilters.userId, owner.userId), eq(staffListFilters.inbox, owner.inbox), isNotNull(staffListFilters.name));
  return n > 0;
}

/** Removes every search and saved filter of a staff member (all inboxes): called when the account is deactivated. */
export async function deleteFiltersOfUser(tdb: TenantDb, userId: string): Promise<number> {
  return tdb.delete(staffListFilters, eq(staffListFilters.userId, userId));
}
