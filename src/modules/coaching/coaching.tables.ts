// Tables of Coaching Aus- und Weiterbildung: participants (caseload, consent, outcome), the restricted section
// (Art. 9 DSGVO), the Potenzialanalyse, plan activities with their dialogue, the contact log and personal links.
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenants } from '#shared/tenancy/index.js';

const tenantId = () =>
  uuid()
    .notNull()
    .references(() => tenants.id);
const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();

/** Per-tenant rules of the coaching (one row; defaults apply while it is missing). */
export const coachingEinstellungen = pgTable('coaching_einstellungen', {
  tenantId: tenantId().primaryKey(),
  /** Everything on a participant is deleted this many months after the coaching ended (exit, or end of follow-up). */
  retentionMonths: integer().notNull().default(24),
  /** Restricted notes (Art. 9 DSGVO) go sooner: this many months after the exit. */
  restrictedRetentionMonths: integer().notNull().default(3),
});
export const defaultEinstellungen = { retentionMonths: 24, restrictedRetentionMonths: 3 };

/** Where a participant is in the coaching; the caseload groups and the demo follow this order. */
export const phasen = ['aufnahme', 'analyse', 'plan', 'pruefung', 'arbeitsaufnahme', 'nachbetreuung', 'beendet'] as const;
export type Phase = (typeof phasen)[number];

/** Exit reasons (doc/domain/coaching.md: what counts as an integration). */
export const austrittsgruende = ['svBeschaeftigung', 'ausbildung', 'umschulungFbw', 'andereMassnahme', 'abbruch', 'umzug'] as const;
export type Austrittsgrund = (typeof austrittsgruende)[number];

/** A legal basis the tenant offers coaching under (e.g. § 16k SGB II); chosen at intake. */
export const coachingRechtsgrundlagen = pgTable(
  'coaching_rechtsgrundlagen',
  {
    tenantId: tenantId(),
    id: uuid().primaryKey().defaultRandom(),
    key: text().notNull(),
    label: text().notNull(),
    active: boolean().notNull().default(true),
    sortOrder: integer().notNull().default(0),
  },
  (t) => [uniqueIndex('coaching_rechtsgrundlagen_key_idx').on(t.tenantId, t.key)],
);
export type Rechtsgrundlage = typeof coachingRechtsgrundlagen.$inferSelect;

export interface Sprache {
  /** e.g. 'Deutsch', 'Arabisch' */
  name: string;
  /** CEFR level A1–C2, or 'muttersprache'. */
  level: string;
}

export interface Beschaeftigung {
  startOn: string;
  hoursPerWeek: number;
  sector: string;
  wageBand: string;
}

/** A person in coaching: who they are, on what basis, with which consent, with whom, and how it ended. */
export const coachingTeilnehmende = pgTable(
  'coaching_teilnehmende',
  {
    tenantId: tenantId(),
    id: uuid().primaryKey().defaultRandom(),
    givenName: text().notNull(),
    familyName: text().notNull(),
    birthDate: date({ mode: 'string' }).notNull(),
    email: text(),
    phone: text(),
    languages: jsonb().$type<Sprache[]>().notNull().default([]),
    /** The language of the mails the participant gets (link, reminders, appointments) and of the link's first page. */
    mailLanguage: text({ enum: ['de', 'en'] }).notNull().default('de'),
    bgNummer: text(),
    rechtsgrundlageId: uuid()
      .notNull()
      .references(() => coachingRechtsgrundlagen.id),
    startOn: date({ mode: 'string' }).notNull(),
    /** The staff user who coaches this person (staff_users.id). */
    coachId: uuid().notNull(),
    /** 'caseworker' when referred by Sachbearbeitung, 'coach' for an intake by the coach. */
    source: text({ enum: ['caseworker', 'coach'] }).notNull(),
    referredBy: uuid(),
    /** The consent text exactly as shown to the person (§ 67a SGB X, Art. 7 DSGVO), with its version. */
    consentVersion: text().notNull(),
    consentText: text().notNull(),
    consentGivenOn: date({ mode: 'string' }).notNull(),
    phase: text({ enum: phasen }).notNull().default('aufnahme'),
    nextContactOn: date({ mode: 'string' }),
    exitReason: text({ enum: austrittsgruende }),
    exitOn: date({ mode: 'string' }),
    beschaeftigung: jsonb().$type<Beschaeftigung>(),
    /** Sustainability check six months after a job started: still employed? */
    stillEmployedAt6Months: boolean(),
    createdAt: createdAt(),
  },
  (t) => [
    index('coaching_teilnehmende_coach_idx').on(t.tenantId, t.coachId, t.phase),
    index('coaching_teilnehmende_exit_idx').on(t.tenantId, t.exitOn),
  ],
);
export type Teilnehmende = typeof coachingTeilnehmende.$inferSelect;

