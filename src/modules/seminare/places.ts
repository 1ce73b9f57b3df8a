// Pure rules of the seminar programme: which seats are free, when an offer expires, who approves next, and
// whether attendance reaches the threshold for a certificate. No database, no clock: easy to test exhaustively.
import type { EnrolmentStatus, SeminarSettings } from './seminare.tables.js';

/** Seat numbers 1..seats not held, ascending. */
export function freeSeats(seats: number, held: readonly number[]): number[] {
  const taken = new Set(held);
  const free: number[] = [];
  for (let seat = 1; seat <= seats; seat++) if (!taken.has(seat)) free.push(seat);
  return free;
}

/** An offer runs `hours`, but never past the start of the session (nobody can accept then). */
export function offerExpiry(now: Date, hours: number, firstDayStart: Date | undefined): Date {
  const end = new Date(now.getTime() + hours * 3_600_000);
  return firstDayStart && firstDayStart < end ? firstDayStart : end;
}

/**
 * The status of a new request: the first approval step the tenant requires (the team-lead step is skipped for
 * people without a team lead), or 'approved' when nothing is left to approve.
 */
export function firstStep(approval: SeminarSettings['approval'], hasLead: boolean): 'pending_lead' | 'pending_hr' | 'approved' {
  if ((approval === 'lead_hr' || approval === 'lead') && hasLead) return 'pending_lead';
  if (approval === 'lead_hr' || approval === 'hr') return 'pending_hr';
  return 'approved';
}

/** After the team lead said yes. */
export function afterLead(approval: SeminarSettings['approval']): 'pending_hr' | 'approved' {
  return approval === 'lead_hr' ? 'pending_hr' : 'approved';
}

/** Weighted share of the session's time a person attended (days weighted by their length), 0–100. */
export function attendedPercent(days: readonly { id: string; startsAt: Date; endsAt: Date }[], percentByDay: ReadonlyMap<string, number>): number {
  const total = days.reduce((sum, d) => sum + (d.endsAt.getTime() - d.startsAt.getTime()), 0);
  if (total <= 0) return 0;
  const attended = days.reduce((sum, d) => sum + ((d.endsAt.getTime() - d.startsAt.getTime()) * (percentByDay.get(d.id) ?? 0)) / 100, 0);
  return Math.round((attended / total) * 100);
}

/** Statuses in which the person may still withdraw themselves. */
export const cancellable: readonly EnrolmentStatus[] = ['pending_lead', 'pending_hr', 'waitlisted', 'offered', 'confirmed'];

/** The UE (45 minutes each) are a property of the seminar; a person earns them with a certificate. */
export const UE_MINUTES = 45;
