// Dates and money of the seminar programme as people read them; the dates come from the one implementation in
// src/shared/time.ts (Berlin wall-clock time, German or English).
import { berlinTime, formatDateMedium } from '#shared/time.js';

/** "12. März 2027, 09:00–16:00" per day, joined with "; ". */
export function formatDays(days: readonly { startsAt: Date; endsAt: Date }[], lang = 'de'): string {
  return days.map((d) => `${formatDateMedium(d.startsAt, lang)}, ${berlinTime(d.startsAt)}–${berlinTime(d.endsAt)}`).join('; ');
}

export function formatEuro(cents: number, lang = 'de'): string {
  return new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(cents / 100);
}
