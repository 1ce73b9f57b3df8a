// HTTP helpers of the staff login and account pages: client info for throttling, the session cookie, the login-stage
// guard and turning a ValidationError into field errors for re-rendering a form.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ValidationError, type FieldError } from '#shared/http/errors.js';
import type { AppDeps } from '#shared/module.js';
import { applyStaffView, clientIpHash, expectCsrf, readSession, staffBase, type CurrentSession } from './auth.js';
import type { ClientInfo } from './auth.service.js';
import { describeUserAgent, sessionCookieName, sessionCookieOptions } from './session.js';
import type { StaffSession } from './staff.tables.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by requireStage on the login steps before the session is complete. */
    staffCurrent?: CurrentSession;
  }
}

export function clientInfo(request: FastifyRequest, deps: AppDeps): ClientInfo {
  return { ipHash: clientIpHash(request, deps), userAgent: describeUserAgent(request.headers['user-agent']) };
}

export function setSessionCookie(reply: FastifyReply, deps: AppDeps, token: string): void {
  void reply.setCookie(sessionCookieName(deps.config), token, sessionCookieOptions(deps.config));
}

export function clearSessionCookie(reply: FastifyReply, deps: AppDeps): void {
  void reply.clearCookie(sessionCookieName(deps.config), sessionCookieOptions(deps.config));
}

/** onRequest hook for the login steps: the session must be at `stage`; otherwise back to the start of the login. */
export function requireStage(deps: AppDeps, stage: StaffSession['stage']) {
  return async function stageGuard(request: FastifyRequest, reply: FastifyReply) {
    const lookup = await readSession(request, deps);
    if (!lookup.ok || lookup.current.session.stage !== stage) {
      if (lookup.ok && lookup.current.session.stage === 'full') return reply.redirect(staffBase(request), 303);
      return reply.redirect(`${staffBase(request)}/login`, 303);
    }
    request.staffCurrent = lookup.current;
    applyStaffView(request, deps, lookup.current);
    expectCsrf(request, lookup.current.csrfToken);
  };
}

/** Runs a service call and turns a ValidationError into field errors for re-rendering the form. */
export async function formErrors<T>(fn: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; errors: FieldError[] }> {
  try {
    return { ok: true, value: await fn() };
  } catch (err) {
    if (err instanceof ValidationError) return { ok: false, errors: err.fields };
    throw err;
  }
}
