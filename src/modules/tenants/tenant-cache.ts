import type { Tenant } from './tenants.tables.js';

/**
 * Every request resolves its tenant; the rows hold no personal data and change rarely, so each node
 * keeps them for a few seconds. A change made on another node is visible after at most `ttlMs`.
 */
export function createTenantCache(load: (slug: string) => Promise<Tenant | undefined>, ttlMs = 10_000) {
  const entries = new Map<string, { tenant: Tenant | undefined; until: number }>();
  return {
    async get(slug: string): Promise<Tenant | undefined> {
      const now = Date.now();
      const hit = entries.get(slug);
      if (hit && hit.until > now) return hit.tenant;
      const tenant = await load(slug);
      // Unknown slugs are not cached, so a flood of random slugs cannot grow the map.
      if (tenant) entries.set(slug, { tenant, until: now + ttlMs });
      return tenant;
    },
    clear() {
      entries.clear();
    },
  };
}
