// Rendered pages that are the same for every visitor (the tenant's start page and information pages), kept per
// tenant, language and path (ADR 0010). Rendering a KERN page costs about 1 ms of CPU; sending a kept one costs
// nothing, so the public pages stay fast under load. Nothing personal is kept: a request that carries view data
// (a staff session, a form token) is always rendered fresh.
//
// The pages are keyed by the tenant *object*: the tenant cache loads a new object after its TTL or after `tenantCache.invalidate`,
// so changed tenant data is shown at once and stale pages are left to the GC.

const MAX_PAGES_PER_TENANT = 100;
const noTenant = {};
const pages = new WeakMap<object, Map<string, string>>();

/** The page kept under `key` for `tenant`, or `render()`'s result, kept for the next request. */
export function sharedPage(tenant: object | undefined, key: string, render: () => string): string {
  const owner = tenant ?? noTenant;
  let kept = pages.get(owner);
  if (!kept) {
    kept = new Map();
    pages.set(owner, kept);
  }
  const hit = kept.get(key);
  if (hit !== undefined) return hit;
  const html = render();
  // Bounded, oldest out first: paths come from the route table, but a trailing slash or case can vary them.
  if (kept.size >= MAX_PAGES_PER_TENANT) kept.delete(kept.keys().next().value as string);
  kept.set(key, html);
  return html;
}
