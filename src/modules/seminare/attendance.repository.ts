// SQL of attendance per session day, through TenantDb.
import { inArray } from 'drizzle-orm';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { seminarAttendance } from './seminare.tables.js';

export async function record(tdb: TenantDb, values: { dayId: string; enrolmentId: string; percent: number; recordedBy: string; recordedAt: Date }) {
  await tdb.db
    .insert(seminarAttendance)
    .values({ ...values, tenantId: tdb.tenantId })
    .onConflictDoUpdate({
      target: [seminarAttendance.tenantId, seminarAttendance.dayId, seminarAttendance.enrolmentId],
      set: { percent: values.percent, recordedBy: values.recordedBy, recordedAt: values.recordedAt },
    });
}

export const ofDays = (tdb: TenantDb, dayIds: string[]) => (dayIds.length ? tdb.select(seminarAttendance, inArray(seminarAttendance.dayId, dayIds)) : Promise.resolve([]));
