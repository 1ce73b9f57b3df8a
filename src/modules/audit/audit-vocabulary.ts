// The audit words of the audit module: reading the log is itself recorded (labels in locales/*/audit.json).
import { auditVocabulary } from '#shared/audit/index.js';

export const auditLogVocabulary = auditVocabulary('audit', {
  actions: ['audit.search', 'audit.export'],
  objectTypes: ['audit_log'],
});

declare module '#shared/audit/vocabulary.js' {
  interface AuditVocabularies {
    audit: typeof auditLogVocabulary;
  }
}
