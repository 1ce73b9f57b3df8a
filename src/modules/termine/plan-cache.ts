// A per-node cache of the configuration a booking or an availability query reads (planRows: location, opening
// hours, closures, settings, services; no personal data), for a few seconds (ADR 0280). A change made through
// this node forgets the tenant's entries at once; other nodes see it within PLAN_TTL_MS. Seats never depend on
// it: the seat statement checks closures itself, so a stale entry can at worst offer a slot that then answers 409.
import type { TenantDb } from '#shared/db/tenant-scope.js';

export const PLAN_TTL_MS = 5_000;
const MAX_ENTRIES = 1_000;

interface Entry<T> {
  at: number;
  generation: number;
  value: Promise<T>;
}

/** Per tenant: bumped by every change of its configuration. */
const generations = new Map<string, number>();
/** One cache per database handle, so two databases in one process (tests, tools) never share entries. */
const caches = new WeakMap<object, Map<string, Entry<unknown>>>();

/** The tenant's configuration changed: later reads on this node load it again. */
export function forgetPlans(tenantId: string): void {
  generations.set(tenantId, (generations.get(tenantId) ?? 0) + 1);
}

/** Runs a configuration change; the tenant's cached plans are forgotten before and after it. */
export async function changingPlans<T>(tdb: TenantDb, write: () => Promise<T>): Promise<T> {
  forgetPlans(tdb.tenantId);
  try {
    return await write();
  } finally {
    forgetPlans(tdb.tenantId);
  }
}

/** `load()` once per `key` of `tdb`'s tenant and PLAN_TTL_MS; a failed load is not kept. */
export function cachedPlan<T>(tdb: TenantDb, key: string, load: () => Promise<T>): Promise<T> {
  let cache = caches.get(tdb.db);
  if (!cache) caches.set(tdb.db, (cache = new Map()));
  const fullKey = `${tdb.tenantId}|${key}`;
  const generation = generations.get(tdb.tenantId) ?? 0;
  const now = performance.now();
  const hit = cache.get(fullKey);
  if (hit && hit.generation === generation && now - hit.at < PLAN_TTL_MS) return hit.value as Promise<T>;
  if (cache.size >= MAX_ENTRIES) cache.clear();
  const value = load();
  cache.set(fullKey, { at: now, generation, value });
  value.catch(() => cache.delete(fullKey));
  return value;
}
