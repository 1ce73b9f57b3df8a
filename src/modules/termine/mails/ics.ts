// iCalendar file for an appointment (one event), written by the shared calendar writer.
import { calendarIcs, type IcsCalendar, type IcsEvent } from '#shared/mail/ics.js';

/** One appointment: its event and the calendar around it (the uid stays the same across moves). */
export type IcsInput = IcsEvent & Omit<IcsCalendar, 'product' | 'events'>;

export function appointmentIcs(input: IcsInput): string {
  const { uid, startsAt, endsAt, summary, location, description, url, ...rest } = input;
  return calendarIcs({ ...rest, product: 'Termine', events: [{ uid, startsAt, endsAt, summary, location, description, url }] });
}
