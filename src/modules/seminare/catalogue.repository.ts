// SQL of the catalogue: categories and seminars, through TenantDb.
import { asc, eq, ilike, or } from 'drizzle-orm';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { seminarCategories, seminars, type NewRow } from './seminare.tables.js';

export const categories = (tdb: TenantDb) => tdb.db.select().from(seminarCategories).where(tdb.scope(seminarCategories)).orderBy(asc(seminarCategories.name));

export const categoryByName = (tdb: TenantDb, name: string) => tdb.first(seminarCategories, eq(seminarCategories.name, name));

export const insertCategory = (tdb: TenantDb, name: string) => tdb.insert(seminarCategories, { name });

export const insertSeminar = (tdb: TenantDb, values: NewRow<typeof seminars>) => tdb.insert(seminars, values);

export const updateSeminar = (tdb: TenantDb, id: string, values: Partial<NewRow<typeof seminars>>) => tdb.update(seminars, values, eq(seminars.id, id));

export const seminarById = (tdb: TenantDb, id: string) => tdb.first(seminars, eq(seminars.id, id));

export const seminarByTitle = (tdb: TenantDb, title: string) => tdb.first(seminars, eq(seminars.title, title));

/** Active seminars, filtered by a search text (title, description) and a category. */
export function search(tdb: TenantDb, filter: { q?: string | undefined; categoryId?: string | undefined; includeInactive?: boolean }) {
  const like = filter.q ? `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  return tdb.db
    .select()
    .from(seminars)
    .where(
      tdb.scope(
        seminars,
        filter.includeInactive ? undefined : eq(seminars.active, true),
        filter.categoryId ? eq(seminars.categoryId, filter.categoryId) : undefined,
        like ? or(ilike(seminars.title, like), ilike(seminars.description, like)) : undefined,
      ),
    )
    .orderBy(asc(seminars.title));
}
