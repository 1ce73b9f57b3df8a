// Income of the estimate: earnings allowances (§ 11b SGB II) and other income per member.
import { ageAtStartOfMonth, type ClassifiedMember } from './household.js';
import { basisPointsToPercent, percentOf, splitEvenly } from './money.js';
import { memberParams } from './needs.js';
import { getParameter, type RuleSet } from './rule-sets.js';
import type { StepCollector } from './steps.js';
import type { OtherIncomeKind } from './types.js';

export interface AllowancePart {
  /** 'grundfreibetrag' | 'stufe1' | 'stufe2' | 'stufe3' */
  part: 'grundfreibetrag' | 'stufe1' | 'stufe2' | 'stufe3';
  /** the slice of gross earnings the percentage applies to (0 for the Grundfreibetrag) */
  sliceCents: number;
  /** basis points; 0 for the Grundfreibetrag */
  basisPoints: number;
  amountCents: number;
  parameterIds: string[];
}

export interface AllowanceOptions {
  /** § 11b Abs. 3 Satz 3: the earner lives with a minor child in the Bedarfsgemeinschaft */
  withMinorChild: boolean;
  /** § 11b Abs. 2b: under 25 and pupil, student, trainee or volunteer */
  youngEarner: boolean;
}

/**
 * Allowances on earnings (§ 11b Abs. 2, 2b, 3 SGB II), computed on gross earnings and
 * later subtracted from net earnings. Each band's percentage is rounded half up on its own.
 * With the raised Grundfreibetrag of Abs. 2b the bands apply only above that amount.
 * Not modelled: higher actual expenses instead of the flat 100 € (Abs. 2 Satz 2).
 */
export function erwerbstaetigenFreibetrag(grossCents: number, ruleSet: RuleSet, options: AllowanceOptions): AllowancePart[] {
  const value = (id: string) => getParameter(ruleSet, id).value;
  const basicId = options.youngEarner ? 'einkommen.jungeErwerbstaetige.grundfreibetrag' : 'einkommen.grundfreibetrag';
  const basic = value(basicId);
  const stufe3UpToId = options.withMinorChild ? 'einkommen.stufe3.upToWithChild' : 'einkommen.stufe3.upTo';

  const parts: AllowancePart[] = [
    {
      part: 'grundfreibetrag',
      sliceCents: 0,
      basisPoints: 0,
      amountCents: Math.min(grossCents, basic),
      parameterIds: options.youngEarner ? [basicId, 'einkommen.jungeErwerbstaetige.ageBelow'] : [basicId],
    },
  ];
  const bands = [
    { part: 'stufe1' as const, upToId: 'einkommen.stufe1.upTo', percentId: 'einkommen.stufe1.percent' },
    { part: 'stufe2' as const, upToId: 'einkommen.stufe2.upTo', percentId: 'einkommen.stufe2.percent' },
    { part: 'stufe3' as const, upToId: stufe3UpToId, percentId: 'einkommen.stufe3.percent' },
  ];
  let lower = value('einkommen.grundfreibetrag');
  for (const band of bands) {
    const upper = value(band.upToId);
    const from = Math.max(lower, basic);
    const slice = Math.max(0, Math.min(grossCents, upper) - from);
    const basisPoints = value(band.percentId);
    if (slice > 0) {
      parts.push({
        part: band.part,
        sliceCents: slice,
        basisPoints,
        amountCents: percentOf(slice, basisPoints),
        parameterIds: [band.upToId, band.percentId],
      });
    }
    lower = upper;
  }
  return parts;
}

const K = 'antrag.estimate.step';

/** Kinds that are the child's income wherever they were entered (§ 11 Abs. 1 Satz 4, 5 SGB II). */
const CHILD_INCOME_KINDS: readonly OtherIncomeKind[] = ['kinderzuschlag', 'unterhaltsvorschuss'];

interface IncomeItem {
  kind: OtherIncomeKind;
  amountCents: number;
  /** label of the member who entered it, when it was moved to a child */
  enteredBy?: string;
}

