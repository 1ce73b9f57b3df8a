// Tables of the seminar programme for staff: catalogue, sessions and their days, enrolments (approval, place,
// waitlist, offer), attendance, certificates and the tenant's settings.
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenants } from '#shared/tenancy/index.js';

const tenantId = () =>
  uuid()
    .notNull()
    .references(() => tenants.id);
const at = () => timestamp({ withTimezone: true });

/** What a repository inserts: the tenant and the id are set by TenantDb and the database. */
export type NewRow<T extends { $inferInsert: object }> = Omit<T['$inferInsert'], 'tenantId' | 'id'>;

/** How enrolments are approved, and whether the Personalrat's involvement must be recorded. */
export const seminarSettings = pgTable('seminar_settings', {
  tenantId: tenantId().primaryKey(),
  /** 'lead_hr': team lead, then the training office; 'lead' or 'hr': one step; 'none': direct. */
  approval: text({ enum: ['lead_hr', 'lead', 'hr', 'none'] }).notNull().default('lead_hr'),
  personalratRequired: boolean().notNull().default(false),
  offerHours: integer().notNull().default(48),
});
export type SeminarSettings = typeof seminarSettings.$inferSelect;

export const seminarCategories = pgTable(
  'seminar_categories',
  { tenantId: tenantId(), id: uuid().notNull().defaultRandom().primaryKey(), name: text().notNull() },
  (t) => [uniqueIndex('seminar_categories_name_idx').on(t.tenantId, t.name)],
);

export const seminars = pgTable(
  'seminars',
  {
    tenantId: tenantId(),
    id: uuid().notNull().defaultRandom().primaryKey(),
    title: text().notNull(),
    description: text().notNull().default(''),
    categoryId: uuid()
      .notNull()
      .references(() => seminarCategories.id),
    /** Unterrichtseinheiten of 45 minutes. */
    ue: integer().notNull(),
    trainerUserId: uuid(),
    externalTrainer: text(),
    feeCents: integer().notNull().default(0),
    prerequisites: text().notNull().default(''),
    /** Roles the seminar is meant for (empty: everybody). */
    targetRoles: text().array().notNull().default(sql`array[]::text[]`),
    /** Roles for whom it is mandatory, renewed every `validityMonths` (null: once). */
    mandatoryForRoles: text().array().notNull().default(sql`array[]::text[]`),
    validityMonths: integer(),
    /** Teams the seminar is meant for (with targetRoles; both empty: everybody). */
    targetTeams: uuid().array().notNull().default(sql`array[]::uuid[]`),
    /** Teams for whose members it is mandatory (besides mandatoryForRoles). */
    mandatoryForTeams: uuid().array().notNull().default(sql`array[]::uuid[]`),
    /** Share of the session's time a person must attend for a certificate. */
    attendanceThresholdPercent: integer().notNull().default(80),
    active: boolean().notNull().default(true),
    createdAt: at().notNull().defaultNow(),
  },
  (t) => [
    index('seminars_category_idx').on(t.tenantId, t.categoryId),
    check('seminars_ue_check', sql`${t.ue} >= 0`),
    check('seminars_fee_check', sql`${t.feeCents} >= 0`),
    check('seminars_threshold_check', sql`${t.attendanceThresholdPercent} between 1 and 100`),
  ],
);
export type Seminar = typeof seminars.$inferSelect;

export const seminarSessions = pgTable(
  'seminar_sessions',
  {
    tenantId: tenantId(),
    id: uuid().notNull().defaultRandom().primaryKey(),
    seminarId: uuid()
      .notNull()
      .references(() => seminars.id),
    room: text(),
    onlineUrl: text(),
    seats: integer().notNull(),
    minParticipants: integer().notNull().default(0),
    enrolmentDeadline: at().notNull(),
    cancellationDeadline: at().notNull(),
    status: text({ enum: ['planned', 'cancelled'] }).notNull().default('planned'),
    /** iCalendar SEQUENCE: raised on every change sent to the participants (same UID). */
    icsSequence: integer().notNull().default(0),
    createdAt: at().notNull().defaultNow(),
  },
  (t) => [index('seminar_sessions_seminar_idx').on(t.tenantId, t.seminarId), check('seminar_sessions_seats_check', sql`${t.seats} >= 1`)],
);
export type SeminarSession = typeof seminarSessions.$inferSelect;

