// Labour-market figures: the press settings with their defaults, the 24-month comparison of the district with its
// region, the latest month's key figures with changes (own calculations), and the monthly draft release built from them.
import { DateTime } from 'luxon';
import { formatMonthYear, localDateIn } from '#shared/time.js';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import type { Tenant } from '#shared/tenancy/index.js';
import * as repo from './figures.repository.js';
import type { LabourMarketFigure, PressSettings } from './presse.tables.js';

export type Settings = Omit<PressSettings, 'tenantId' | 'updatedAt'>;

/** The contact block printed under every release, from the tenant's address unless the press office set one. */
export function defaultContact(tenant: Tenant): string {
  return [tenant.name, tenant.street, `${tenant.postalCode} ${tenant.city}`, `Telefon: ${tenant.phone}`, tenant.fax ? `Telefax: ${tenant.fax}` : null, `E-Mail: ${tenant.email}`]
    .filter((l): l is string => l !== null)
    .join('\n');
}

export async function settingsOf(tdb: TenantDb, tenant: Tenant): Promise<Settings> {
  const row = await repo.getSettings(tdb);
  if (row) {
    const { tenantId: _t, updatedAt: _u, ...values } = row;
    return values;
  }
  return { dateline: `${tenant.city}.`, contact: defaultContact(tenant), comparisonRegion: 'suedhessen', districtRegion: '06431' };
}

/** The month before / the same month a year before, as YYYY-MM. */
export function shiftMonth(month: string, months: number): string {
  return DateTime.fromFormat(month, 'yyyy-MM', { zone: 'utc' }).plus({ months }).toFormat('yyyy-MM');
}

export interface KeyFigures {
  month: string;
  district: LabourMarketFigure;
  comparison: LabourMarketFigure | undefined;
  previousMonth: LabourMarketFigure | undefined;
  previousYear: LabourMarketFigure | undefined;
  /** Own calculations (difference in tenths of a percentage point, and in persons). */
  rateChangeMonthTenths: number | null;
  rateChangeYearTenths: number | null;
  unemployedChangeMonth: number | null;
  unemployedChangeYear: number | null;
}

const diff = (a: number | null | undefined, b: number | null | undefined) => (a == null || b == null ? null : a - b);

export interface FiguresView {
  settings: Settings;
  districtName: string;
  comparisonName: string;
  /** Months of the last 24 with a value for the district or the region, oldest first. */
  months: { month: string; district: LabourMarketFigure | undefined; comparison: LabourMarketFigure | undefined }[];
  latest: KeyFigures | null;
}

export async function keyFigures(tdb: TenantDb, settings: Settings, month?: string): Promise<KeyFigures | null> {
  const all = await repo.series(tdb, settings.districtRegion, undefined, month);
  const district = all.at(-1);
  if (!district) return null;
  const byMonth = new Map(all.map((f) => [f.month, f]));
  const previousMonth = byMonth.get(shiftMonth(district.month, -1));
  const previousYear = byMonth.get(shiftMonth(district.month, -12));
  return {
    month: district.month,
    district,
    comparison: await repo.figureOf(tdb, settings.comparisonRegion, district.month),
    previousMonth,
    previousYear,
    rateChangeMonthTenths: diff(district.rateTenths, previousMonth?.rateTenths),
    rateChangeYearTenths: diff(district.rateTenths, previousYear?.rateTenths),
    unemployedChangeMonth: diff(district.unemployed, previousMonth?.unemployed),
    unemployedChangeYear: diff(district.unemployed, previousYear?.unemployed),
  };
}

export async function figuresView(tdb: TenantDb, tenant: Tenant): Promise<FiguresView> {
  const settings = await settingsOf(tdb, tenant);
  const latest = await keyFigures(tdb, settings);
  const to = latest?.month;
  const from = to ? shiftMonth(to, -23) : undefined;
  const district = to ? await repo.series(tdb, settings.districtRegion, from, to) : [];
  const comparison = to ? await repo.series(tdb, settings.comparisonRegion, from, to) : [];
  const months = [...new Set([...district, ...comparison].map((f) => f.month))].sort();
  const find = (rows: LabourMarketFigure[], m: string) => rows.find((f) => f.month === m);
  return {
    settings,
    districtName: district[0]?.regionName ?? (await repo.regionName(tdb, settings.districtRegion)) ?? settings.districtRegion,
    comparisonName: comparison[0]?.regionName ?? (await repo.regionName(tdb, settings.comparisonRegion)) ?? settings.comparisonRegion,
    months: months.map((m) => ({ month: m, district: find(district, m), comparison: find(comparison, m) })),
    latest,
  };
}

/** 41 → "4,1" */
export function formatRate(tenths: number): string {
  return (tenths / 10).toFixed(1).replace('.', ',');
}

/**
 * "2020-11" → "November 2020" (de) or "November 2020" (en): month names in the reader's language from Intl, so
 * every locale the app offers gets its own. The release text itself is German, so the draft passes 'de'.
 */
