// Income of the estimate: earnings allowances (§ 11b SGB II) and other income per member.
import { ageAtStartOfMonth, type ClassifiedMember } from './household.js';
import { basisPointsToPercent, percentOf } from './money.js';
import { memberParams } from './needs.js';
import { getParameter, type RuleSet } from './rule-sets.js';
import type { StepCollector } from './steps.js';

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

/**
 * Income of the Bedarfsgemeinschaft. Earnings less § 11b allowances; other income counted
 * in full (simplified: no Versicherungspauschale, no Elterngeld or other exemptions).
 * A child's own income and Kindergeld cover only the child's own need (§ 9 Abs. 2, § 11
 * Abs. 1 Satz 4, 5 SGB II): a surplus of own income is not counted for the others, a surplus
 * of Kindergeld counts as income of the parent and so stays in the total.
 */
export function addIncome(
  bg: readonly ClassifiedMember[],
  month: string,
  ruleSet: RuleSet,
  out: StepCollector,
): void {
  const value = (id: string) => getParameter(ruleSet, id).value;
  const minorAgeBelow = value('alter.volljaehrigkeit');
  const hasMinorChild = bg.some((c) => c.member.role === 'child' && c.age < minorAgeBelow);

  for (const c of bg) {
    const m = c.member;
    let ownCounted = 0;

    if (m.earnings !== undefined) {
      const { grossCents, netCents } = m.earnings;
      out.income({
        key: `${K}.einkommen.erwerb`,
        params: { ...memberParams(c), grossCents, netCents },
        amountCents: netCents,
        sign: '-',
        parameterIds: [],
      });
      const youngEarner = m.inSchoolOrTraining === true && c.age < value('einkommen.jungeErwerbstaetige.ageBelow');
      const withMinorChild = m.role !== 'child' && hasMinorChild;
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
      ownCounted += remaining;
    }

    for (const other of m.otherIncome ?? []) {
      out.income({
        key: `${K}.einkommen.sonstiges`,
        params: { ...memberParams(c), kind: other.kind, note: 'antrag.estimate.note.countedInFull' },
        amountCents: other.amountCents,
        sign: '-',
        parameterIds: [],
      });
      ownCounted += other.amountCents;
    }

    if (m.role !== 'child') continue;

    const need = out.memberNeedCents(m.id);
    const ownSurplus = Math.max(0, ownCounted - need);
    const kindergeldDefault = ageAtStartOfMonth(m.birthDate, month) < value('kindergeld.defaultAgeBelow');
    const kindergeld = (m.kindergeld ?? kindergeldDefault) ? value('kindergeld.perChild') : 0;
    if (kindergeld > 0) {
      const kindergeldForChild = Math.min(kindergeld, Math.max(0, need - ownCounted));
      out.income({
        key: `${K}.kindergeld`,
        params: { ...memberParams(c), surplusToParentCents: kindergeld - kindergeldForChild },
        amountCents: kindergeld,
        sign: '-',
        parameterIds: m.kindergeld === undefined ? ['kindergeld.perChild', 'kindergeld.defaultAgeBelow'] : ['kindergeld.perChild'],
      });
    }
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
}
