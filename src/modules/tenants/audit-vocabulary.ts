// The audit words of the tenants module (labels in locales/*/audit.json).
import { auditVocabulary } from '#shared/audit/index.js';

export const tenantsAuditVocabulary = auditVocabulary('tenants', {
  actions: ['tenants.created'],
  objectTypes: ['tenant'],
});

declare module '#shared/audit/vocabulary.js' {
  interface AuditVocabularies {
    tenants: typeof tenantsAuditVocabulary;
  }
}
