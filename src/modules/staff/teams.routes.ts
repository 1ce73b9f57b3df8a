// Team admin pages: list and create teams, add and remove members, set the team lead (/staff/admin/teams).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { FieldError } from '#shared/http/errors.js';
import { formBody, formField, safeParseForm } from '#shared/http/validation.js';
import type { AppDeps } from '#shared/module.js';
import { requirePermission, staffBase } from './auth.js';
import { formErrors } from './http.js';
import { createTeam, listTeamsForAdmin, removeMember, setMember, teamForAdmin } from './teams.service.js';
import { memberSchema, teamSchema } from './teams.schemas.js';
import { TeamPage, TeamsPage } from './views/TeamPages.js';

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

export function registerTeamRoutes(app: FastifyInstance, deps: AppDeps) {
  const guard = { onRequest: requirePermission(deps, 'staff.teams') };
  const teams = (request: FastifyRequest) => `${staffBase(request)}/admin/teams`;
  const notice = (request: FastifyRequest) => formField(request.query, 'notice')?.replace(/[^a-zA-Z]/g, '');
  // Member names are personal data: never kept by a browser or proxy cache.
  const page = (reply: FastifyReply, status = 200) => reply.status(status);

  const showList = async (request: FastifyRequest, reply: FastifyReply, errors: FieldError[] = [], values: Record<string, unknown> = {}, status = 200) =>
    page(reply, status).render(h(TeamsPage, { teams: await listTeamsForAdmin(deps, request.tdb, request.staff), errors, values, notice: notice(request) }));

  app.get('/staff/admin/teams', guard, async (request, reply) => showList(request, reply));
  app.post('/staff/admin/teams', guard, async (request, reply) => {
    const values = formBody(request.body);
    const parsed = safeParseForm(teamSchema, values);
    const done = parsed.ok ? await formErrors(() => createTeam(deps, request.tdb, request.staff, parsed.data.name)) : ({ ok: false, errors: parsed.errors } as const);
    if (!done.ok) return showList(request, reply, done.errors, values, 422);
    return reply.redirect(`${teams(request)}/${done.value.id}?notice=created`, 303);
  });

  const showTeam = async (request: IdRequest, reply: FastifyReply, errors: FieldError[] = [], status = 200) =>
    page(reply, status).render(h(TeamPage, { ...(await teamForAdmin(deps, request.tdb, request.staff, request.params.id)), errors, notice: notice(request) }));

  app.get<{ Params: { id: string } }>('/staff/admin/teams/:id', guard, async (request, reply) => showTeam(request, reply));
  app.post<{ Params: { id: string } }>('/staff/admin/teams/:id/members', guard, async (request, reply) => {
    const parsed = safeParseForm(memberSchema, request.body ?? {});
    const done = parsed.ok
      ? await formErrors(() => setMember(deps, request.tdb, request.staff, request.params.id, parsed.data.userId, parsed.data.isLead))
      : ({ ok: false, errors: parsed.errors } as const);
    if (!done.ok) return showTeam(request, reply, done.errors, 422);
    return reply.redirect(`${teams(request)}/${request.params.id}?notice=added`, 303);
  });
  app.post<{ Params: { id: string; userId: string } }>('/staff/admin/teams/:id/members/:userId/lead', guard, async (request, reply) => {
    const isLead = formField(request.body, 'isLead') === 'true';
    await setMember(deps, request.tdb, request.staff, request.params.id, request.params.userId, isLead);
    return reply.redirect(`${teams(request)}/${request.params.id}?notice=lead`, 303);
  });
  app.post<{ Params: { id: string; userId: string } }>('/staff/admin/teams/:id/members/:userId/remove', guard, async (request, reply) => {
    await removeMember(deps, request.tdb, request.staff, request.params.id, request.params.userId);
    return reply.redirect(`${teams(request)}/${request.params.id}?notice=removed`, 303);
  });
}
