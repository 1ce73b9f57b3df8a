// Tables of the termine module: locations, services, opening hours, closures, appointments, seats and tokens.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenants } from '#shared/tenancy/index.js';

/** A text in the tenant's languages; German is required, others fall back to it. */
export type LocalizedText = { de: string } & Record<string, string>;
export type LocalizedList = { de: string[] } & Record<string, string[]>;

const tenantId = () =>
  uuid()
    .notNull()
    .references(() => tenants.id);
const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();

export const specialDayPolicies = ['closed', 'morning', 'open'] as const;

/** Per-tenant rules of Onlineterminierung (one row; defaults apply while it is missing). */
export const terminSettings = pgTable('termin_settings', {
  tenantId: tenantId().primaryKey(),
  holdMinutes: integer().notNull().default(10),
  /** The booking counts only after the e-mail link is confirmed within confirmMinutes. */
  doubleOptIn: boolean().notNull().default(false),
  confirmMinutes: integer().notNull().default(60),
  /** 0 switches reminders off. */
  reminderHours: integer().notNull().default(24),
  maxFutureAppointmentsPerEmail: integer().notNull().default(2),
  /** Personal data of an appointment is anonymised this many days after its date. */
  retentionDays: integer().notNull().default(30),
  holdsPerIpHour: integer().notNull().default(30),
  bookingsPerIpHour: integer().notNull().default(10),
  bookingsPerEmailDay: integer().notNull().default(5),
  heiligabend: text({ enum: specialDayPolicies }).notNull().default('closed'),
  silvester: text({ enum: specialDayPolicies }).notNull().default('closed'),
  updatedAt: createdAt(),
});
export type TerminSettings = typeof terminSettings.$inferSelect;

/** Servicepoints: where citizens come to; capacity is `seatsTotal` counters per slot unit. */
export const terminLocations = pgTable(
  'termin_locations',
  {
    tenantId: tenantId(),
    id: uuid().notNull().defaultRandom(),
    /** Stable key for demo data and links, unique per tenant. */
    key: text().notNull(),
    name: text().notNull(),
    street: text().notNull(),
    postalCode: text().notNull(),
    city: text().notNull(),
    phone: text(),
    directions: jsonb().$type<LocalizedText>().notNull(),
    accessibility: jsonb().$type<LocalizedText>().notNull(),
    slotMinutes: integer().notNull().default(15),
    seatsTotal: integer().notNull(),
    seatsOnline: integer().notNull(),
    horizonDays: integer().notNull().default(42),
    minNoticeKind: text({ enum: ['hours', 'nextWorkingDay'] }).notNull().default('nextWorkingDay'),
    minNoticeHours: integer().notNull().default(0),
    active: boolean().notNull().default(true),
    sortOrder: integer().notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('termin_locations_key_idx').on(t.tenantId, t.key),
    check('termin_locations_seats_check', sql`${t.seatsOnline} >= 0 and ${t.seatsOnline} <= ${t.seatsTotal}`),
    check('termin_locations_slot_check', sql`${t.slotMinutes} between 5 and 240`),
  ],
);
export type TerminLocation = typeof terminLocations.$inferSelect;

export const terminOpeningHours = pgTable(
  'termin_opening_hours',
  {
    tenantId: tenantId(),
    id: uuid().notNull().defaultRandom(),
    locationId: uuid().notNull(),
    /** ISO weekday, 1 = Monday. */
    weekday: integer().notNull(),
    /** Local wall-clock times 'HH:mm' in Europe/Berlin. */
    opensAt: text().notNull(),
    closesAt: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.locationId], foreignColumns: [terminLocations.tenantId, terminLocations.id] }).onDelete('cascade'),
    index('termin_opening_hours_location_idx').on(t.tenantId, t.locationId),
    check('termin_opening_hours_weekday_check', sql`${t.weekday} between 1 and 7`),
  ],
);
export type TerminOpeningHours = typeof terminOpeningHours.$inferSelect;

/** Concerns (Anliegen) citizens book an appointment for. */
export const terminServices = pgTable(
  'termin_services',
  {
    tenantId: tenantId(),
    id: uuid().notNull().defaultRandom(),
    key: text().notNull(),
    name: jsonb().$type<LocalizedText>().notNull(),
    description: jsonb().$type<LocalizedText>().notNull(),
    durationMinutes: integer().notNull(),
    /** What to bring (Mitbringliste). */
    bringList: jsonb().$type<LocalizedList>().notNull(),
    /** false: only staff can book it (e.g. by phone). */
    onlineBookable: boolean().notNull().default(true),
    active: boolean().notNull().default(true),
    sortOrder: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('termin_services_key_idx').on(t.tenantId, t.key),
    check('termin_services_duration_check', sql`${t.durationMinutes} between 5 and 480`),
  ],
);
export type TerminService = typeof terminServices.$inferSelect;

export const terminLocationServices = pgTable(
  'termin_location_services',
  {
    tenantId: tenantId(),
    locationId: uuid().notNull(),
    serviceId: uuid().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.locationId, t.serviceId] }),
    foreignKey({ columns: [t.tenantId, t.locationId], foreignColumns: [terminLocations.tenantId, terminLocations.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.serviceId], foreignColumns: [terminServices.tenantId, terminServices.id] }).onDelete('cascade'),
  ],
);

