// The audit words of the servicepoint module: the desk, its statistics and appointments by phone (labels in locales/*/audit.json).
import { auditVocabulary } from '#shared/audit/index.js';

export const servicepointAuditVocabulary = auditVocabulary('servicepoint', {
  actions: [
    'servicepoint.day.read',
    'servicepoint.check_in',
    'servicepoint.self_check_in',
    'servicepoint.walk_in',
    'servicepoint.call',
    'servicepoint.visit.start',
    'servicepoint.visit.done',
    'servicepoint.visit.no_show',
    'servicepoint.visit.requeue',
    'servicepoint.no_show',
    'servicepoint.undo',
    'servicepoint.stats.read',
    'servicepoint.appointment.cancel',
    'servicepoint.appointment.move',
    'servicepoint.phone_booking',
    'servicepoint.closure',
  ],
  objectTypes: ['termin_location', 'termin_appointment', 'termin_closure', 'servicepoint_visit'],
});

declare module '#shared/audit/vocabulary.js' {
  interface AuditVocabularies {
    servicepoint: typeof servicepointAuditVocabulary;
  }
}
