// The servicepoint role's box on the staff start page: today's work per location, one click to the day view.
import type { DashboardWidget } from '#shared/module.js';
import { bookingService } from '../termine/index.js';
import * as repo from './servicepoint.repository.js';
import { deskLocations } from './termine.adapter.js';
import { berlinDate } from '#shared/time.js';

/** Per location: waiting, called (or in progress), done and no-shows today. Counts only, so nothing to audit. */
export const todayAtTheDesk: DashboardWidget['load'] = async ({ tdb, tenant, deps, t, base }) => {
  const ctx = { tdb, tenant, deps };
  const day = berlinDate(deps.clock.now());
  const [locations, counts] = await Promise.all([deskLocations(ctx), repo.visitCounts(tdb, day)]);
  const items = [];
  for (const location of locations) {
    const of = (...statuses: string[]) => counts.filter((c) => c.locationId === location.id && statuses.includes(c.status)).reduce((sum, c) => sum + c.n, 0);
    const appointments = await bookingService.listByDay(ctx, location.id, day);
    // A no-show is marked on the appointment (never came) or on the visit (called, not there); a called visit with
    // an appointment marks both, so those are counted once.
    const walkInNoShows = counts.filter((c) => c.locationId === location.id && c.status === 'no_show' && c.walkIn).reduce((sum, c) => sum + c.n, 0);
    const noShows = appointments.filter((a) => a.status === 'no_show').length + walkInNoShows;
    items.push({
      text: t('servicepoint:widget.location', { location: location.name, waiting: of('waiting'), called: of('called', 'in_progress'), done: of('done'), noShow: noShows, booked: appointments.length }),
      href: `${base}/staff/servicepoint/${location.id}`,
    });
  }
  return items;
};
