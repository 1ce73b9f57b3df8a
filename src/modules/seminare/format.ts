// Dates and money of the seminar programme as people read them: Berlin wall-clock time, German or English.
import { DateTime } from 'luxon';
import { berlinDateTime } from '#shared/time.js';

export function berlin(instant: Date, lang = 'de'): DateTime {
  return berlinDateTime(instant).setLocale(lang);
}

/** "12.03.2027, 09:00–16:00" per day, joined with "; ". */
export function formatDays(days: readonly { startsAt: Date; endsAt: Date }[], lang = 'de'): string {
  return days
    .map((d) => `${berlin(d.startsAt, lang).toLocaleString(DateTime.DATE_MED)}, ${berlin(d.startsAt, lang).toFormat('HH:mm')}–${berlin(d.endsAt, lang).toFormat('HH:mm')}`)
    .join('; ');
}

export function formatInstant(instant: Date, lang = 'de'): string {
  return berlin(instant, lang).toLocaleString(DateTime.DATETIME_MED);
}

export function formatDate(instant: Date, lang = 'de'): string {
  return berlin(instant, lang).toLocaleString(DateTime.DATE_MED);
}

export function formatEuro(cents: number, lang = 'de'): string {
  return new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** The year (Berlin) an instant falls in, for training accounts. */
export function berlinYear(instant: Date): number {
  return berlinDateTime(instant).year;
}
