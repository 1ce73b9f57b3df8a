// SQL of the antrag module: the tenant's housing limits (Angemessenheitsgrenzen) for the estimate.
import { asc } from 'drizzle-orm';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { antragHousingLimits, type AntragHousingLimit } from './antrag.tables.js';

export async function housingLimits(tdb: TenantDb): Promise<AntragHousingLimit[]> {
  return tdb.db.select().from(antragHousingLimits).where(tdb.scope(antragHousingLimits)).orderBy(asc(antragHousingLimits.householdSize));
}

export async function upsertHousingLimits(tdb: TenantDb, rows: Omit<AntragHousingLimit, 'tenantId'>[]): Promise<void> {
  for (const row of rows) {
    await tdb.db
      .insert(antragHousingLimits)
      .values({ ...row, tenantId: tdb.tenantId })
      .onConflictDoNothing();
  }
}
