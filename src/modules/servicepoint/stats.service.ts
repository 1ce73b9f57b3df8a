// Desk statistics of a period: the booking module's appointments per day plus our visits.
import { bookingService } from '../termine/index.js';
import { audit, requireLocation, termineCtx, type DeskContext } from './desk.service.js';
import * as repo from './servicepoint.repository.js';
import { dayFigures, type DayFigures } from './stats.js';
import { openingMinutesByWeekday } from './termine.adapter.js';
import { fromBerlinIso } from '#shared/time.js';

/**
 * The figures per day. The page and the CSV export are audited; the chart image of the page is not (it draws what
 * the audited page shows, ADR 0350): `audited: false`.
 */
export async function figures(ctx: DeskContext, locationId: string, from: string, to: string, { audited = true } = {}): Promise<DayFigures[]> {
  const location = await requireLocation(ctx, locationId);
  const [opening, visits] = await Promise.all([openingMinutesByWeekday(ctx, locationId), repo.visitsBetween(ctx.tdb, locationId, from, to)]);
  const days: DayFigures[] = [];
  await ctx.tdb.transaction(async (tx) => {
    for (let d = fromBerlinIso(from); d.toISODate()! <= to; d = d.plus({ days: 1 })) {
      const day = d.toISODate()!;
      const appointments = await bookingService.listByDay(termineCtx(ctx, tx), locationId, day);
      days.push(dayFigures({ day, appointments, visits: visits.filter((v) => v.localDay === day), capacityMinutes: (opening.get(d.weekday) ?? 0) * location.seatsTotal }));
    }
    if (audited) await audit(ctx, tx, 'servicepoint.stats.read', 'termin_location', locationId, `${from}/${to}`);
  });
  return days;
}
