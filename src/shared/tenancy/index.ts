// Tenancy: the kommunale Jobcenter served by this installation. Owns the `tenants` table, the root of all
// scoping (every other table refers to it), and the per-node cache that resolves request.tenant from the slug.
export { tenants, type NewTenant, type Tenant } from './tenants.tables.js';
export * as tenantsRepository from './tenants.repository.js';
export { createTenantCache, type TenantCache } from './tenant-cache.js';
