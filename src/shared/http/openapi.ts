// The OpenAPI 3.1 document of the JSON API (GET /api/openapi.json), built from the zod schemas of the routes
// (operation.ts). Named schemas (`.meta({ id })`) become components.schemas; only those the operations use stay.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { createJsonSchemaTransform, createJsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { Config } from '../config.js';
import { CSP_DIRECTIVES } from './security.js';

/** The version of the document (info.version); doc/api-changelog.md lists what changed in each. */
export const API_VERSION = '1.4.0';

const tags = [
  { name: 'tenant', description: 'The jobcenter' },
  { name: 'termine', description: 'Onlineterminierung: free times, booking, the personal appointment link' },
  { name: 'unterlagen', description: 'Unterlagen nachreichen: hand in documents, the Eingangsbestätigung' },
  { name: 'applications', description: 'Online applications (Antrag auf Bürgergeld)' },
  { name: 'estimate', description: 'Bürgergeld-Rechner: a non-binding estimate of the benefit (public, nothing stored)' },
  { name: 'staff', description: 'Staff session' },
  { name: 'termine-admin', description: 'Configuration of appointments (staff)' },
  { name: 'presse', description: 'Press releases and labour-market figures (public)' },
  { name: 'seminare', description: 'Seminar programme: certificate check (public) and catalogue (staff)' },
  { name: 'coaching', description: 'Coaching Aus- und Weiterbildung: the participant plan (personal link) and the coach caseload' },
];

type Json = Record<string, unknown>;

/** Names of the component schemas reachable from the paths (following refs between components). */
function usedComponents(document: Json): Set<string> {
  const schemas = ((document.components as Json | undefined)?.schemas ?? {}) as Record<string, unknown>;
  const used = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')) {
        const name = value.slice('#/components/schemas/'.length);
        if (!used.has(name)) {
          used.add(name);
          visit(schemas[name]);
        }
      } else visit(value);
    }
  };
  visit(document.paths);
  return used;
}

/** Registers @fastify/swagger for the routes below /api/v1/ (HTML pages are not operations). */
export async function registerOpenApi(app: FastifyInstance, config: Config) {
  const transform = createJsonSchemaTransform({});
  const withComponents = createJsonSchemaTransformObject({});
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Wegweiser API',
        version: API_VERSION,
        description:
          'JSON API of Wegweiser, the open platform of kommunale Jobcenter. Every path is below `/api/v1/t/{tenant}/`. ' +
          'Errors are RFC 9457 `application/problem+json` with a field list. Personal resources take the token handed out ' +
          'with them as `Authorization: Bearer <token>`; staff endpoints take the staff session cookie and, for changes, ' +
          'the `x-csrf-token` header. Versioning and changes: doc/api-versioning.md and doc/api-changelog.md in the repository.',
        license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
      },
      servers: [{ url: config.publicUrl, description: 'This installation' }],
      tags,
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', description: 'Personal token of a citizen (manage, receipt, draft or status token)' },
          staffSession: { type: 'apiKey', in: 'cookie', name: 'ww_session', description: 'Staff session cookie plus x-csrf-token header for changes' },
        },
      },
    },
    transform: (input) => (input.url.startsWith('/api/v1/') ? transform(input) : { schema: { hide: true }, url: input.url }),
    transformObject: (input) => {
      const document = withComponents(input) as Json;
      const components = document.components as Json & { schemas?: Record<string, unknown> };
      const used = usedComponents(document);
      components.schemas = Object.fromEntries(Object.entries(components.schemas ?? {}).filter(([name]) => used.has(name)).sort(([a], [b]) => a.localeCompare(b)));
      return document as ReturnType<typeof withComponents>;
    },
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.addHook('onSend', async (request, reply) => {
    const lifecycle = (request.routeOptions.schema as { lifecycle?: { since: string; sunset: string } } | undefined)?.lifecycle;
    if (lifecycle) void reply.headers(deprecationHeaders(lifecycle));
  });
}

