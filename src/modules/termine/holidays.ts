// Public holidays of Hessen (feiertagejs) plus the tenant's choice for Heiligabend and Silvester,
// expressed as local dates and local closed time ranges in Europe/Berlin.
import { getHolidays } from 'feiertagejs';
import { DateTime } from 'luxon';
import { parseLocalDate } from '#shared/time.js';

/** A calendar date in Europe/Berlin, 'YYYY-MM-DD'. */
export type LocalDate = string;
/** A wall-clock time in Europe/Berlin, 'HH:mm' ('24:00' only as the end of a range). */
export type LocalTime = string;

/** How a tenant treats 24.12. and 31.12., which are no public holidays but rarely full working days. */
export type SpecialDayPolicy = 'closed' | 'morning' | 'open';

export interface HolidayPolicy {
  heiligabend: SpecialDayPolicy;
  silvester: SpecialDayPolicy;
}

/** 'morning' means open until this local time. */
export const MORNING_CLOSES_AT: LocalTime = '12:00';

export interface LocalTimeRange {
  from: LocalTime;
  to: LocalTime;
}

export interface PublicHoliday {
  date: LocalDate;
  /** feiertagejs key, e.g. 'FRONLEICHNAM'. */
  key: string;
}

const REGION = 'HE';
const NAME_LANGUAGES = ['de', 'en'];

const specialDays: Record<string, { policyKey: keyof HolidayPolicy; names: Record<string, string> }> = {
  '12-24': { policyKey: 'heiligabend', names: { de: 'Heiligabend', en: 'Christmas Eve' } },
  '12-31': { policyKey: 'silvester', names: { de: 'Silvester', en: "New Year's Eve" } },
};

const holidaysByYear = new Map<number, Map<LocalDate, { key: string; translate: (lang?: string) => string | undefined }>>();

function holidaysOf(year: number) {
  let byDate = holidaysByYear.get(year);
  if (!byDate) {
    byDate = new Map();
    for (const holiday of getHolidays(year, REGION)) {
      // feiertagejs sets `date` to noon UTC of the holiday; its `dateString` uses the process time zone.
      const date = DateTime.fromJSDate(holiday.date, { zone: 'utc' }).toISODate();
      if (date) byDate.set(date, { key: holiday.name, translate: (lang) => holiday.translate(lang) });
    }
    holidaysByYear.set(year, byDate);
  }
  return byDate;
}

/** The statutory public holidays of Hessen in a year, in date order. */
export function publicHolidays(year: number): PublicHoliday[] {
  return [...holidaysOf(year)]
    .map(([date, { key }]) => ({ date, key }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

export function isPublicHoliday(date: LocalDate): boolean {
  return holidaysOf(parseLocalDate(date).year).has(date);
}

function specialDayOf(date: LocalDate) {
  parseLocalDate(date);
  // A valid local date is 'YYYY-MM-DD': its month and day are the last five characters.
  return specialDays[date.slice(5)];
}

/** True when the whole day is closed: a public holiday, or 24.12./31.12. with policy 'closed'. */
export function isHoliday(date: LocalDate, policy: HolidayPolicy): boolean {
  if (isPublicHoliday(date)) return true;
  const special = specialDayOf(date);
  return special !== undefined && policy[special.policyKey] === 'closed';
}

/**
 * Name of the public holiday, or of Heiligabend/Silvester (named whatever the policy, so a page can say
 * why the day is short or closed); undefined on other days. Unknown locales fall back to German.
 */
export function holidayName(date: LocalDate, locale = 'de'): string | undefined {
  const requested = locale.slice(0, 2).toLowerCase();
  // feiertagejs knows only de and en and throws for any other language.
  const language = NAME_LANGUAGES.includes(requested) ? requested : 'de';
  const holiday = holidaysOf(parseLocalDate(date).year).get(date);
  if (holiday) return holiday.translate(language);
  return specialDayOf(date)?.names[language];
}

/** Local time ranges of the day closed by holidays; a whole day is 00:00–24:00. */
export function closedRangesForDay(date: LocalDate, policy: HolidayPolicy): LocalTimeRange[] {
  if (isHoliday(date, policy)) return [{ from: '00:00', to: '24:00' }];
  const special = specialDayOf(date);
  if (special && policy[special.policyKey] === 'morning') return [{ from: MORNING_CLOSES_AT, to: '24:00' }];
  return [];
}
