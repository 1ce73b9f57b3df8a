// SQL of the tenant's seminar settings (approval chain, Personalrat, offer hours), through TenantDb.
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { seminarSettings, type SeminarSettings } from './seminare.tables.js';

/** The tenant's settings, or the defaults when none are stored. */
export async function get(tdb: TenantDb): Promise<SeminarSettings> {
  const found = await tdb.first(seminarSettings);
  return found ?? { tenantId: tdb.tenantId, approval: 'lead_hr', personalratRequired: false, offerHours: 48 };
}

export async function save(tdb: TenantDb, values: Omit<SeminarSettings, 'tenantId'>): Promise<void> {
  await tdb.db
    .insert(seminarSettings)
    .values({ ...values, tenantId: tdb.tenantId })
    .onConflictDoUpdate({ target: seminarSettings.tenantId, set: values });
}
