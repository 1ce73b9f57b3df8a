// Staff: accounts, roles, two-factor login, server-side sessions, CSRF and the back-office shell.
// Owns staff_users, staff_sessions, staff_tokens, staff_recovery_codes, login_throttle, staff_teams and
// staff_team_members (teams and their leads, read by other modules through teamService).
import type { WegweiserModule } from '#shared/module.js';
import { staffAuditVocabulary } from './audit-vocabulary.js';
import { registerAccountRoutes } from './account.routes.js';
import { registerAdminRoutes } from './admin.routes.js';
import { installStaffAuth } from './auth.js';
import { seedStaffDemo } from './demo.js';
import { registerDevMailRoutes } from './devmail.js';
import { registerLoginRoutes } from './login.routes.js';
import { registerPasswordRoutes } from './password.routes.js';
import { assertKnownRoles, staffPermissions } from './permissions.js';
import { registerStaffApi } from './staff.api.js';
import { registerTeamRoutes } from './teams.routes.js';
import { openAccountTasks } from './staff.widgets.js';

export { requirePermission, type StaffPrincipal } from './auth.js';
export { hasPermission, roles, type Role } from './permissions.js';
export { StaffLayout } from './views/StaffLayout.js';
export { createStaffUser, staffContacts, staffUserByEmail, staffWithRole, type StaffContact } from './users.service.js';
export { staffDirectory } from './admin.service.js';
export { teamService, type StaffTeam, type TeamMember } from './teams.service.js';

export const staffModule: WegweiserModule = {
  name: 'staff',
  auditVocabularies: [staffAuditVocabulary],
  permissions: staffPermissions,
  staffNav: [
    { path: '/staff', labelKey: 'staff:nav.start', permission: 'staff.self', order: 0 },
    { path: '/staff/admin/users', labelKey: 'staff:nav.users', permission: 'staff.manage', order: 80 },
    { path: '/staff/admin/teams', labelKey: 'staff:nav.teams', permission: 'staff.teams', order: 81 },
    { path: '/staff/account', labelKey: 'staff:nav.account', permission: 'staff.self', order: 95 },
    { path: '/staff/logout', labelKey: 'staff:nav.logout', permission: 'staff.self', order: 99 },
  ],
  dashboardWidgets: [{ id: 'staff-accounts', titleKey: 'staff:widgets.accounts', permission: 'staff.manage', order: 90, load: openAccountTasks }],
  html(app, deps) {
    assertKnownRoles(deps);
    installStaffAuth(app, deps);
    registerLoginRoutes(app, deps);
    registerPasswordRoutes(app, deps);
    registerAccountRoutes(app, deps);
    registerAdminRoutes(app, deps);
    registerTeamRoutes(app, deps);
  },
  api(app, deps) {
    installStaffAuth(app, deps);
    registerStaffApi(app, deps);
  },
  root: registerDevMailRoutes,
  seedDemo: seedStaffDemo,
};
