// The per-node cache of tenant rows that resolves request.tenant from the slug in the path.
import type { Tenant } from './tenants.tables.js';

export interface TenantCache {
  get(slug: string): Promise<Tenant | undefined>;
  /**
   * Forgets the cached row of `slug` (or of every tenant) on this node. Call it after changing a tenant; other
   * nodes see the change when their entry expires (at most `ttlMs`). A new tenant needs no call: unknown slugs
   * are never cached.
   */
  invalidate(slug?: string): void;
}

/**
 * Every request resolves its tenant; the rows hold no personal data and change rarely, so each node
 * keeps them for a few seconds. A change made on another node is visible after at most `ttlMs`.
 */
export function createTenantCache(load: (slug: string) => Promise<Tenant | undefined>, ttlMs = 10_000): TenantCache {
  const entries = new Map<string, { tenant: Tenant | undefined; until: number }>();
  return {
    async get(slug) {
      const now = Date.now();
      const hit = entries.get(slug);
      if (hit && hit.until > now) return hit.tenant;
      const tenant = await load(slug);
      // Unknown slugs are not cached, so a flood of random slugs cannot grow the map.
      if (tenant) entries.set(slug, { tenant, until: now + ttlMs });
      return tenant;
    },
    invalidate(slug) {
      if (slug === undefined) entries.clear();
      else entries.delete(slug);
    },
  };
}
