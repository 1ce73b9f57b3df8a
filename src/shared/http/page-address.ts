// The GET address of the page a request shows, for the language links of the layout (ADR 0315). A refused form is
// re-rendered by its POST route, whose address may have no page behind it or a different one.
import type { FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The GET address below the tenant's base (a pattern with this route's parameters, e.g.
     * `/staff/seminare/seminare/:id/bearbeiten`) of the page a POST route renders when it refuses its form. Without
     * it: the same address, or the nearest one above it, that has a GET route. A function builds the address from
     * the request when the page needs what the form posted (a booking step's choices as its query).
     */
    page?: string | ((request: FastifyRequest) => string);
  }
}

function fillParams(pattern: string, params: unknown): string {
  const values = (params ?? {}) as Record<string, string | undefined>;
  return pattern.replace(/:([A-Za-z0-9_]+)/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : encodeURIComponent(value);
  });
}

/** The address whose GET shows the page this request renders (without the query). */
export function pageAddress(request: FastifyRequest): string {
  const path = request.url.split('?')[0] ?? '/';
  if (request.method === 'GET' || request.method === 'HEAD') return path;
  const declared = request.routeOptions.config.page;
  if (typeof declared === 'function') return fillParams('/t/:tenant', request.params) + declared(request);
  if (declared) return fillParams(`/t/:tenant${declared}`, request.params);
  const pattern = request.routeOptions.url;
  if (!pattern) return path;
  const patternParts = pattern.split('/');
  const pathParts = path.split('/');
  if (patternParts.length !== pathParts.length) return path;
  for (let length = patternParts.length; length > 1; length--) {
    if (request.server.hasRoute({ method: 'GET', url: patternParts.slice(0, length).join('/') })) {
      return pathParts.slice(0, length).join('/');
    }
  }
  return path;
}
