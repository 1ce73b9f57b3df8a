// SQL of the tenant's imported KldB 2010 list and its import previews, through TenantDb.
import { asc, count, eq, inArray, isNull, max } from 'drizzle-orm';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { coachingKldb, coachingKldbImporte, type KldbEntry } from './berufe.tables.js';

export const insertImport = (tdb: TenantDb, values: { createdBy: string; fileName: string; rows: KldbEntry[]; skipped: number; createdAt: Date }) =>
  tdb.insert(coachingKldbImporte, values);

export const openImport = (tdb: TenantDb, id: string) => tdb.first(coachingKldbImporte, eq(coachingKldbImporte.id, id), isNull(coachingKldbImporte.committedAt));

/** Marks the preview used; false when it was used already (a second click, a stale tab). */
export async function markCommitted(tdb: TenantDb, id: string, at: Date): Promise<boolean> {
  const rows = await tdb.update(coachingKldbImporte, { committedAt: at }, eq(coachingKldbImporte.id, id), isNull(coachingKldbImporte.committedAt));
  return rows.length === 1;
}

/** Replaces the tenant's list with `rows` (the file is the whole classification). */
export async function replaceList(tdb: TenantDb, rows: KldbEntry[], at: Date): Promise<void> {
  await tdb.delete(coachingKldb);
  for (let i = 0; i < rows.length; i += 500) {
    await tdb.db.insert(coachingKldb).values(rows.slice(i, i + 500).map((r) => ({ ...r, tenantId: tdb.tenantId, importedAt: at })));
  }
}

export async function listState(tdb: TenantDb): Promise<{ count: number; importedAt: Date | null }> {
  const [row] = await tdb.db
    .select({ count: count(), importedAt: max(coachingKldb.importedAt) })
    .from(coachingKldb)
    .where(tdb.scope(coachingKldb));
  return { count: row?.count ?? 0, importedAt: row?.importedAt ?? null };
}

export const byCodes = (tdb: TenantDb, codes: string[]) =>
  codes.length
    ? tdb.db
        .select({ kldb: coachingKldb.kldb, title: coachingKldb.title })
        .from(coachingKldb)
        .where(tdb.scope(coachingKldb, inArray(coachingKldb.kldb, codes)))
        .orderBy(asc(coachingKldb.kldb))
    : Promise.resolve([] as KldbEntry[]);
