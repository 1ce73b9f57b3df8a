// Password pages: forgotten password, set from an invitation or reset link, change.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { NotFoundError } from '#shared/http/errors.js';
import { formField, safeParseForm } from '#shared/http/validation.js';
import type { AppDeps } from '#shared/module.js';
import { requirePermission, staffBase } from './auth.js';
import { changePassword, userById } from './auth.service.js';
import { formtokenGuard } from './formtoken.js';
import { clientInfo, formErrors, setSessionCookie } from './http.js';
import { checkLink, requestPasswordReset, setPasswordWithLink, type MailContext } from './reset.service.js';
import { changePasswordSchema, forgotSchema, newPasswordSchema } from './staff.schemas.js';
import { ForgotPasswordPage, NewPasswordPage } from './views/PasswordPages.js';
import { perIpLimit, publicLimits } from '#shared/ratelimit/index.js';

export function mailContext(request: FastifyRequest, deps: AppDeps): MailContext {
  return { t: request.t, tenantUrl: `${deps.config.publicUrl}/t/${request.tenant.slug}`, tenantName: request.tenant.name };
}

/** Forgotten password, links from invitation and reset mails, and changing the own password. */
export function registerPasswordRoutes(app: FastifyInstance, deps: AppDeps) {
  const form = formtokenGuard(deps);

  app.get('/staff/password/forgot', { onRequest: form.issue }, async (request, reply) =>
    reply.render(h(ForgotPasswordPage, { action: request.url, errors: [] })),
  );
  app.post('/staff/password/forgot', { onRequest: [perIpLimit(deps, publicLimits.mail), form.issue], preHandler: form.check }, async (request, reply) => {
    const parsed = safeParseForm(forgotSchema, request.body);
    if (!parsed.ok) {
      const email = formField(request.body, 'email');
      return reply.status(422).render(h(ForgotPasswordPage, { action: request.url, errors: parsed.errors, email }));
    }
    await requestPasswordReset(deps, request.tdb, { email: parsed.data.email, client: clientInfo(request, deps), mail: mailContext(request, deps) });
    return reply.render(h(ForgotPasswordPage, { action: request.url, errors: [], sent: true }));
  });

  const linkPage = (kind: 'invite' | 'reset', action: string) => ({
    titleKey: `staff:link.${kind}Title`,
    introKey: `staff:link.${kind}Intro`,
    action,
  });
  app.get('/staff/password/set/:token', { onRequest: form.issue }, async (request, reply) => {
    const kind = await checkLink(deps, request.tdb, formField(request.params, 'token') ?? '');
    if (!kind) throw new NotFoundError('staff:link.invalid');
    return reply.render(h(NewPasswordPage, { ...linkPage(kind, request.url), errors: [] }));
  });
  app.post('/staff/password/set/:token', { onRequest: form.issue, preHandler: form.check }, async (request, reply) => {
    const token = formField(request.params, 'token') ?? '';
    const kind = await checkLink(deps, request.tdb, token);
    if (!kind) throw new NotFoundError('staff:link.invalid');
    const parsed = safeParseForm(newPasswordSchema, request.body);
    if (!parsed.ok) return reply.status(422).render(h(NewPasswordPage, { ...linkPage(kind, request.url), errors: parsed.errors }));
    const done = await formErrors(() => setPasswordWithLink(deps, request.tdb, { token, password: parsed.data.password, client: clientInfo(request, deps) }));
    if (!done.ok) return reply.status(422).render(h(NewPasswordPage, { ...linkPage(kind, request.url), errors: done.errors }));
    if (!done.value) throw new NotFoundError('staff:link.invalid');
    return reply.redirect(`${staffBase(request)}/login?notice=passwordSet`, 303);
  });

  const ownPage = { titleKey: 'staff:account.passwordTitle', askCurrent: true };
  app.get('/staff/account/password', { onRequest: requirePermission(deps, 'staff.self') }, async (request, reply) =>
    reply.render(h(NewPasswordPage, { ...ownPage, action: request.url, errors: [] })),
  );
  app.post('/staff/account/password', { onRequest: requirePermission(deps, 'staff.self') }, async (request, reply) => {
    const parsed = safeParseForm(changePasswordSchema, request.body);
    if (!parsed.ok) return reply.status(422).render(h(NewPasswordPage, { ...ownPage, action: request.url, errors: parsed.errors }));
    const user = (await userById(request.tdb, request.staff.userId))!;
    const done = await formErrors(() =>
      changePassword(deps, request.tdb, { user, session: request.staffSession!, current: parsed.data.current, password: parsed.data.password, client: clientInfo(request, deps) }),
    );
    if (!done.ok) return reply.status(422).render(h(NewPasswordPage, { ...ownPage, action: request.url, errors: done.errors }));
    setSessionCookie(reply, deps, done.value);
    return reply.redirect(`${staffBase(request)}/account?notice=passwordChanged`, 303);
  });
}
