// Security headers of every response, and the cache rule for personal data.
import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Config } from '../config.js';

/** Marks a response as never to be stored by a browser or proxy (pages and data about a person). */
export function noStore(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-store');
}

/** Security headers (doc/security.md §5): strict CSP without 'unsafe-inline', HSTS only over https. */
export async function registerSecurityHeaders(app: FastifyInstance, config: Config) {
  const https = config.publicUrl.startsWith('https://');
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
    xFrameOptions: { action: 'deny' },
  });
  app.addHook('onSend', async (_request, reply) => {
    void reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()');
    // Private by default (doc/adr/0126-no-store-by-default.md): only a response that chose its own caching (the
    // static assets) may be kept; staff pages, inboxes and bearer-token answers can never be forgotten that way.
    if (!reply.hasHeader('cache-control')) noStore(reply);
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
