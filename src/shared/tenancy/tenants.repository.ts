// SQL of the tenants table (free functions; the tenancy index exports them as the namespace `tenantsRepository`).
// It is the root of scoping, so it is the one table queried without a tenant condition.
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { tenants, type NewTenant, type Tenant } from './tenants.tables.js';

export async function bySlug(db: Executor, slug: string): Promise<Tenant | undefined> {
  const rows = await db.select().from(tenants).where(eq(tenants.slug, slug)).limit(1);
  return rows[0];
}

export async function list(db: Executor): Promise<Tenant[]> {
  return db.select().from(tenants).orderBy(asc(tenants.name));
}

/** Inserts a new tenant; undefined when the slug is taken (nothing written). */
export async function insert(db: Executor, tenant: NewTenant): Promise<Tenant | undefined> {
  const rows = await db.insert(tenants).values(tenant).onConflictDoNothing({ target: tenants.slug }).returning();
  return rows[0];
}

/** Inserts the tenant unless its slug exists; returns the stored row either way. */
export async function ensure(db: Executor, tenant: NewTenant): Promise<Tenant> {
  await db.insert(tenants).values(tenant).onConflictDoNothing({ target: tenants.slug });
  const rows = await db.select().from(tenants).where(eq(tenants.slug, tenant.slug)).limit(1);
  return rows[0]!;
}
