// Same-origin check for state-changing requests: a second line of defence behind SameSite cookies, for every
// module whose form can be posted without a session (doc/adr/0212-same-origin-check-in-platform.md).
import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { DomainError } from './errors.js';

/**
 * Refuses a request another site sent: `Sec-Fetch-Site: cross-site`, or an `Origin` that is neither the configured
 * public address nor the address the request came to. Without both headers (old browsers, curl) it passes.
 */
export function assertSameOrigin(request: FastifyRequest, deps: { config: { publicUrl: string } }): void {
  if (request.headers['sec-fetch-site'] === 'cross-site') throw new DomainError(403, 'common:errors.forbidden.text');
  const origin = request.headers.origin;
  if (!origin || origin === 'null') return;
  const allowed = [new URL(deps.config.publicUrl).origin, `${request.protocol}://${request.headers.host ?? ''}`];
  if (!allowed.includes(origin)) throw new DomainError(403, 'common:errors.forbidden.text');
}

/** preHandler form of {@link assertSameOrigin} for POST routes. */
export function requireSameOrigin(deps: { config: { publicUrl: string } }): preHandlerAsyncHookHandler {
  return async function sameOrigin(request) {
    assertSameOrigin(request, deps);
  };
}