/** A session has one or more days (multi-day seminars); attendance is recorded per day. */
export const seminarSessionDays = pgTable(
  'seminar_session_days',
  {
    tenantId: tenantId(),
    id: uuid().notNull().defaultRandom().primaryKey(),
    sessionId: uuid()
      .notNull()
      .references(() => seminarSessions.id, { onDelete: 'cascade' }),
    startsAt: at().notNull(),
    endsAt: at().notNull(),
  },
  (t) => [index('seminar_session_days_session_idx').on(t.tenantId, t.sessionId, t.startsAt), check('seminar_session_days_order_check', sql`${t.endsAt} > ${t.startsAt}`)],
);
export type SeminarSessionDay = typeof seminarSessionDays.$inferSelect;

export const enrolmentStatuses = ['pending_lead', 'pending_hr', 'rejected', 'waitlisted', 'offered', 'confirmed', 'offer_expired', 'declined', 'cancelled'] as const;
export type EnrolmentStatus = (typeof enrolmentStatuses)[number];
/** Statuses of a live request: one per person and session. */
export const liveStatuses = ['pending_lead', 'pending_hr', 'waitlisted', 'offered', 'confirmed'] as const satisfies readonly EnrolmentStatus[];

/**
 * One person's request for a session. A confirmed participant or an open offer holds a seat number; the unique
 * seat index plus the trigger `seminar_enrolments_seat_limit` (seat_no <= the session's seats) make the database
 * refuse more places than seats, whatever the code does.
 */
export const seminarEnrolments = pgTable(
  'seminar_enrolments',
  {
    tenantId: tenantId(),
    id: uuid().notNull().defaultRandom().primaryKey(),
    sessionId: uuid()
      .notNull()
      .references(() => seminarSessions.id),
    userId: uuid().notNull(),
    status: text({ enum: enrolmentStatuses }).notNull(),
    /** The waitlist is FIFO by this instant, then by `queueNo`. */
    requestedAt: at().notNull(),
    /**
     * Arrival number from a database sequence: orders requests made in the same millisecond by arrival (a random
     * id would order them by chance). Numbers are given at insert; under the session lock that is arrival order.
     */
    queueNo: bigint({ mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    seatNo: integer(),
    offerExpiresAt: at(),
    leadDecidedBy: uuid(),
    leadDecidedAt: at(),
    hrDecidedBy: uuid(),
    hrDecidedAt: at(),
    rejectionReason: text(),
    /** When the tenant requires it: the training office records that the Personalrat was involved. */
    personalratInvolvedAt: at(),
    note: text().notNull().default(''),
    cancelledAt: at(),
    updatedAt: at().notNull(),
  },
  (t) => [
    uniqueIndex('seminar_enrolments_seat_idx').on(t.tenantId, t.sessionId, t.seatNo).where(sql`${t.seatNo} is not null`),
    uniqueIndex('seminar_enrolments_live_idx')
      .on(t.tenantId, t.sessionId, t.userId)
      .where(sql`${t.status} in ('pending_lead', 'pending_hr', 'waitlisted', 'offered', 'confirmed')`),
    index('seminar_enrolments_user_idx').on(t.tenantId, t.userId),
    index('seminar_enrolments_queue_idx').on(t.tenantId, t.sessionId, t.status, t.requestedAt, t.queueNo),
    check('seminar_enrolments_seat_check', sql`${t.seatNo} is null or ${t.seatNo} >= 1`),
    check('seminar_enrolments_seat_status_check', sql`(${t.seatNo} is not null) = (${t.status} in ('offered', 'confirmed'))`),
  ],
);
export type SeminarEnrolment = typeof seminarEnrolments.$inferSelect;

/** Attendance of one participant on one day: present, partly (with the share) or absent. */
export const seminarAttendance = pgTable(
  'seminar_attendance',
  {
    tenantId: tenantId(),
    dayId: uuid()
      .notNull()
      .references(() => seminarSessionDays.id, { onDelete: 'cascade' }),
    enrolmentId: uuid()
      .notNull()
      .references(() => seminarEnrolments.id),
    /** 0 absent … 100 present; partial attendance in between. */
    percent: integer().notNull(),
    recordedBy: text().notNull(),
    recordedAt: at().notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.dayId, t.enrolmentId] }), check('seminar_attendance_percent_check', sql`${t.percent} between 0 and 100`)],
);

