// Feedback on citizen services: one question (satisfaction 1–5) and an optional comment, linked from every
// confirmation page, stored anonymously per tenant and service; tenant admins see the counts.
// Owns the table feedback_responses (doc/adr/0211-anonymous-service-feedback.md).
import type { WegweiserModule } from '#shared/module.js';
import { feedbackAuditVocabulary } from './audit-vocabulary.js';
import { registerFeedbackRoutes } from './feedback.routes.js';

export const feedbackModule: WegweiserModule = {
  name: 'feedback',
  auditVocabularies: [feedbackAuditVocabulary],
  permissions: { 'feedback.read': ['tenant_admin'] },
  staffNav: [{ path: '/staff/rueckmeldungen', labelKey: 'feedback:nav', permission: 'feedback.read', order: 86 }],
  html: registerFeedbackRoutes,
};

/** The link to the feedback form, for the confirmation pages of other modules. */
export { FeedbackLink } from './views/FeedbackLink.js';
export type { FeedbackService } from './feedback.schemas.js';
