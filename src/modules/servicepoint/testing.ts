// Test set-up of the desk: an app at Wednesday 25 November 2026, 10:00 in Heppenheim (open 08–12 and 13–15), its
// first location and service, a clerk, and bookings made by staff.
import { TenantDb } from '#shared/db/tenant-scope.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { loginAs, type LoggedIn } from '../staff/testing.js';
import { bookingService } from '../termine/index.js';
import { instantOf } from './queue.js';
import { deskLocations, deskServices } from './termine.adapter.js';

export interface DeskFixture {
  ctx: TestContext;
  desk: LoggedIn;
  locationId: string;
  serviceId: string;
  /** The day view's path. */
  base: string;
  /** Books `name` at `time` today (e-mail derived from the name). */
  book(name: string, time: string): Promise<Awaited<ReturnType<typeof bookingService.staffBook>>['appointment']>;
}

export async function startDesk(): Promise<DeskFixture> {
  const ctx = await createTestContext({ now: '2026-11-25T09:00:00Z' });
  const tdb = new TenantDb(ctx.deps.database.db, ctx.tenant.id);
  const termine = { tdb, tenant: ctx.tenant, deps: ctx.deps };
  const locationId = (await deskLocations(termine))[0]!.id;
  const serviceId = (await deskServices(termine)).find((s) => s.locationIds.includes(locationId))!.id;
  const book = async (name: string, time: string) =>
    (
      await bookingService.staffBook(termine, {
        locationId,
        serviceIds: [serviceId],
        persons: 1,
        startsAt: instantOf('2026-11-25', time)!,
        contact: { name, email: `${name.toLowerCase().replace(/\s/g, '.')}@example.org` },
      })
    ).appointment;
  return { ctx, desk: await loginAs(ctx, ['servicepoint']), locationId, serviceId, base: `/t/${ctx.tenant.slug}/staff/servicepoint/${locationId}`, book };
}
