// The non-binding estimate of the benefit: needs, income and assets of the Bedarfsgemeinschaft, step by step.
import { checkAssets } from './assets.js';
import { classifyHousehold, EstimateInputError } from './household.js';
import { addIncome } from './income.js';
import { addHousing, addRegelbedarfAndMehrbedarfe } from './needs.js';
import { selectRuleSet } from './rule-sets.js';
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
  `${S}.einkommen.sonstiges`,
  `${S}.kindergeld`,
  `${S}.einkommen.kindUeberschuss`,
] as const;

/** Note keys that appear as step params (param `note`). */
export const ESTIMATE_NOTE_KEYS = ['antrag.estimate.note.countedInFull'] as const;

/** Every warning key the engine can return, for the translation catalogues. */
export const ESTIMATE_WARNING_KEYS = [
  `${W}.noHousingLimit`,
  `${W}.assetsAboveLimit`,
  `${W}.membersOutsideBedarfsgemeinschaft`,
  `${W}.incomeCoversNeed`,
  `${W}.unverifiedParameters`,
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
  const out = new StepCollector();
  for (const c of classified) out.use(c.parameterIds);

  addRegelbedarfAndMehrbedarfe(bg, input.housing, ruleSet, out);
  addHousing(bg, classified.length, input.housing, karenzzeit, options.housingLimit, ruleSet, out);
  if (!options.housingLimit) warnings.push(`${W}.noHousingLimit`);
  addIncome(bg, options.month, ruleSet, out);

  const assetCheck = checkAssets(input.assetsCents, bg, karenzzeit, ruleSet);
  out.use(assetCheck.parameterIds);
  if (assetCheck.aboveLimit) warnings.push(`${W}.assetsAboveLimit`);

  const entitlementCents = Math.max(0, out.needCents - out.incomeCents);
  if (entitlementCents === 0) warnings.push(`${W}.incomeCoversNeed`);

  const unverifiedParameters = [...out.usedParameterIds].filter((id) => ruleSet.parameters[id]?.verified === false).sort();
  if (unverifiedParameters.length > 0) warnings.push(`${W}.unverifiedParameters`);

  return {
    ruleSet: { id: ruleSet.id, name: ruleSet.name, validFrom: ruleSet.validFrom },
    month: options.month,
    steps: out.steps,
    totalNeedCents: out.needCents,
    countedIncomeCents: out.incomeCents,
    entitlementCents,
    assetCheck,
    warnings,
    unverifiedParameters,
    nonBinding: true,
  };
}
