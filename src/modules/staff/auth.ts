// Staff authentication on each request: reads and checks the session cookie, sets request.staff, sends the
// logged-out to the login page (HTML) or answers 401 (API), and fills the view context of staff pages.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isApiRequest } from '#shared/http/error-handler.js';
import { ForbiddenError, UnauthorizedError } from '#shared/http/errors.js';
import type { AppDeps } from '#shared/module.js';
import { recordAudit } from '#shared/audit/index.js';
import { hashToken, keyedHash, safeEqual } from '#shared/crypto.js';
import { csrfTokenFor } from './crypto.js';
import { assertDeclared, hasPermission, type Role } from './permissions.js';
import { sessionCookieName, sessionCookieOptions, sessionState, type SessionState } from './session.js';
import * as repo from './staff.repository.js';
import type { StaffSession, StaffUser } from './staff.tables.js';
import { formField } from '#shared/http/validation.js';

/** Who is acting: set by requirePermission on every staff route. */
export interface StaffPrincipal {
  userId: string;
  tenantId: string;
  roles: Role[];
  displayName: string;
  sessionId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by requirePermission; only read it on routes that use it. */
    staff: StaffPrincipal;
    /** The current session row (set with request.staff). */
    staffSession?: StaffSession;
    /** The CSRF token a form body must carry (checked in preValidation, after the body is parsed). */
    csrfExpected?: string;
    /** Set once preValidation has run: a guard used later (preHandler) must check the body itself. */
    staffBodyReady?: boolean;
  }
}

export interface CurrentSession {
  session: StaffSession;
  user: StaffUser;
  csrfToken: string;
}

export type SessionLookup = { ok: true; current: CurrentSession } | { ok: false; reason: 'none' | Exclude<SessionState, 'ok'> };

/** Reads the session cookie and checks it against the database (tenant-scoped: a session of another tenant is unknown here). */
export async function readSession(request: FastifyRequest, deps: AppDeps): Promise<SessionLookup> {
  const token = request.cookies[sessionCookieName(deps.config)];
  if (!token) return { ok: false, reason: 'none' };
  const tokenHash = hashToken(token);
  const session = await repo.sessionByTokenHash(request.tdb, tokenHash);
  if (!session) return { ok: false, reason: 'none' };
  const now = deps.clock.now();
  const state = sessionState(session, now);
  if (state !== 'ok') {
    if (state !== 'revoked') await repo.revokeSession(request.tdb, session.id, now);
    return { ok: false, reason: state };
  }
  const user = await repo.userById(request.tdb, session.userId);
  if (!user || !user.active) return { ok: false, reason: 'revoked' };
  await repo.touchSession(request.tdb, session.id, now);
  return { ok: true, current: { session: { ...session, lastSeenAt: now }, user, csrfToken: csrfTokenFor(deps.config.secretKey, tokenHash) } };
}

export function clientIpHash(request: FastifyRequest, deps: AppDeps): string {
  return keyedHash(deps.config.secretKey, ['ip', request.ip]);
}

export function staffBase(request: FastifyRequest): string {
  return `/t/${request.tenant.slug}/staff`;
}

/** Not (or no longer) logged in: the login page for HTML, 401 for the API. */
function unauthenticated(request: FastifyRequest, reply: FastifyReply, deps: AppDeps, lookup: SessionLookup) {
  if (isApiRequest(request)) throw new UnauthorizedError();
  const base = staffBase(request);
  if (lookup.ok && lookup.current.session.stage === 'mfa') return reply.redirect(`${base}/login/code`, 303);
  if (lookup.ok && lookup.current.session.stage === 'setup') return reply.redirect(`${base}/setup`, 303);
  const params = new URLSearchParams();
  if (request.method === 'GET') params.set('next', request.url);
  if (!lookup.ok && (lookup.reason === 'idle' || lookup.reason === 'absolute')) params.set('expired', '1');
  if (!lookup.ok && lookup.reason !== 'none') void reply.clearCookie(sessionCookieName(deps.config), sessionCookieOptions(deps.config));
  const query = params.toString();
  return reply.redirect(`${base}/login${query ? `?${query}` : ''}`, 303);
}

