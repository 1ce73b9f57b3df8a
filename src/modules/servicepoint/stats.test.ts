import { describe, expect, it } from 'vitest';
import { dayFigures, toCsv, totals } from './stats.js';

const at = (h: number, m = 0) => new Date(Date.UTC(2026, 10, 25, h, m));
const appt = (status: string, channel: 'online' | 'staff' = 'online') => ({ status, channel, startsAt: at(8), endsAt: at(8, 15) });

describe('desk statistics', () => {
  it('counts bookings by channel, no-shows, waits and utilisation', () => {
    const d = dayFigures({
      day: '2026-11-25',
      appointments: [appt('done'), appt('no_show'), appt('booked', 'staff'), appt('cancelled'), appt('pending')],
      visits: [
        { channel: 'online', arrivedAt: at(8), calledAt: at(8, 10) },
        { channel: 'walk_in', arrivedAt: at(9), calledAt: at(9, 20) },
        { channel: 'walk_in', arrivedAt: at(9), calledAt: null },
      ],
      capacityMinutes: 90,
    });
    expect(d).toEqual({ day: '2026-11-25', booked: 3, online: 2, staff: 1, walkIn: 2, noShow: 1, noShowRate: 1 / 3, avgWaitMinutes: 15, utilisation: 0.5 });
  });

  it('has no rates for empty or closed days and sums a period', () => {
    const empty = dayFigures({ day: '2026-11-29', appointments: [], visits: [], capacityMinutes: 0 });
    expect(empty.noShowRate).toBeNull();
    expect(empty.utilisation).toBeNull();
    const full = dayFigures({ day: '2026-11-25', appointments: [appt('no_show'), appt('done')], visits: [], capacityMinutes: 30 });
    expect(totals([empty, full])).toMatchObject({ booked: 2, noShow: 1, noShowRate: 0.5, utilisation: 1, avgWaitMinutes: null });
  });

  it('writes CSV with a BOM, semicolons and guarded cells', () => {
    const csv = toCsv([dayFigures({ day: '2026-11-25', appointments: [appt('done')], visits: [], capacityMinutes: 60 })], ['=Tag', 'a;b']);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain(`'=Tag;"a;b"`);
    expect(csv).toContain('2026-11-25;1;1;0;0;0;0.0;;25.0');
  });
});
