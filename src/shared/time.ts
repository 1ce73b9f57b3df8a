// Local dates and times in Germany. Deadlines, opening hours and ticket days are Berlin wall-clock values,
// whatever the process time zone (tests run with TZ=UTC); instants stay `Date` in UTC.
import { DateTime } from 'luxon';

export const BERLIN = 'Europe/Berlin';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** An instant as Berlin wall-clock time (luxon), for formatting and calendar arithmetic. */
export function berlinDateTime(instant: Date): DateTime {
  return DateTime.fromJSDate(instant, { zone: BERLIN });
}

// Berlin's offset from UTC by quarter hour. Every request that lists or books times asks for the Berlin date and
// time of many instants; luxon asks Intl for the offset on each call, which cost about 2 % of a node's CPU under
// booking load. The offset only changes at a DST switch (on a full hour in UTC), so it is asked once per quarter
// hour and kept; the zone rules stay those of the runtime's time zone data.
const QUARTER_HOUR = 900_000;
const offsets = new Map<number, number>();

function berlinWallClock(instant: Date): string {
  const quarter = Math.floor(instant.getTime() / QUARTER_HOUR);
  let offset = offsets.get(quarter);
  if (offset === undefined) {
    if (offsets.size >= 50_000) offsets.clear();
    offset = berlinDateTime(new Date(quarter * QUARTER_HOUR)).offset * 60_000;
    offsets.set(quarter, offset);
  }
  // 'YYYY-MM-DDTHH:mm:ss.sssZ' of the wall clock.
  return new Date(instant.getTime() + offset).toISOString();
}

// Since 1900 every switch of Berlin's offset fell on a full hour UTC (the switch from local mean time in 1893 did
// not); up to the year 9999 toISOString writes four-digit years.
const cached = (instant: Date) => instant.getTime() >= -2_208_988_800_000 && instant.getTime() < 253_402_214_400_000;

/** The Berlin calendar date of an instant, 'YYYY-MM-DD'. */
export function berlinDate(instant: Date): string {
  return cached(instant) ? berlinWallClock(instant).slice(0, 10) : berlinDateTime(instant).toISODate()!;
}

/** The year of an instant's Berlin date (training accounts and reports count by it). */
export function berlinYear(instant: Date): number {
  return berlinDateTime(instant).year;
}

/** The Berlin wall-clock time of an instant, 'HH:mm' (24-hour clock). */
export function berlinTime(instant: Date): string {
  return cached(instant) ? berlinWallClock(instant).slice(11, 16) : berlinDateTime(instant).toFormat('HH:mm');
}

/** The Berlin wall-clock time to the second, 'HH:mm:ss', where a window is short (an undo). */
export function berlinTimeSeconds(instant: Date): string {
  return cached(instant) ? berlinWallClock(instant).slice(11, 19) : berlinDateTime(instant).toFormat('HH:mm:ss');
}

/** A local ISO value ('2026-12-04', '2026-12', '2026-12-04T09:30') read as Berlin wall-clock time. */
export function fromBerlinIso(iso: string): DateTime {
  return DateTime.fromISO(iso, { zone: BERLIN });
}

export type DateParse = { ok: true; iso: string } | { ok: false; reason: 'format' | 'invalid' };

/** Day, month and year as typed ("7", "03", "1990") → a real calendar date, 'YYYY-MM-DD'. */
export function parseDateParts(day: string, month: string, year: string): DateParse {
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return { ok: false, reason: 'format' };
  const dt = DateTime.fromObject({ year: Number(year), month: Number(month), day: Number(day) }, { zone: BERLIN });
  if (!dt.isValid) return { ok: false, reason: 'invalid' };
  return { ok: true, iso: dt.toISODate()! };
}

/**
 * A date as people type or paste it — "27.3.1990", "27.03.1990" — or as a date field and the API send it,
 * "1990-03-27" → 'YYYY-MM-DD'. Every form of every module reads dates through this, so that a date typed
 * the German way is accepted wherever a date is asked for.
 */
export function parseTypedDate(input: string): DateParse {
  const s = input.trim();
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (german) return parseDateParts(german[1]!, german[2]!, german[3]!);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (iso) return parseDateParts(iso[3]!, iso[2]!, iso[1]!);
  return { ok: false, reason: 'format' };
}

/** A real calendar date written exactly 'YYYY-MM-DD'. */
export function isLocalDate(value: string): boolean {
  return LOCAL_DATE.test(value) && fromBerlinIso(value).isValid;
}

// Reading a date in a named zone is luxon's costliest step (the offset comes from Intl), and availability reads
// each date of a six-week horizon several times per request. The dates a process sees are few and a DateTime
// is immutable, so the start of each is kept; the map is emptied when it grows past a bound.
const localDates = new Map<string, DateTime>();
const LOCAL_DATES_KEPT = 4096;

