// Staff pages of the own account: start page, sessions, keep-alive.
import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import type { AppDeps } from '#shared/module.js';
import { requirePermission, staffBase } from './auth.js';
import { remainingRecoveryCodes, userById } from './auth.service.js';
import { activeSessions, revokeSession } from './admin.service.js';
import { clearSessionCookie } from './http.js';
import { hasPermission } from './permissions.js';
import { sessionExpiresAt } from './session.js';
import { AccountPage } from './views/AccountPage.js';
import { StartPage } from './views/StartPage.js';
import { formField } from '#shared/http/validation.js';

/** The staff start page, the own account with its sessions, and the session keep-alive. */
export function registerAccountRoutes(app: FastifyInstance, deps: AppDeps) {
  const self = { onRequest: requirePermission(deps, 'staff.self') };

  app.get('/staff', self, async (request, reply) => {
    const base = `/t/${request.tenant.slug}`;
    const sections = [];
    const widgets = deps.modules.dashboardWidgets.filter((w) => hasPermission(deps, request.staff.roles, w.permission));
    for (const widget of widgets) {
      const items = await widget.load({ tdb: request.tdb, tenant: request.tenant, staff: request.staff, deps, t: request.t, base });
      sections.push({ id: widget.id, title: request.t(widget.titleKey), items });
    }
    return reply.render(h(StartPage, { sections, roles: request.staff.roles }));
  });

  app.get('/staff/account', self, async (request, reply) => {
    const user = (await userById(request.tdb, request.staff.userId))!;
    const notice = formField(request.query, 'notice') === 'passwordChanged' ? 'passwordChanged' : undefined;
    return reply.render(
      h(AccountPage, {
        email: user.email,
        roles: user.roles,
        sessions: await activeSessions(deps, request.tdb, request.staff, user.id),
        currentSessionId: request.staff.sessionId,
        recoveryCodesLeft: await remainingRecoveryCodes(request.tdb, user.id),
        notice,
      }),
    );
  });

  app.post<{ Params: { id: string } }>('/staff/account/sessions/:id/revoke', self, async (request, reply) => {
    await revokeSession(deps, request.tdb, request.staff, request.params.id);
    if (request.params.id === request.staff.sessionId) {
      clearSessionCookie(reply, deps);
      return reply.redirect(`${staffBase(request)}/login?notice=loggedOut`, 303);
    }
    return reply.redirect(`${staffBase(request)}/account`, 303);
  });

  // Called by staff.js when the person chooses to stay logged in; any authenticated request extends the session.
  app.post('/staff/session/extend', self, async (request, reply) => {
    const expiresAt = sessionExpiresAt(request.staffSession!);
    // Relative time as well, so a wrong clock on the PC does not matter.
    const expiresInMs = expiresAt.getTime() - deps.clock.now().getTime();
    return reply.send({ expiresAt: expiresAt.toISOString(), expiresInMs });
  });
}
