// Use cases of the Erstantrag beyond the generic engine: the non-binding estimate with the
// tenant's housing limits, and the demo housing limits.
import type { LoadContext } from '../forms/index.js';
import { TenantDb } from '#shared/db/tenant-scope.js';
import type { AppDeps } from '#shared/module.js';
import type { Tenant } from '#shared/tenancy/index.js';
import type { AntragHousingLimit } from './antrag.tables.js';
import * as repo from './antrag.repository.js';
import { estimateMonth, toEstimateInput } from './estimate.adapter.js';
import { bedarfsgemeinschaftSize, estimate, EstimateInputError, NoRuleSetError, type EstimateInput, type EstimateResult } from './rules/index.js';

export interface EstimateData {
  result?: EstimateResult | undefined;
  /** why there is no result: answers missing, or the household cannot be estimated */
  missing?: 'answers' | 'household' | undefined;
  limits: AntragHousingLimit[];
  bgSize: number;
}

export interface HouseholdEstimate {
  result: EstimateResult;
  /** the tenant's housing limits, all sizes */
  limits: AntragHousingLimit[];
  /** size of the Bedarfsgemeinschaft, which picks the limit */
  bgSize: number;
}

/**
 * The estimate of one household with the tenant's housing limit for the size of its
 * Bedarfsgemeinschaft: the one service behind the Erstantrag's estimate page, the public
 * Rechner and the estimate API. Throws EstimateInputError and NoRuleSetError.
 */
export async function estimateHousehold(tdb: TenantDb, input: EstimateInput, month: string): Promise<HouseholdEstimate> {
  const limits = await repo.housingLimits(tdb);
  const bgSize = bedarfsgemeinschaftSize(input.members, month);
  const limit = limits.find((l) => l.householdSize === bgSize);
  const result = estimate(input, {
    month,
    ...(limit ? { housingLimit: { bruttokaltmieteCents: limit.bruttokaltmieteCents, ...(limit.heizkostenCents !== null ? { heizkostenCents: limit.heizkostenCents } : {}) } } : {}),
  });
  return { result, limits, bgSize };
}

export async function loadEstimate(ctx: LoadContext): Promise<EstimateData> {
  const month = estimateMonth(ctx.now);
  const input = toEstimateInput(ctx.answers, month);
  if (!input) return { missing: 'answers', limits: await repo.housingLimits(ctx.tdb), bgSize: 0 };
  try {
    return await estimateHousehold(ctx.tdb, input, month);
  } catch (err) {
    if (err instanceof EstimateInputError || err instanceof NoRuleSetError) return { missing: 'household', limits: [], bgSize: 0 };
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
  await repo.upsertHousingLimits(new TenantDb(deps.database.db, tenant.id), DEMO_HOUSING_LIMITS);
}
