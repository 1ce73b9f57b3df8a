// SQL of the antrag module: the tenant's housing limits (Angemessenheitsgrenzen) for the estimate.
import { asc } from 'drizzle-orm';
import { inBatches } from '#shared/db/bulk.js';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { antragHousingLimits, type AntragHousingLimit } from './antrag.tables.js';

export async function housingLimits(tdb: TenantDb): Promise<AntragHousingLimit[]> {
  return tdb.db.select().from(antragHousingLimits).where(tdb.scope(antragHousingLimits)).orderBy(asc(antragHousingLimits.householdSize));
}

/** Adds the limits a tenant does not have yet (a household size already set keeps its value). */
export async function upsertHousingLimits(tdb: TenantDb, rows: Omit<AntragHousingLimit, 'tenantId'>[]): Promise<void> {
  for (const batch of inBatches(rows, HOUSING_LIMIT_COLUMNS)) {
    await tdb.db
      .insert(antragHousingLimits)
      .values(batch.map((row) => ({ ...row, tenantId: tdb.tenantId })))
      .onConflictDoNothing();
  }
}

/** Columns bound per housing-limit row. */
const HOUSING_LIMIT_COLUMNS = 5;
