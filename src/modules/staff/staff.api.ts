// Staff JSON API: who am I (for scripts and other systems acting with a staff session).
import type { FastifyInstance } from 'fastify';
import { operation, typed } from '#shared/http/operation.js';
import type { AppDeps } from '#shared/module.js';
import { z } from 'zod';
import { uuidString } from '#shared/ids.js';
import { requirePermission } from './auth.js';
import { roles } from './permissions.js';
import { sessionExpiresAt } from './session.js';

const principalSchema = z
  .object({ userId: uuidString, tenantId: uuidString, displayName: z.string(), roles: z.array(z.enum(roles)), sessionExpiresAt: z.string() })
  .meta({ id: 'StaffPrincipal' });

export function registerStaffApi(app: FastifyInstance, deps: AppDeps) {
  typed(app).get(
    '/staff/me',
    {
      onRequest: requirePermission(deps, 'staff.self'),
      schema: operation({
        operationId: 'getStaffMe',
        summary: 'The logged-in staff member and the session end',
        tags: ['staff'],
        access: 'staff',
        response: { 200: principalSchema },
      }),
    },
    async (request) => {
      const { userId, tenantId, displayName, roles: held } = request.staff;
      return { userId, tenantId, displayName, roles: held, sessionExpiresAt: sessionExpiresAt(request.staffSession!).toISOString() };
    },
  );
}
