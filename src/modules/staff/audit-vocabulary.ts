// The audit words of the staff module: accounts, teams and security events (labels in locales/*/audit.json).
import { auditVocabulary } from '#shared/audit/index.js';

export const staffAuditVocabulary = auditVocabulary('staff', {
  actions: [
    'staff.created',
    'staff.list',
    'staff.view',
    'staff.invite',
    'staff.invite_resent',
    'staff.deactivated',
    'staff.reactivated',
    'staff.team_created',
    'staff.team_view',
    'staff.team_member_set',
    'staff.team_member_removed',
    'security.login',
    'security.login_password_ok',
    'security.login_second_factor_ok',
    'security.login_failed',
    'security.login_locked',
    'security.login_attacked',
    'security.logout',
    'security.logout_everywhere',
    'security.password_changed',
    'security.password_change_failed',
    'security.password_reset_requested',
    'security.password_reset',
    'security.invitation_accepted',
    'security.totp_enrolled',
    'security.totp_enrolment_failed',
    'security.totp_reset',
    'security.roles_changed',
    'security.session_revoked',
    'security.access_denied',
    'security.csrf_refused',
  ],
  objectTypes: ['staff_user', 'staff_session', 'staff_team', 'permission', 'route'],
});

declare module '#shared/audit/vocabulary.js' {
  interface AuditVocabularies {
    staff: typeof staffAuditVocabulary;
  }
}
