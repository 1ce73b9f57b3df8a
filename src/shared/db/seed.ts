import { modules } from '../../modules/index.js';
import { demoTenant } from '../../modules/tenants/demo.js';
import { createTenantsRepository } from '../../modules/tenants/tenants.repository.js';
import type { NewTenant, Tenant } from '../../modules/tenants/tenants.tables.js';
import type { AppDeps } from '../module.js';

/** Creates a tenant (idempotent) and lets every module add its demo data for it. */
export async function seedTenant(deps: AppDeps, data: NewTenant): Promise<Tenant> {
  const tenant = await createTenantsRepository(deps.database.db).ensure(data);
  for (const module of modules) await module.seedDemo?.(deps, tenant);
  return tenant;
}

export async function seedDemo(deps: AppDeps): Promise<Tenant> {
  return seedTenant(deps, demoTenant);
}
