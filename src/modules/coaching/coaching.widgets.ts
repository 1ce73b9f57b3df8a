// The coach's box on the staff start page: how many contacts are overdue (a count, no names).
import type { DashboardWidget } from '#shared/module.js';
import * as repo from './coaching.repository.js';
import { berlinToday, isOverdue } from './rules.js';

export const overdueContacts: DashboardWidget['load'] = async ({ tdb, staff, deps, t, base }) => {
  const today = berlinToday(deps.clock.now());
  const overdue = (await repo.teilnehmendeOfCoaches(tdb, [staff.userId])).filter((p) => isOverdue(p, today)).length;
  return overdue ? [{ text: t('coaching:widget.overdue', { count: overdue }), href: `${base}/staff/coaching` }] : [];
};
