// SQL of the exam track, the Bildungsgutscheine and the booked coach appointments, through TenantDb.
import { and, asc, eq, gte, isNull, lte } from 'drizzle-orm';
import type { TenantDb } from '../../shared/db/tenant-scope.js';
import { coachingAngstBewertungen, coachingBildungsgutscheine, coachingPruefungen, coachingPruefungSitzungen, coachingTermine } from './pruefung.tables.js';

type New<T extends { $inferInsert: object }> = Omit<T['$inferInsert'], 'tenantId' | 'id' | 'createdAt'>;

const ofPerson = <T extends typeof coachingPruefungen | typeof coachingPruefungSitzungen | typeof coachingAngstBewertungen | typeof coachingBildungsgutscheine | typeof coachingTermine>(table: T, order: Parameters<typeof asc>[0]) =>
  (tdb: TenantDb, teilnehmendeId: string) =>
    tdb.db
      .select()
      .from(table as typeof coachingPruefungen)
      .where(tdb.scope(table, eq(table.teilnehmendeId, teilnehmendeId)))
      .orderBy(asc(order), asc(table.createdAt)) as unknown as Promise<T['$inferSelect'][]>;

export const pruefungen = {
  of: ofPerson(coachingPruefungen, coachingPruefungen.examOn),
  insert: (tdb: TenantDb, values: New<typeof coachingPruefungen>) => tdb.insert(coachingPruefungen, values),
  /** Exams up to `until` not reminded yet (the job reminds once, some days ahead). */
  dueForReminder: (tdb: TenantDb, today: string, until: string) =>
    tdb.select(coachingPruefungen, isNull(coachingPruefungen.remindedAt), gte(coachingPruefungen.examOn, today), lte(coachingPruefungen.examOn, until)),
  markReminded: (tdb: TenantDb, id: string, at: Date) => tdb.update(coachingPruefungen, { remindedAt: at }, eq(coachingPruefungen.id, id), isNull(coachingPruefungen.remindedAt)),
};

export const sitzungen = {
  of: ofPerson(coachingPruefungSitzungen, coachingPruefungSitzungen.sessionOn),
  insert: (tdb: TenantDb, values: New<typeof coachingPruefungSitzungen>) => tdb.insert(coachingPruefungSitzungen, values),
};

export const angst = {
  of: ofPerson(coachingAngstBewertungen, coachingAngstBewertungen.ratedOn),
  insert: (tdb: TenantDb, values: New<typeof coachingAngstBewertungen>) => tdb.insert(coachingAngstBewertungen, values),
};

export const gutscheine = {
  of: ofPerson(coachingBildungsgutscheine, coachingBildungsgutscheine.requestedOn),
  insert: (tdb: TenantDb, values: New<typeof coachingBildungsgutscheine>) => tdb.insert(coachingBildungsgutscheine, values),
  update: (tdb: TenantDb, teilnehmendeId: string, id: string, set: Partial<New<typeof coachingBildungsgutscheine>>) =>
    tdb.update(coachingBildungsgutscheine, set, and(eq(coachingBildungsgutscheine.teilnehmendeId, teilnehmendeId), eq(coachingBildungsgutscheine.id, id))),
};

export const termine = {
  of: ofPerson(coachingTermine, coachingTermine.startsAt),
  insert: (tdb: TenantDb, values: New<typeof coachingTermine>) => tdb.insert(coachingTermine, values),
};
