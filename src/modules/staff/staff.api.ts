// Staff JSON API: the signed-in principal.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../shared/module.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePermission } from './auth.js';
import { roles } from './permissions.js';
import { sessionExpiresAt } from './session.js';

const principalSchema = z
  .object({ userId: z.uuid(), tenantId: z.uuid(), displayName: z.string(), roles: z.array(z.enum(roles)), sessionExpiresAt: z.string() })
  .meta({ id: 'StaffPrincipal' });

/** Staff JSON API: who am I (for scripts and other systems acting with a staff session). */
export function registerStaffApi(app: FastifyInstance, deps: AppDeps) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/staff/me',
    {
      onRequest: requirePermission(deps, 'staff.self'),
      schema: { operationId: 'getStaffMe', summary: 'The logged-in staff member and the session end', tags: ['staff'], response: { 200: principalSchema } },
    },
    async (request) => {
      const { userId, tenantId, displayName, roles: held } = request.staff;
      return { userId, tenantId, displayName, roles: held, sessionExpiresAt: sessionExpiresAt(request.staffSession!).toISOString() };
    },
  );
}
