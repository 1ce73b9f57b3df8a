// Seminare: the staff seminar programme — catalogue, sessions, enrolment with approval, a fair waitlist that
// moves up by itself, attendance, verifiable certificates and training accounts.
// Owns the seminar_* tables.
import type { WegweiserModule } from '#shared/module.js';
import { seminareAuditVocabulary } from './audit-vocabulary.js';
import { roles } from '../staff/index.js';
import { seedSeminareDemo } from './demo.js';
import { seminareJobs } from './jobs.js';
import { registerSeminareApi } from './seminare.api.js';
import { registerSeminareFeedbackRoutes } from './feedback.routes.js';
import { registerSeminareReportRoutes } from './reports.routes.js';
import { registerSeminarePublicRoutes } from './public.routes.js';
import { registerSeminareOfficeRoutes } from './office.routes.js';
import { registerSeminareStaffRoutes } from './staff.routes.js';

export const seminareModule: WegweiserModule = {
  name: 'seminare',
  auditVocabularies: [seminareAuditVocabulary],
  permissions: {
    /** Catalogue, own requests, own training account: every staff member. */
    'seminare.browse': roles,
    /** Decide on the requests of one's own team (the service checks that the person leads the applicant's team). */
    'seminare.approve': ['teamleitung', 'personalentwicklung'],
    /** The training office: catalogue, sessions, second approval step, waitlist, reports, certificates. */
    'seminare.manage': ['personalentwicklung'],
    /** Attendance lists of the sessions one trains (the training office: all). */
    'seminare.attendance': ['trainer', 'personalentwicklung'],
  },
  staffNav: [
    { path: '/staff/seminare', labelKey: 'seminare:nav.catalogue', permission: 'seminare.browse', order: 60 },
    { path: '/staff/seminare/meine', labelKey: 'seminare:nav.mine', permission: 'seminare.browse', order: 61 },
    { path: '/staff/seminare/freigaben', labelKey: 'seminare:nav.approvals', permission: 'seminare.approve', order: 62 },
    { path: '/staff/seminare/berichte', labelKey: 'seminare:nav.reports', permission: 'seminare.manage', order: 63 },
  ],
  html(app, deps) {
    registerSeminareStaffRoutes(app, deps);
    registerSeminareOfficeRoutes(app, deps);
    registerSeminarePublicRoutes(app, deps);
    registerSeminareFeedbackRoutes(app, deps);
    registerSeminareReportRoutes(app, deps);
  },
  api: registerSeminareApi,
  jobs: seminareJobs,
  seedDemo: seedSeminareDemo,
};