/** The start in Berlin of a local date that has been validated already; throws RangeError for anything else. */
export function parseLocalDate(value: string): DateTime {
  const known = localDates.get(value);
  if (known) return known;
  const day = LOCAL_DATE.test(value) ? fromBerlinIso(value) : undefined;
  if (!day?.isValid) throw new RangeError(`invalid local date: ${value}`);
  if (localDates.size >= LOCAL_DATES_KEPT) localDates.clear();
  localDates.set(value, day);
  return day;
}

/** The luxon locale of a page language (English dates in British order: "3 December 2026"). */
export function dateLocale(lang: string): string {
  return lang === 'de' ? 'de-DE' : 'en-GB';
}

/**
 * A date in full, as a citizen reads it in a letter: "Donnerstag, 3. Dezember 2026" / "Thursday, 3 December 2026".
 * Takes a local date (YYYY-MM-DD) or an instant (its Berlin date).
 */
export function formatDayFull(day: string | Date, lang: string): string {
  const local = typeof day === 'string' ? fromBerlinIso(day) : berlinDateTime(day);
  return local.setLocale(dateLocale(lang)).toLocaleString(DateTime.DATE_HUGE);
}

/** A local date as staff read it on a page: "Fr., 4. Dezember 2026" (German) or "Fri, 4 December 2026". */
export function formatDayLong(localDay: string, lang: string): string {
  const day = fromBerlinIso(localDay).setLocale(dateLocale(lang));
  return lang === 'de' ? day.toFormat('EEE, d. MMMM yyyy') : day.toFormat('EEE, d MMMM yyyy');
}

/** A local date short: "04.12.2026" (German) or "4 Dec 2026". */
export function formatDayShort(localDay: string, lang: string): string {
  const day = fromBerlinIso(localDay).setLocale(dateLocale(lang));
  return lang === 'de' ? day.toFormat('dd.MM.yyyy') : day.toFormat('d LLL yyyy');
}

/** A local date without its year, for a chart's axis: "30.11." (German) or "30 Nov". */
export function formatDayMonth(localDay: string, lang: string): string {
  const day = fromBerlinIso(localDay).setLocale(dateLocale(lang));
  return lang === 'de' ? day.toFormat('dd.MM.') : day.toFormat('d LLL');
}

/** An instant as people read it, to the minute: "04.12.2026, 09:30 Uhr" (German) or "4 Dec 2026, 09:30". */
export function formatDateTime(instant: Date, lang: string): string {
  const local = berlinDateTime(instant);
  const at = `${formatDayShort(local.toISODate()!, lang)}, ${local.toFormat('HH:mm')}`;
  return lang === 'de' ? `${at} Uhr` : at;
}

// Every English date and time in the product is British: day before month, 24-hour clock. The medium forms
// below once took the page language itself as the locale and so wrote English US-style ("Mar 12, 2027, 9:00 AM").

/** A local date (YYYY-MM-DD) or an instant's Berlin date, medium: "12. März 2027" (German) or "12 Mar 2027". */
export function formatDateMedium(day: string | Date, lang: string): string {
  const local = typeof day === 'string' ? fromBerlinIso(day) : berlinDateTime(day);
  return local.setLocale(dateLocale(lang)).toLocaleString(DateTime.DATE_MED);
}

/** An instant to the minute, medium: "12. März 2027, 09:00" (German) or "12 Mar 2027, 09:00". */
export function formatDateTimeMedium(instant: Date, lang: string): string {
  return berlinDateTime(instant).setLocale(dateLocale(lang)).toLocaleString(DateTime.DATETIME_MED);
}

/** An instant's Berlin date without the weekday: "12. März 2027" (German) or "12 March 2027". */
export function formatDateLong(instant: Date, lang: string): string {
  return berlinDateTime(instant).setLocale(dateLocale(lang)).toLocaleString(DateTime.DATE_FULL);
}

/** An instant to the second, for logs: "12.3.2027, 09:00:05" (German) or "12/03/2027, 09:00:05". */
export function formatDateTimeSeconds(instant: Date, lang: string): string {
  return berlinDateTime(instant).setLocale(dateLocale(lang)).toLocaleString(DateTime.DATETIME_SHORT_WITH_SECONDS);
}

/** A month 'YYYY-MM' with its year: "März 2027" (German) or "March 2027". */
export function formatMonthYear(month: string, lang: string): string {
  return fromBerlinIso(`${month}-01`).setLocale(dateLocale(lang)).toFormat('LLLL yyyy');
}

/** A local date (or a luxon date) in the page language, for weekday and month names ('ccc', 'LLLL'). */
export function localDateIn(day: string | DateTime, lang: string): DateTime {
  return (typeof day === 'string' ? fromBerlinIso(day) : day).setLocale(dateLocale(lang));
}
