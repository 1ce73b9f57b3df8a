// The platform page for people with the platform_admin role: every tenant of the installation and a form
// that creates one (/staff/plattform/mandanten). The same rules as `npm run admin -- create-tenant`.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { ValidationError, type FieldError } from '#shared/http/errors.js';
import { noStore } from '#shared/http/security.js';
import { formBody, formField, safeParseForm } from '#shared/http/validation.js';
import type { AppDeps } from '#shared/module.js';
import { requirePermission } from '../staff/index.js';
import { createTenant, listTenants } from './tenants.service.js';
import { newTenantSchema } from './tenants.schemas.js';
import { TenantsPage } from './views/TenantsPage.js';

export const PLATFORM_PATH = '/staff/plattform/mandanten';

export function registerPlatformRoutes(app: FastifyInstance, deps: AppDeps) {
  const guard = { onRequest: requirePermission(deps, 'tenants.manage') };

  const show = async (request: FastifyRequest, reply: FastifyReply, errors: FieldError[] = [], values: Record<string, unknown> = {}, status = 200) => {
    const created = formField(request.query, 'created');
    return noStore(reply.status(status)).render(h(TenantsPage, { tenants: await listTenants(deps), errors, values, created: typeof created === 'string' ? created : undefined }));
  };

  app.get(PLATFORM_PATH, guard, async (request, reply) => show(request, reply));
  app.post(PLATFORM_PATH, guard, async (request, reply) => {
    const values = formBody(request.body);
    const parsed = safeParseForm(newTenantSchema, values);
    if (!parsed.ok) return show(request, reply, parsed.errors, values, 422);
    try {
      const tenant = await createTenant(deps, parsed.data, { userId: request.staff.userId, roles: request.staff.roles, tenantId: request.tenant.id });
      return reply.redirect(`/t/${request.tenant.slug}${PLATFORM_PATH}?created=${encodeURIComponent(tenant.slug)}`, 303);
    } catch (err) {
      if (err instanceof ValidationError) return show(request, reply, err.fields, values, 422);
      throw err;
    }
  });
}
