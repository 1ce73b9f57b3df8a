// Creating a tenant (a jobcenter served by this installation): validated input, one transaction with its audit
// rows. Platform administration is the one place that reads across tenants, and only the tenants table.
import { TenantDb } from '#shared/db/tenant-scope.js';
import { recordAudit, type AuditEntry } from '#shared/audit/index.js';
import { ValidationError } from '#shared/http/errors.js';
import type { AppDeps } from '#shared/module.js';
import { tenantsRepository, type Tenant } from '#shared/tenancy/index.js';
import type { NewTenantInput } from './tenants.schemas.js';

/** Who creates the tenant: a staff member with platform_admin (and the tenant of that account), or the shell. */
export interface TenantActor {
  userId: string | null;
  roles: readonly string[];
  /** The actor's own tenant, where the creation is recorded too; null for the command line. */
  tenantId: string | null;
  ipHash?: string | null;
}

export function listTenants(deps: AppDeps): Promise<Tenant[]> {
  return tenantsRepository.list(deps.database.db);
}

/** Creates the tenant; a slug in use is a ValidationError on `slug`. Audited in the new tenant and the actor's. */
export async function createTenant(deps: AppDeps, input: NewTenantInput, actor: TenantActor): Promise<Tenant> {
  const taken = () => new ValidationError([{ field: 'slug', message: 'tenants:validation.slugTaken' }]);
  if (await tenantsRepository.bySlug(deps.database.db, input.slug)) throw taken();
  const created = await deps.database.db.transaction(async (tx) => {
    const tenant = await tenantsRepository.insert(tx, { ...input, languages: ['de', 'en'] });
    // A concurrent creation with the same slug won the race.
    if (!tenant) return undefined;
    const entry: AuditEntry = { actorId: actor.userId, actorRoles: actor.roles, action: 'tenants.created', objectType: 'tenant', objectId: tenant.id, ipHash: actor.ipHash ?? null, at: deps.clock.now() };
    await recordAudit(new TenantDb(tx, tenant.id), { ...entry, purpose: actor.userId ? 'platform page' : 'command line' });
    if (actor.tenantId) await recordAudit(new TenantDb(tx, actor.tenantId), entry);
    return tenant;
  });
  if (!created) throw taken();
  deps.logger.info({ tenant: created.slug }, 'tenant created');
  return created;
}
