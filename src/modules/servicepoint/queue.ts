// Pure rules of the desk: typed booking codes (the codes themselves come from termine), ticket labels, local
// days and the waiting-time estimate.
import { fromBerlinIso } from '#shared/time.js';

/** Typed input → canonical code: case, spaces and dashes do not matter; O/I/L read as 0/1/1. */
export function normaliseCode(input: string): string | undefined {
  const plain = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{8}$/.test(plain)) return undefined;
  return `${plain.slice(0, 4)}-${plain.slice(4)}`;
}

/** Waiting numbers are shown with three digits, e.g. "007". */
export function ticketLabel(ticket: number): string {
  return String(ticket).padStart(3, '0');
}

/** Local date + "HH:mm" in Europe/Berlin → instant (undefined if the time is malformed or does not exist). */
export function instantOf(localDay: string, time: string): Date | undefined {
  if (!/^\d{2}:\d{2}$/.test(time)) return undefined;
  const dt = fromBerlinIso(`${localDay}T${time}`);
  if (!dt.isValid || dt.toFormat('HH:mm') !== time) return undefined;
  return dt.toJSDate();
}

export interface WaitInput {
  /** Visits waiting before this one. */
  ahead: number;
  /** Average minutes from call to done of the recent visits, or the location's slot length. */
  handlingMinutes: number;
  /** Counters serving now (at least 1). */
  counters: number;
  /** Seats left today for staff and walk-ins after the bookings; ≤ 0 means none left. */
  freeSeats: number;
}

export interface WaitEstimate {
  /** Lower and upper end of the range, in minutes, multiples of 5. */
  fromMinutes: number;
  toMinutes: number;
  noSeatsLeft: boolean;
}

/**
 * The people ahead shared among the open counters. At best a counter is free now (lower end); at worst every
 * counter has just begun a visit (upper end: one more visit length). Rounded outwards to 5 minutes.
 */
export function estimateWait(input: WaitInput): WaitEstimate {
  const counters = Math.max(1, input.counters);
  const handling = Math.max(1, input.handlingMinutes);
  const queued = (Math.max(0, input.ahead) * handling) / counters;
  return { fromMinutes: Math.floor(queued / 5) * 5, toMinutes: Math.max(5, Math.ceil((queued + handling) / 5) * 5), noSeatsLeft: input.freeSeats <= 0 };
}

/** Visits of the last `windowMinutes` before `now`: counters that called someone count as open. */
export function openCounters(visits: { counter: string | null; calledAt: Date | null }[], now: Date, windowMinutes = 60): number {
  const since = now.getTime() - windowMinutes * 60_000;
  return new Set(visits.filter((v) => v.counter && v.calledAt && v.calledAt.getTime() >= since).map((v) => v.counter)).size;
}

/** Mean of the positive durations in minutes (rounded), or undefined without any. */
export function averageMinutes(pairs: { from: Date | null; to: Date | null }[]): number | undefined {
  const durations = pairs
    .filter((p): p is { from: Date; to: Date } => Boolean(p.from && p.to))
    .map((p) => (p.to.getTime() - p.from.getTime()) / 60_000)
    .filter((m) => m >= 0);
  if (durations.length === 0) return undefined;
  return Math.round(durations.reduce((a, b) => a + b, 0) / durations.length);
}
