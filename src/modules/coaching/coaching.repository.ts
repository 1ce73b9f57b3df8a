// All SQL of the coaching module, through TenantDb (every query carries the tenant).
import { and, asc, desc, eq, gt, inArray, isNull, max, sql } from 'drizzle-orm';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import {
  coachingAktivitaeten,
  coachingArbeitsmarkt,
  coachingKontakte,
  coachingLinks,
  coachingNachrichten,
  coachingPlaene,
  coachingPotenzial,
  coachingRechtsgrundlagen,
  coachingTeilnehmende,
  coachingVertraulich,
  coachingZielberufe,
  type Teilnehmende,
} from './coaching.tables.js';

export type NewTeilnehmende = Omit<typeof coachingTeilnehmende.$inferInsert, 'tenantId' | 'id' | 'createdAt'>;

export const activeRechtsgrundlagen = (tdb: TenantDb) =>
  tdb.db
    .select()
    .from(coachingRechtsgrundlagen)
    .where(tdb.scope(coachingRechtsgrundlagen, eq(coachingRechtsgrundlagen.active, true)))
    .orderBy(asc(coachingRechtsgrundlagen.sortOrder));
export const allRechtsgrundlagen = (tdb: TenantDb) => tdb.select(coachingRechtsgrundlagen);
export const rechtsgrundlageById = (tdb: TenantDb, id: string) => tdb.first(coachingRechtsgrundlagen, eq(coachingRechtsgrundlagen.id, id));
export const insertRechtsgrundlage = (tdb: TenantDb, values: { key: string; label: string; sortOrder: number }) => tdb.insert(coachingRechtsgrundlagen, values);

export const insertTeilnehmende = (tdb: TenantDb, values: NewTeilnehmende) => tdb.insert(coachingTeilnehmende, values);
export const teilnehmendeById = (tdb: TenantDb, id: string) => tdb.first(coachingTeilnehmende, eq(coachingTeilnehmende.id, id));
export const teilnehmendeOfCoaches = (tdb: TenantDb, coachIds: string[]) =>
  coachIds.length === 0
    ? Promise.resolve([] as Teilnehmende[])
    : tdb.db
        .select()
        .from(coachingTeilnehmende)
        .where(tdb.scope(coachingTeilnehmende, inArray(coachingTeilnehmende.coachId, coachIds)))
        .orderBy(asc(coachingTeilnehmende.nextContactOn), asc(coachingTeilnehmende.familyName));
export const teilnehmendeReferredBy = (tdb: TenantDb, userId: string) => tdb.select(coachingTeilnehmende, eq(coachingTeilnehmende.referredBy, userId));
export const allTeilnehmende = (tdb: TenantDb) => tdb.select(coachingTeilnehmende);
/** People with this e-mail address (case-insensitive), for a link request. */
export const teilnehmendeByEmail = (tdb: TenantDb, email: string) => tdb.select(coachingTeilnehmende, sql`lower(${coachingTeilnehmende.email}) = ${email.toLowerCase()}`);
export const updateTeilnehmende = (tdb: TenantDb, id: string, set: Partial<NewTeilnehmende>) => tdb.update(coachingTeilnehmende, set, eq(coachingTeilnehmende.id, id));

export const vertraulichOf = (tdb: TenantDb, teilnehmendeId: string) =>
  tdb.db
    .select()
    .from(coachingVertraulich)
    .where(tdb.scope(coachingVertraulich, eq(coachingVertraulich.teilnehmendeId, teilnehmendeId)))
    .orderBy(desc(coachingVertraulich.createdAt));
export const insertVertraulich = (tdb: TenantDb, values: Omit<typeof coachingVertraulich.$inferInsert, 'tenantId' | 'id' | 'createdAt'>) => tdb.insert(coachingVertraulich, values);
export const setShareConsent = (tdb: TenantDb, teilnehmendeId: string, id: string, consent: boolean) =>
  tdb.update(coachingVertraulich, { shareConsent: consent }, eq(coachingVertraulich.teilnehmendeId, teilnehmendeId), eq(coachingVertraulich.id, id));

