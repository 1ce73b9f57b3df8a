// The audit words of the feedback module (labels in locales/*/audit.json).
import { auditVocabulary } from '#shared/audit/index.js';

export const feedbackAuditVocabulary = auditVocabulary('feedback', {
  actions: ['feedback.comments.read'],
  objectTypes: ['feedback_comments'],
});

declare module '#shared/audit/vocabulary.js' {
  interface AuditVocabularies {
    feedback: typeof feedbackAuditVocabulary;
  }
}
