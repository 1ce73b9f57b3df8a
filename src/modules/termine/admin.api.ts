// Staff JSON API of the tenant administration (permission termine.configure; CSRF header on changes).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../shared/module.js';
import { requirePermission } from '../staff/index.js';
import { closureBody, locationBody, serviceBody, settingsForm } from './admin.schemas.js';
import type { TermineContext } from './availability.service.js';
import * as config from './config.service.js';

const tags = ['termine-admin'];
const id = z.object({ id: z.uuid() });

export async function adminApi(app: FastifyInstance, deps: AppDeps) {
  app.addHook('onRequest', requirePermission(deps, 'termine.configure'));
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctxOf = (request: FastifyRequest): TermineContext => ({ tdb: request.tdb, tenant: request.tenant, deps });
  const actor = (request: FastifyRequest) => ({ userId: request.staff.userId, roles: request.staff.roles });

  r.get('/staff/termine', { schema: { operationId: 'getTermineConfiguration', summary: 'Settings, locations, services and which location offers which service', tags } }, async (request) =>
    config.adminOverview(ctxOf(request)),
  );

  r.put('/staff/termine/settings', { schema: { operationId: 'updateTermineSettings', tags, body: settingsForm } }, async (request, reply) => {
    await config.saveSettings(ctxOf(request), actor(request), request.body);
    return reply.status(204).send();
  });

  r.post('/staff/termine/locations', { schema: { operationId: 'createTerminLocation', tags, body: locationBody } }, async (request, reply) => {
    const created = await config.createLocation(ctxOf(request), actor(request), request.body);
    return reply.status(201).send({ id: created.id });
  });

  r.put('/staff/termine/locations/:id', { schema: { operationId: 'updateTerminLocation', tags, params: id, body: locationBody } }, async (request, reply) => {
    await config.updateLocation(ctxOf(request), actor(request), request.params.id, request.body);
    return reply.status(204).send();
  });

  r.post(
    '/staff/termine/locations/:id/closures',
    { schema: { operationId: 'closeTerminLocation', summary: 'Close a location for some time; affected citizens are told by e-mail', tags, params: id, body: closureBody } },
    async (request, reply) => {
      const result = await config.addClosure(ctxOf(request), actor(request), { locationId: request.params.id, ...request.body });
      return reply.status(201).send({ id: result.closure.id, affected: result.affected });
    },
  );

  r.post('/staff/termine/services', { schema: { operationId: 'createTerminService', tags, body: serviceBody } }, async (request, reply) => {
    const created = await config.createService(ctxOf(request), actor(request), request.body);
    return reply.status(201).send({ id: created.id });
  });

  r.put('/staff/termine/services/:id', { schema: { operationId: 'updateTerminService', tags, params: id, body: serviceBody } }, async (request, reply) => {
    await config.updateService(ctxOf(request), actor(request), request.params.id, request.body);
    return reply.status(204).send();
  });
}
