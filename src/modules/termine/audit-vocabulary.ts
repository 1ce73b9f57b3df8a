// The audit words of the termine module: the configuration of appointments (labels in locales/*/audit.json).
import { auditVocabulary } from '#shared/audit/index.js';

export const termineAuditVocabulary = auditVocabulary('termine', {
  actions: [
    'termine.settings.changed',
    'termine.location.created',
    'termine.location.changed',
    'termine.location.closed',
    'termine.service.created',
    'termine.service.changed',
  ],
  objectTypes: ['termin_settings', 'termin_location', 'termin_service'],
});

declare module '#shared/audit/vocabulary.js' {
  interface AuditVocabularies {
    termine: typeof termineAuditVocabulary;
  }
}
