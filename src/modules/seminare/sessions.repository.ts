// SQL of sessions and their days, through TenantDb. Every change of places first locks the session row (lock).
import { asc, eq, inArray } from 'drizzle-orm';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { seminarSessionDays, seminarSessions, type NewRow } from './seminare.tables.js';

type Days = { startsAt: Date; endsAt: Date }[];

export const insert = (tdb: TenantDb, values: NewRow<typeof seminarSessions>) => tdb.insert(seminarSessions, values);

export const insertDays = (tdb: TenantDb, sessionId: string, days: Days) => tdb.insertMany(seminarSessionDays, days.map((d) => ({ ...d, sessionId })));

export async function replaceDays(tdb: TenantDb, sessionId: string, days: Days) {
  await tdb.delete(seminarSessionDays, eq(seminarSessionDays.sessionId, sessionId));
  return tdb.insertMany(seminarSessionDays, days.map((d) => ({ ...d, sessionId })));
}

export const byId = (tdb: TenantDb, id: string) => tdb.first(seminarSessions, eq(seminarSessions.id, id));

export const update = (tdb: TenantDb, id: string, values: Partial<NewRow<typeof seminarSessions>>) => tdb.update(seminarSessions, values, eq(seminarSessions.id, id));

/** Locks the session row until the end of the transaction: every change of places goes through here first. */
export async function lock(tdb: TenantDb, id: string) {
  const rows = await tdb.db.select().from(seminarSessions).where(tdb.scope(seminarSessions, eq(seminarSessions.id, id))).for('update');
  return rows[0];
}

export const ofSeminars = (tdb: TenantDb, seminarIds: string[]) => (seminarIds.length ? tdb.select(seminarSessions, inArray(seminarSessions.seminarId, seminarIds)) : Promise.resolve([]));

export const all = (tdb: TenantDb) => tdb.select(seminarSessions);

export const days = (tdb: TenantDb, sessionIds: string[]) =>
  sessionIds.length
    ? tdb.db.select().from(seminarSessionDays).where(tdb.scope(seminarSessionDays, inArray(seminarSessionDays.sessionId, sessionIds))).orderBy(asc(seminarSessionDays.startsAt))
    : Promise.resolve([]);

export const dayById = (tdb: TenantDb, id: string) => tdb.first(seminarSessionDays, eq(seminarSessionDays.id, id));
