// Dates, times and translated texts for views and mails, always in Europe/Berlin (never the process TZ).
import { DateTime } from 'luxon';
import { TIME_ZONE, type LocalDate } from './holidays.js';
import type { LocalizedList, LocalizedText } from './termine.tables.js';

export function berlin(instant: Date): DateTime {
  return DateTime.fromJSDate(instant, { zone: TIME_ZONE });
}

export function localDateOf(instant: Date): LocalDate {
  return berlin(instant).toISODate() as LocalDate;
}

/** "Donnerstag, 3. Dezember 2026" / "Thursday, 3 December 2026". */
export function formatDate(instant: Date, lang: string): string {
  return berlin(instant).setLocale(localeOf(lang)).toLocaleString(DateTime.DATE_HUGE);
}

export function formatLocalDate(date: LocalDate, lang: string): string {
  return DateTime.fromISO(date, { zone: TIME_ZONE }).setLocale(localeOf(lang)).toLocaleString(DateTime.DATE_HUGE);
}

/** "08:30" / "08:30" (24-hour clock in both languages, as on German signs). */
export function formatTime(instant: Date): string {
  return berlin(instant).toFormat('HH:mm');
}

export function formatMonth(month: string, lang: string): string {
  return DateTime.fromISO(`${month}-01`, { zone: TIME_ZONE }).setLocale(localeOf(lang)).toFormat('LLLL yyyy');
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
