// All SQL of the seminar programme, through TenantDb. Seat changes run inside a transaction that first locks the
// session row (lockSession), so places and the waitlist of one session change one transaction at a time.
import { and, asc, eq, gt, ilike, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import {
  seminarAttendance,
  seminarCategories,
  seminarCertificates,
  seminarEnrolments,
  seminars,
  seminarSessionDays,
  seminarSessions,
  seminarReminders,
  seminarSettings,
  seminarTrainerLinks,
  type EnrolmentStatus,
  type SeminarEnrolment,
  type SeminarSettings,
} from './seminare.tables.js';

type New<T extends { $inferInsert: object }> = Omit<T['$inferInsert'], 'tenantId' | 'id'>;

export const settingsRepository = {
  async get(tdb: TenantDb): Promise<SeminarSettings> {
    const found = await tdb.first(seminarSettings);
    return found ?? { tenantId: tdb.tenantId, approval: 'lead_hr', personalratRequired: false, offerHours: 48 };
  },
  async save(tdb: TenantDb, values: Omit<SeminarSettings, 'tenantId'>): Promise<void> {
    await tdb.db
      .insert(seminarSettings)
      .values({ ...values, tenantId: tdb.tenantId })
      .onConflictDoUpdate({ target: seminarSettings.tenantId, set: values });
  },
};

export const catalogueRepository = {
  categories: (tdb: TenantDb) => tdb.db.select().from(seminarCategories).where(tdb.scope(seminarCategories)).orderBy(asc(seminarCategories.name)),
  categoryByName: (tdb: TenantDb, name: string) => tdb.first(seminarCategories, eq(seminarCategories.name, name)),
  insertCategory: (tdb: TenantDb, name: string) => tdb.insert(seminarCategories, { name }),
  insertSeminar: (tdb: TenantDb, values: New<typeof seminars>) => tdb.insert(seminars, values),
  updateSeminar: (tdb: TenantDb, id: string, values: Partial<New<typeof seminars>>) => tdb.update(seminars, values, eq(seminars.id, id)),
  seminarById: (tdb: TenantDb, id: string) => tdb.first(seminars, eq(seminars.id, id)),
  seminarByTitle: (tdb: TenantDb, title: string) => tdb.first(seminars, eq(seminars.title, title)),
  /** Active seminars, filtered by a search text (title, description) and a category. */
  search(tdb: TenantDb, filter: { q?: string | undefined; categoryId?: string | undefined; includeInactive?: boolean }) {
    const like = filter.q ? `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
    return tdb.db
      .select()
      .from(seminars)
      .where(
        tdb.scope(
          seminars,
          filter.includeInactive ? undefined : eq(seminars.active, true),
          filter.categoryId ? eq(seminars.categoryId, filter.categoryId) : undefined,
          like ? or(ilike(seminars.title, like), ilike(seminars.description, like)) : undefined,
        ),
      )
      .orderBy(asc(seminars.title));
  },
};

export const sessionsRepository = {
  insert: (tdb: TenantDb, values: New<typeof seminarSessions>) => tdb.insert(seminarSessions, values),
  insertDays: (tdb: TenantDb, sessionId: string, days: { startsAt: Date; endsAt: Date }[]) => tdb.insertMany(seminarSessionDays, days.map((d) => ({ ...d, sessionId }))),
  replaceDays: async (tdb: TenantDb, sessionId: string, days: { startsAt: Date; endsAt: Date }[]) => {
    await tdb.delete(seminarSessionDays, eq(seminarSessionDays.sessionId, sessionId));
    return tdb.insertMany(seminarSessionDays, days.map((d) => ({ ...d, sessionId })));
  },
  byId: (tdb: TenantDb, id: string) => tdb.first(seminarSessions, eq(seminarSessions.id, id)),
  update: (tdb: TenantDb, id: string, values: Partial<New<typeof seminarSessions>>) => tdb.update(seminarSessions, values, eq(seminarSessions.id, id)),
  /** Locks the session row until the end of the transaction: every change of places goes through here first. */
  async lock(tdb: TenantDb, id: string) {
    const rows = await tdb.db.select().from(seminarSessions).where(tdb.scope(seminarSessions, eq(seminarSessions.id, id))).for('update');
    return rows[0];
  },
  ofSeminars: (tdb: TenantDb, seminarIds: string[]) =>
    seminarIds.length ? tdb.select(seminarSessions, inArray(seminarSessions.seminarId, seminarIds)) : Promise.resolve([]),
  days: (tdb: TenantDb, sessionIds: string[]) =>
    sessionIds.length
      ? tdb.db.select().from(seminarSessionDays).where(tdb.scope(seminarSessionDays, inArray(seminarSessionDays.sessionId, sessionIds))).orderBy(asc(seminarSessionDays.startsAt))
      : Promise.resolve([]),
  dayById: (tdb: TenantDb, id: string) => tdb.first(seminarSessionDays, eq(seminarSessionDays.id, id)),
};

export const enrolmentsRepository = {
  insert: (tdb: TenantDb, values: New<typeof seminarEnrolments>) => tdb.insert(seminarEnrolments, values),
  byId: (tdb: TenantDb, id: string) => tdb.first(seminarEnrolments, eq(seminarEnrolments.id, id)),
  /** Changes a request only if it is still in one of `from` (a concurrent change wins otherwise). */
  async transition(tdb: TenantDb, id: string, from: readonly EnrolmentStatus[], values: Partial<New<typeof seminarEnrolments>>): Promise<SeminarEnrolment | undefined> {
    const [row] = await tdb.update(seminarEnrolments, values, eq(seminarEnrolments.id, id), inArray(seminarEnrolments.status, [...from]));
    return row;
  },
  ofUser: (tdb: TenantDb, userId: string) => tdb.db.select().from(seminarEnrolments).where(tdb.scope(seminarEnrolments, eq(seminarEnrolments.userId, userId))).orderBy(asc(seminarEnrolments.requestedAt)),
  ofSession: (tdb: TenantDb, sessionId: string) =>
    tdb.db.select().from(seminarEnrolments).where(tdb.scope(seminarEnrolments, eq(seminarEnrolments.sessionId, sessionId))).orderBy(asc(seminarEnrolments.requestedAt), asc(seminarEnrolments.id)),
  ofSessions: (tdb: TenantDb, sessionIds: string[], statuses: readonly EnrolmentStatus[]) =>
    sessionIds.length ? tdb.select(seminarEnrolments, inArray(seminarEnrolments.sessionId, sessionIds), inArray(seminarEnrolments.status, [...statuses])) : Promise.resolve([]),
  withStatus: (tdb: TenantDb, statuses: readonly EnrolmentStatus[]) =>
    tdb.db.select().from(seminarEnrolments).where(tdb.scope(seminarEnrolments, inArray(seminarEnrolments.status, [...statuses]))).orderBy(asc(seminarEnrolments.requestedAt)),
  /** Seat numbers held (confirmed or offered) in a session. */
  async heldSeats(tdb: TenantDb, sessionId: string): Promise<number[]> {
    const rows = await tdb.db
      .select({ seatNo: seminarEnrolments.seatNo })
      .from(seminarEnrolments)
      .where(tdb.scope(seminarEnrolments, eq(seminarEnrolments.sessionId, sessionId), isNotNull(seminarEnrolments.seatNo)));
    return rows.map((r) => r.seatNo!);
  },
  /** The next `limit` people on the waitlist: first come, first served. */
  waiting: (tdb: TenantDb, sessionId: string, limit: number) =>
    tdb.db
      .select()
      .from(seminarEnrolments)
      .where(tdb.scope(seminarEnrolments, eq(seminarEnrolments.sessionId, sessionId), eq(seminarEnrolments.status, 'waitlisted')))
      .orderBy(asc(seminarEnrolments.requestedAt), asc(seminarEnrolments.id))
      .limit(limit),
  /** Sessions with an offer whose time is up. */
  async sessionsWithExpiredOffers(tdb: TenantDb, now: Date): Promise<string[]> {
    const rows = await tdb.db
      .selectDistinct({ sessionId: seminarEnrolments.sessionId })
      .from(seminarEnrolments)
      .where(tdb.scope(seminarEnrolments, eq(seminarEnrolments.status, 'offered'), lte(seminarEnrolments.offerExpiresAt, now)));
    return rows.map((r) => r.sessionId);
  },
  expiredOffers: (tdb: TenantDb, sessionId: string, now: Date) =>
    tdb.select(seminarEnrolments, eq(seminarEnrolments.sessionId, sessionId), eq(seminarEnrolments.status, 'offered'), lte(seminarEnrolments.offerExpiresAt, now)),
};

export const attendanceRepository = {
  async record(tdb: TenantDb, values: { dayId: string; enrolmentId: string; percent: number; recordedBy: string; recordedAt: Date }) {
    await tdb.db
      .insert(seminarAttendance)
      .values({ ...values, tenantId: tdb.tenantId })
      .onConflictDoUpdate({
        target: [seminarAttendance.tenantId, seminarAttendance.dayId, seminarAttendance.enrolmentId],
        set: { percent: values.percent, recordedBy: values.recordedBy, recordedAt: values.recordedAt },
      });
  },
  ofDays: (tdb: TenantDb, dayIds: string[]) => (dayIds.length ? tdb.select(seminarAttendance, inArray(seminarAttendance.dayId, dayIds)) : Promise.resolve([])),
};

export const certificatesRepository = {
  insert: (tdb: TenantDb, values: Omit<typeof seminarCertificates.$inferInsert, 'tenantId'>) => tdb.insert(seminarCertificates, values),
  byEnrolment: (tdb: TenantDb, enrolmentId: string) => tdb.first(seminarCertificates, eq(seminarCertificates.enrolmentId, enrolmentId)),
  byId: (tdb: TenantDb, id: string) => tdb.first(seminarCertificates, eq(seminarCertificates.id, id)),
  byCodeHash: (tdb: TenantDb, codeHash: string) => tdb.first(seminarCertificates, eq(seminarCertificates.codeHash, codeHash)),
  revoke: (tdb: TenantDb, id: string, at: Date, reason: string) =>
    tdb.update(seminarCertificates, { revokedAt: at, revokedReason: reason }, eq(seminarCertificates.id, id), sql`${seminarCertificates.revokedAt} is null`),
  ofEnrolments: (tdb: TenantDb, ids: string[]) => (ids.length ? tdb.select(seminarCertificates, inArray(seminarCertificates.enrolmentId, ids)) : Promise.resolve([])),
};

export const remindersRepository = {
  /** Claims a reminder key; true only for the first caller (the reminder goes out once). */
  async claim(tdb: TenantDb, key: string, at: Date): Promise<boolean> {
    const rows = await tdb.db.insert(seminarReminders).values({ tenantId: tdb.tenantId, key, sentAt: at }).onConflictDoNothing().returning({ key: seminarReminders.key });
    return rows.length === 1;
  },
};

/** Valid (not revoked) certificates as person, seminar and issue date: who has done which training when. */
export async function certificatesBySeminar(tdb: TenantDb): Promise<{ userId: string; seminarId: string; issuedAt: Date; ue: number }[]> {
  return tdb.db
    .select({ userId: seminarEnrolments.userId, seminarId: seminarSessions.seminarId, issuedAt: seminarCertificates.issuedAt, ue: seminarCertificates.ue })
    .from(seminarCertificates)
    .innerJoin(seminarEnrolments, eq(seminarEnrolments.id, seminarCertificates.enrolmentId))
    .innerJoin(seminarSessions, eq(seminarSessions.id, seminarEnrolments.sessionId))
    .where(and(tdb.scope(seminarCertificates, isNull(seminarCertificates.revokedAt)), tdb.scope(seminarEnrolments), tdb.scope(seminarSessions)));
}

export const trainerLinksRepository = {
  insert: (tdb: TenantDb, values: New<typeof seminarTrainerLinks>) => tdb.insert(seminarTrainerLinks, values),
  removeOfSession: (tdb: TenantDb, sessionId: string) => tdb.delete(seminarTrainerLinks, eq(seminarTrainerLinks.sessionId, sessionId)),
  live: (tdb: TenantDb, tokenHash: string, now: Date) => tdb.first(seminarTrainerLinks, eq(seminarTrainerLinks.tokenHash, tokenHash), gt(seminarTrainerLinks.expiresAt, now)),
};

