// SQL of enrolments (requests, places, waitlist, offers), through TenantDb. The waitlist is first come, first
// served: by request time, then by the arrival number `queue_no` (a database sequence), never by the random id.
import { asc, eq, inArray, isNotNull, lte } from 'drizzle-orm';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { seminarEnrolments, type EnrolmentStatus, type NewRow, type SeminarEnrolment } from './seminare.tables.js';

/** The order of the waitlist (ADR 0252). */
const fifo = [asc(seminarEnrolments.requestedAt), asc(seminarEnrolments.queueNo)];

export const insert = (tdb: TenantDb, values: Omit<NewRow<typeof seminarEnrolments>, 'queueNo'>) => tdb.insert(seminarEnrolments, values);

export const byId = (tdb: TenantDb, id: string) => tdb.first(seminarEnrolments, eq(seminarEnrolments.id, id));

/** Changes a request only if it is still in one of `from` (a concurrent change wins otherwise). */
export async function transition(tdb: TenantDb, id: string, from: readonly EnrolmentStatus[], values: Partial<Omit<NewRow<typeof seminarEnrolments>, 'queueNo'>>): Promise<SeminarEnrolment | undefined> {
  const [row] = await tdb.update(seminarEnrolments, values, eq(seminarEnrolments.id, id), inArray(seminarEnrolments.status, [...from]));
  return row;
}

export const ofUser = (tdb: TenantDb, userId: string) => tdb.db.select().from(seminarEnrolments).where(tdb.scope(seminarEnrolments, eq(seminarEnrolments.userId, userId))).orderBy(...fifo);

export const ofSession = (tdb: TenantDb, sessionId: string) => tdb.db.select().from(seminarEnrolments).where(tdb.scope(seminarEnrolments, eq(seminarEnrolments.sessionId, sessionId))).orderBy(...fifo);

export const ofSessions = (tdb: TenantDb, sessionIds: string[], statuses: readonly EnrolmentStatus[]) =>
  sessionIds.length ? tdb.select(seminarEnrolments, inArray(seminarEnrolments.sessionId, sessionIds), inArray(seminarEnrolments.status, [...statuses])) : Promise.resolve([]);

export const withStatus = (tdb: TenantDb, statuses: readonly EnrolmentStatus[]) =>
  tdb.db.select().from(seminarEnrolments).where(tdb.scope(seminarEnrolments, inArray(seminarEnrolments.status, [...statuses]))).orderBy(...fifo);

/** Seat numbers held (confirmed or offered) in a session. */
export async function heldSeats(tdb: TenantDb, sessionId: string): Promise<number[]> {
  const rows = await tdb.db
    .select({ seatNo: seminarEnrolments.seatNo })
    .from(seminarEnrolments)
    .where(tdb.scope(seminarEnrolments, eq(seminarEnrolments.sessionId, sessionId), isNotNull(seminarEnrolments.seatNo)));
  return rows.map((r) => r.seatNo!);
}

/** The next `limit` people on the waitlist: first come, first served. */
export const waiting = (tdb: TenantDb, sessionId: string, limit: number) =>
  tdb.db
    .select()
    .from(seminarEnrolments)
    .where(tdb.scope(seminarEnrolments, eq(seminarEnrolments.sessionId, sessionId), eq(seminarEnrolments.status, 'waitlisted')))
    .orderBy(...fifo)
    .limit(limit);

/** Sessions with an offer whose time is up. */
export async function sessionsWithExpiredOffers(tdb: TenantDb, now: Date): Promise<string[]> {
  const rows = await tdb.db
    .selectDistinct({ sessionId: seminarEnrolments.sessionId })
    .from(seminarEnrolments)
    .where(tdb.scope(seminarEnrolments, eq(seminarEnrolments.status, 'offered'), lte(seminarEnrolments.offerExpiresAt, now)));
  return rows.map((r) => r.sessionId);
}

export const expiredOffers = (tdb: TenantDb, sessionId: string, now: Date) =>
  tdb.select(seminarEnrolments, eq(seminarEnrolments.sessionId, sessionId), eq(seminarEnrolments.status, 'offered'), lte(seminarEnrolments.offerExpiresAt, now));
