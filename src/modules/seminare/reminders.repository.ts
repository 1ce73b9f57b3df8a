// SQL of the reminder keys: each reminder is claimed once, whichever node's job runs first.
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { seminarReminders } from './seminare.tables.js';

/** Claims a reminder key; true only for the first caller (the reminder goes out once). */
export async function claim(tdb: TenantDb, key: string, at: Date): Promise<boolean> {
  const rows = await tdb.db.insert(seminarReminders).values({ tenantId: tdb.tenantId, key, sentAt: at }).onConflictDoNothing().returning({ key: seminarReminders.key });
  return rows.length === 1;
}
