// iCalendar file for an appointment (one event), written by the shared calendar writer.
import { calendarIcs } from '#shared/mail/ics.js';

export interface IcsInput {
  /** Stable across moves so calendars update the same entry. */
  uid: string;
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  summary: string;
  location: string;
  description: string;
  url?: string | undefined;
  organizer: { name: string; email: string };
  cancelled?: boolean;
  now: Date;
}

export function appointmentIcs(input: IcsInput): string {
  const { uid, startsAt, endsAt, summary, location, description, url, ...rest } = input;
  return calendarIcs({ ...rest, product: 'Termine', events: [{ uid, startsAt, endsAt, summary, location, description, url }] });
}
