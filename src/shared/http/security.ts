// Security headers of every response, and the cache rule for personal data.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Config } from '../config.js';

/** Marks a response as never to be stored by a browser or proxy (pages and data about a person). */
export function noStore(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-store');
}

/** The policy of every response: only our own origin, no inline script or style, never in a frame. */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
];

/**
 * Security headers (doc/security.md §5): strict CSP without 'unsafe-inline', HSTS only over https. They are the
 * same for every response, so they are built once: @fastify/helmet built its middleware again for every request,
 * in two hooks, which cost a busy node more than the headers are worth (doc/scaling.md).
 */
export function securityHeaders(config: Pick<Config, 'publicUrl'>): [string, string][] {
  const https = config.publicUrl.startsWith('https://');
  const csp = [...CSP_DIRECTIVES, ...(https ? ['upgrade-insecure-requests'] : [])];
  return Object.entries({
    'content-security-policy': csp.join(';'),
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'no-referrer',
    ...(https ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    'x-frame-options': 'DENY',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  });
}

export function registerSecurityHeaders(app: FastifyInstance, config: Config) {
  const headers = securityHeaders(config);
  // On the raw response, so that also a stream that writes its own head (the live display) carries them; a route
  // that sets one of them through the reply (the API reference's CSP) overrides it.
  app.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    // Private by default (doc/adr/0126-no-store-by-default.md): only a response that chose its own caching (the
    // static assets) may be kept; staff pages, inboxes and bearer-token answers can never be forgotten that way.
    if (!reply.hasHeader('cache-control')) noStore(reply);
    done(null, payload);
  });

  app.get('/.well-known/security.txt', { schema: { hide: true } }, async (_request, reply) => {
    const expires = new Date(Date.now() + 180 * 86_400_000).toISOString();
    return reply
      .type('text/plain; charset=utf-8')
      .send(
        [
          `Contact: mailto:security@${new URL(config.publicUrl).hostname}`,
          `Expires: ${expires}`,
          'Preferred-Languages: de, en',
          `Canonical: ${config.publicUrl}/.well-known/security.txt`,
          `Policy: ${config.publicUrl}/.well-known/security-policy`,
          '',
        ].join('\n'),
      );
  });
}