/** Special categories of personal data (Art. 9 DSGVO): only the assigned coach sees them. */
export const sensibleKategorien = ['gesundheit', 'sucht', 'schulden', 'familie'] as const;
export type SensibleKategorie = (typeof sensibleKategorien)[number];

export const coachingVertraulich = pgTable(
  'coaching_vertraulich',
  {
    tenantId: tenantId(),
    id: uuid().primaryKey().defaultRandom(),
    teilnehmendeId: uuid()
      .notNull()
      .references(() => coachingTeilnehmende.id, { onDelete: 'cascade' }),
    kategorie: text({ enum: sensibleKategorien }).notNull(),
    text: text().notNull(),
    /** The participant consented to passing on this one note (export, referral); false by default. */
    shareConsent: boolean().notNull().default(false),
    createdBy: uuid().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('coaching_vertraulich_tn_idx').on(t.tenantId, t.teilnehmendeId)],
);
export type VertraulicheNotiz = typeof coachingVertraulich.$inferSelect;

/**
 * Potenzialanalyse entries, strengths first and without scores. Competences in the four classes of the BA's
 * profiling, constraints the plan must respect, education and work history, foreign qualifications.
 */
export const potenzialBereiche = ['fachlich', 'methodisch', 'sozial', 'persoenlich', 'rahmen', 'werdegang', 'abschluss'] as const;
export type PotenzialBereich = (typeof potenzialBereiche)[number];
export const anerkennungsStaende = ['nichtBegonnen', 'beantragt', 'teilweise', 'voll'] as const;

export const coachingPotenzial = pgTable(
  'coaching_potenzial',
  {
    tenantId: tenantId(),
    id: uuid().primaryKey().defaultRandom(),
    teilnehmendeId: uuid()
      .notNull()
      .references(() => coachingTeilnehmende.id, { onDelete: 'cascade' }),
    bereich: text({ enum: potenzialBereiche }).notNull(),
    text: text().notNull(),
    /** Only for 'abschluss': the state of recognition of a foreign qualification. */
    anerkennung: text({ enum: anerkennungsStaende }),
    /** DQR level 1–8 where known. */
    dqr: integer(),
    createdAt: createdAt(),
  },
  (t) => [index('coaching_potenzial_tn_idx').on(t.tenantId, t.teilnehmendeId)],
);
export type PotenzialEintrag = typeof coachingPotenzial.$inferSelect;

/** Target occupations by KldB 2010 (5 digits, the last one is the Anforderungsniveau). */
export const coachingZielberufe = pgTable(
  'coaching_zielberufe',
  {
    tenantId: tenantId(),
    id: uuid().primaryKey().defaultRandom(),
    teilnehmendeId: uuid()
      .notNull()
      .references(() => coachingTeilnehmende.id, { onDelete: 'cascade' }),
    kldb: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('coaching_zielberufe_idx').on(t.tenantId, t.teilnehmendeId, t.kldb)],
);

/** Occupations with local demand, maintained by the tenant (labour market in the perspective). */
export const coachingArbeitsmarkt = pgTable(
  'coaching_arbeitsmarkt',
  {
    tenantId: tenantId(),
    kldb: text().notNull(),
    /** 'hoch' | 'mittel' | 'gering' */
    nachfrage: text({ enum: ['hoch', 'mittel', 'gering'] }).notNull(),
    offeneStellen: integer(),
    note: text(),
  },
  (t) => [uniqueIndex('coaching_arbeitsmarkt_idx').on(t.tenantId, t.kldb)],
);

export const aktivitaetTypen = ['bewerbung', 'kurs', 'termin', 'pruefungsvorbereitung', 'praktikum', 'gesundheit', 'sonstiges'] as const;
export type AktivitaetTyp = (typeof aktivitaetTypen)[number];
export const aktivitaetStatus = ['geplant', 'laeuft', 'erledigt', 'abgebrochen'] as const;
export type AktivitaetStatus = (typeof aktivitaetStatus)[number];
export const wartetAuf = ['niemand', 'teilnehmende', 'coach'] as const;

