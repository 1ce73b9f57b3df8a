// The audit words of the forms library: citizens asking for the status of a submission (labels in locales/*/audit.json).
import { auditVocabulary } from '#shared/audit/index.js';

export const formsAuditVocabulary = auditVocabulary('forms', {
  actions: ['forms.status.viewed', 'forms.status.denied', 'forms.status.pdf'],
  objectTypes: ['form_submission'],
});

declare module '#shared/audit/vocabulary.js' {
  interface AuditVocabularies {
    forms: typeof formsAuditVocabulary;
  }
}