/** The navigation items the modules declared, those the roles may use. */
function staffNavFor(request: FastifyRequest, deps: AppDeps, roles: readonly string[]) {
  const base = `/t/${request.tenant.slug}`;
  const path = request.url.split('?')[0] ?? '';
  return deps.modules.staffNav
    .filter((e) => hasPermission(deps, roles, e.permission))
    .map((e) => {
      const href = `${base}${e.path}`;
      const current = e.path === '/staff' ? path === href : path === href || path.startsWith(`${href}/`);
      return { href, label: request.t(e.labelKey), current };
    });
}

/** Fills the view context of a logged-in page (navigation, name, CSRF token). */
export function applyStaffView(request: FastifyRequest, deps: AppDeps, current: CurrentSession): void {
  request.view.csrfToken = current.csrfToken;
  if (current.session.stage === 'full') {
    request.view.staffNav = staffNavFor(request, deps, current.user.roles);
    request.view.staffUser = { displayName: current.user.displayName };
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

function bodyToken(request: FastifyRequest): string | undefined {
  const given = formField(request.body, '_csrf');
  if (given === undefined) return undefined;
  if (typeof request.body === 'object' && request.body) Reflect.deleteProperty(request.body, '_csrf'); // strict schemas of the route never see it
  return given;
}

/**
 * Checks the synchronizer token: from the header at once; from the form body after it is parsed —
 * later in preValidation when called from onRequest, at once when called from preHandler.
 */
export function expectCsrf(request: FastifyRequest, token: string): void {
  if (safeMethods.has(request.method)) return;
  const header = request.headers['x-csrf-token'];
  if (typeof header === 'string') {
    if (!safeEqual(header, token)) throw new ForbiddenError('staff:csrf.invalid');
    return;
  }
  if (request.staffBodyReady) {
    const given = bodyToken(request);
    if (given === undefined || !safeEqual(given, token)) throw new ForbiddenError('staff:csrf.invalid');
    return;
  }
  request.csrfExpected = token;
}

/**
 * onRequest hook for staff routes: a full session (password + second factor) whose roles grant
 * `permission`; sets request.staff and the staff view; state-changing requests need the CSRF token.
 * The permission must be declared by a module (checked here, when the route is registered).
 */
export function requirePermission(deps: AppDeps, permission: string) {
  assertDeclared(deps, permission);
  return async function staffGuard(request: FastifyRequest, reply: FastifyReply) {
    const lookup = await readSession(request, deps);
    if (!lookup.ok || lookup.current.session.stage !== 'full') return unauthenticated(request, reply, deps, lookup);
    const { session, user } = lookup.current;
    const roles = user.roles as Role[];
    request.staff = { userId: user.id, tenantId: user.tenantId, roles, displayName: user.displayName, sessionId: session.id };
    request.staffSession = session;
    applyStaffView(request, deps, lookup.current);
    if (!hasPermission(deps, roles, permission)) {
      await recordAudit(request.tdb, {
        actorId: user.id,
        actorRoles: roles,
        action: 'security.access_denied',
        objectType: 'permission',
        objectId: permission,
        ipHash: clientIpHash(request, deps),
        at: deps.clock.now(),
      });
      throw new ForbiddenError();
    }
    expectCsrf(request, lookup.current.csrfToken);
  };
}

/** Installs the request-scoped parts of staff auth on a tenant scope (HTML or API). */
export function installStaffAuth(scope: FastifyInstance, deps: AppDeps): void {
  if (!scope.hasRequestDecorator('staff')) scope.decorateRequest('staff', null as unknown as StaffPrincipal);
  scope.addHook('preValidation', async (request) => {
    request.staffBodyReady = true;
    if (request.csrfExpected === undefined) return;
    const given = bodyToken(request);
    if (given === undefined || !safeEqual(given, request.csrfExpected)) {
      await recordAudit(request.tdb, {
        actorId: request.staff?.userId ?? null,
        actorRoles: request.staff?.roles ?? [],
        action: 'security.csrf_refused',
        objectType: 'route',
        objectId: request.routeOptions.url ?? null,
        ipHash: clientIpHash(request, deps),
        at: deps.clock.now(),
      });
      throw new ForbiddenError('staff:csrf.invalid');
    }
  });
}
