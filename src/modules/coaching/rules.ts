// Domain rules of the coaching, as pure functions: dates in Europe/Berlin, overdue contacts, the follow-up
// window after a job start, plan reviews, the Externenprüfung check and the indicators (doc/domain/coaching.md).
import { DateTime } from 'luxon';
import { BERLIN, berlinDate } from '#shared/time.js';
import type { Austrittsgrund, Phase } from './coaching.tables.js';

/** Today's date in Berlin (YYYY-MM-DD). */
export const berlinToday = berlinDate;

export function addMonths(isoDate: string, months: number): string {
  return DateTime.fromISO(isoDate, { zone: BERLIN }).plus({ months }).toISODate()!;
}

/** A contact is overdue when its date has passed and the person is still in coaching. */
export function isOverdue(p: { nextContactOn: string | null; phase: Phase }, today: string): boolean {
  return p.phase !== 'beendet' && p.nextContactOn !== null && p.nextContactOn < today;
}

/** The legal basis key that extends the follow-up after a job start by three months (§ 16k SGB II, see doc/domain/coaching.md). */
export const GANZHEITLICH = 'p16k';

/**
 * How long the coaching may accompany someone after a job start: six months (§ 16g Abs. 2 SGB II), three more
 * under ganzheitliche Betreuung (§ 16k). Returns the last day of the follow-up.
 */
export function followUpUntil(jobStartOn: string, rechtsgrundlageKey: string): string {
  return addMonths(jobStartOn, rechtsgrundlageKey === GANZHEITLICH ? 9 : 6);
}

/** The sustainability check falls six months after the job started. */
export function sustainabilityCheckOn(jobStartOn: string): string {
  return addMonths(jobStartOn, 6);
}

/** The Kooperationsplan is reviewed at the latest six months after it was made (§ 15 Abs. 3 SGB II). */
export function planReviewOn(madeOn: string, requested?: string): string {
  const latest = addMonths(madeOn, 6);
  return requested && requested < latest ? requested : latest;
}

/**
 * Externenprüfung: admitted who has worked in the occupation at least one and a half times the regular
 * training time (§ 45 Abs. 2 BBiG, § 37 Abs. 2 HwO). Months are compared, so 36 months of training need 54.
 */
export function externenpruefungMoeglich(monthsWorked: number, trainingMonths: number): { eligible: boolean; needed: number; missing: number } {
  const needed = Math.ceil(trainingMonths * 1.5);
  return { eligible: monthsWorked >= needed, needed, missing: Math.max(0, needed - monthsWorked) };
}

/** A Umschulung is at least a third shorter than the regular training (§ 180 Abs. 4 SGB III). */
export function umschulungMonate(trainingMonths: number): number {
  return Math.floor((trainingMonths * 2) / 3);
}

/** Exit reasons that count as an integration into work or training. */
export const integrationen: readonly Austrittsgrund[] = ['svBeschaeftigung', 'ausbildung'];

export interface IndicatorInput {
  startOn: string;
  exitOn: string | null;
  exitReason: Austrittsgrund | null;
  stillEmployedAt6Months: boolean | null;
}

export interface Indicators {
  entries: number;
  active: number;
  exits: Record<Austrittsgrund, number>;
  exitsTotal: number;
  /** Share of exits that are integrations, in percent; null when fewer than MIN_GROUP people left. */
  integrationRate: number | null;
  /** Median days from start to an integration; null below MIN_GROUP integrations. */
  medianDaysToIntegration: number | null;
  /** Of the checked integrations, share still employed after six months; null below MIN_GROUP. */
  stillEmployedRate: number | null;
  /** True when figures were withheld because the group is too small to be anonymous. */
  suppressed: boolean;
}

/** Aggregates over fewer people than this are not shown: they would point at individuals. */
export const MIN_GROUP = 5;

function days(from: string, to: string): number {
  return Math.round(DateTime.fromISO(to).diff(DateTime.fromISO(from), 'days').days);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

/** Indicators for the period [from, to] (inclusive, Berlin dates). */
export function indicators(rows: IndicatorInput[], from: string, to: string): Indicators {
  const exits = Object.fromEntries(['svBeschaeftigung', 'ausbildung', 'umschulungFbw', 'andereMassnahme', 'abbruch', 'umzug'].map((r) => [r, 0])) as Record<Austrittsgrund, number>;
  const left = rows.filter((r) => r.exitOn && r.exitReason && r.exitOn >= from && r.exitOn <= to);
  for (const r of left) exits[r.exitReason!]++;
  const integrated = left.filter((r) => integrationen.includes(r.exitReason!));
  const checked = integrated.filter((r) => r.stillEmployedAt6Months !== null);
  const rate = (part: number, whole: number) => Math.round((part / whole) * 1000) / 10;
  const suppressed = left.length < MIN_GROUP || integrated.length < MIN_GROUP || checked.length < MIN_GROUP;
  return {
    entries: rows.filter((r) => r.startOn >= from && r.startOn <= to).length,
    active: rows.filter((r) => r.startOn <= to && (!r.exitOn || r.exitOn > to)).length,
    exits,
    exitsTotal: left.length,
    integrationRate: left.length >= MIN_GROUP ? rate(integrated.length, left.length) : null,
    medianDaysToIntegration: integrated.length >= MIN_GROUP ? median(integrated.map((r) => days(r.startOn, r.exitOn!))) : null,
    stillEmployedRate: checked.length >= MIN_GROUP ? rate(checked.filter((r) => r.stillEmployedAt6Months).length, checked.length) : null,
    suppressed,
  };
}

export type GutscheinStatus = 'beantragt' | 'ausgestellt' | 'verfallen' | 'eingeloest' | 'abgeschlossen';

/** Where a Bildungsgutschein stands, from its dates: a voucher not redeemed within its validity has lapsed. */
export function gutscheinStatus(g: { issuedOn: string | null; validUntil: string | null; redeemedOn: string | null; courseEndOn: string | null }, today: string): GutscheinStatus {
  if (g.redeemedOn) return g.courseEndOn && g.courseEndOn < today ? 'abgeschlossen' : 'eingeloest';
  if (!g.issuedOn) return 'beantragt';
  return g.validUntil && g.validUntil < today ? 'verfallen' : 'ausgestellt';
}