/**
 * Other income per member: Kinderzuschlag and Unterhaltsvorschuss entered for an adult are the
 * minor children's income and are split evenly among them.
 */
function otherIncomeByMember(bg: readonly ClassifiedMember[], minorAgeBelow: number): Map<string, IncomeItem[]> {
  const byMember = new Map<string, IncomeItem[]>(bg.map((c) => [c.member.id, []]));
  const minors = bg.filter((c) => c.bgRole === 'child' && c.age < minorAgeBelow);
  for (const c of bg) {
    for (const item of c.member.otherIncome ?? []) {
      if (c.bgRole === 'head' && CHILD_INCOME_KINDS.includes(item.kind) && minors.length > 0) {
        splitEvenly(item.amountCents, minors.length).forEach((amountCents, i) => {
          const minor = minors[i];
          if (minor) byMember.get(minor.member.id)?.push({ kind: item.kind, amountCents, enteredBy: c.member.label ?? c.member.id });
        });
      } else {
        byMember.get(c.member.id)?.push({ kind: item.kind, amountCents: item.amountCents });
      }
    }
  }
  return byMember;
}

/** Earnings less the allowances of § 11b Abs. 2, 2b, 3; returns the counted part. */
function addEarnings(c: ClassifiedMember, withMinorChild: boolean, ruleSet: RuleSet, out: StepCollector): number {
  const m = c.member;
  if (m.earnings === undefined) return 0;
  const { grossCents, netCents } = m.earnings;
  out.income({
    key: `${K}.einkommen.erwerb`,
    params: { ...memberParams(c), grossCents, netCents },
    amountCents: netCents,
    sign: '-',
    parameterIds: [],
  });
  const youngEarner = m.inSchoolOrTraining === true && c.age < getParameter(ruleSet, 'einkommen.jungeErwerbstaetige.ageBelow').value;
  // An allowance never exceeds the net earnings it is taken from.
  let remaining = netCents;
  for (const part of erwerbstaetigenFreibetrag(grossCents, ruleSet, { youngEarner, withMinorChild })) {
    const applied = Math.min(part.amountCents, remaining);
    remaining -= applied;
    out.income({
      key: `${K}.freibetrag.${part.part}`,
      params:
        part.part === 'grundfreibetrag'
          ? memberParams(c)
          : { ...memberParams(c), percent: basisPointsToPercent(part.basisPoints), sliceCents: part.sliceCents },
      amountCents: applied,
      sign: '+',
      parameterIds: withMinorChild && part.part === 'stufe3' ? [...part.parameterIds, 'alter.volljaehrigkeit'] : part.parameterIds,
    });
  }
  return remaining;
}

function addOtherIncome(c: ClassifiedMember, items: readonly IncomeItem[], out: StepCollector): number {
  let sum = 0;
  for (const item of items) {
    out.income({
      key: `${K}.einkommen.sonstiges`,
      params: {
        ...memberParams(c),
        kind: item.kind,
        note: item.enteredBy === undefined ? 'antrag.estimate.note.countedInFull' : 'antrag.estimate.note.childIncome',
        ...(item.enteredBy === undefined ? {} : { enteredBy: item.enteredBy }),
      },
      amountCents: item.amountCents,
      sign: '-',
      parameterIds: [],
    });
    sum += item.amountCents;
  }
  return sum;
}

/**
 * The insurance allowance of § 6 Abs. 1 Nr. 1 Bürgergeld-V: 30 € from the income other than
 * earnings of each adult; with earnings it is part of the Grundfreibetrag. Returns the amount.
 */
function addVersicherungspauschale(c: ClassifiedMember, nonEarnedCents: number, ruleSet: RuleSet, out: StepCollector): number {
  const value = (id: string) => getParameter(ruleSet, id).value;
  if (c.member.earnings !== undefined || nonEarnedCents <= 0 || c.age < value('alter.volljaehrigkeit')) return 0;
  const amountCents = Math.min(nonEarnedCents, value('einkommen.versicherungspauschale'));
  out.income({
    key: `${K}.freibetrag.versicherungspauschale`,
    params: memberParams(c),
    amountCents,
    sign: '+',
    parameterIds: ['einkommen.versicherungspauschale', 'alter.volljaehrigkeit'],
  });
  return amountCents;
}

