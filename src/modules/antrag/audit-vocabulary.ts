// The audit words of the antrag module: staff reading and working on applications (labels in locales/*/audit.json).
import { auditVocabulary } from '#shared/audit/index.js';

export const antragAuditVocabulary = auditVocabulary('antrag', {
  actions: [
    'antrag.inbox.view',
    'antrag.read',
    'antrag.status',
    'antrag.note',
    'antrag.documents_requested',
    'antrag.export',
    'antrag.pdf',
  ],
  objectTypes: ['applications', 'application'],
});

declare module '#shared/audit/vocabulary.js' {
  interface AuditVocabularies {
    antrag: typeof antragAuditVocabulary;
  }
}
