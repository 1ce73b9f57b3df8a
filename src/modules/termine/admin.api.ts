// Staff JSON API of the tenant administration (permission termine.configure; CSRF header on changes).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { uuidString } from '#shared/ids.js';
import { operation, typed } from '#shared/http/operation.js';
import type { AppDeps } from '#shared/module.js';
import { requirePermission } from '../staff/index.js';
import { closureBody, closureOut, configurationOut, createdOut, locationBody, saved, serviceBody, settingsForm } from './admin.schemas.js';
import type { TermineContext } from './availability.service.js';
import * as config from './config.service.js';

const tags = ['termine-admin'];
const id = { id: uuidString };

export const termineAdminOperations = {
  getTermineConfiguration: operation({
    operationId: 'getTermineConfiguration',
    summary: 'Settings, locations, services and which location offers which service',
    tags,
    access: 'staff',
    response: { 200: configurationOut },
  }),
  updateTermineSettings: operation({ operationId: 'updateTermineSettings', summary: 'Change the booking rules', tags, access: 'staff', body: settingsForm, response: { 204: saved } }),
  createTerminLocation: operation({ operationId: 'createTerminLocation', summary: 'Add a Servicepoint', tags, access: 'staff', body: locationBody, response: { 201: createdOut } }),
  updateTerminLocation: operation({ operationId: 'updateTerminLocation', summary: 'Change a Servicepoint', tags, access: 'staff', params: id, body: locationBody, response: { 204: saved } }),
  closeTerminLocation: operation({
    operationId: 'closeTerminLocation',
    summary: 'Close a location for some time; affected citizens are told by e-mail',
    tags,
    access: 'staff',
    params: id,
    body: closureBody,
    response: { 201: closureOut },
    errors: [409],
  }),
  createTerminService: operation({ operationId: 'createTerminService', summary: 'Add a concern that can be booked', tags, access: 'staff', body: serviceBody, response: { 201: createdOut } }),
  updateTerminService: operation({ operationId: 'updateTerminService', summary: 'Change a concern', tags, access: 'staff', params: id, body: serviceBody, response: { 204: saved } }),
};

export async function registerAdminApi(app: FastifyInstance, deps: AppDeps) {
  app.addHook('onRequest', requirePermission(deps, 'termine.configure'));
  const r = typed(app);
  const op = termineAdminOperations;
  const ctxOf = (request: FastifyRequest): TermineContext => ({ tdb: request.tdb, tenant: request.tenant, deps });
  const actor = (request: FastifyRequest) => ({ userId: request.staff.userId, roles: request.staff.roles });

  r.get('/staff/termine', { schema: op.getTermineConfiguration }, async function getTermineConfiguration(request) {
    return config.adminOverview(ctxOf(request));
  });

  r.put('/staff/termine/settings', { schema: op.updateTermineSettings }, async function updateTermineSettings(request, reply) {
    await config.saveSettings(ctxOf(request), actor(request), request.body);
    return reply.status(204).send(null);
  });

  r.post('/staff/termine/locations', { schema: op.createTerminLocation }, async function createTerminLocation(request, reply) {
    const created = await config.createLocation(ctxOf(request), actor(request), request.body);
    return reply.status(201).send({ id: created.id });
  });

  r.put('/staff/termine/locations/:id', { schema: op.updateTerminLocation }, async function updateTerminLocation(request, reply) {
    await config.updateLocation(ctxOf(request), actor(request), request.params.id, request.body);
    return reply.status(204).send(null);
  });

  r.post('/staff/termine/locations/:id/closures', { schema: op.closeTerminLocation }, async function closeTerminLocation(request, reply) {
    const result = await config.addClosure(ctxOf(request), actor(request), { locationId: request.params.id, ...request.body });
    return reply.status(201).send({ id: result.closure.id, affected: result.affected });
  });

  r.post('/staff/termine/services', { schema: op.createTerminService }, async function createTerminService(request, reply) {
    const created = await config.createService(ctxOf(request), actor(request), request.body);
    return reply.status(201).send({ id: created.id });
  });

  r.put('/staff/termine/services/:id', { schema: op.updateTerminService }, async function updateTerminService(request, reply) {
    await config.updateService(ctxOf(request), actor(request), request.params.id, request.body);
    return reply.status(204).send(null);
  });
}
