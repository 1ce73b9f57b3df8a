// Protected assets (§ 12 SGB II) for the non-binding estimate.
import type { ClassifiedMember } from './household.js';
import { ASSET_AGE_BANDS, getParameter, type RuleSet } from './rule-sets.js';
import type { AssetCheck } from './types.js';

/**
 * Protected assets of the Bedarfsgemeinschaft (§ 12 SGB II). Bürgergeld: during the Karenzzeit
 * only "considerable" assets count (first person + each further person), afterwards a flat
 * amount per person. Reform: an amount per person by age, no Karenzzeit; allowances are
 * transferable within the Bedarfsgemeinschaft, so the sum is compared with the total.
 */
export function checkAssets(
  assetsCents: number,
  bg: readonly ClassifiedMember[],
  karenzzeit: boolean,
  ruleSet: RuleSet,
): AssetCheck {
  const value = (id: string) => getParameter(ruleSet, id).value;
  let limitCents = 0;
  const parameterIds: string[] = [];

  if (ruleSet.variants.assetProtection === 'karenzzeit') {
    if (karenzzeit) {
      limitCents = value('vermoegen.karenzzeit.firstPerson') + value('vermoegen.karenzzeit.furtherPerson') * (bg.length - 1);
      parameterIds.push('vermoegen.karenzzeit.firstPerson');
      if (bg.length > 1) parameterIds.push('vermoegen.karenzzeit.furtherPerson');
    } else {
      limitCents = value('vermoegen.perPerson') * bg.length;
      parameterIds.push('vermoegen.perPerson');
    }
  } else {
    for (const c of bg) {
      // The highest band whose starting age the member has reached in the month.
      let band: { amountId: string; fromAgeId?: string } = ASSET_AGE_BANDS[0];
      for (const candidate of ASSET_AGE_BANDS) {
        if (!('fromAgeId' in candidate) || c.age >= value(candidate.fromAgeId)) band = candidate;
      }
      limitCents += value(band.amountId);
      for (const id of [band.amountId, ...(band.fromAgeId ? [band.fromAgeId] : [])]) {
        if (!parameterIds.includes(id)) parameterIds.push(id);
      }
    }
  }
  return { assetsCents, limitCents, aboveLimit: assetsCents > limitCents, parameterIds };
}