export const potenzialOf = (tdb: TenantDb, teilnehmendeId: string) =>
  tdb.db
    .select()
    .from(coachingPotenzial)
    .where(tdb.scope(coachingPotenzial, eq(coachingPotenzial.teilnehmendeId, teilnehmendeId)))
    .orderBy(asc(coachingPotenzial.createdAt));
export const insertPotenzial = (tdb: TenantDb, values: Omit<typeof coachingPotenzial.$inferInsert, 'tenantId' | 'id' | 'createdAt'>) => tdb.insert(coachingPotenzial, values);

export const zielberufeOf = (tdb: TenantDb, teilnehmendeId: string) => tdb.select(coachingZielberufe, eq(coachingZielberufe.teilnehmendeId, teilnehmendeId));
export const addZielberuf = (tdb: TenantDb, teilnehmendeId: string, kldb: string) =>
  tdb.db
    .insert(coachingZielberufe)
    .values({ tenantId: tdb.tenantId, teilnehmendeId, kldb })
    .onConflictDoNothing();

export const arbeitsmarktForCodes = (tdb: TenantDb, codes: string[]) => (codes.length ? tdb.select(coachingArbeitsmarkt, inArray(coachingArbeitsmarkt.kldb, codes)) : Promise.resolve([]));
export const upsertArbeitsmarkt = (tdb: TenantDb, values: Omit<typeof coachingArbeitsmarkt.$inferInsert, 'tenantId'>) =>
  tdb.db
    .insert(coachingArbeitsmarkt)
    .values({ ...values, tenantId: tdb.tenantId })
    .onConflictDoUpdate({ target: [coachingArbeitsmarkt.tenantId, coachingArbeitsmarkt.kldb], set: { nachfrage: values.nachfrage, offeneStellen: values.offeneStellen, note: values.note } });

export const aktivitaetenOf = (tdb: TenantDb, teilnehmendeId: string) =>
  tdb.db
    .select()
    .from(coachingAktivitaeten)
    .where(tdb.scope(coachingAktivitaeten, eq(coachingAktivitaeten.teilnehmendeId, teilnehmendeId)))
    .orderBy(asc(coachingAktivitaeten.dueOn), asc(coachingAktivitaeten.createdAt));
/** Per participant: activities still open (planned or running) and those waiting for the coach, in one statement. */
export async function aktivitaetenCounts(tdb: TenantDb, teilnehmendeIds: string[]): Promise<Map<string, { open: number; waitingForCoach: number }>> {
  if (teilnehmendeIds.length === 0) return new Map();
  const a = coachingAktivitaeten;
  const rows = await tdb.db
    .select({
      teilnehmendeId: a.teilnehmendeId,
      open: sql<number>`count(*) filter (where ${a.status} in ('geplant', 'laeuft'))`.mapWith(Number),
      waitingForCoach: sql<number>`count(*) filter (where ${a.wartetAuf} = 'coach')`.mapWith(Number),
    })
    .from(a)
    .where(tdb.scope(a, inArray(a.teilnehmendeId, teilnehmendeIds)))
    .groupBy(a.teilnehmendeId);
  return new Map(rows.map((r) => [r.teilnehmendeId, { open: r.open, waitingForCoach: r.waitingForCoach }]));
}
export const aktivitaetById = (tdb: TenantDb, teilnehmendeId: string, id: string) =>
  tdb.first(coachingAktivitaeten, eq(coachingAktivitaeten.teilnehmendeId, teilnehmendeId), eq(coachingAktivitaeten.id, id));
export const insertAktivitaet = (tdb: TenantDb, values: Omit<typeof coachingAktivitaeten.$inferInsert, 'tenantId' | 'id' | 'createdAt'>) => tdb.insert(coachingAktivitaeten, values);
export const updateAktivitaet = (tdb: TenantDb, teilnehmendeId: string, id: string, set: Partial<typeof coachingAktivitaeten.$inferInsert>) =>
  tdb.update(coachingAktivitaeten, set, eq(coachingAktivitaeten.teilnehmendeId, teilnehmendeId), eq(coachingAktivitaeten.id, id));
export const agreeAktivitaeten = (tdb: TenantDb, teilnehmendeId: string, ids: string[], at: Date, via: 'link' | 'papier') =>
  ids.length
    ? tdb.update(coachingAktivitaeten, { agreedAt: at, agreedVia: via }, eq(coachingAktivitaeten.teilnehmendeId, teilnehmendeId), inArray(coachingAktivitaeten.id, ids))
    : Promise.resolve([]);

