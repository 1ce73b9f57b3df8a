// Numbers as the newsroom shows them, in the reader's language (dates come from shared/time).
import type { PressRelease } from './presse.tables.js';

/**
 * "Lfd. Nr. 530 / 2020" ("No. 530 / 2020" in English): a release's number in the language of `t`; null before it
 * is published. Mails to the press list and the API pass a German `t`, as the press office prints it.
 */
export function runningNumber(release: Pick<PressRelease, 'number' | 'year'>, t: (key: string, params: Record<string, unknown>) => string): string | null {
  if (!release.number || !release.year) return null;
  return t('presse:release.runningNumber', { number: release.number, year: release.year });
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

/** A file size as people read it: "240 KB", "1,2 MB" (decimal units, as file managers show them). */
export function fileSize(bytes: number, lang: string): string {
  if (bytes < 1000 * 1000) return `${new Intl.NumberFormat(lang).format(Math.max(1, Math.round(bytes / 1000)))} KB`;
  return `${new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(bytes / 1000 / 1000)} MB`;
}