/** Teilnahmebescheinigung: only the SHA-256 of the verification code is stored; the code is derived (keyed) from the id. */
export const seminarCertificates = pgTable(
  'seminar_certificates',
  {
    tenantId: tenantId(),
    id: uuid().notNull().defaultRandom().primaryKey(),
    enrolmentId: uuid()
      .notNull()
      .references(() => seminarEnrolments.id),
    codeHash: text().notNull(),
    /** Frozen at issue: what the certificate and the verify page say. */
    holderName: text().notNull(),
    seminarTitle: text().notNull(),
    dates: text().notNull(),
    /** How many days `dates` names ("Termin:" or "Termine:"), counted from the session's days at issue (ADR 0418). */
    dayCount: integer().notNull(),
    ue: integer().notNull(),
    trainer: text().notNull(),
    issuedAt: at().notNull(),
    revokedAt: at(),
    revokedReason: text(),
  },
  (t) => [
    uniqueIndex('seminar_certificates_code_idx').on(t.codeHash),
    uniqueIndex('seminar_certificates_enrolment_idx').on(t.tenantId, t.enrolmentId),
    check('seminar_certificates_day_count_check', sql`${t.dayCount} >= 1`),
  ],
);
export type SeminarCertificate = typeof seminarCertificates.$inferSelect;

/** Personal links for external trainers: the attendance lists of one session only, until they expire. */
export const seminarTrainerLinks = pgTable(
  'seminar_trainer_links',
  {
    tenantId: tenantId(),
    id: uuid().notNull().defaultRandom().primaryKey(),
    sessionId: uuid()
      .notNull()
      .references(() => seminarSessions.id),
    tokenHash: text().notNull(),
    expiresAt: at().notNull(),
    createdAt: at().notNull(),
  },
  (t) => [uniqueIndex('seminar_trainer_links_token_idx').on(t.tokenHash), foreignKey({ columns: [t.sessionId], foreignColumns: [seminarSessions.id] }).onDelete('cascade')],
);

/**
 * Anonymous feedback after a session: the answer carries the seminar and session but no person. Who has answered
 * is kept apart (seminar_feedback_given) so nobody answers twice, without linking a person to an answer.
 */
export const seminarFeedback = pgTable(
  'seminar_feedback',
  {
    tenantId: tenantId(),
    id: uuid().notNull().defaultRandom().primaryKey(),
    seminarId: uuid()
      .notNull()
      .references(() => seminars.id),
    rating: integer().notNull(),
    comment: text().notNull().default(''),
    /** Day precision only, so the order of answers does not reveal who answered. */
    answeredOn: text().notNull(),
  },
  (t) => [index('seminar_feedback_seminar_idx').on(t.tenantId, t.seminarId), check('seminar_feedback_rating_check', sql`${t.rating} between 1 and 5`)],
);

export const seminarFeedbackGiven = pgTable('seminar_feedback_given', {
  tenantId: tenantId(),
  enrolmentId: uuid()
    .notNull()
    .primaryKey()
    .references(() => seminarEnrolments.id),
});

/** Reminders sent, one row per reminder key: a reminder goes out once, whichever node's job runs first. */
export const seminarReminders = pgTable(
  'seminar_reminders',
  {
    tenantId: tenantId(),
    key: text().notNull(),
    sentAt: at().notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.key] })],
);
