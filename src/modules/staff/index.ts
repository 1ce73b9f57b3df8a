// Staff: accounts, roles, two-factor login, server-side sessions, CSRF and the back-office shell.
// Owns staff_users, staff_sessions, staff_tokens, staff_recovery_codes and login_throttle.
import type { WegweiserModule } from '../../shared/module.js';
import { registerAccountRoutes } from './account.routes.js';
import { registerAdminRoutes } from './admin.routes.js';
import { installStaffAuth, registerStaffNavItem } from './auth.js';
import { registerStaffDashboardWidget } from './dashboard.js';
import { seedStaffDemo } from './demo.js';
import { registerDevMail } from './devmail.js';
import { registerLoginRoutes } from './login.routes.js';
import { registerPasswordRoutes } from './password.routes.js';
import { registerStaffApi } from './staff.api.js';
import { openAccountTasks } from './staff.widgets.js';

export { requirePermission, registerStaffNavItem, type StaffPrincipal, type StaffNavEntry } from './auth.js';
export { registerStaffDashboardWidget, type StaffDashboardWidget, type DashboardItem } from './dashboard.js';
export { hasPermission, roles, type Permission, type Role } from './permissions.js';
export { StaffLayout, SessionTimeoutNotice } from './views/StaffLayout.js';
export { createStaffUser } from './users.service.js';
export { staffDirectory } from './admin.service.js';

registerStaffNavItem({ path: '/staff', labelKey: 'staff:nav.start', permission: 'staff.self', order: 0 });
registerStaffNavItem({ path: '/staff/admin/users', labelKey: 'staff:nav.users', permission: 'staff.manage', order: 80 });
registerStaffNavItem({ path: '/staff/account', labelKey: 'staff:nav.account', permission: 'staff.self', order: 95 });
registerStaffNavItem({ path: '/staff/logout', labelKey: 'staff:nav.logout', permission: 'staff.self', order: 99 });
registerStaffDashboardWidget({ id: 'staff-accounts', titleKey: 'staff:widgets.accounts', permission: 'staff.manage', order: 90, load: openAccountTasks });

export const staffModule: WegweiserModule = {
  name: 'staff',
  html(app, deps) {
    installStaffAuth(app, deps);
    registerLoginRoutes(app, deps);
    registerPasswordRoutes(app, deps);
    registerAccountRoutes(app, deps);
    registerAdminRoutes(app, deps);
  },
  api(app, deps) {
    installStaffAuth(app, deps);
    registerStaffApi(app);
  },
  root: registerDevMail,
  seedDemo: seedStaffDemo,
};
