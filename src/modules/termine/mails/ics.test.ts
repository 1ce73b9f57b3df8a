import { describe, expect, it } from 'vitest';
import { appointmentIcs } from './ics.js';

const base = {
  uid: 'a1b2c3@wegweiser',
  sequence: 0,
  summary: 'Termin: Antrag abgeben',
  location: 'Servicepoint Heppenheim, Walther-Rathenau-Straße 2, 64646 Heppenheim',
  description: 'Bitte bringen Sie mit: Personalausweis',
  organizer: { name: 'Neue Wege', email: 'info@neue-wege.org' },
  now: new Date('2026-11-25T09:00:00Z'),
};

describe('appointment iCalendar file', () => {
  it('writes Berlin wall-clock times with TZID whatever the process time zone (winter)', () => {
    const ics = appointmentIcs({ ...base, startsAt: new Date('2026-12-03T07:00:00Z'), endsAt: new Date('2026-12-03T07:30:00Z') });
    expect(ics).toContain('DTSTART;TZID=Europe/Berlin:20261203T080000');
    expect(ics).toContain('DTEND;TZID=Europe/Berlin:20261203T083000');
  });

  it('uses summer time offsets in summer', () => {
    const ics = appointmentIcs({ ...base, startsAt: new Date('2026-06-10T06:15:00Z'), endsAt: new Date('2026-06-10T06:30:00Z') });
    expect(ics).toContain('DTSTART;TZID=Europe/Berlin:20260610T081500');
  });

  it('includes a VTIMEZONE for Europe/Berlin with both rules', () => {
    const ics = appointmentIcs({ ...base, startsAt: new Date('2026-12-03T07:00:00Z'), endsAt: new Date('2026-12-03T07:30:00Z') });
    expect(ics).toMatch(/BEGIN:VTIMEZONE\r?\nTZID:Europe\/Berlin/);
    expect(ics).toContain('BEGIN:DAYLIGHT');
    expect(ics).toContain('BEGIN:STANDARD');
    expect(ics).toContain('METHOD:PUBLISH');
    expect(ics).toContain('UID:a1b2c3@wegweiser');
  });

  it('marks a cancellation with METHOD:CANCEL, STATUS:CANCELLED and the next sequence', () => {
    const ics = appointmentIcs({ ...base, sequence: 2, cancelled: true, startsAt: new Date('2026-12-03T07:00:00Z'), endsAt: new Date('2026-12-03T07:30:00Z') });
    expect(ics).toContain('METHOD:CANCEL');
    expect(ics).toContain('STATUS:CANCELLED');
    expect(ics).toContain('SEQUENCE:2');
  });
});

describe('time stamp', () => {
  it('writes DTSTAMP in UTC with Z (RFC 5545 §3.8.7.2)', () => {
    const ics = appointmentIcs({ ...base, startsAt: new Date('2026-12-03T07:00:00Z'), endsAt: new Date('2026-12-03T07:30:00Z') });
    expect(ics).toMatch(/^DTSTAMP:20261125T090000Z\r?$/m);
    expect(ics).not.toMatch(/^DTSTAMP:\d{8}T\d{6}\r?$/m);
  });
});
