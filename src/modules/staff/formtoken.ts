// Double-submit CSRF token for the staff forms shown before there is a session (login, password pages).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError } from '#shared/http/errors.js';
import type { AppDeps } from '#shared/module.js';
import { isToken, newToken, safeEqual } from '#shared/crypto.js';
import { isHttps } from './session.js';
import { formField } from '#shared/http/validation.js';

/**
 * CSRF protection for the forms used before there is a session (login, forgotten password, set password):
 * a double-submit token. The cookie is HttpOnly and SameSite=Lax, `__Host-` on https, so another
 * site can neither read nor set it.
 */
function cookieName(deps: AppDeps) {
  return isHttps(deps.config) ? '__Host-ww_form' : 'ww_form';
}

export function ensureFormToken(request: FastifyRequest, reply: FastifyReply, deps: AppDeps): void {
  let token = request.cookies[cookieName(deps)];
  if (!isToken(token)) {
    token = newToken();
    void reply.setCookie(cookieName(deps), token, { path: '/', httpOnly: true, sameSite: 'lax', secure: isHttps(deps.config) });
  }
  request.view.csrfToken = token;
}

export function checkFormToken(request: FastifyRequest, deps: AppDeps): void {
  const cookie = request.cookies[cookieName(deps)];
  const given = formField(request.body, '_csrf');
  if (!cookie || typeof given !== 'string' || !safeEqual(cookie, given)) throw new ForbiddenError('staff:csrf.invalid');
}

/** Route hooks: `issue` on onRequest (GET and POST, so a re-rendered form keeps a token), `check` as preHandler on POST. */
export function formtokenGuard(deps: AppDeps) {
  return {
    issue: async (request: FastifyRequest, reply: FastifyReply) => ensureFormToken(request, reply, deps),
    check: async (request: FastifyRequest) => checkFormToken(request, deps),
  };
}
