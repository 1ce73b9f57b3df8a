// The GET address of the page a request shows, for the language links of the layout (ADR 0315, 0361, 0396). A refused
// form is re-rendered by its POST route, whose address may have no page behind it or a different one.
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

function parameterName(pair: string): string {
  const raw = pair.split('=')[0] ?? '';
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/**
 * Parameters a POST-redirect adds to say what just happened ("saved", "ticket 12 called"), with the notice's own
 * argument (`ticket`) and the login's "session expired". They belong to that one response: a page opened again in
 * another language would report the action a second time.
 */
export const ONE_SHOT_PARAMETERS: ReadonlySet<string> = new Set(['notice', 'ticket', 'ok', 'saved', 'done', 'gesendet', 'created', 'neu', 'expired']);

/**
 * The query of an address as it was sent, for the language switch: without its `lang` parameters (the switch sets
 * its own) and without one-shot parameters; '' or '?…'. The rest is kept byte for byte, so nothing is decoded and
 * encoded into another meaning.
 */
export function queryForLanguageLinks(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return '';
  const kept = url
    .slice(at + 1)
    .split('&')
    .filter((pair) => {
      const name = parameterName(pair);
      return pair !== '' && name !== 'lang' && !ONE_SHOT_PARAMETERS.has(name);
    });
  return kept.length > 0 ? `?${kept.join('&')}` : '';
}

/**
 * The address whose GET shows the page this request renders. A GET keeps its query (a booking step's choices, a
 * list's page, a GET form's result) but for one-shot parameters: it is the page's own address, so it carries
 * nothing that was not there.
 */
export function pageAddress(request: FastifyRequest): string {
  // "//host/…" or "/\host/…" (a 404 page's own address) would be a link to another site: one slash stays.
  const path = (request.url.split('?')[0] ?? '/').replace(/^[/\\]+/, '/');
  if (request.method === 'GET' || request.method === 'HEAD') return path + queryForLanguageLinks(request.url);
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
