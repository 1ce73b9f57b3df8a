// Tables of the exam track and the further-training funding of a coaching: Kammer exam dates, preparation sessions,
// the participant's self-rating of exam anxiety over time, and Bildungsgutscheine (§ 81 SGB III)
// (doc/domain/coaching.md).
import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenants } from '#shared/tenancy/index.js';
import { coachingTeilnehmende } from './coaching.tables.js';

const tenantId = () =>
  uuid()
    .notNull()
    .references(() => tenants.id);
const teilnehmendeId = () =>
  uuid()
    .notNull()
    .references(() => coachingTeilnehmende.id, { onDelete: 'cascade' });
const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();

/** An exam before a Kammer (IHK, HWK, …) with its date; a reminder goes to coach and participant beforehand. */
export const coachingPruefungen = pgTable(
  'coaching_pruefungen',
  {
    tenantId: tenantId(),
    id: uuid().primaryKey().defaultRandom(),
    teilnehmendeId: teilnehmendeId(),
    title: text().notNull(),
    kammer: text().notNull(),
    examOn: date({ mode: 'string' }).notNull(),
    /** When the reminder before the exam was written to the outbox (once per exam). */
    remindedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('coaching_pruefungen_tn_idx').on(t.tenantId, t.teilnehmendeId), index('coaching_pruefungen_date_idx').on(t.examOn)],
);
export type Pruefung = typeof coachingPruefungen.$inferSelect;

/** A preparation session: topic, date and the materials the coach hands out (titles or addresses). */
export const coachingPruefungSitzungen = pgTable(
  'coaching_pruefung_sitzungen',
  {
    tenantId: tenantId(),
    id: uuid().primaryKey().defaultRandom(),
    teilnehmendeId: teilnehmendeId(),
    topic: text().notNull(),
    sessionOn: date({ mode: 'string' }).notNull(),
    materials: text(),
    createdAt: createdAt(),
  },
  (t) => [index('coaching_pruefung_sitzungen_tn_idx').on(t.tenantId, t.teilnehmendeId, t.sessionOn)],
);
export type PruefungSitzung = typeof coachingPruefungSitzungen.$inferSelect;

export const angstMomente = ['vorher', 'nachher'] as const;

/** The participant's own rating of exam anxiety (1 calm … 5 very anxious), before or after a session. */
export const coachingAngstBewertungen = pgTable(
  'coaching_angst_bewertungen',
  {
    tenantId: tenantId(),
    id: uuid().primaryKey().defaultRandom(),
    teilnehmendeId: teilnehmendeId(),
    rating: integer().notNull(),
    moment: text({ enum: angstMomente }).notNull(),
    ratedOn: date({ mode: 'string' }).notNull(),
    /** Given through the personal link, or noted by the coach in a session. */
    source: text({ enum: ['teilnehmende', 'coach'] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('coaching_angst_tn_idx').on(t.tenantId, t.teilnehmendeId, t.ratedOn)],
);
export type AngstBewertung = typeof coachingAngstBewertungen.$inferSelect;

/**
 * A Bildungsgutschein (§ 81 Abs. 4 SGB III, for SGB II through § 16 Abs. 1 SGB II) from request to redemption: its
 * state follows from the dates that are set.
 */
export const coachingBildungsgutscheine = pgTable(
  'coaching_bildungsgutscheine',
  {
    tenantId: tenantId(),
    id: uuid().primaryKey().defaultRandom(),
    teilnehmendeId: teilnehmendeId(),
    /** Bildungsziel as on the voucher, e.g. "Umschulung Fachkraft für Lagerlogistik". */
    ziel: text().notNull(),
    requestedOn: date({ mode: 'string' }).notNull(),
    issuedOn: date({ mode: 'string' }),
    validUntil: date({ mode: 'string' }),
    /** The Bildungsträger (AZAV-certified provider) and the course the voucher was redeemed for. */
    provider: text(),
    course: text(),
    redeemedOn: date({ mode: 'string' }),
    courseStartOn: date({ mode: 'string' }),
    courseEndOn: date({ mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [index('coaching_bildungsgutscheine_tn_idx').on(t.tenantId, t.teilnehmendeId)],
);
export type Bildungsgutschein = typeof coachingBildungsgutscheine.$inferSelect;
