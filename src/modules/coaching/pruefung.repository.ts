// SQL of the exam track and the Bildungsgutscheine, through TenantDb.
import { and, asc, eq, gte, isNull, lte } from 'drizzle-orm';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import {
  coachingAngstBewertungen,
  coachingBildungsgutscheine,
  coachingPruefungen,
  coachingPruefungSitzungen,
  type AngstBewertung,
  type Bildungsgutschein,
  type Pruefung,
  type PruefungSitzung,
} from './pruefung.tables.js';

type New<T extends { $inferInsert: object }> = Omit<T['$inferInsert'], 'tenantId' | 'id' | 'createdAt'>;

const ofPerson = <T extends typeof coachingPruefungen | typeof coachingPruefungSitzungen | typeof coachingAngstBewertungen | typeof coachingBildungsgutscheine>(table: T, order: Parameters<typeof asc>[0]) =>
  (tdb: TenantDb, teilnehmendeId: string) =>
    tdb.db
      .select()
      .from(table as typeof coachingPruefungen)
      .where(tdb.scope(table, eq(table.teilnehmendeId, teilnehmendeId)))
      .orderBy(asc(order), asc(table.createdAt)) as unknown as Promise<T['$inferSelect'][]>;

export const pruefungenOf = ofPerson(coachingPruefungen, coachingPruefungen.examOn);
export const insertPruefung = (tdb: TenantDb, values: New<typeof coachingPruefungen>) => tdb.insert(coachingPruefungen, values);
/** Exams up to `until` not reminded yet (the job reminds once, some days ahead). */
export const pruefungenDueForReminder = (tdb: TenantDb, today: string, until: string) =>
  tdb.select(coachingPruefungen, isNull(coachingPruefungen.remindedAt), gte(coachingPruefungen.examOn, today), lte(coachingPruefungen.examOn, until));
export const markPruefungReminded = (tdb: TenantDb, id: string, at: Date) =>
  tdb.update(coachingPruefungen, { remindedAt: at }, eq(coachingPruefungen.id, id), isNull(coachingPruefungen.remindedAt));

export const sitzungenOf = ofPerson(coachingPruefungSitzungen, coachingPruefungSitzungen.sessionOn);
export const insertSitzung = (tdb: TenantDb, values: New<typeof coachingPruefungSitzungen>) => tdb.insert(coachingPruefungSitzungen, values);

export const angstOf = ofPerson(coachingAngstBewertungen, coachingAngstBewertungen.ratedOn);
export const insertAngst = (tdb: TenantDb, values: New<typeof coachingAngstBewertungen>) => tdb.insert(coachingAngstBewertungen, values);

export const gutscheineOf = ofPerson(coachingBildungsgutscheine, coachingBildungsgutscheine.requestedOn);
export const insertGutschein = (tdb: TenantDb, values: New<typeof coachingBildungsgutscheine>) => tdb.insert(coachingBildungsgutscheine, values);
export const updateGutschein = (tdb: TenantDb, teilnehmendeId: string, id: string, set: Partial<New<typeof coachingBildungsgutscheine>>) =>
  tdb.update(coachingBildungsgutscheine, set, and(eq(coachingBildungsgutscheine.teilnehmendeId, teilnehmendeId), eq(coachingBildungsgutscheine.id, id)));

export interface ExamTrack {
  pruefungen: Pruefung[];
  sitzungen: PruefungSitzung[];
  angst: AngstBewertung[];
  gutscheine: Bildungsgutschein[];
}

/** Everything of the exam track and the vouchers of one participant. */
export async function trackOf(tdb: TenantDb, teilnehmendeId: string): Promise<ExamTrack> {
  return {
    pruefungen: await pruefungenOf(tdb, teilnehmendeId),
    sitzungen: await sitzungenOf(tdb, teilnehmendeId),
    angst: await angstOf(tdb, teilnehmendeId),
    gutscheine: await gutscheineOf(tdb, teilnehmendeId),
  };
}
