// Background jobs of the seminar programme: lapse expired offers and pass their seats on (every minute); send
// the reminders that are due (every quarter hour, each reminder once).
import { TenantDb } from '#shared/db/tenant-scope.js';
import { addCounts, doneOfEach } from '#shared/jobs/run-result.js';
import type { AppDeps, BackgroundJob, JobRunResult } from '#shared/module.js';
import { tenantsRepository } from '#shared/tenancy/index.js';
import { expireOffers } from './enrolment.service.js';
import { sendReminders } from './reminders.js';

export async function expireOffersOfAllTenants(deps: AppDeps): Promise<number> {
  let lapsed = 0;
  for (const tenant of await tenantsRepository.list(deps.database.db)) {
    lapsed += await expireOffers({ deps, tenant, tdb: new TenantDb(deps.database.db, tenant.id) });
  }
  return lapsed;
}

/** Reminders (pending approvals, mandatory trainings, sessions soon) of every tenant; each goes out once. */
export async function remindAllTenants(deps: AppDeps): Promise<JobRunResult> {
  const sent = { approvals: 0, mandatory: 0, sessions: 0, feedback: 0 };
  for (const tenant of await tenantsRepository.list(deps.database.db)) addCounts(sent, await sendReminders({ deps, tenant, tdb: new TenantDb(deps.database.db, tenant.id) }));
  return doneOfEach(sent);
}

export const seminareJobs: BackgroundJob[] = [
  { name: 'seminare.expire-offers', everyMs: 60_000, run: async (deps) => ({ done: await expireOffersOfAllTenants(deps) }) },
  { name: 'seminare.reminders', everyMs: 15 * 60_000, run: remindAllTenants },
];
