import { modules } from './modules/index.js';
import { demoTenant } from './modules/tenants/index.js';
import { tenantsRepository } from './shared/tenancy/index.js';
import type { NewTenant, Tenant } from './shared/tenancy/index.js';
import type { AppDeps } from './shared/module.js';

/** Creates a tenant (idempotent) and lets every module add its demo data for it. */
export async function seedTenant(deps: AppDeps, data: NewTenant): Promise<Tenant> {
  const tenant = await tenantsRepository.ensure(deps.database.db, data);
  for (const module of modules) await module.seedDemo?.(deps, tenant);
  return tenant;
}

export async function seedDemo(deps: AppDeps): Promise<Tenant> {
  return seedTenant(deps, demoTenant);
}
