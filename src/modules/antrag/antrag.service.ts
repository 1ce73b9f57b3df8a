// Use cases of the Erstantrag beyond the generic engine: the non-binding estimate with the
// tenant's housing limits, and the demo housing limits.
import type { LoadContext } from '../../shared/forms/index.js';
import { TenantDb } from '../../shared/db/tenant-scope.js';
import type { AppDeps } from '../../shared/module.js';
import type { Tenant } from '../../shared/tenancy/index.js';
import type { AntragHousingLimit } from './antrag.tables.js';
import { antragRepository } from './antrag.repository.js';
import { bedarfsgemeinschaftSize, estimateMonth, toEstimateInput } from './estimate.adapter.js';
import { estimate, EstimateInputError, NoRuleSetError, selectRuleSet, type EstimateResult } from './rules/index.js';
import { berlinDate } from '../../shared/time.js';

export interface EstimateData {
  result?: EstimateResult | undefined;
  /** why there is no result: answers missing, or the household cannot be estimated */
  missing?: 'answers' | 'household' | undefined;
  limits: AntragHousingLimit[];
  bgSize: number;
  unverified: { id: string; source: string }[];
}

export async function loadEstimate(ctx: LoadContext): Promise<EstimateData> {
  const today = berlinDate(ctx.now);
  const month = estimateMonth(ctx.now);
  const limits = await antragRepository.housingLimits(ctx.tdb);
  const bgSize = bedarfsgemeinschaftSize(ctx.answers, today);
  const input = toEstimateInput(ctx.answers, month);
  if (!input) return { missing: 'answers', limits, bgSize, unverified: [] };
  const limit = limits.find((l) => l.householdSize === bgSize);
  try {
    const result = estimate(input, {
      month,
      ...(limit ? { housingLimit: { bruttokaltmieteCents: limit.bruttokaltmieteCents, ...(limit.heizkostenCents !== null ? { heizkostenCents: limit.heizkostenCents } : {}) } } : {}),
    });
    const ruleSet = selectRuleSet(month);
    const unverified = result.unverifiedParameters.map((id) => ({ id, source: ruleSet.parameters[id]?.source ?? '' }));
    return { result, limits, bgSize, unverified };
  } catch (err) {
    if (err instanceof EstimateInputError || err instanceof NoRuleSetError) return { missing: 'household', limits, bgSize, unverified: [] };
    throw err;
  }
}

/**
 * Illustrative limits for the demo tenant (gross cold rent and heating per month by household
 * size). They are invented for the demo and say so on the estimate page; a real jobcenter
 * enters the figures of its "schlüssiges Konzept".
 */
export const DEMO_HOUSING_LIMITS: Omit<AntragHousingLimit, 'tenantId'>[] = [
  { householdSize: 1, bruttokaltmieteCents: 52_000, heizkostenCents: 9_000, note: 'demo' },
  { householdSize: 2, bruttokaltmieteCents: 63_000, heizkostenCents: 11_500, note: 'demo' },
  { householdSize: 3, bruttokaltmieteCents: 75_000, heizkostenCents: 14_000, note: 'demo' },
  { householdSize: 4, bruttokaltmieteCents: 87_000, heizkostenCents: 16_500, note: 'demo' },
  { householdSize: 5, bruttokaltmieteCents: 99_000, heizkostenCents: 19_000, note: 'demo' },
  { householdSize: 6, bruttokaltmieteCents: 111_000, heizkostenCents: 21_500, note: 'demo' },
];

export async function seedHousingLimits(deps: AppDeps, tenant: Tenant): Promise<void> {
  await antragRepository.upsertHousingLimits(new TenantDb(deps.database.db, tenant.id), DEMO_HOUSING_LIMITS);
}