export function monthName(month: string, lang = 'de', withYear = true): string {
  return withYear ? formatMonthYear(month, lang) : localDateIn(`${month}-01`, lang).toFormat('LLLL');
}

function movement(tenths: number | null): string {
  if (tenths === null) return '';
  if (tenths === 0) return 'unverändert';
  return `${tenths < 0 ? 'gesunken' : 'gestiegen'}`;
}

/**
 * The monthly release text from the newest figures: numbers, changes and the comparison filled in; the quotes stay
 * placeholders for the press office to write.
 */
export function monthlyDraft(key: KeyFigures, names: { district: string; comparison: string }): { title: string; subtitle: string; body: string } {
  const { district, previousMonth, comparison } = key;
  const month = monthName(key.month, 'de', false);
  const change = key.rateChangeMonthTenths;
  const first =
    previousMonth && change !== null && change !== 0
      ? `Die Arbeitslosenquote ist im ${month} im ${names.district} im Vergleich zum Vormonat um ${formatRate(Math.abs(change))} Prozentpunkte von ${formatRate(previousMonth.rateTenths)} Prozent auf ${formatRate(district.rateTenths)} Prozent ${movement(change)}.`
      : `Die Arbeitslosenquote im ${names.district} liegt im ${month} bei ${formatRate(district.rateTenths)} Prozent${change === 0 ? ' und ist damit gegenüber dem Vormonat unverändert' : ''}.`;
  const paragraphs = [first];
  if (comparison) {
    const relation = district.rateTenths < comparison.rateTenths ? 'unter' : district.rateTenths > comparison.rateTenths ? 'über' : 'gleichauf mit';
    paragraphs.push(`Damit liegt der ${names.district} ${relation} der Durchschnittsquote von ${names.comparison} (${formatRate(comparison.rateTenths)} Prozent).`);
  }
  if (district.unemployed !== null) {
    const parts = [`Arbeitslos gemeldet waren ${district.unemployed.toLocaleString('de-DE')} Menschen`];
    if (district.unemployedSgb2 !== null) parts.push(`davon ${district.unemployedSgb2.toLocaleString('de-DE')} in der Grundsicherung (SGB II)`);
    if (key.unemployedChangeYear !== null) parts.push(`${Math.abs(key.unemployedChangeYear).toLocaleString('de-DE')} ${key.unemployedChangeYear <= 0 ? 'weniger' : 'mehr'} als vor einem Jahr`);
    paragraphs.push(`${parts.join(', ')}.`);
  }
  paragraphs.push('> „[Zitat]“ — [Name], [Funktion]');
  paragraphs.push('Quelle: Statistik der Bundesagentur für Arbeit; Veränderungen: eigene Berechnung.');
  paragraphs.push('![Arbeitslosenquote der letzten 24 Monate](chart)');
  return {
    title: `Arbeitsmarkt im ${monthName(key.month, 'de')}`,
    subtitle: `Arbeitslosenquote ${formatRate(district.rateTenths)} Prozent`,
    body: paragraphs.join('\n\n'),
  };
}

/** A region's months with the changes to the previous month and year (own calculations), for the API. */
export async function figureSeries(tdb: TenantDb, region: string, from?: string, to?: string) {
  const all = await repo.series(tdb, region, undefined, to);
  if (all.length === 0) return null;
  const byMonth = new Map(all.map((f) => [f.month, f]));
  const change = (f: LabourMarketFigure, months: number) => {
    const before = byMonth.get(shiftMonth(f.month, months));
    return before ? (f.rateTenths - before.rateTenths) / 10 : null;
  };
  return {
    region,
    name: all[0]!.regionName,
    months: all
      .filter((f) => !from || f.month >= from)
      .map((f) => ({
        month: f.month,
        unemployed: f.unemployed,
        unemployedSgb2: f.unemployedSgb2,
        unemployedSgb3: f.unemployedSgb3,
        rate: f.rateTenths / 10,
        rateChangePreviousMonth: change(f, -1),
        rateChangePreviousYear: change(f, -12),
        source: f.source,
      })),
  };
}

export interface DistrictSnapshot {
  districtName: string;
  comparisonName: string;
  month: string;
  rateTenths: number;
  comparisonRateTenths: number | null;
  unemployed: number | null;
  rateChangeYearTenths: number | null;
}

/** The newest figures of the tenant's district with its comparison region (for other modules), or null without figures. */
export async function districtSnapshot(tdb: TenantDb, tenant: Tenant): Promise<DistrictSnapshot | null> {
  const settings = await settingsOf(tdb, tenant);
  const key = await keyFigures(tdb, settings);
  if (!key) return null;
  return {
    districtName: key.district.regionName,
    comparisonName: key.comparison?.regionName ?? (await repo.regionName(tdb, settings.comparisonRegion)) ?? settings.comparisonRegion,
    month: key.month,
    rateTenths: key.district.rateTenths,
    comparisonRateTenths: key.comparison?.rateTenths ?? null,
    unemployed: key.district.unemployed,
    rateChangeYearTenths: key.rateChangeYearTenths,
  };
}