/** Deprecation (RFC 9745: `@` and the Unix time) and Sunset (RFC 8594: an HTTP date) of a deprecated operation. */
export function deprecationHeaders(lifecycle: { since: string; sunset: string }): Record<string, string> {
  const at = (day: string) => new Date(`${day}T00:00:00Z`);
  return { deprecation: `@${at(lifecycle.since).getTime() / 1000}`, sunset: at(lifecycle.sunset).toUTCString() };
}

/**
 * The one <style> element the Swagger UI bundle inserts at run time (not in its csp.json). Pinned by hash; when an
 * update of @fastify/swagger-ui changes it, tests/e2e/api-docs.spec.ts reports the new hash as a CSP violation.
 */
const SWAGGER_UI_RUNTIME_STYLE = "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";

/** Contrast of at least 4.5:1 for the badges and links that Swagger UI draws in light grey and green (WCAG 1.4.3). */
const API_DOCS_CSS = `
.swagger-ui .info .title small { background: #4a4f57; }
.swagger-ui .info .title small.version-stamp { background: #2b5c00; }
.swagger-ui .info .title small pre, .swagger-ui .info .title small.version-stamp pre { color: #fff; }
.swagger-ui .info .base-url, .swagger-ui .info .url, .swagger-ui .info a, .swagger-ui .info a.link { color: #1d4f91; }
.swagger-ui .opblock.opblock-get .opblock-summary-method { background: #1f5fa3 !important; }
.swagger-ui .opblock.opblock-post .opblock-summary-method { background: #1d6b45 !important; }
.swagger-ui .opblock.opblock-put .opblock-summary-method { background: #8a4b00 !important; }
.swagger-ui .opblock.opblock-patch .opblock-summary-method { background: #0d6357 !important; }
.swagger-ui .opblock.opblock-delete .opblock-summary-method { background: #b0201f !important; }
.swagger-ui .btn.authorize, .swagger-ui .btn.authorize span { color: #1d6b45; border-color: #1d6b45; }
.swagger-ui .btn.authorize svg { fill: #1d6b45; }
.swagger-ui .json-schema-2020-12-expand-deep-button { color: #3b3f45 !important; }
.swagger-ui .json-schema-2020-12__title, .swagger-ui .json-schema-2020-12-keyword__name--secondary { color: #3b3f45 !important; }
`;

/** Swagger UI renders the server choice as a <select> without a name; give it one once it exists (WCAG 4.1.2). */
const API_DOCS_JS = `
new MutationObserver(function () {
  var select = document.getElementById('servers');
  if (select && !select.getAttribute('aria-label')) select.setAttribute('aria-label', 'Server');
}).observe(document.documentElement, { childList: true, subtree: true });
`;

/**
 * The reference at /api/docs: Swagger UI served from our own origin (no CDN, no validator badge), under the same
 * strict policy as every page plus the hashes of its two inline parts. Its defaults would allow styles and fonts
 * from any https origin and images from validator.swagger.io.
 */
export async function registerApiDocs(app: FastifyInstance) {
  await app.register(async (scope) => {
    await scope.register(swaggerUi, {
      routePrefix: '/api/docs',
      // BaseLayout: no top bar (its URL field, button and logo have no labels and no alt text).
      uiConfig: { docExpansion: 'list', validatorUrl: null, deepLinking: false, layout: 'BaseLayout' },
      theme: { title: 'Wegweiser API', css: [{ filename: 'a11y.css', content: API_DOCS_CSS }], js: [{ filename: 'a11y.js', content: API_DOCS_JS }] },
      transformStaticCSP: () => {
        const { script, style } = (scope as unknown as { swaggerCSP: { script: string[]; style: string[] } }).swaggerCSP;
        return [
          "default-src 'self'",
          `script-src 'self' ${script.join(' ')}`,
          "script-src-attr 'none'",
          `style-src 'self' ${[...style, SWAGGER_UI_RUNTIME_STYLE].join(' ')}`,
          // The rest as on every other response.
          ...CSP_DIRECTIVES.filter((directive) => !/^(default|script|style)-src /.test(directive)),
        ].join('; ');
      },
    });
  });
}
