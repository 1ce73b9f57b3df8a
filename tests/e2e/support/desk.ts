// The set-up the desk's browser specs share: bookings at the first desk location on the harness's day, and the
// path of that location's day view.
import { TenantDb } from '#shared/db/tenant-scope.js';
import { instantOf } from '../../../src/modules/servicepoint/queue.js';
import { deskLocations, deskServices } from '../../../src/modules/servicepoint/termine.adapter.js';
import { bookingService } from '../../../src/modules/termine/index.js';
import type { BrowserHarness } from './browser.js';

export interface DeskBooking {
  time: string;
  name: string;
  persons?: number;
}

/** Books each appointment (by staff, one service) on `day` and returns the day view's path, e.g. /t/neue-wege/staff/servicepoint/<id>. */
export async function deskWithBookings(h: BrowserHarness, day: string, bookings: DeskBooking[]): Promise<string> {
  const tdb = new TenantDb(h.ctx.deps.database.db, h.ctx.tenant.id);
  const c = { tdb, tenant: h.ctx.tenant, deps: h.ctx.deps };
  const locationId = (await deskLocations(c))[0]!.id;
  const serviceId = (await deskServices(c)).find((s) => s.locationIds.includes(locationId))!.id;
  for (const { time, name, persons = 1 } of bookings) {
    await bookingService.staffBook(c, { locationId, serviceIds: [serviceId], persons, startsAt: instantOf(day, time)!, contact: { name, email: 'desk@example.org' } });
  }
  return `/t/neue-wege/staff/servicepoint/${locationId}`;
}
