// SQL of the labour-market figures, the import previews and the tenant's press settings.
import { and, asc, eq, gte, inArray, isNull, lte, max } from 'drizzle-orm';
import { fromExcluded, inBatches, lastPerKey } from '#shared/db/bulk.js';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { figureImports, labourMarketFigures, pressSettings, type ImportedRow, type LabourMarketFigure, type PressSettings } from './presse.tables.js';

export type FigureValues = Omit<LabourMarketFigure, 'tenantId' | 'updatedAt'>;

/** Inserts or replaces the figures of a region and month (a later file corrects an earlier one). */
export async function upsertFigures(tdb: TenantDb, rows: FigureValues[], now: Date): Promise<void> {
  const f = labourMarketFigures;
  const unique = lastPerKey(rows, (row) => `${row.region} ${row.month}`);
  for (const batch of inBatches(unique, FIGURE_COLUMNS)) {
    await tdb.db
      .insert(f)
      .values(batch.map((row) => ({ ...row, tenantId: tdb.tenantId, updatedAt: now })))
      .onConflictDoUpdate({
        target: [f.tenantId, f.region, f.month],
        set: fromExcluded(f, ['regionName', 'unemployed', 'unemployedSgb2', 'unemployedSgb3', 'rateTenths', 'source', 'updatedAt']),
      });
  }
}

/** Columns bound per figures row. */
const FIGURE_COLUMNS = 10;

export function series(tdb: TenantDb, region: string, from?: string, to?: string): Promise<LabourMarketFigure[]> {
  return tdb.db
    .select()
    .from(labourMarketFigures)
    .where(
      tdb.scope(
        labourMarketFigures,
        eq(labourMarketFigures.region, region),
        from ? gte(labourMarketFigures.month, from) : undefined,
        to ? lte(labourMarketFigures.month, to) : undefined,
      ),
    )
    .orderBy(asc(labourMarketFigures.month));
}

export function figureOf(tdb: TenantDb, region: string, month: string): Promise<LabourMarketFigure | undefined> {
  return tdb.first(labourMarketFigures, eq(labourMarketFigures.region, region), eq(labourMarketFigures.month, month));
}

export const regionName = async (tdb: TenantDb, region: string): Promise<string | undefined> => (await regionNames(tdb, [region])).get(region);

/** The stored name of each of the regions that has figures, in one query. */
export async function regionNames(tdb: TenantDb, regions: string[]): Promise<Map<string, string>> {
  if (regions.length === 0) return new Map();
  const f = labourMarketFigures;
  const rows = await tdb.db
    .select({ region: f.region, name: max(f.regionName) })
    .from(f)
    .where(tdb.scope(f, inArray(f.region, regions)))
    .groupBy(f.region);
  return new Map(rows.flatMap((r) => (r.name === null ? [] : [[r.region, r.name] as const])));
}

export async function insertImport(tdb: TenantDb, values: { createdBy: string; month: string; rows: ImportedRow[]; unrecognised: string[] }, now: Date) {
  return tdb.insert(figureImports, { ...values, createdAt: now });
}

export function openImport(tdb: TenantDb, id: string) {
  return tdb.first(figureImports, eq(figureImports.id, id), isNull(figureImports.committedAt));
}

export async function markCommitted(tdb: TenantDb, id: string, now: Date): Promise<boolean> {
  const rows = await tdb.update(figureImports, { committedAt: now }, and(eq(figureImports.id, id), isNull(figureImports.committedAt)));
  return rows.length === 1;
}

export function getSettings(tdb: TenantDb): Promise<PressSettings | undefined> {
  return tdb.first(pressSettings);
}

export async function saveSettings(tdb: TenantDb, values: Omit<PressSettings, 'tenantId' | 'updatedAt'>, now: Date): Promise<void> {
  await tdb.db
    .insert(pressSettings)
    .values({ ...values, tenantId: tdb.tenantId, updatedAt: now })
    .onConflictDoUpdate({ target: pressSettings.tenantId, set: { ...values, updatedAt: now } });
}