export const nachrichtenOfActivities = (tdb: TenantDb, ids: string[]) =>
  ids.length
    ? tdb.db
        .select()
        .from(coachingNachrichten)
        .where(tdb.scope(coachingNachrichten, inArray(coachingNachrichten.aktivitaetId, ids)))
        .orderBy(asc(coachingNachrichten.createdAt))
    : Promise.resolve([]);
export const insertNachricht = (tdb: TenantDb, values: Omit<typeof coachingNachrichten.$inferInsert, 'tenantId' | 'id'>) => tdb.insert(coachingNachrichten, values);

export const latestPlan = (tdb: TenantDb, teilnehmendeId: string) =>
  tdb.db
    .select()
    .from(coachingPlaene)
    .where(tdb.scope(coachingPlaene, eq(coachingPlaene.teilnehmendeId, teilnehmendeId)))
    .orderBy(desc(coachingPlaene.version))
    .limit(1)
    .then((rows) => rows[0]);
export const nextPlanVersion = async (tdb: TenantDb, teilnehmendeId: string) => {
  const [row] = await tdb.db
    .select({ v: max(coachingPlaene.version) })
    .from(coachingPlaene)
    .where(tdb.scope(coachingPlaene, eq(coachingPlaene.teilnehmendeId, teilnehmendeId)));
  return (row?.v ?? 0) + 1;
};
export const insertPlan = (tdb: TenantDb, values: Omit<typeof coachingPlaene.$inferInsert, 'tenantId' | 'id' | 'createdAt'>) => tdb.insert(coachingPlaene, values);
export const markSchlichtung = (tdb: TenantDb, id: string) => tdb.update(coachingPlaene, { schlichtung: true }, eq(coachingPlaene.id, id));
export const agreePlan = (tdb: TenantDb, id: string, at: Date, via: 'link' | 'papier') =>
  tdb.update(coachingPlaene, { agreedAt: at, agreedVia: via }, eq(coachingPlaene.id, id), isNull(coachingPlaene.agreedAt));

export const kontakteOf = (tdb: TenantDb, teilnehmendeId: string) =>
  tdb.db
    .select()
    .from(coachingKontakte)
    .where(tdb.scope(coachingKontakte, eq(coachingKontakte.teilnehmendeId, teilnehmendeId)))
    .orderBy(desc(coachingKontakte.contactOn), desc(coachingKontakte.createdAt));
export const insertKontakt = (tdb: TenantDb, values: Omit<typeof coachingKontakte.$inferInsert, 'tenantId' | 'id' | 'createdAt'>) => tdb.insert(coachingKontakte, values);

export const insertLink = (tdb: TenantDb, values: { teilnehmendeId: string; tokenHash: string; expiresAt: Date; createdAt: Date }) => tdb.insert(coachingLinks, values);
export const validLink = (tdb: TenantDb, tokenHash: string, now: Date) =>
  tdb.first(coachingLinks, eq(coachingLinks.tokenHash, tokenHash), isNull(coachingLinks.revokedAt), gt(coachingLinks.expiresAt, now));
export const revokeLinks = (tdb: TenantDb, teilnehmendeId: string, now: Date) =>
  tdb.update(coachingLinks, { revokedAt: now }, eq(coachingLinks.teilnehmendeId, teilnehmendeId), isNull(coachingLinks.revokedAt));
export const newestLink = (tdb: TenantDb, teilnehmendeId: string) =>
  tdb.db
    .select()
    .from(coachingLinks)
    .where(tdb.scope(coachingLinks, eq(coachingLinks.teilnehmendeId, teilnehmendeId)))
    .orderBy(desc(coachingLinks.createdAt))
    .limit(1)
    .then((rows) => rows[0]);
export const activeLinks = (tdb: TenantDb, teilnehmendeId: string, now: Date) =>
  tdb.select(coachingLinks, and(eq(coachingLinks.teilnehmendeId, teilnehmendeId), isNull(coachingLinks.revokedAt), gt(coachingLinks.expiresAt, now)));

