// iCalendar file for an appointment, in Europe/Berlin with a VTIMEZONE block. Times are passed as luxon
// DateTimes in Berlin: a plain Date would be written in the process's time zone (ical-generator
// formats it with the local clock: 08:00Z became "08:00 Berlin" on a UTC server).
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { BERLIN, berlinDateTime } from '../../../shared/time.js';

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

const vtimezones = new Map<string, string | null>();
/** The VTIMEZONE block never changes at run time; building it costs more than the rest of the file. */
function vtimezone(zone: string): string | null {
  if (!vtimezones.has(zone)) vtimezones.set(zone, getVtimezoneComponent(zone));
  return vtimezones.get(zone)!;
}

export function appointmentIcs(input: IcsInput): string {
  const calendar = ical({
    prodId: { company: 'Wegweiser', product: 'Termine', language: 'DE' },
    method: input.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH,
    timezone: { name: BERLIN, generator: vtimezone },
  });
  calendar.createEvent({
    id: input.uid,
    sequence: input.sequence,
    stamp: DateTime.fromJSDate(input.now, { zone: 'utc' }),
    start: berlinDateTime(input.startsAt),
    end: berlinDateTime(input.endsAt),
    timezone: BERLIN,
    summary: input.summary,
    location: input.location,
    description: input.description,
    url: input.url ?? null,
    organizer: input.organizer,
    status: input.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return calendar.toString();
}
