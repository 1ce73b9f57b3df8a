// Coaching Aus- und Weiterbildung (SGB II): caseload and intake, the restricted section (Art. 9 DSGVO),
// Potenzialanalyse, training paths, Kooperationsplan with activities and dialogue, follow-up, exits and indicators,
// and the participant's personal link. Owns the coaching_* tables.
import type { WegweiserModule } from '#shared/module.js';
import { coachingAuditVocabulary } from './audit-vocabulary.js';
import { registerCoachingApi } from './coaching.api.js';
import { overdueContacts } from './coaching.widgets.js';
import { seedCoaching } from './demo.js';
import { registerParticipantRoutes } from './participant.routes.js';
import { coachingJobs } from './retention.js';
import { registerStaffRoutes } from './staff.routes.js';
import { registerTerminRoutes } from './termin.routes.js';
import { registerKldbRoutes } from './kldb.routes.js';

export const coachingModule: WegweiserModule = {
  name: 'coaching',
  auditVocabularies: [coachingAuditVocabulary],
  permissions: {
    /** Own caseload, intake, the dossier of one's own participants with their restricted section. */
    'coaching.caseload': ['coach'],
    /** The caseload of the team one leads (read only, no restricted section). */
    'coaching.team': ['teamleitung'],
    /** Referral by the caseworker; afterwards status and agreed plan of the people one referred. */
    'coaching.refer': ['sachbearbeitung'],
    /** Aggregated indicators (no personal data, groups under five withheld). */
    'coaching.indicators': ['coach', 'teamleitung', 'tenant_admin'],
    /** How long coaching data are kept after the end (retention settings). */
    'coaching.settings': ['tenant_admin'],
  },
  staffNav: [
    { path: '/staff/coaching', labelKey: 'coaching:nav.caseload', permission: 'coaching.caseload', order: 40 },
    { path: '/staff/coaching/team', labelKey: 'coaching:nav.team', permission: 'coaching.team', order: 40 },
    { path: '/staff/coaching/zuweisung', labelKey: 'coaching:nav.referral', permission: 'coaching.refer', order: 41 },
    { path: '/staff/coaching/kennzahlen', labelKey: 'coaching:nav.indicators', permission: 'coaching.indicators', order: 42 },
    { path: '/staff/coaching/einstellungen', labelKey: 'coaching:nav.settings', permission: 'coaching.settings', order: 43 },
  ],
  dashboardWidgets: [{ id: 'coaching-overdue', titleKey: 'coaching:widget.title', permission: 'coaching.caseload', order: 20, load: overdueContacts }],
  async html(app, deps) {
    registerParticipantRoutes(app, deps);
    await app.register(async (scope) => {
      await registerStaffRoutes(scope, deps);
      registerTerminRoutes(scope, deps);
      await registerKldbRoutes(scope, deps);
    });
  },
  api(app, deps) {
    registerCoachingApi(app, deps);
  },
  seedDemo: seedCoaching,
  jobs: coachingJobs,
};