/**
 * Income of the Bedarfsgemeinschaft, children first. Earnings less § 11b allowances; other income
 * counted in full less the insurance allowance of adults (simplified: no Elterngeld or other
 * exemptions). A child's own income and Kindergeld cover only the child's own need (§ 9 Abs. 2,
 * § 11 Abs. 1 Satz 4, 5 SGB II): a surplus of own income is not counted for the others; the
 * surplus of Kindergeld, child by child, is income of the parent at the head of the
 * Bedarfsgemeinschaft (and so subject to that parent's insurance allowance).
 */
export function addIncome(bg: readonly ClassifiedMember[], month: string, ruleSet: RuleSet, out: StepCollector): void {
  const value = (id: string) => getParameter(ruleSet, id).value;
  const minorAgeBelow = value('alter.volljaehrigkeit');
  const hasMinorChild = bg.some((c) => c.bgRole === 'child' && c.age < minorAgeBelow);
  const other = otherIncomeByMember(bg, minorAgeBelow);
  const head = bg.find((c) => c.bgRole === 'head');
  const surplusToHead: { child: ClassifiedMember; cents: number }[] = [];

  for (const c of bg.filter((x) => x.bgRole === 'child')) {
    const m = c.member;
    const items = other.get(m.id) ?? [];
    const kindergeldItems = items.filter((i) => i.kind === 'kindergeld');
    const earned = addEarnings(c, m.minorChildElsewhere === true, ruleSet, out);
    const nonEarned = addOtherIncome(c, items.filter((i) => i.kind !== 'kindergeld'), out);

    const kindergeldDefault = ageAtStartOfMonth(m.birthDate, month) < value('kindergeld.defaultAgeBelow');
    const entered = kindergeldItems.reduce((sum, i) => sum + i.amountCents, 0);
    const kindergeld = kindergeldItems.length > 0 ? entered : (m.kindergeld ?? kindergeldDefault) ? value('kindergeld.perChild') : 0;
    const pauschale = addVersicherungspauschale(c, nonEarned + kindergeld, ruleSet, out);
    const ownCounted = earned + nonEarned - pauschale;
    const need = out.memberNeedCents(m.id);

    if (kindergeld > 0) {
      const forChild = Math.min(kindergeld, Math.max(0, need - ownCounted));
      out.income({
        key: `${K}.kindergeld`,
        params: { ...memberParams(c), totalCents: kindergeld },
        amountCents: forChild,
        sign: '-',
        parameterIds: kindergeldItems.length > 0 ? [] : m.kindergeld === undefined ? ['kindergeld.perChild', 'kindergeld.defaultAgeBelow'] : ['kindergeld.perChild'],
      });
      if (kindergeld > forChild) surplusToHead.push({ child: c, cents: kindergeld - forChild });
    }
    const ownSurplus = Math.max(0, ownCounted - need);
    if (ownSurplus > 0) {
      out.income({
        key: `${K}.einkommen.kindUeberschuss`,
        params: { ...memberParams(c), needCents: need },
        amountCents: ownSurplus,
        sign: '+',
        parameterIds: [],
      });
    }
  }

  for (const c of bg.filter((x) => x.bgRole === 'head')) {
    const withMinorChild = hasMinorChild || c.member.minorChildElsewhere === true;
    addEarnings(c, withMinorChild, ruleSet, out);
    let nonEarned = addOtherIncome(c, other.get(c.member.id) ?? [], out);
    if (c === head) {
      for (const s of surplusToHead) {
        out.income({
          key: `${K}.kindergeldUeberschuss`,
          params: { ...memberParams(c), child: s.child.member.label ?? s.child.member.id },
          amountCents: s.cents,
          sign: '-',
          parameterIds: [],
        });
        nonEarned += s.cents;
      }
    }
    addVersicherungspauschale(c, nonEarned, ruleSet, out);
  }
}
