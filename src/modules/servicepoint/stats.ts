// Pure figures of the desk statistics (per day), their sums over a period and the CSV export.
import { averageMinutes } from './queue.js';

export interface DayInput {
  day: string;
  appointments: { status: string; channel: 'online' | 'staff'; startsAt: Date; endsAt: Date }[];
  visits: { channel: string; arrivedAt: Date; calledAt: Date | null }[];
  /** Seats × opening minutes of that day (0 when closed). */
  capacityMinutes: number;
}

export interface DayFigures {
  day: string;
  booked: number;
  online: number;
  staff: number;
  walkIn: number;
  noShow: number;
  /** Share of booked appointments nobody came to, 0…1 (null without bookings). */
  noShowRate: number | null;
  /** Minutes from arrival to call (null without calls). */
  avgWaitMinutes: number | null;
  /** Booked seat-minutes per available seat-minutes, 0…1 (null when closed). */
  utilisation: number | null;
}

const counted = new Set(['booked', 'arrived', 'called', 'in_progress', 'done', 'no_show']);

export function dayFigures(input: DayInput): DayFigures {
  const booked = input.appointments.filter((a) => counted.has(a.status));
  const noShow = booked.filter((a) => a.status === 'no_show').length;
  const usedMinutes = booked.reduce((sum, a) => sum + (a.endsAt.getTime() - a.startsAt.getTime()) / 60_000, 0);
  return {
    day: input.day,
    booked: booked.length,
    online: booked.filter((a) => a.channel === 'online').length,
    staff: booked.filter((a) => a.channel === 'staff').length,
    walkIn: input.visits.filter((v) => v.channel === 'walk_in').length,
    noShow,
    noShowRate: booked.length ? noShow / booked.length : null,
    avgWaitMinutes: averageMinutes(input.visits.map((v) => ({ from: v.arrivedAt, to: v.calledAt }))) ?? null,
    utilisation: input.capacityMinutes > 0 ? Math.min(1, usedMinutes / input.capacityMinutes) : null,
  };
}

/** Sums of a period; rates weighted by their days' counts. */
export function totals(days: DayFigures[]): Omit<DayFigures, 'day'> {
  const sum = (f: (d: DayFigures) => number) => days.reduce((s, d) => s + f(d), 0);
  const booked = sum((d) => d.booked);
  const noShow = sum((d) => d.noShow);
  const waits = days.filter((d) => d.avgWaitMinutes !== null);
  const open = days.filter((d) => d.utilisation !== null);
  return {
    booked,
    online: sum((d) => d.online),
    staff: sum((d) => d.staff),
    walkIn: sum((d) => d.walkIn),
    noShow,
    noShowRate: booked ? noShow / booked : null,
    avgWaitMinutes: waits.length ? Math.round(waits.reduce((s, d) => s + d.avgWaitMinutes!, 0) / waits.length) : null,
    utilisation: open.length ? open.reduce((s, d) => s + d.utilisation!, 0) / open.length : null,
  };
}

const percent = (v: number | null) => (v === null ? '' : (v * 100).toFixed(1));

function csvCell(value: string): string {
  // Formula injection: spreadsheet programs run cells starting with = + - @.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[";\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Semicolon-separated (German spreadsheet default), one row per day. */
export function toCsv(days: DayFigures[], header: string[]): string {
  const lines = [header.map(csvCell).join(';')];
  for (const d of days) {
    lines.push(
      [d.day, d.booked, d.online, d.staff, d.walkIn, d.noShow, percent(d.noShowRate), d.avgWaitMinutes ?? '', percent(d.utilisation)].map((v) => csvCell(String(v))).join(';'),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