/** An agreed step of the Kooperationsplan: who does what by when, with a dialogue thread. */
export const coachingAktivitaeten = pgTable(
  'coaching_aktivitaeten',
  {
    tenantId: tenantId(),
    id: uuid().primaryKey().defaultRandom(),
    teilnehmendeId: uuid()
      .notNull()
      .references(() => coachingTeilnehmende.id, { onDelete: 'cascade' }),
    typ: text({ enum: aktivitaetTypen }).notNull(),
    title: text().notNull(),
    /** Who does it: the participant, the coach, or both. */
    wer: text({ enum: ['teilnehmende', 'coach', 'beide'] }).notNull(),
    dueOn: date({ mode: 'string' }),
    status: text({ enum: aktivitaetStatus }).notNull().default('geplant'),
    wartetAuf: text({ enum: wartetAuf }).notNull().default('niemand'),
    /** When the participant agreed to this step (online through the link, or on paper as recorded by the coach). */
    agreedAt: timestamp({ withTimezone: true }),
    agreedVia: text({ enum: ['link', 'papier'] }),
    /** For type 'termin': the appointment booked through the Onlineterminierung (termin_appointments.id); its time,
     * place and status are read from there, never copied. */
    terminId: uuid(),
    createdAt: createdAt(),
  },
  (t) => [index('coaching_aktivitaeten_tn_idx').on(t.tenantId, t.teilnehmendeId)],
);
export type Aktivitaet = typeof coachingAktivitaeten.$inferSelect;

export const coachingNachrichten = pgTable(
  'coaching_nachrichten',
  {
    tenantId: tenantId(),
    id: uuid().primaryKey().defaultRandom(),
    aktivitaetId: uuid()
      .notNull()
      .references(() => coachingAktivitaeten.id, { onDelete: 'cascade' }),
    author: text({ enum: ['coach', 'teilnehmende'] }).notNull(),
    authorId: uuid(),
    text: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('coaching_nachrichten_akt_idx').on(t.tenantId, t.aktivitaetId, t.createdAt)],
);
export type Nachricht = typeof coachingNachrichten.$inferSelect;

/** One version of the Kooperationsplan (§ 15 SGB II): goals and the steps as they stood, agreed or not. */
export const coachingPlaene = pgTable(
  'coaching_plaene',
  {
    tenantId: tenantId(),
    id: uuid().primaryKey().defaultRandom(),
    teilnehmendeId: uuid()
      .notNull()
      .references(() => coachingTeilnehmende.id, { onDelete: 'cascade' }),
    version: integer().notNull(),
    ziele: text().notNull(),
    /** The steps as they stood when this version was made (title, who, due date, type). */
    schritte: jsonb().$type<PlanSchritt[]>().notNull(),
    /** Review at the latest on this date (at least every six months, § 15 Abs. 3 SGB II). */
    reviewOn: date({ mode: 'string' }).notNull(),
    agreedAt: timestamp({ withTimezone: true }),
    agreedVia: text({ enum: ['link', 'papier'] }),
    /** The participant disagrees: Schlichtungsverfahren (§ 15a SGB II) requested. */
    schlichtung: boolean().notNull().default(false),
    /** When the reminder to the coach before `reviewOn` was written to the outbox (once per version). */
    reviewRemindedAt: timestamp({ withTimezone: true }),
    createdBy: uuid().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('coaching_plaene_version_idx').on(t.tenantId, t.teilnehmendeId, t.version)],
);
export type Plan = typeof coachingPlaene.$inferSelect;

export interface PlanSchritt {
  aktivitaetId: string;
  typ: AktivitaetTyp;
  title: string;
  wer: 'teilnehmende' | 'coach' | 'beide';
  dueOn: string | null;
}

export const kontaktKanaele = ['persoenlich', 'telefon', 'video', 'nachricht'] as const;

/** Contact log of the intensive follow-up; each entry sets the next contact date. */
export const coachingKontakte = pgTable(
  'coaching_kontakte',
  {
    tenantId: tenantId(),
    id: uuid().primaryKey().defaultRandom(),
    teilnehmendeId: uuid()
      .notNull()
      .references(() => coachingTeilnehmende.id, { onDelete: 'cascade' }),
    kanal: text({ enum: kontaktKanaele }).notNull(),
    contactOn: date({ mode: 'string' }).notNull(),
    summary: text().notNull(),
    coachId: uuid().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('coaching_kontakte_tn_idx').on(t.tenantId, t.teilnehmendeId, t.contactOn)],
);

/** Personal links of participants (no account): the token is stored only as its hash. */
export const coachingLinks = pgTable(
  'coaching_links',
  {
    tenantId: tenantId(),
    id: uuid().primaryKey().defaultRandom(),
    teilnehmendeId: uuid()
      .notNull()
      .references(() => coachingTeilnehmende.id, { onDelete: 'cascade' }),
    tokenHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('coaching_links_token_idx').on(t.tokenHash), index('coaching_links_tn_idx').on(t.tenantId, t.teilnehmendeId)],
);
