// The audit words of the seminare module (labels in locales/*/audit.json).
import { auditVocabulary } from '#shared/audit/index.js';

export const seminareAuditVocabulary = auditVocabulary('seminare', {
  actions: [
    'seminare.seminar_created',
    'seminare.seminar_changed',
    'seminare.session_created',
    'seminare.session_changed',
    'seminare.session_cancelled',
    'seminare.enrolment_requested',
    'seminare.enrolment_approved',
    'seminare.enrolment_rejected',
    'seminare.enrolment_cancelled',
    'seminare.approvals_viewed',
    'seminare.offer_accepted',
    'seminare.offer_declined',
    'seminare.waitlist_moved',
    'seminare.own_overview',
    'seminare.trainer_link_issued',
    'seminare.attendance_viewed',
    'seminare.attendance_recorded',
    'seminare.certificate_issued',
    'seminare.certificate_viewed',
    'seminare.certificate_revoked',
    'seminare.feedback_viewed',
    'seminare.reports_viewed',
    'seminare.report_exported',
  ],
  objectTypes: ['seminar', 'seminar_session', 'seminar_session_day', 'seminar_enrolment', 'seminar_certificate'],
});

declare module '#shared/audit/vocabulary.js' {
  interface AuditVocabularies {
    seminare: typeof seminareAuditVocabulary;
  }
}
