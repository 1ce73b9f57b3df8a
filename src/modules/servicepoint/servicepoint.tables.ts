// Tables of the Servicepoint: visits (waiting numbers per local day), and ticket counters.
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenants } from '#shared/tenancy/index.js';

const tenantId = () =>
  uuid()
    .notNull()
    .references(() => tenants.id);

export const visitStatuses = ['waiting', 'called', 'in_progress', 'done', 'no_show', 'cancelled'] as const;
export type VisitStatus = (typeof visitStatuses)[number];
export const visitChannels = ['online', 'staff', 'walk_in'] as const;

/**
 * One visit at the desk: a checked-in appointment or a walk-in, with its waiting number. The booking
 * tables stay the booking module's; the appointment's own status is kept in step through its exports.
 */
export const servicepointVisits = pgTable(
  'servicepoint_visits',
  {
    tenantId: tenantId(),
    id: uuid().notNull().defaultRandom(),
    locationId: uuid().notNull(),
    /** null for walk-ins. */
    appointmentId: uuid(),
    serviceId: uuid(),
    /** Local date in Europe/Berlin; ticket numbers start at 1 every day. */
    localDay: date({ mode: 'string' }).notNull(),
    ticket: integer().notNull(),
    status: text({ enum: visitStatuses }).notNull().default('waiting'),
    channel: text({ enum: visitChannels }).notNull(),
    /** Order of calling: the appointment time (or arrival, if later); walk-ins their arrival. */
    dueAt: timestamp({ withTimezone: true }).notNull(),
    arrivedAt: timestamp({ withTimezone: true }).notNull(),
    calledAt: timestamp({ withTimezone: true }),
    counter: text(),
    calledBy: uuid(),
    doneAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex('servicepoint_visits_ticket_idx').on(t.tenantId, t.locationId, t.localDay, t.ticket),
    uniqueIndex('servicepoint_visits_appointment_idx').on(t.tenantId, t.appointmentId),
    index('servicepoint_visits_queue_idx').on(t.tenantId, t.locationId, t.localDay, t.status, t.dueAt),
    check('servicepoint_visits_ticket_check', sql`${t.ticket} >= 1`),
  ],
);
export type Visit = typeof servicepointVisits.$inferSelect;

/** Last ticket number per location and day: an upsert hands out numbers without gaps or duplicates. */
export const servicepointTicketCounters = pgTable(
  'servicepoint_ticket_counters',
  {
    tenantId: tenantId(),
    locationId: uuid().notNull(),
    localDay: date({ mode: 'string' }).notNull(),
    last: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.locationId, t.localDay] })],
);
