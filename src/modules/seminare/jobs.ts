// Background jobs of the seminar programme: lapse expired offers and pass their seats on (every minute).
import { TenantDb } from '../../shared/db/tenant-scope.js';
import type { AppDeps, BackgroundJob } from '../../shared/module.js';
import { tenantsRepository } from '../../shared/tenancy/index.js';
import { expireOffers } from './enrolment.service.js';

export async function expireOffersOfAllTenants(deps: AppDeps): Promise<number> {
  let lapsed = 0;
  for (const tenant of await tenantsRepository.list(deps.database.db)) {
    lapsed += await expireOffers({ deps, tenant, tdb: new TenantDb(deps.database.db, tenant.id) });
  }
  return lapsed;
}

export const seminareJobs: BackgroundJob[] = [{ name: 'seminare.expire-offers', everyMs: 60_000, run: async (deps) => void (await expireOffersOfAllTenants(deps)) }];
