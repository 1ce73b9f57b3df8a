// Turns the Erstantrag's answers into the rules engine's input (pure; unit-tested).
import type { Answers } from '../forms/index.js';
import { cents, incomeField, incomeKindsOf, inEducation, isEarner, members, assetField, has, type IncomeKind } from './flows/erstantrag/answers.js';
import type { EstimateInput, EstimateMember, MemberRole, OtherIncomeKind } from './rules/index.js';
import { berlinDateTime, fromBerlinIso } from '#shared/time.js';

const ENGINE_KIND: Record<IncomeKind, OtherIncomeKind> = {
  unterhalt: 'unterhalt',
  unterhaltsvorschuss: 'unterhaltsvorschuss',
  rente: 'rente',
  alg1: 'alg1',
  krankengeld: 'krankengeld',
  elterngeld: 'elterngeld',
  wohngeld: 'sonstiges',
  kinderzuschlag: 'kinderzuschlag',
  sonstiges: 'sonstiges',
};

/** The month to estimate ('YYYY-MM'): the current month in Berlin, as an application counts from its first day. */
export function estimateMonth(now: Date): string {
  return berlinDateTime(now).toFormat('yyyy-MM');
}

/**
 * Week of pregnancy reached by the end of the month, from the expected date of birth
 * (40 weeks after the first day of the last period); undefined outside a pregnancy.
 */
export function pregnancyWeek(dueDate: unknown, month: string): number | undefined {
  if (typeof dueDate !== 'string') return undefined;
  const end = fromBerlinIso(`${month}-01`).endOf('month').startOf('day');
  const due = fromBerlinIso(dueDate);
  const daysPregnant = 280 - Math.round(due.diff(end, 'days').days);
  if (daysPregnant < 0) return undefined;
  const week = Math.floor(daysPregnant / 7) + 1;
  return week >= 1 && week <= 45 ? week : undefined;
}

function roleOf(relation: unknown): MemberRole {
  const roles: Record<string, MemberRole> = { partner: 'partner', kind: 'child', pflegekind: 'fosterChild', elternteil: 'parent', geschwister: 'sibling' };
  return (typeof relation === 'string' ? roles[relation] : undefined) ?? 'other';
}

function person(source: Record<string, unknown>, id: string, role: MemberRole, month: string): EstimateMember | undefined {
  if (typeof source.birthDate !== 'string') return undefined;
  const member: EstimateMember = { id, role, birthDate: source.birthDate, label: typeof source.firstName === 'string' ? source.firstName : id };
  const week = has(source, 'statuses', 'schwanger') ? pregnancyWeek(source.dueDate, month) : undefined;
  if (week !== undefined) member.pregnancyWeek = week;
  if (has(source, 'statuses', 'behinderung')) member.disabilityParticipationBenefits = source.participation === 'ja';
  if (inEducation(source)) member.inSchoolOrTraining = true;
  if (role === 'child' && (source.kindergeld === 'ja' || source.kindergeld === 'nein')) member.kindergeld = source.kindergeld === 'ja';
  if (isEarner(source) && typeof source.grossEarnings === 'number' && typeof source.netEarnings === 'number') {
    member.earnings = { grossCents: source.grossEarnings, netCents: source.netEarnings };
  }
  const other = incomeKindsOf(source)
    .map((kind) => ({ kind: ENGINE_KIND[kind], amountCents: cents(source[incomeField(kind)]) }))
    .filter((o) => o.amountCents > 0);
  if (other.length > 0) member.otherIncome = other;
  return member;
}

/** Assets that count towards the limit; a car and an owner-occupied home are usually protected. */
export function countedAssetsCents(answers: Answers): number {
  return (['konto', 'sparen', 'lebensversicherung', 'sonstiges'] as const)
    .filter((kind) => has(answers, 'assets', kind))
    .reduce((sum, kind) => sum + cents(answers[assetField(kind)]), 0);
}

/** The estimate's input, or undefined while birth dates or housing costs are still missing. */
export function toEstimateInput(answers: Answers, month: string): EstimateInput | undefined {
  const applicant = person(answers, 'antragsteller', 'applicant', month);
  if (!applicant || typeof answers.housing !== 'string') return undefined;
  const others = members(answers).map((m) => person(m, m.id, roleOf(m.relation), month));
  if (others.some((m) => m === undefined)) return undefined;
  const housing = answers.housing;
  if (housing === 'miete' && typeof answers.kaltmiete !== 'number') return undefined;
  if (housing === 'eigentum' && typeof answers.schuldzinsen !== 'number') return undefined;
  const paysHousing = housing === 'miete' || housing === 'eigentum';
  return {
    members: [applicant, ...(others as EstimateMember[])],
    housing: {
      kaltmieteCents: housing === 'miete' ? cents(answers.kaltmiete) : housing === 'eigentum' ? cents(answers.schuldzinsen) : 0,
      nebenkostenCents: paysHousing ? cents(answers.nebenkosten) : 0,
      heizkostenCents: paysHousing ? cents(answers.heizkosten) : 0,
      decentralHotWater: paysHousing && answers.hotWaterDecentral === 'ja',
    },
    assetsCents: countedAssetsCents(answers),
  };
}
