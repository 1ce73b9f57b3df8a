// Parsing and formatting of the value kinds citizens type into forms: German amounts,
// dates (one field or GOV.UK-style day/month/year), IBANs. Pure functions, no I/O.
import { fromBerlinIso, parseDateParts, parseTypedDate, type DateParse } from '#shared/time.js';

/** The largest amount a form accepts (10 million euros), far above any real SGB II figure. */
export const MAX_CENTS = 1_000_000_000;

export type MoneyParse = { ok: true; cents: number } | { ok: false; reason: 'format' | 'tooBig' };

/**
 * "1.234,56", "1234,5", "1 234 €", "1234" and "12.50" (a single dot with one or two decimals)
 * become cents. A dot followed by three digits is a thousands separator, as written in German.
 */
export function parseEuroToCents(input: string): MoneyParse {
  const s = input.replace(/[\s\u00a0\u202f]/g, '').replace(/(€|EUR|Euro)$/i, '').replace(/^(€|EUR)/i, '');
  let euros: string;
  let decimals = '';
  if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(s) || /^\d+(,\d{1,2})?$/.test(s)) {
    const [whole = '', frac = ''] = s.split(',');
    euros = whole.replaceAll('.', '');
    decimals = frac;
  } else if (/^\d+\.\d{1,2}$/.test(s)) {
    [euros = '', decimals = ''] = s.split('.');
  } else {
    return { ok: false, reason: 'format' };
  }
  if (euros.length > 10) return { ok: false, reason: 'tooBig' };
  const cents = Number(euros) * 100 + Number(decimals.padEnd(2, '0') || '0');
  if (!Number.isSafeInteger(cents) || cents > MAX_CENTS) return { ok: false, reason: 'tooBig' };
  return { ok: true, cents };
}

/** 123456 → "1.234,56" (German notation without the currency sign, for form fields). */
export function centsToGerman(cents: number): string {
  const euros = Math.floor(cents / 100);
  const rest = String(cents % 100).padStart(2, '0');
  return `${String(euros).replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${rest}`;
}

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export type { DateParse };

/** Accepts "27.3.1990", "27.03.1990", "1990-03-27" or the three GOV.UK fields; returns YYYY-MM-DD. */
export function parseDate(input: string | DateParts): DateParse {
  return typeof input === 'string' ? parseTypedDate(input) : parseDateParts(input.day.trim(), input.month.trim(), input.year.trim());
}

export function isoToParts(iso: string): DateParts {
  const [year = '', month = '', day = ''] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}

/** "1990-03-27" → "27.03.1990" */
export function isoToGerman(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}.${month}.${year}`;
}

/** Whole years between a birth date and a day (both YYYY-MM-DD). */
export function ageOn(birthIso: string, dayIso: string): number {
  const birth = fromBerlinIso(birthIso);
  const day = fromBerlinIso(dayIso);
  return Math.floor(day.diff(birth, 'years').years);
}

// Lengths of the IBANs of the SEPA countries citizens are most likely to have (ISO 13616 registry).
const IBAN_LENGTHS: Record<string, number> = {
  AT: 20, BE: 16, BG: 22, CH: 21, CY: 28, CZ: 24, DE: 22, DK: 18, EE: 20, ES: 24, FI: 18, FR: 27, GB: 22,
  GR: 27, HR: 21, HU: 28, IE: 22, IS: 26, IT: 27, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MT: 31, NL: 18,
  NO: 15, PL: 28, PT: 25, RO: 24, SE: 24, SI: 19, SK: 24, SM: 27,
};

export type IbanParse = { ok: true; iban: string } | { ok: false; reason: 'format' | 'country' | 'length' | 'checksum' };

/** ISO 7064 mod 97-10 over the rearranged IBAN, computed piecewise to stay within safe integers. */
export function ibanChecksumValid(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const digits = code >= 65 && code <= 90 ? String(code - 55) : ch;
    for (const d of digits) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder === 1;
}

/** Removes spaces, upper-cases and checks country, length and check digits (mod 97). */
export function parseIban(input: string): IbanParse {
  const iban = input.replace(/[\s-]/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return { ok: false, reason: 'format' };
  const length = IBAN_LENGTHS[iban.slice(0, 2)];
  if (length === undefined) return { ok: false, reason: 'country' };
  if (iban.length !== length) return { ok: false, reason: 'length' };
  if (!ibanChecksumValid(iban)) return { ok: false, reason: 'checksum' };
  return { ok: true, iban };
}

/** "DE89370400440532013000" → "DE89 3704 0044 0532 0130 00" */
export function formatIban(iban: string): string {
  return iban.replace(/(.{4})(?=.)/g, '$1 ');
}
