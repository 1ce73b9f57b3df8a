// Staff login pages: password, second factor, first-login setup (password and TOTP) and logout.
import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import { formField, safeParseForm } from '#shared/http/validation.js';
import type { AppDeps } from '#shared/module.js';
import { berlinTime } from '#shared/time.js';
import { readSession, requirePermission, staffBase } from './auth.js';
import { confirmEnrolment, enrolmentDetails, loginWithPassword, logout, setInitialPassword, userById, verifySecondFactor } from './auth.service.js';
import { formtokenGuard } from './formtoken.js';
import { clearSessionCookie, clientInfo, formErrors, requireStage, setSessionCookie } from './http.js';
import { mailContext } from './password.routes.js';
import { safeNext } from './session.js';
import { codeSchema, loginSchema, newPasswordSchema } from './staff.schemas.js';
import { EnrolPage, RecoveryCodesPage } from './views/EnrolPage.js';
import { CodePage, LoginPage } from './views/LoginPage.js';
import { LogoutPage } from './views/LogoutPage.js';
import { NewPasswordPage } from './views/PasswordPages.js';

const stepsAfterLogin = { mfa: '/login/code', setup: '/setup', full: '' } as const;

/** Login (password, then second factor), first-login setup and logout. */
export function registerLoginRoutes(app: FastifyInstance, deps: AppDeps) {
  const form = formtokenGuard(deps);

  app.get('/staff/login', { onRequest: form.issue }, async (request, reply) => {
    const lookup = await readSession(request, deps);
    if (lookup.ok && lookup.current.session.stage === 'full') return reply.redirect(staffBase(request), 303);
    const notice = formField(request.query, 'notice');
    return reply.render(h(LoginPage, { errors: [], next: formField(request.query, 'next'), expired: formField(request.query, 'expired') === '1', notice: notice === 'passwordSet' || notice === 'loggedOut' ? notice : undefined }));
  });

  app.post('/staff/login', { onRequest: form.issue, preHandler: form.check }, async (request, reply) => {
    const parsed = safeParseForm(loginSchema, request.body);
    if (!parsed.ok) return reply.status(422).render(h(LoginPage, { errors: parsed.errors, email: formField(request.body, 'email'), next: formField(request.body, 'next') }));
    const previous = await readSession(request, deps);
    const result = await loginWithPassword(deps, request.tdb, {
      email: parsed.data.email,
      password: parsed.data.password,
      client: clientInfo(request, deps),
      previous: previous.ok ? previous.current.session : undefined,
      mail: mailContext(request, deps),
    });
    if (result.kind === 'locked') {
      void reply.header('retry-after', String(Math.ceil((result.until.getTime() - deps.clock.now().getTime()) / 1000)));
      return reply.status(429).render(h(LoginPage, { errors: [], email: parsed.data.email, next: parsed.data.next, pausedUntil: berlinTime(result.until) }));
    }
    if (result.kind === 'invalid') {
      return reply.status(401).render(
        h(LoginPage, {
          errors: [{ field: 'email', message: 'staff:login.invalid' }],
          email: parsed.data.email,
          next: parsed.data.next,
          pausedUntil: result.lockedUntil ? berlinTime(result.lockedUntil) : undefined,
        }),
      );
    }
    setSessionCookie(reply, deps, result.token);
    const next = parsed.data.next ? `?next=${encodeURIComponent(safeNext(parsed.data.next, staffBase(request)))}` : '';
    return reply.redirect(`${staffBase(request)}${stepsAfterLogin[result.stage]}${result.stage === 'mfa' ? next : ''}`, 303);
  });

  const mfa = requireStage(deps, 'mfa');
  app.get('/staff/login/code', { onRequest: mfa }, async (request, reply) =>
    reply.render(h(CodePage, { errors: [], next: formField(request.query, 'next') })),
  );

  app.post('/staff/login/code', { onRequest: mfa }, async (request, reply) => {
    const parsed = safeParseForm(codeSchema, request.body);
    const next = formField(request.body, 'next');
    if (!parsed.ok) return reply.status(422).render(h(CodePage, { errors: parsed.errors, next }));
    const { session, user } = request.staffCurrent!;
    const result = await verifySecondFactor(deps, request.tdb, { session, user, code: parsed.data.code, client: clientInfo(request, deps), mail: mailContext(request, deps) });
    if (result.kind === 'locked') {
      void reply.header('retry-after', String(Math.ceil((result.until.getTime() - deps.clock.now().getTime()) / 1000)));
      return reply.status(429).render(h(CodePage, { errors: [], next, pausedUntil: berlinTime(result.until) }));
    }
    if (result.kind === 'invalid') {
      return reply.status(401).render(h(CodePage, { errors: [{ field: 'code', message: 'staff:code.invalid' }], next }));
    }
    setSessionCookie(reply, deps, result.token);
    if (result.stage === 'setup') return reply.redirect(`${staffBase(request)}/setup`, 303);
    return reply.redirect(safeNext(next, staffBase(request)), 303);
  });

  const setup = requireStage(deps, 'setup');
  app.get('/staff/setup', { onRequest: setup }, async (request, reply) => {
    const user = request.staffCurrent!.user;
    return reply.redirect(`${staffBase(request)}/setup/${user.mustChangePassword || !user.passwordHash ? 'password' : 'totp'}`, 303);
  });

  const passwordPage = (action: string) => ({ titleKey: 'staff:setup.passwordTitle', introKey: 'staff:setup.passwordIntro', action });
  app.get('/staff/setup/password', { onRequest: setup }, async (request, reply) =>
    reply.render(h(NewPasswordPage, { ...passwordPage(request.url), errors: [] })),
  );
  app.post('/staff/setup/password', { onRequest: setup }, async (request, reply) => {
    const parsed = safeParseForm(newPasswordSchema, request.body);
    if (!parsed.ok) return reply.status(422).render(h(NewPasswordPage, { ...passwordPage(request.url), errors: parsed.errors }));
    const done = await formErrors(() =>
      setInitialPassword(deps, request.tdb, { user: request.staffCurrent!.user, password: parsed.data.password, client: clientInfo(request, deps) }),
    );
    if (!done.ok) return reply.status(422).render(h(NewPasswordPage, { ...passwordPage(request.url), errors: done.errors }));
    const user = await userById(request.tdb, request.staffCurrent!.user.id);
    return reply.redirect(`${staffBase(request)}${user?.totpSecret ? '' : '/setup/totp'}`, 303);
  });

  const enrolPage = async (request: Parameters<typeof setup>[0]) => {
    const user = (await userById(request.tdb, request.staffCurrent!.user.id))!;
    return enrolmentDetails(deps, request.tdb, user, request.tenant.shortName);
  };
  app.get('/staff/setup/totp', { onRequest: setup }, async (request, reply) => {
    if (request.staffCurrent!.user.mustChangePassword) return reply.redirect(`${staffBase(request)}/setup/password`, 303);
    const details = await enrolPage(request);
    return reply.render(h(EnrolPage, { errors: [], qrDataUrl: details.qrDataUrl, secret: details.secret }));
  });
  app.post('/staff/setup/totp', { onRequest: setup }, async (request, reply) => {
    const parsed = safeParseForm(codeSchema, request.body);
    const { session, user } = request.staffCurrent!;
    const result = parsed.ok
      ? await confirmEnrolment(deps, request.tdb, { session, user, code: parsed.data.code, client: clientInfo(request, deps) })
      : ({ kind: 'invalid' } as const);
    if (result.kind === 'invalid') {
      const details = await enrolPage(request);
      const errors = parsed.ok ? [{ field: 'code', message: 'staff:code.invalid' }] : parsed.errors;
      return reply.status(422).render(h(EnrolPage, { errors, qrDataUrl: details.qrDataUrl, secret: details.secret }));
    }
    setSessionCookie(reply, deps, result.token);
    return reply.render(h(RecoveryCodesPage, { codes: result.recoveryCodes }));
  });

  // A GET never changes state: the link in the navigation leads to this confirmation.
  app.get('/staff/logout', { onRequest: requirePermission(deps, 'staff.self') }, async (_request, reply) => reply.render(h(LogoutPage, {})));
  app.post('/staff/logout', { onRequest: requirePermission(deps, 'staff.self') }, async (request, reply) => {
    const everywhere = formField(request.body, 'everywhere') === '1';
    const user = (await userById(request.tdb, request.staff.userId))!;
    await logout(deps, request.tdb, { user, session: request.staffSession!, everywhere, client: clientInfo(request, deps) });
    clearSessionCookie(reply, deps);
    return reply.redirect(`${staffBase(request)}/login?notice=loggedOut`, 303);
  });
}
