// The audit words of the unterlagen module: uploads and requests for documents (labels in locales/*/audit.json).
import { auditVocabulary } from '#shared/audit/index.js';

export const unterlagenAuditVocabulary = auditVocabulary('unterlagen', {
  actions: [
    'unterlagen.inbox.view',
    'unterlagen.view',
    'unterlagen.download',
    'unterlagen.accept',
    'unterlagen.reject',
    'unterlagen.assign',
    'unterlagen.aufforderung.create',
    'unterlagen.aufforderung.view',
    'unterlagen.aufforderung.letter',
  ],
  objectTypes: ['uploads', 'upload', 'upload_file', 'mitwirkungsaufforderung'],
});

declare module '#shared/audit/vocabulary.js' {
  interface AuditVocabularies {
    unterlagen: typeof unterlagenAuditVocabulary;
  }
}
