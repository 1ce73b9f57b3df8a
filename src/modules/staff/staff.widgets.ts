// The staff module's box on the staff start page: account tasks for tenant admins.
import type { DashboardWidget } from '#shared/module.js';
import * as repo from './staff.repository.js';

/** Tenant admins: open invitations and accounts without a second factor. */
export const openAccountTasks: DashboardWidget['load'] = async ({ tdb, t, base }) => {
  const users = (await repo.listUsers(tdb)).filter((u) => u.active);
  const invited = users.filter((u) => !u.passwordHash).length;
  const noFactor = users.filter((u) => u.passwordHash && !u.totpSecret).length;
  const href = `${base}/staff/admin/users`;
  return [
    ...(invited ? [{ text: t('staff:widgets.invited', { count: invited }), href }] : []),
    ...(noFactor ? [{ text: t('staff:widgets.noSecondFactor', { count: noFactor }), href }] : []),
  ];
};
