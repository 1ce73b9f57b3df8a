// SQL of press releases: drafts and workflow updates, the per-year counter, and the one predicate every public
// reader uses (`visibleAt`), so an embargoed or unpublished release cannot leak through a reader that forgot it.
import { and, desc, eq, ilike, inArray, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { pressCounters, pressReleases, type PressRelease, type ReleaseStatus } from './presse.tables.js';

export type DraftValues = Pick<PressRelease, 'title' | 'subtitle' | 'dateline' | 'body' | 'categories' | 'embargoUntil'>;

/** The public condition: published (or withdrawn, which still shows its notice) and past its embargo. */
export function visibleAt(now: Date): SQL {
  return and(inArray(pressReleases.status, ['published', 'withdrawn']), isNotNull(pressReleases.visibleFrom), lte(pressReleases.visibleFrom, now))!;
}

export function insertDraft(tdb: TenantDb, authorId: string, values: DraftValues, now: Date): Promise<PressRelease> {
  return tdb.insert(pressReleases, { ...values, authorId, status: 'draft', createdAt: now, updatedAt: now });
}

export function getRelease(tdb: TenantDb, id: string): Promise<PressRelease | undefined> {
  return tdb.first(pressReleases, eq(pressReleases.id, id));
}

/** For update inside a transaction: the row stays locked until commit, so two workflow steps cannot interleave. */
export async function lockRelease(tx: TenantDb, id: string): Promise<PressRelease | undefined> {
  const rows = await tx.db.select().from(pressReleases).where(tx.scope(pressReleases, eq(pressReleases.id, id))).for('update');
  return rows[0];
}

export async function updateRelease(tdb: TenantDb, id: string, set: Partial<Omit<PressRelease, 'tenantId' | 'id'>>): Promise<PressRelease> {
  const [row] = await tdb.update(pressReleases, set, eq(pressReleases.id, id));
  return row!;
}

/** All releases for the press office, newest change first. */
export function listAll(tdb: TenantDb, status?: ReleaseStatus): Promise<PressRelease[]> {
  return tdb.db
    .select()
    .from(pressReleases)
    .where(tdb.scope(pressReleases, status ? eq(pressReleases.status, status) : undefined))
    .orderBy(desc(pressReleases.updatedAt))
    .limit(500);
}

/**
 * Takes the next running number of `year` inside the caller's transaction. The upsert locks the counter row, so
 * concurrent publications wait for each other; a rolled-back publication rolls its increment back (no gap).
 */
export async function takeNumber(tx: TenantDb, year: number): Promise<number> {
  const rows = await tx.db
    .insert(pressCounters)
    .values({ tenantId: tx.tenantId, year, next: 2 })
    .onConflictDoUpdate({ target: [pressCounters.tenantId, pressCounters.year], set: { next: sql`${pressCounters.next} + 1` } })
    .returning({ next: pressCounters.next });
  return rows[0]!.next - 1;
}

/** Sets where a year's count starts; refused (false) once the year has a counter (a number was given or preset). */
export async function presetCounter(tdb: TenantDb, year: number, next: number): Promise<boolean> {
  const rows = await tdb.db
    .insert(pressCounters)
    .values({ tenantId: tdb.tenantId, year, next, presetByAdmin: true })
    .onConflictDoNothing()
    .returning({ year: pressCounters.year });
  return rows.length === 1;
}

export function counterOf(tdb: TenantDb, year: number) {
  return tdb.first(pressCounters, eq(pressCounters.year, year));
}

export interface PublicFilter {
  year?: number | undefined;
  category?: string | undefined;
  q?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The public list (page, feeds, API, sitemap): visible releases only, newest first. */
export function listVisible(tdb: TenantDb, now: Date, filter: PublicFilter = {}): Promise<PressRelease[]> {
  const pattern = filter.q ? `%${escapeLike(filter.q)}%` : undefined;
  return tdb.db
    .select()
    .from(pressReleases)
    .where(
      tdb.scope(
        pressReleases,
        visibleAt(now),
        filter.year ? eq(pressReleases.year, filter.year) : undefined,
        filter.category ? sql`${filter.category} = ANY(${pressReleases.categories})` : undefined,
        pattern ? or(ilike(pressReleases.title, pattern), ilike(pressReleases.subtitle, pattern), ilike(pressReleases.body, pattern)) : undefined,
      ),
    )
    .orderBy(desc(pressReleases.visibleFrom), desc(pressReleases.number))
    .limit(filter.limit ?? 50)
    .offset(filter.offset ?? 0);
}

export function getVisible(tdb: TenantDb, now: Date, year: number, number: number): Promise<PressRelease | undefined> {
  return tdb.first(pressReleases, visibleAt(now), eq(pressReleases.year, year), eq(pressReleases.number, number));
}

/** Years and categories that have visible releases (archive and filter navigation). */
export async function facets(tdb: TenantDb, now: Date): Promise<{ years: number[]; categories: string[] }> {
  const rows = await tdb.db
    .select({ year: pressReleases.year, categories: pressReleases.categories })
    .from(pressReleases)
    .where(tdb.scope(pressReleases, visibleAt(now)));
  const years = [...new Set(rows.map((r) => r.year!))].sort((a, b) => b - a);
  const categories = [...new Set(rows.flatMap((r) => r.categories))].sort((a, b) => a.localeCompare(b, 'de'));
  return { years, categories };
}

/** Published releases whose embargo has passed and that the press list has not been sent yet. */
export async function dueForMailing(tdb: TenantDb, now: Date): Promise<PressRelease[]> {
  return tdb.db
    .select()
    .from(pressReleases)
    .where(tdb.scope(pressReleases, visibleAt(now), eq(pressReleases.status, 'published'), isNull(pressReleases.mailedAt)))
    .for('update', { skipLocked: true });
}

export function allCounters(tdb: TenantDb) {
  return tdb.db.select().from(pressCounters).where(tdb.scope(pressCounters)).orderBy(desc(pressCounters.year));
}
