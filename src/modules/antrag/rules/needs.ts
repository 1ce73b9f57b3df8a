// Needs of the estimate: Regelbedarf, Mehrbedarfe and housing costs per member.
import type { ClassifiedMember } from './household.js';
import { basisPointsToPercent, percentOf, splitEvenly } from './money.js';
import { getParameter, type RuleSet } from './rule-sets.js';
import type { StepCollector } from './steps.js';
import type { EstimateHousing, HousingLimit, StepParams } from './types.js';

const K = 'antrag.estimate.step';

export function memberParams(c: ClassifiedMember): StepParams {
  return { member: c.member.label ?? c.member.id, memberId: c.member.id, role: c.member.role };
}

function regelbedarfId(c: ClassifiedMember): string {
  return `regelbedarf.rbs${c.stufe ?? 1}`;
}

/** Regelbedarf and Mehrbedarfe (§§ 20, 21, 23 SGB II) for each member of the Bedarfsgemeinschaft. */
export function addRegelbedarfAndMehrbedarfe(
  bg: readonly ClassifiedMember[],
  housing: EstimateHousing,
  ruleSet: RuleSet,
  out: StepCollector,
): void {
  const value = (id: string) => getParameter(ruleSet, id).value;
  const minorAgeBelow = value('alter.volljaehrigkeit');
  const minorChildren = bg.filter((c) => c.bgRole === 'child' && c.age < minorAgeBelow);
  const singleHead = bg.filter((c) => c.bgRole === 'head').length === 1;

  for (const c of bg) {
    const id = c.member.id;
    const rbsId = regelbedarfId(c);
    const regelbedarf = value(rbsId);
    out.need(
      {
        key: `${K}.regelbedarf`,
        params: { ...memberParams(c), stufe: c.stufe ?? 1, age: c.age },
        amountCents: regelbedarf,
        sign: '+',
        parameterIds: [rbsId, ...c.parameterIds],
      },
      id,
    );

    let cappedSum = 0;
    const addCapped = (key: string, basisPoints: number, base: number, parameterIds: string[], extra: StepParams = {}) => {
      const amountCents = percentOf(base, basisPoints);
      cappedSum += amountCents;
      out.need(
        { key, params: { ...memberParams(c), percent: basisPointsToPercent(basisPoints), ...extra }, amountCents, sign: '+', parameterIds },
        id,
      );
    };

    const week = c.member.pregnancyWeek;
    if (week !== undefined && week >= value('mehrbedarf.schwangerschaft.fromWeek')) {
      addCapped(`${K}.mehrbedarf.schwangerschaft`, value('mehrbedarf.schwangerschaft.percent'), regelbedarf, [
        'mehrbedarf.schwangerschaft.percent',
        'mehrbedarf.schwangerschaft.fromWeek',
        rbsId,
      ], { week });
    }

    if (c.bgRole === 'head' && singleHead && c.member.singleParent !== false && minorChildren.length > 0) {
      const young = minorChildren.filter((k) => k.age < value('mehrbedarf.alleinerziehend.youngChildAgeBelow')).length;
      const under16 = minorChildren.filter((k) => k.age < value('mehrbedarf.alleinerziehend.childrenAgeBelow')).length;
      // § 21 Abs. 3: 36 % with one child under 7 or two or three under 16; 12 % per child where that is higher; at most 60 %.
      const nr1 = young >= 1 || under16 === 2 || under16 === 3 ? value('mehrbedarf.alleinerziehend.percent') : 0;
      const nr2 = value('mehrbedarf.alleinerziehend.perChildPercent') * minorChildren.length;
      const basisPoints = Math.min(Math.max(nr1, nr2), value('mehrbedarf.alleinerziehend.maxPercent'));
      addCapped(`${K}.mehrbedarf.alleinerziehend`, basisPoints, value('regelbedarf.rbs1'), [
        'mehrbedarf.alleinerziehend.percent',
        'mehrbedarf.alleinerziehend.youngChildAgeBelow',
        'mehrbedarf.alleinerziehend.childrenAgeBelow',
        'mehrbedarf.alleinerziehend.perChildPercent',
        'mehrbedarf.alleinerziehend.maxPercent',
        'alter.volljaehrigkeit',
        'regelbedarf.rbs1',
      ], { children: minorChildren.length, childrenUnder7: young, childrenUnder16: under16 });
    }

    if (c.member.disabilityParticipationBenefits === true && c.age >= value('mehrbedarf.behinderung.minAge')) {
      addCapped(`${K}.mehrbedarf.behinderung`, value('mehrbedarf.behinderung.percent'), regelbedarf, [
        'mehrbedarf.behinderung.percent',
        'mehrbedarf.behinderung.minAge',
        rbsId,
      ]);
    }

    const cap = percentOf(regelbedarf, value('mehrbedarf.cap.percentOfRegelbedarf'));
    if (cappedSum > cap) {
      out.need(
        {
          key: `${K}.mehrbedarf.obergrenze`,
          params: { ...memberParams(c), capCents: cap },
          amountCents: cappedSum - cap,
          sign: '-',
          parameterIds: ['mehrbedarf.cap.percentOfRegelbedarf', rbsId],
        },
        id,
      );
    }

    if (housing.decentralHotWater === true) {
      const hotWaterId = `mehrbedarf.warmwasser.rbs${c.stufe ?? 1}`;
      const basisPoints = value(hotWaterId);
      out.need(
        {
          key: `${K}.mehrbedarf.warmwasser`,
          params: { ...memberParams(c), percent: basisPointsToPercent(basisPoints) },
          amountCents: percentOf(regelbedarf, basisPoints),
          sign: '+',
          parameterIds: [hotWaterId, rbsId],
        },
        id,
      );
    }
  }
}

