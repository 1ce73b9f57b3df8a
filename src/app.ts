// The composition of the HTTP app: security headers, static files, tenant resolution and every module's routes.
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { TenantDb } from '#shared/db/tenant-scope.js';
import { registerErrorHandling } from '#shared/http/error-handler.js';
import { NotFoundError } from '#shared/http/errors.js';
import { registerHealth } from '#shared/http/health.js';
import { registerApiDocs, registerOpenApi } from '#shared/http/openapi.js';
import { applyLanguage, registerRequestContext } from '#shared/http/request-context.js';
import { registerSecurityHeaders } from '#shared/http/security.js';
import { responseSerializer } from '#shared/http/serializer.js';
import { registerMinimumBodyRate, serverTimeouts } from '#shared/http/timeouts.js';
import type { AppDeps } from '#shared/module.js';
import '#shared/http/validation.js';
import { formField } from '#shared/http/validation.js';

const kernDist = fileURLToPath(new URL('../node_modules/@kern-ux/native/dist', import.meta.url));
const publicDir = fileURLToPath(new URL('./public', import.meta.url));
const pdfjsDist = fileURLToPath(new URL('../node_modules/pdfjs-dist', import.meta.url));
/** The pdf.js files the caseworker's preview loads (doc/adr/0231-inline-pdf-preview.md): library, worker, fonts. */
const pdfjsFiles = /^\/(build\/pdf(\.worker)?\.min\.mjs|standard_fonts\/[A-Za-z0-9_-]+\.(pfb|ttf))$/;

/** Builds the Fastify app from the modules in `deps` (see deps.ts); used by server.ts and by every test. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const trusted = deps.config.trustProxy;
  // A hop count as proxy-addr's function (Fastify's types have no number): believe the nearest `trusted` hops.
  const trustProxy: FastifyServerOptions['trustProxy'] = typeof trusted === 'number' ? (_address: string, hop: number) => hop < trusted : trusted;
  const app = Fastify({
    loggerInstance: deps.logger as unknown as FastifyBaseLogger,
    bodyLimit: 1_048_576,
    trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
    ...serverTimeouts(deps.config),
  });
  registerMinimumBodyRate(app, deps.config);
  app.setValidatorCompiler(validatorCompiler);
  // Outside production a response with undocumented fields fails loudly instead of being trimmed (serializer.ts).
  app.setSerializerCompiler(responseSerializer({ strict: deps.config.env !== 'production' }));

  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 262_144 });
  registerRequestContext(app);
  registerSecurityHeaders(app, deps.config);
  registerErrorHandling(app);

  await app.register(fastifyStatic, { root: kernDist, prefix: '/assets/kern/', maxAge: '1d', index: false });
  await app.register(fastifyStatic, { root: pdfjsDist, prefix: '/assets/pdfjs/', decorateReply: false, maxAge: '1d', index: false, allowedPath: (path) => pdfjsFiles.test(path) });
  await app.register(fastifyStatic, { root: publicDir, prefix: '/assets/', decorateReply: false, maxAge: '1h', index: false });
  // Browsers, bookmarks and feed readers ask for /favicon.ico at the root, whatever a page links.
  app.get('/favicon.ico', { schema: { hide: true } }, (_request, reply) => reply.sendFile('favicon.ico', publicDir, { maxAge: '1d' }));

  await registerOpenApi(app, deps.config);
  await registerApiDocs(app);

  registerHealth(app, deps.database, deps.clock, { healthTokenHash: deps.config.healthTokenHash });

  // Everything of a tenant lives below its slug; the hook resolves the tenant once per request.
  const tenantScope = (kind: 'html' | 'api') => async (scope: FastifyInstance) => {
    scope.addHook('onRequest', async (request, reply) => {
      const slug = formField(request.params, 'tenant') ?? '';
      const tenant = await deps.tenantCache.get(slug);
      if (!tenant) throw new NotFoundError();
      request.tenant = tenant;
      request.tdb = new TenantDb(deps.database.db, tenant.id);
      applyLanguage(request, reply, tenant.languages);
    });
    for (const module of deps.modules.list) await module[kind]?.(scope, deps);
  };
  await app.register(tenantScope('html'), { prefix: '/t/:tenant' });
  await app.register(tenantScope('api'), { prefix: '/api/v1/t/:tenant' });
  for (const module of deps.modules.list) await module.root?.(app, deps);

  return app;
}
