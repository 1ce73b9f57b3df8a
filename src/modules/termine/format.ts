// Dates, times and translated texts for views and mails, always in Europe/Berlin (never the process TZ).
import type { LocalizedList, LocalizedText } from './termine.tables.js';
import { berlinTime } from '#shared/time.js';

/** "08:30" / "08:30" (24-hour clock in both languages, as on German signs). */
export function formatTime(instant: Date): string {
  return berlinTime(instant);
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
