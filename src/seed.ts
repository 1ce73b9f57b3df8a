// Demo data: creates a tenant and lets every module add its demo data for it (outside production, and in tests).
import { demoTenant } from './modules/tenants/index.js';
import { tenantsRepository, type NewTenant, type Tenant } from '#shared/tenancy/index.js';
import type { AppDeps } from '#shared/module.js';

/** Creates a tenant (idempotent) and lets every module add its demo data for it. */
export async function seedTenant(deps: AppDeps, data: NewTenant): Promise<Tenant> {
  const tenant = await tenantsRepository.ensure(deps.database.db, data);
  for (const module of deps.modules.list) await module.seedDemo?.(deps, tenant);
  return tenant;
}

export async function seedDemo(deps: AppDeps): Promise<Tenant> {
  return seedTenant(deps, demoTenant);
}