/** A location closed for a whole day or some hours (short notice included). */
export const terminClosures = pgTable(
  'termin_closures',
  {
    tenantId: tenantId(),
    id: uuid().notNull().defaultRandom(),
    locationId: uuid().notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    /** Shown to affected citizens. */
    reason: text().notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.locationId], foreignColumns: [terminLocations.tenantId, terminLocations.id] }).onDelete('cascade'),
    index('termin_closures_location_idx').on(t.tenantId, t.locationId, t.endsAt),
    check('termin_closures_range_check', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);
export type TerminClosure = typeof terminClosures.$inferSelect;

/**
 * held: a slot kept for a citizen filling in the form; pending: waiting for the e-mail confirmation
 * (double opt-in); booked … no_show: the Servicepoint desk's states; cancelled and expired free the seats.
 */
export const appointmentStatuses = [
  'held',
  'pending',
  'booked',
  'arrived',
  'called',
  'in_progress',
  'done',
  'no_show',
  'cancelled',
  'expired',
] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

export const terminAppointments = pgTable(
  'termin_appointments',
  {
    tenantId: tenantId(),
    id: uuid().notNull().defaultRandom(),
    locationId: uuid().notNull(),
    serviceIds: uuid().array().notNull(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    persons: integer().notNull(),
    status: text({ enum: appointmentStatuses }).notNull(),
    channel: text({ enum: ['online', 'staff'] }).notNull(),
    language: text().notNull().default('de'),
    name: text(),
    email: text(),
    phone: text(),
    bgNummer: text(),
    /** SHA-256 of the journey token (hold); only while held. */
    holdTokenHash: text(),
    holdExpiresAt: timestamp({ withTimezone: true }),
    holdExtensions: integer().notNull().default(0),
    /** Double opt-in: the booking lapses unless confirmed before this instant. */
    confirmBy: timestamp({ withTimezone: true }),
    reminderSentAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    bookedAt: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
    cancelReason: text({ enum: ['citizen', 'staff', 'closure'] }),
    statusChangedAt: timestamp({ withTimezone: true }),
    rescheduleCount: integer().notNull().default(0),
    anonymisedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.locationId], foreignColumns: [terminLocations.tenantId, terminLocations.id] }),
    uniqueIndex('termin_appointments_hold_idx').on(t.tenantId, t.holdTokenHash),
    index('termin_appointments_day_idx').on(t.tenantId, t.locationId, t.startsAt),
    index('termin_appointments_email_idx').on(t.tenantId, t.email, t.startsAt),
    // Jobs (reminders, retention, expiry) scan all tenants by status and time.
    index('termin_appointments_status_idx').on(t.status, t.startsAt),
    check('termin_appointments_persons_check', sql`${t.persons} between 1 and 3`),
    check('termin_appointments_range_check', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);
export type Appointment = typeof terminAppointments.$inferSelect;

/**
 * Capacity, enforced by the primary key: one row per (location, slot unit, seat). An appointment or hold
 * takes one seat on every unit it covers. Rows of holds and unconfirmed bookings carry `expiresAt`; an
 * expired row may be taken over by the next booking (ON CONFLICT … DO UPDATE … WHERE expires_at <= now).
 */
export const terminSeats = pgTable(
  'termin_seats',
  {
    // No key of its own to tenants: the key to the appointment leads with tenant_id and implies it (ADR 0427).
    tenantId: uuid().notNull(),
    locationId: uuid().notNull(),
    unitStart: timestamp({ withTimezone: true }).notNull(),
    seatNo: integer().notNull(),
    appointmentId: uuid().notNull(),
    expiresAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.locationId, t.unitStart, t.seatNo] }),
    foreignKey({ columns: [t.tenantId, t.appointmentId], foreignColumns: [terminAppointments.tenantId, terminAppointments.id] }).onDelete(
      'cascade',
    ),
    index('termin_seats_appointment_idx').on(t.tenantId, t.appointmentId),
    check('termin_seats_seat_check', sql`${t.seatNo} >= 1`),
  ],
);

/**
 * Personal links (view, move, cancel, confirm): every mail that carries a link gets its own token, since only
 * hashes are stored and a later mail (reminder, closure) cannot repeat an earlier token.
 */
export const terminManageTokens = pgTable(
  'termin_manage_tokens',
  {
    // As termin_seats: the key to the appointment implies the tenant (ADR 0427).
    tenantId: uuid().notNull(),
    tokenHash: text().notNull(),
    appointmentId: uuid().notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.tokenHash] }),
    foreignKey({ columns: [t.tenantId, t.appointmentId], foreignColumns: [terminAppointments.tenantId, terminAppointments.id] }).onDelete(
      'cascade',
    ),
    index('termin_manage_tokens_appointment_idx').on(t.tenantId, t.appointmentId),
  ],
);

/** API retries with the same Idempotency-Key get the first answer; the token is encrypted with a key derived from the Idempotency-Key. */
export const terminIdempotency = pgTable(
  'termin_idempotency',
  {
    tenantId: tenantId(),
    keyHash: text().notNull(),
    fingerprint: text().notNull(),
    appointmentId: uuid().notNull(),
    tokenCipher: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.keyHash] })],
);

/** Captcha challenges already redeemed (replay protection) until they expire. */
export const terminCaptchaUses = pgTable(
  'termin_captcha_uses',
  {
    tenantId: tenantId(),
    challengeHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.challengeHash] })],
);
