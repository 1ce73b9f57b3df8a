// Dates and numbers as the newsroom shows them: Berlin time, in the reader's language.
import { DateTime } from 'luxon';
import { BERLIN } from '#shared/time.js';

/** "2. Dezember 2020" / "2 December 2020" */
export function longDate(at: Date, lang: string): string {
  return DateTime.fromJSDate(at, { zone: BERLIN }).setLocale(lang).toLocaleString(DateTime.DATE_FULL);
}

/** "2. Dezember 2020, 10:00 Uhr" style, for embargo times. */
export function longDateTime(at: Date, lang: string): string {
  return DateTime.fromJSDate(at, { zone: BERLIN }).setLocale(lang).toLocaleString(DateTime.DATETIME_MED);
}

/** Rate in tenths of a percent as a number in the reader's language ("4,1"). */
export function rate(tenths: number, lang: string): string {
  return new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(tenths / 10);
}

export function count(value: number | null, lang: string): string {
  return value === null ? '–' : new Intl.NumberFormat(lang).format(value);
}

/** A signed change ("+0,3", "−0,4"), with a true minus sign. */
export function signedRate(tenths: number | null, lang: string): string {
  if (tenths === null) return '–';
  const sign = tenths > 0 ? '+' : tenths < 0 ? '−' : '±';
  return `${sign}${rate(Math.abs(tenths), lang)}`;
}

export function signedCount(value: number | null, lang: string): string {
  if (value === null) return '–';
  const sign = value > 0 ? '+' : value < 0 ? '−' : '±';
  return `${sign}${count(Math.abs(value), lang)}`;
}

/** "2020-11" → "November 2020" in the reader's language. */
export function monthLabel(month: string, lang: string): string {
  return DateTime.fromFormat(month, 'yyyy-MM', { zone: BERLIN }).setLocale(lang).toFormat('LLLL yyyy');
}

/** A file size as people read it: "240 KB", "1,2 MB" (decimal units, as file managers show them). */
export function fileSize(bytes: number, lang: string): string {
  if (bytes < 1000 * 1000) return `${new Intl.NumberFormat(lang).format(Math.max(1, Math.round(bytes / 1000)))} KB`;
  return `${new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(bytes / 1000 / 1000)} MB`;
}
