// The non-binding estimate of the benefit: needs, income and assets of the Bedarfsgemeinschaft, step by step.
import { checkAssets } from './assets.js';
import { exclusionsOf } from './eligibility.js';
import { checkPlausibility } from './plausibility.js';
import { classifyHousehold, EstimateInputError } from './household.js';
import { addIncome } from './income.js';
import { addHousing, addRegelbedarfAndMehrbedarfe } from './needs.js';
import { selectRuleSet, type RuleSet } from './rule-sets.js';
import { StepCollector } from './steps.js';
import type { EstimateInput, EstimateOptions, EstimateResult } from './types.js';

const W = 'antrag.estimate.warning';
const S = 'antrag.estimate.step';

/** Every step key the engine can return, for the translation catalogues. */
export const ESTIMATE_STEP_KEYS = [
  `${S}.regelbedarf`,
  `${S}.mehrbedarf.schwangerschaft`,
  `${S}.mehrbedarf.alleinerziehend`,
  `${S}.mehrbedarf.behinderung`,
  `${S}.mehrbedarf.obergrenze`,
  `${S}.mehrbedarf.warmwasser`,
  `${S}.unterkunft`,
  `${S}.heizung`,
  `${S}.einkommen.erwerb`,
  `${S}.freibetrag.grundfreibetrag`,
  `${S}.freibetrag.stufe1`,
  `${S}.freibetrag.stufe2`,
  `${S}.freibetrag.stufe3`,
  `${S}.freibetrag.versicherungspauschale`,
  `${S}.einkommen.sonstiges`,
  `${S}.kindergeld`,
  `${S}.kindergeldUeberschuss`,
  `${S}.einkommen.kindUeberschuss`,
] as const;

/** Note keys that appear as step params (param `note`). */
export const ESTIMATE_NOTE_KEYS = ['antrag.estimate.note.countedInFull', 'antrag.estimate.note.childIncome'] as const;

/** Every exclusion and referral key (below antrag.estimate.exclusion / .referral). */
export const ESTIMATE_EXCLUSION_KEYS = ['tooYoung', 'pensionAge', 'oldAgePension', 'institution', 'notAbleToWork', 'studies', 'training', 'firstThreeMonths', 'jobSeeking', 'asylum'] as const;
export const ESTIMATE_REFERRAL_KEYS = ['sozialgeld', 'grundsicherungAlter', 'grundsicherungErwerbsminderung', 'hilfeZumLebensunterhalt', 'bafoeg', 'bab', 'ueberbrueckung', 'asylblg'] as const;

/** Every warning key the engine can return, for the translation catalogues. */
export const ESTIMATE_WARNING_KEYS = [
  `${W}.noHousingLimit`,
  `${W}.assetsAboveLimit`,
  `${W}.membersOutsideBedarfsgemeinschaft`,
  `${W}.incomeCoversNeed`,
  `${W}.unverifiedParameters`,
  `${W}.fosterChildren`,
] as const;

function assertCents(value: number, code: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new EstimateInputError(code);
}

function validate(input: EstimateInput): void {
  const { housing } = input;
  assertCents(housing.kaltmieteCents, 'kaltmiete');
  assertCents(housing.nebenkostenCents, 'nebenkosten');
  assertCents(housing.heizkostenCents, 'heizkosten');
  assertCents(input.assetsCents, 'assets');
  for (const m of input.members) {
    if (m.earnings) {
      assertCents(m.earnings.grossCents, 'grossEarnings');
      assertCents(m.earnings.netCents, 'netEarnings');
      if (m.earnings.netCents > m.earnings.grossCents) throw new EstimateInputError('netAboveGross');
    }
    for (const other of m.otherIncome ?? []) assertCents(other.amountCents, 'otherIncome');
    if (m.pregnancyWeek !== undefined && !(Number.isInteger(m.pregnancyWeek) && m.pregnancyWeek >= 1 && m.pregnancyWeek <= 45)) {
      throw new EstimateInputError('pregnancyWeek');
    }
  }
  checkPlausibility(input);
}

function unverifiedOf(out: StepCollector, ruleSet: RuleSet): string[] {
  return [...out.usedParameterIds].filter((id) => ruleSet.parameters[id]?.verified === false).sort();
}

/**
 * Non-binding estimate (Orientierungsrechnung) of SGB II benefits for one month, with the
 * rule set in force on the first of that month. Need minus counted income, never below zero;
 * assets above the protected amount only produce a warning, because the estimate cannot
 * judge which assets are protected.
 */
export function estimate(input: EstimateInput, options: EstimateOptions): EstimateResult {
  const ruleSet = selectRuleSet(options.month);
  validate(input);
  if (options.housingLimit) {
    assertCents(options.housingLimit.bruttokaltmieteCents, 'housingLimit');
    if (options.housingLimit.heizkostenCents !== undefined) assertCents(options.housingLimit.heizkostenCents, 'housingLimit');
  }
  const karenzzeit = input.karenzzeit ?? true;
  const warnings: string[] = [];

  const classified = classifyHousehold(input.members, options.month, ruleSet);
  const bg = classified.filter((c) => c.inBedarfsgemeinschaft);
  if (bg.length < classified.length) warnings.push(`${W}.membersOutsideBedarfsgemeinschaft`);
  if (classified.some((c) => c.member.role === 'fosterChild')) warnings.push(`${W}.fosterChildren`);
  const out = new StepCollector();
  for (const c of classified) out.use(c.parameterIds);
  const ruleSetRef = { id: ruleSet.id, name: ruleSet.name, validFrom: ruleSet.validFrom };

  const exclusions = exclusionsOf(bg, input.members, options.month, ruleSet);
  if (exclusions.length > 0) {
    for (const e of exclusions) out.use(e.parameterIds);
    return {
      ruleSet: ruleSetRef,
      month: options.month,
      steps: [],
      totalNeedCents: 0,
      countedIncomeCents: 0,
      entitlementCents: 0,
      assetCheck: { assetsCents: input.assetsCents, limitCents: 0, aboveLimit: false, parameterIds: [] },
      exclusions,
      eligible: false,
      warnings,
      unverifiedParameters: unverifiedOf(out, ruleSet),
      nonBinding: true,
    };
  }

  addRegelbedarfAndMehrbedarfe(bg, input.housing, ruleSet, out);
  addHousing(bg, classified.length, input.housing, karenzzeit, options.housingLimit, ruleSet, out);
  if (!options.housingLimit) warnings.push(`${W}.noHousingLimit`);
  addIncome(bg, options.month, ruleSet, out);

  const assetCheck = checkAssets(input.assetsCents, bg, karenzzeit, ruleSet);
  out.use(assetCheck.parameterIds);
  if (assetCheck.aboveLimit) warnings.push(`${W}.assetsAboveLimit`);

  const entitlementCents = Math.max(0, out.needCents - out.incomeCents);
  if (entitlementCents === 0) warnings.push(`${W}.incomeCoversNeed`);

  const unverifiedParameters = unverifiedOf(out, ruleSet);
  if (unverifiedParameters.length > 0) warnings.push(`${W}.unverifiedParameters`);

  return {
    ruleSet: ruleSetRef,
    month: options.month,
    steps: out.steps,
    totalNeedCents: out.needCents,
    countedIncomeCents: out.incomeCents,
    entitlementCents,
    assetCheck,
    exclusions,
    eligible: entitlementCents > 0 && !assetCheck.aboveLimit,
    warnings,
    unverifiedParameters,
    nonBinding: true,
  };
}