function withLimit(params: StepParams, limitCents: number | undefined): StepParams {
  return limitCents === undefined ? params : { ...params, limitCents };
}

export type HousingBasis = 'noLimit' | 'karenzzeit' | 'karenzzeitCap' | 'withinLimit' | 'limit';

/**
 * Housing and heating (§ 22 SGB II). Costs are split by heads over everyone living in the
 * flat (Kopfteilprinzip); the Bedarfsgemeinschaft's share is then compared with the tenant's
 * limit for its size. Rent in full during the Karenzzeit (the reform caps it at a multiple of
 * the limit); heating only up to its limit, with or without Karenzzeit.
 */
export function addHousing(
  bg: readonly ClassifiedMember[],
  residents: number,
  housing: EstimateHousing,
  karenzzeit: boolean,
  limit: HousingLimit | undefined,
  ruleSet: RuleSet,
  out: StepCollector,
): void {
  const bgShare = (total: number) =>
    splitEvenly(total, residents)
      .slice(0, bg.length)
      .reduce((a, b) => a + b, 0);
  const rentShare = bgShare(housing.kaltmieteCents + housing.nebenkostenCents);
  const heatingShare = bgShare(housing.heizkostenCents);
  const common = { residents, bgMembers: bg.length };

  let rent = rentShare;
  let rentBasis: HousingBasis = 'noLimit';
  const rentParameterIds: string[] = [];
  if (limit !== undefined) {
    const max = limit.bruttokaltmieteCents;
    if (!karenzzeit) {
      rent = Math.min(rentShare, max);
      rentBasis = rentShare > max ? 'limit' : 'withinLimit';
    } else if (ruleSet.variants.housingInKarenzzeit === 'cappedAtMultipleOfLimit') {
      const capId = 'unterkunft.karenzzeit.capPercentOfLimit';
      const cap = percentOf(max, getParameter(ruleSet, capId).value);
      rent = Math.min(rentShare, cap);
      rentBasis = rentShare > cap ? 'karenzzeitCap' : 'karenzzeit';
      rentParameterIds.push(capId);
    } else {
      rentBasis = 'karenzzeit';
    }
  }
  out.need({
    key: `${K}.unterkunft`,
    params: withLimit({ ...common, actualCents: rentShare, basis: rentBasis }, limit?.bruttokaltmieteCents),
    amountCents: rent,
    sign: '+',
    parameterIds: rentParameterIds,
  });

  const heatingLimit = limit?.heizkostenCents;
  const heating = heatingLimit === undefined ? heatingShare : Math.min(heatingShare, heatingLimit);
  const heatingBasis: HousingBasis =
    heatingLimit === undefined ? 'noLimit' : heatingShare > heatingLimit ? 'limit' : 'withinLimit';
  out.need({
    key: `${K}.heizung`,
    params: withLimit({ ...common, actualCents: heatingShare, basis: heatingBasis }, heatingLimit),
    amountCents: heating,
    sign: '+',
    parameterIds: [],
  });

  // The housing need of each member, by heads, for the child-income rule; the total is booked above.
  splitEvenly(rent + heating, bg.length).forEach((share, i) => {
    const c = bg[i];
    if (c) out.bookMemberNeed(c.member.id, share);
  });
}
