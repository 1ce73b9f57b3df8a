// iCalendar files (appointments, seminar sessions) in Europe/Berlin with a VTIMEZONE block. Times are passed
// to ical-generator as luxon DateTimes in Berlin: a plain Date would be written in the process's time zone
// (ical-generator formats it with the local clock: 08:00Z became "08:00 Berlin" on a UTC server).
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { BERLIN as ZONE, berlinDateTime } from '../time.js';

export interface IcsEvent {
  /** Stable across changes so calendars update the same entry. */
  uid: string;
  startsAt: Date;
  endsAt: Date;
  summary: string;
  location: string;
  description: string;
  url?: string | undefined;
}

export interface IcsCalendar {
  product: string;
  /** Raised with every change sent for the same UIDs. */
  sequence: number;
  events: IcsEvent[];
  organizer: { name: string; email: string };
  cancelled?: boolean | undefined;
  now: Date;
}

const vtimezones = new Map<string, string | null>();
/** The VTIMEZONE block never changes at run time; building it costs more than the rest of the file. */
function vtimezone(zone: string): string | null {
  if (!vtimezones.has(zone)) vtimezones.set(zone, getVtimezoneComponent(zone));
  return vtimezones.get(zone)!;
}

/** One calendar file with one event per entry (a multi-day seminar has one per day), or their cancellation. */
export function calendarIcs(input: IcsCalendar): string {
  const calendar = ical({
    prodId: { company: 'Wegweiser', product: input.product, language: 'DE' },
    method: input.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH,
    timezone: { name: ZONE, generator: vtimezone },
  });
  for (const event of input.events) {
    calendar.createEvent({
      id: event.uid,
      sequence: input.sequence,
      stamp: input.now,
      start: berlinDateTime(event.startsAt),
      end: berlinDateTime(event.endsAt),
      timezone: ZONE,
      summary: event.summary,
      location: event.location,
      description: event.description,
      url: event.url ?? null,
      organizer: input.organizer,
      status: input.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  // RFC 5545 §3.8.7.2: DTSTAMP is in UTC ("…Z"). ical-generator writes it in the calendar's zone without one.
  const stamp = `DTSTAMP:${DateTime.fromJSDate(input.now, { zone: 'utc' }).toFormat("yyyyMMdd'T'HHmmss'Z'")}`;
  return calendar.toString().replace(/^DTSTAMP:[^\r\n]*/gm, stamp);
}
