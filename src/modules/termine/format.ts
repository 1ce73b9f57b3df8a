// Dates, times and translated texts for views and mails, always in Europe/Berlin (never the process TZ).
import { DateTime } from 'luxon';
import type { LocalDate } from './holidays.js';
import type { LocalizedList, LocalizedText } from './termine.tables.js';
import { berlinDateTime, berlinTime, fromBerlinIso } from '#shared/time.js';

/** "Donnerstag, 3. Dezember 2026" / "Thursday, 3 December 2026". */
export function formatDate(instant: Date, lang: string): string {
  return berlinDateTime(instant).setLocale(localeOf(lang)).toLocaleString(DateTime.DATE_HUGE);
}

export function formatLocalDate(date: LocalDate, lang: string): string {
  return fromBerlinIso(date).setLocale(localeOf(lang)).toLocaleString(DateTime.DATE_HUGE);
}

/** "08:30" / "08:30" (24-hour clock in both languages, as on German signs). */
export function formatTime(instant: Date): string {
  return berlinTime(instant);
}

export function formatMonth(month: string, lang: string): string {
  return fromBerlinIso(`${month}-01`).setLocale(localeOf(lang)).toFormat('LLLL yyyy');
}

function localeOf(lang: string): string {
  return lang === 'en' ? 'en-GB' : lang;
}

export function localized(text: LocalizedText | undefined, lang: string): string {
  if (!text) return '';
  return text[lang] || text.de;
}

export function localizedList(list: LocalizedList | undefined, lang: string): string[] {
  if (!list) return [];
  const own = list[lang];
  return own && own.length > 0 ? own : list.de;
}
