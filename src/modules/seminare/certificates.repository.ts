// SQL of Teilnahmebescheinigungen, through TenantDb.
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { seminarCertificates, seminarEnrolments, seminarSessions } from './seminare.tables.js';

export const insert = (tdb: TenantDb, values: Omit<typeof seminarCertificates.$inferInsert, 'tenantId'>) => tdb.insert(seminarCertificates, values);

export const byEnrolment = (tdb: TenantDb, enrolmentId: string) => tdb.first(seminarCertificates, eq(seminarCertificates.enrolmentId, enrolmentId));

export const byId = (tdb: TenantDb, id: string) => tdb.first(seminarCertificates, eq(seminarCertificates.id, id));

export const byCodeHash = (tdb: TenantDb, codeHash: string) => tdb.first(seminarCertificates, eq(seminarCertificates.codeHash, codeHash));

export const revoke = (tdb: TenantDb, id: string, at: Date, reason: string) =>
  tdb.update(seminarCertificates, { revokedAt: at, revokedReason: reason }, eq(seminarCertificates.id, id), sql`${seminarCertificates.revokedAt} is null`);

export const ofEnrolments = (tdb: TenantDb, ids: string[]) => (ids.length ? tdb.select(seminarCertificates, inArray(seminarCertificates.enrolmentId, ids)) : Promise.resolve([]));

/** Valid (not revoked) certificates as person, seminar and issue date: who has done which training when. */
export async function bySeminar(tdb: TenantDb): Promise<{ userId: string; seminarId: string; issuedAt: Date; ue: number }[]> {
  return tdb.db
    .select({ userId: seminarEnrolments.userId, seminarId: seminarSessions.seminarId, issuedAt: seminarCertificates.issuedAt, ue: seminarCertificates.ue })
    .from(seminarCertificates)
    .innerJoin(seminarEnrolments, eq(seminarEnrolments.id, seminarCertificates.enrolmentId))
    .innerJoin(seminarSessions, eq(seminarSessions.id, seminarEnrolments.sessionId))
    .where(and(tdb.scope(seminarCertificates, isNull(seminarCertificates.revokedAt)), tdb.scope(seminarEnrolments), tdb.scope(seminarSessions)));
}
