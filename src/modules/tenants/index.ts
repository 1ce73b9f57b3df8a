// Tenants: the public description of a jobcenter (getTenant), the demo tenants, and creating tenants (the
// platform page for platform_admin and `npm run admin -- create-tenant`). Owns no tables: the `tenants` table and
// the tenant cache are platform (shared/tenancy), since every table and request needs them.
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import { operation, typed } from '#shared/http/operation.js';
import type { WegweiserModule } from '#shared/module.js';
import { tenantsAuditVocabulary } from './audit-vocabulary.js';
import { PLATFORM_PATH, registerPlatformRoutes } from './platform.routes.js';

export { demoTenant, secondTenant } from './demo.js';

export const publicTenantSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    shortName: z.string(),
    address: z.object({ street: z.string(), postalCode: z.string(), city: z.string() }),
    phone: z.string(),
    email: z.string(),
    languages: z.array(z.string()),
  })
  .meta({ id: 'Tenant' });

export const tenantsModule: WegweiserModule = {
  name: 'tenants',
  auditVocabularies: [tenantsAuditVocabulary],
  /** Creating and changing tenants: the operators of the installation. */
  permissions: { 'tenants.manage': ['platform_admin'] },
  staffNav: [{ path: PLATFORM_PATH, labelKey: 'tenants:nav', permission: 'tenants.manage', order: 90 }],
  html: registerPlatformRoutes,
  api(app: FastifyInstance) {
    typed(app).get(
      '/',
      {
        schema: operation({
          operationId: 'getTenant',
          summary: 'Public information about the jobcenter (name, address, languages)',
          tags: ['tenant'],
          access: 'public',
          response: { 200: publicTenantSchema },
        }),
      },
      async (request) => {
        const t = request.tenant;
        return {
          slug: t.slug,
          name: t.name,
          shortName: t.shortName,
          address: { street: t.street, postalCode: t.postalCode, city: t.city },
          phone: t.phone,
          email: t.email,
          languages: t.languages,
        };
      },
    );
  },
};
