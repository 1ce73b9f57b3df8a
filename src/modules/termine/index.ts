// Onlineterminierung: locations, services, opening hours, availability, holds and bookings of Servicepoint appointments.
// Owns the termin_* tables; exports bookingService (for the Servicepoint desk), closeLocation and bookingCode.
import type { WegweiserModule } from '#shared/module.js';
import { termineAuditVocabulary } from './audit-vocabulary.js';
import { registerAdminApi } from './admin.api.js';
import { registerAdminRoutes } from './admin.routes.js';
import { activeLocations, listAvailableDays, listAvailableTimes, nextFreeTimes, openingHoursOf, staffCatalogue, type TermineContext } from './availability.service.js';
import { bookingCode } from './booking-code.js';
import { SlotTakenError } from './booking.errors.js';
import { book, type Contact } from './booking.service.js';
import { extendHold, hold } from './hold.service.js';
import { closeLocation, removeClosure } from './closures.service.js';
import { seedTermine } from './demo.js';
import { termineJobs } from './jobs.js';
import { allowedActions, appointmentById, byManageToken, cancel, confirm, deskTransitions, describe, listByDay, reschedule, restoreStatus, setStatus, type AppointmentView, type StatusMark, type Cancellation } from './manage.service.js';
import { registerJourneyRoutes } from './journey.routes.js';
import { BOOKING_MAIL_RENDERER, bookingMailRenderer } from './mails/booking-mail.js';
import { registerManageRoutes } from './manage.routes.js';
import { registerTermineApi } from './termine.api.js';

export type { TermineContext, Contact, Cancellation, AppointmentView, StatusMark };
export type { Appointment, AppointmentStatus, TerminLocation } from './termine.tables.js';
export { SlotTakenError, closeLocation, bookingCode };
export { appointmentStatuses } from './termine.tables.js';

/**
 * The booking model for other modules. Every function takes a TermineContext ({ tdb, tenant, deps }) and
 * plain data. Staff bookings use channel 'staff': all seats, no captcha, no rate limits, no horizon.
 * An appointment is loaded once (`appointment` by id for staff, `byManageToken` for the personal link) and
 * the loaded row is passed to `cancel`, `reschedule` and `confirm`.
 */
export const bookingService = {
  hold,
  extendHold,
  book,
  /** Staff booking (phone, walk-in): `slot.channel` is forced to 'staff'; contact e-mail optional. */
  staffBook: (ctx: TermineContext, input: { locationId: string; serviceIds: string[]; persons: number; startsAt: Date; contact: Contact; language?: string }) =>
    book(ctx, {
      slot: { locationId: input.locationId, serviceIds: input.serviceIds, persons: input.persons, startsAt: input.startsAt, channel: 'staff' },
      contact: input.contact,
      language: input.language ?? 'de',
    }),
  appointment: appointmentById,
  byManageToken,
  cancel,
  reschedule,
  confirm,
  listByDay,
  setStatus,
  restoreStatus,
  deskTransitions,
  describe,
  allowedActions,
  listAvailableDays,
  listAvailableTimes,
  nextFreeTimes,
  closeLocation,
  removeClosure,
  /** Active locations in display order (one query; for lookups on hot paths). */
  activeLocations,
  /** Active locations and services (including those bookable only by staff) with their locations. */
  staffCatalogue,
  openingHours: openingHoursOf,
};

export const termineModule: WegweiserModule = {
  name: 'termine',
  auditVocabularies: [termineAuditVocabulary],
  permissions: { 'termine.configure': ['tenant_admin'] },
  staffNav: [{ path: '/staff/termine', labelKey: 'termine:admin.nav', permission: 'termine.configure', order: 30 }],
  async html(app, deps) {
    registerJourneyRoutes(app, deps);
    await app.register((scope) => registerManageRoutes(scope, deps));
    await app.register((scope) => registerAdminRoutes(scope, deps));
  },
  async api(app, deps) {
    registerTermineApi(app, deps);
    await app.register((scope) => registerAdminApi(scope, deps));
  },
  citizenServices: [{ titleKey: 'termine:service.title', descriptionKey: 'termine:service.description', path: '/termine' }],
  seedDemo: seedTermine,
  jobs: termineJobs,
  mailRenderers: { [BOOKING_MAIL_RENDERER]: bookingMailRenderer },
};
