// Staff administration pages of a tenant: users, roles, second factor, sessions.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { ValidationError, type FieldError } from '#shared/http/errors.js';
import { formBody, formField, safeParseForm } from '#shared/http/validation.js';
import type { AppDeps } from '#shared/module.js';
import { requirePermission, staffBase } from './auth.js';
import { rotateSession } from './auth.service.js';
import { activeSessions, getStaff, inviteStaff, listStaff, resendInvitation, resetSecondFactor, revokeSession, setActive, updateRoles } from './admin.service.js';
import { clientInfo, formErrors, setSessionCookie } from './http.js';
import { mailContext } from './password.routes.js';
import { inviteSchema, rolesSchema } from './staff.schemas.js';
import { AllSessionsPage, InvitePage, UserPage, UsersPage } from './views/AdminPages.js';

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

/** Tenant admin pages: invite, roles, deactivate, second-factor reset, sessions. */
export function registerAdminRoutes(app: FastifyInstance, deps: AppDeps) {
  const guard = { onRequest: requirePermission(deps, 'staff.manage') };
  const users = (request: FastifyRequest) => `${staffBase(request)}/admin/users`;
  const grantPlatform = (request: FastifyRequest) => request.staff.roles.includes('platform_admin');
  const notice = (request: FastifyRequest) => formField(request.query, 'notice')?.replace(/[^a-zA-Z]/g, '');

  app.get('/staff/admin/users', guard, async (request, reply) =>
    reply.render(h(UsersPage, { users: await listStaff(deps, request.tdb, request.staff), notice: notice(request) })),
  );

  app.get('/staff/admin/users/new', guard, async (request, reply) =>
    reply.render(h(InvitePage, { errors: [], values: {}, grantPlatform: grantPlatform(request) })),
  );
  app.post('/staff/admin/users/new', guard, async (request, reply) => {
    const values = formBody(request.body);
    const parsed = safeParseForm(inviteSchema, values);
    const done = parsed.ok
      ? await formErrors(() => inviteStaff(deps, request.tdb, request.staff, parsed.data, mailContext(request, deps)))
      : ({ ok: false, errors: parsed.errors } as const);
    if (!done.ok) return reply.status(422).render(h(InvitePage, { errors: done.errors, values, grantPlatform: grantPlatform(request) }));
    return reply.redirect(`${users(request)}/${done.value.id}?notice=invited`, 303);
  });

  const showUser = async (request: IdRequest, reply: FastifyReply, errors: FieldError[] = [], status = 200) => {
    const data = await getStaff(deps, request.tdb, request.staff, request.params.id);
    return reply.status(status).render(
      h(UserPage, {
        ...data,
        currentSessionId: request.staff.sessionId,
        errors,
        notice: notice(request),
        grantPlatform: grantPlatform(request),
        isSelf: data.user.id === request.staff.userId,
      }),
    );
  };
  app.get<{ Params: { id: string } }>('/staff/admin/users/:id', guard, async (request, reply) => showUser(request, reply));

  // Each action: call the service; on a rule violation show the page with the error summary.
  const action = (path: string, run: (request: IdRequest, reply: FastifyReply) => Promise<string | void>) =>
    app.post<{ Params: { id: string } }>(`/staff/admin/users/:id/${path}`, guard, async (request, reply) => {
      const done = await formErrors(() => run(request, reply));
      if (!done.ok) return showUser(request, reply, done.errors, 422);
      return reply.redirect(`${users(request)}/${request.params.id}?notice=${done.value ?? path.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}`, 303);
    });

  action('roles', async (request, reply) => {
    const parsed = safeParseForm(rolesSchema, request.body ?? {});
    if (!parsed.ok) throw new ValidationError(parsed.errors);
    const own = await updateRoles(deps, request.tdb, request.staff, request.params.id, parsed.data.roles);
    // A change of the own privileges gets a new session id.
    if (own) setSessionCookie(reply, deps, await rotateSession(deps, request.tdb, request.staffSession!, clientInfo(request, deps)));
    return 'roles';
  });
  action('deactivate', async (request) => setActive(deps, request.tdb, request.staff, request.params.id, false));
  action('activate', async (request) => setActive(deps, request.tdb, request.staff, request.params.id, true));
  action('reset-2fa', async (request) => resetSecondFactor(deps, request.tdb, request.staff, request.params.id));
  action('invite', async (request) => {
    await resendInvitation(deps, request.tdb, request.staff, request.params.id, mailContext(request, deps));
    return 'invited';
  });

  app.get('/staff/admin/sessions', guard, async (request, reply) => {
    const sessions = await activeSessions(deps, request.tdb, request.staff);
    const names = new Map((await listStaff(deps, request.tdb, request.staff)).map((u) => [u.id, u.displayName]));
    return reply.render(h(AllSessionsPage, { sessions, names, currentSessionId: request.staff.sessionId }));
  });
  app.post<{ Params: { id: string } }>('/staff/admin/sessions/:id/revoke', guard, async (request, reply) => {
    const session = await revokeSession(deps, request.tdb, request.staff, request.params.id);
    return reply.redirect(`${users(request)}/${session.userId}?notice=sessionRevoked`, 303);
  });
}
