import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../shared/db/client.js';
import { tenants, type NewTenant, type Tenant } from './tenants.tables.js';

// The tenants table is the root of scoping, so it is the one table queried without a tenant condition.
export function createTenantsRepository(db: Db) {
  return {
    async bySlug(slug: string): Promise<Tenant | undefined> {
      const rows = await db.select().from(tenants).where(eq(tenants.slug, slug)).limit(1);
      return rows[0];
    },
    async list(): Promise<Tenant[]> {
      return db.select().from(tenants).orderBy(asc(tenants.name));
    },
    /** Inserts the tenant unless its slug exists; returns the stored row either way. */
    async ensure(tenant: NewTenant): Promise<Tenant> {
      await db.insert(tenants).values(tenant).onConflictDoNothing({ target: tenants.slug });
      const rows = await db.select().from(tenants).where(eq(tenants.slug, tenant.slug)).limit(1);
      return rows[0]!;
    },
  };
}
export type TenantsRepository = ReturnType<typeof createTenantsRepository>;
