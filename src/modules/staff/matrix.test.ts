import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { hasPermission, roles, type Role } from './permissions.js';
import { loginAs, type LoggedIn } from './testing.js';

let ctx: TestContext;
let targetUserId: string;
let targetSessionId: string;
beforeAll(async () => {
  ctx = await createTestContext();
  const target = await loginAs(ctx, ['coach']);
  targetUserId = target.userId;
  const me = await ctx.app.inject({ url: '/api/v1/t/neue-wege/staff/me', cookies: target.cookies });
  expect(me.statusCode).toBe(200);
  const account = await ctx.app.inject({ url: '/t/neue-wege/staff/account', cookies: target.cookies });
  targetSessionId = /\/staff\/account\/sessions\/([0-9a-f-]{36})\/revoke/.exec(account.body)![1]!;
});
afterAll(async () => ctx?.close());

interface Route {
  method: 'GET' | 'POST';
  path: () => string;
  permission: string;
  /** Shown in the test name where the path is built by a helper. */
  label?: string;
}

// Any id: the permission is checked before the route looks anything up.
const someId = '00000000-0000-4000-8000-000000000000';

/** Every staff route of the staff, audit, seminare and coaching modules with the permission it needs. */
const routes: Route[] = [
  { method: 'GET', path: () => '/staff', permission: 'staff.self' },
  { method: 'GET', path: () => '/staff/account', permission: 'staff.self' },
  { method: 'GET', path: () => '/staff/account/password', permission: 'staff.self' },
  { method: 'POST', path: () => '/staff/account/password', permission: 'staff.self' },
  { method: 'POST', path: () => `/staff/account/sessions/${targetSessionId}/revoke`, permission: 'staff.self' },
  { method: 'POST', path: () => '/staff/session/extend', permission: 'staff.self' },
  { method: 'GET', path: () => '/staff/logout', permission: 'staff.self' },
  { method: 'POST', path: () => '/staff/logout', permission: 'staff.self' },
  { method: 'GET', path: () => '/staff/admin/users', permission: 'staff.manage' },
  { method: 'GET', path: () => '/staff/admin/users/new', permission: 'staff.manage' },
  { method: 'POST', path: () => '/staff/admin/users/new', permission: 'staff.manage' },
  { method: 'GET', path: () => `/staff/admin/users/${targetUserId}`, permission: 'staff.manage' },
  { method: 'POST', path: () => `/staff/admin/users/${targetUserId}/roles`, permission: 'staff.manage' },
  { method: 'POST', path: () => `/staff/admin/users/${targetUserId}/deactivate`, permission: 'staff.manage' },
  { method: 'POST', path: () => `/staff/admin/users/${targetUserId}/activate`, permission: 'staff.manage' },
  { method: 'POST', path: () => `/staff/admin/users/${targetUserId}/reset-2fa`, permission: 'staff.manage' },
  { method: 'POST', path: () => `/staff/admin/users/${targetUserId}/invite`, permission: 'staff.manage' },
  { method: 'GET', path: () => '/staff/admin/sessions', permission: 'staff.manage' },
  { method: 'POST', path: () => `/staff/admin/sessions/${targetSessionId}/revoke`, permission: 'staff.manage' },
  { method: 'GET', path: () => '/staff/admin/teams', permission: 'staff.teams' },
  { method: 'POST', path: () => '/staff/admin/teams', permission: 'staff.teams' },
  { method: 'GET', path: () => '/staff/audit', permission: 'audit.read' },
  { method: 'GET', path: () => '/staff/audit.csv', permission: 'audit.read' },
  { method: 'GET', path: () => '/staff/seminare', permission: 'seminare.browse' },
  { method: 'POST', path: () => `/staff/seminare/termine/${someId}/anmelden`, permission: 'seminare.browse' },
  { method: 'GET', path: () => '/staff/seminare/meine', permission: 'seminare.browse' },
  { method: 'POST', path: () => `/staff/seminare/anmeldungen/${someId}/annehmen`, permission: 'seminare.browse' },
  { method: 'POST', path: () => `/staff/seminare/anmeldungen/${someId}/ausschlagen`, permission: 'seminare.browse' },
  { method: 'POST', path: () => `/staff/seminare/anmeldungen/${someId}/stornieren`, permission: 'seminare.browse' },
  { method: 'GET', path: () => `/staff/seminare/bescheinigungen/${someId}.pdf`, permission: 'seminare.browse' },
  { method: 'GET', path: () => '/staff/seminare/freigaben', permission: 'seminare.approve' },
  { method: 'GET', path: () => `/staff/seminare/freigaben/${someId}`, permission: 'seminare.approve' },
  { method: 'POST', path: () => `/staff/seminare/freigaben/${someId}`, permission: 'seminare.approve' },
  { method: 'GET', path: () => `/staff/seminare/termine/${someId}`, permission: 'seminare.attendance' },
  { method: 'POST', path: () => `/staff/seminare/termine/${someId}/tage/${someId}`, permission: 'seminare.attendance' },
  { method: 'GET', path: () => `/staff/seminare/termine/${someId}/tage/${someId}.pdf`, permission: 'seminare.attendance' },
  { method: 'POST', path: () => `/staff/seminare/termine/${someId}/bescheinigungen`, permission: 'seminare.manage' },
  ...coachingRoutes(),
];

/** The coaching pages: the dossier is open to every staff member (the service then answers 404 to strangers). */
function coachingRoutes(): Route[] {
  const c = '/staff/coaching';
  const caseload = 'coaching.caseload';
  const get = (path: string, permission: string): Route => ({ method: 'GET', path: () => `${c}${path}`, permission, label: `GET ${c}${path}` });
  const post = (path: string, permission: string): Route => ({ method: 'POST', path: () => `${c}${path}`, permission, label: `POST ${c}${path}` });
  return [
    get('', caseload),
    get('/team', 'coaching.team'),
    get('/aufnahme', caseload),
    post('/aufnahme', caseload),
    get('/zuweisung', 'coaching.refer'),
    post('/zuweisung', 'coaching.refer'),
    get('/kennzahlen', 'coaching.indicators'),
    get('/kennzahlen.csv', 'coaching.indicators'),
    get(`/${someId}`, 'staff.self'),
    ...['/potenzial', '/zielberufe', '/aktivitaeten', `/aktivitaeten/${someId}`, `/aktivitaeten/${someId}/nachrichten`, '/plan', '/plan/papier', '/plan/schlichtung', '/kontakte', '/austritt', '/nachhaltigkeit', '/link', '/link/widerruf', '/vertraulich', '/vertraulich/einwilligung', '/pruefungen', '/sitzungen', '/angst', '/gutscheine', `/gutscheine/${someId}`].map((p) => post(`/${someId}${p}`, caseload)),
    get(`/${someId}/termin`, caseload),
    ...['/termin', `/termine/${someId}/verschieben`, `/termine/${someId}/absagen`].map((p) => post(`/${someId}${p}`, caseload)),
    get(`/${someId}/vertraulich`, caseload),
    get(`/${someId}/auskunft.json`, caseload),
    get(`/${someId}/auskunft.pdf`, caseload),
    get('/einstellungen', 'coaching.settings'),
    post('/einstellungen', 'coaching.settings'),
    get('/berufe', 'coaching.settings'),
    post('/berufe/import', 'coaching.settings'),
    get(`/berufe/import/${someId}`, 'coaching.settings'),
    post(`/berufe/import/${someId}`, 'coaching.settings'),
  ];
}

const request = (route: Route, who: LoggedIn | undefined, slug = 'neue-wege') =>
  ctx.app.inject({
    method: route.method,
    url: `/t/${slug}${route.path()}`,
    cookies: who?.cookies ?? {},
    ...(route.method === 'POST' ? { payload: { _csrf: who?.csrfToken ?? '', roles: 'coach' } } : {}),
  });

describe('every staff route refuses roles without the permission and users of another tenant', () => {
  for (const route of routes) {
    const label = route.label ?? `${route.method} ${route.path.toString().replace(/^\(\) => /, '')}`;
    it(label, async () => {
      const lacking: Role[][] = [[], ...roles.filter((r) => !hasPermission(ctx.deps, [r], route.permission)).map((r) => [r])];
      for (const held of lacking) {
        const res = await request(route, await loginAs(ctx, held));
        expect(res.statusCode, `${label} as ${held.join('+') || 'no role'}`).toBe(403);
      }
      // An admin of the other tenant with every role: not logged in here.
      const foreign = await loginAs(ctx, [...roles], ctx.otherTenant);
      const res = await request(route, foreign);
      expect(res.statusCode, `${label} from another tenant`).toBe(303);
      expect(res.headers.location).toMatch(/^\/t\/neue-wege\/staff\/login/);
      expect((await request(route, undefined)).statusCode, `${label} without session`).toBe(303);
      // The same route in the other tenant with a CSRF token from this tenant's session is refused too.
      const local = await loginAs(ctx, [...roles]);
      if (route.method === 'POST') {
        const crossed = await ctx.app.inject({ method: 'POST', url: `/t/muster-kreis${route.path()}`, cookies: foreign.cookies, payload: { _csrf: local.csrfToken } });
        expect(crossed.statusCode, `${label} with a CSRF token of another session`).toBe(403);
      }
    });
  }

  it('covers the JSON API: 401 without session or from another tenant', async () => {
    const foreign = await loginAs(ctx, [...roles], ctx.otherTenant);
    expect((await ctx.app.inject({ url: '/api/v1/t/neue-wege/staff/me', cookies: foreign.cookies })).statusCode).toBe(401);
    expect((await ctx.app.inject({ url: '/api/v1/t/neue-wege/staff/me' })).statusCode).toBe(401);
    const none = await loginAs(ctx, []);
    expect((await ctx.app.inject({ url: '/api/v1/t/neue-wege/staff/me', cookies: none.cookies })).statusCode).toBe(403);
    const caseload = '/api/v1/t/neue-wege/staff/coaching/caseload';
    expect((await ctx.app.inject({ url: caseload, cookies: foreign.cookies })).statusCode).toBe(401);
    for (const role of roles.filter((r) => !hasPermission(ctx.deps, [r], 'coaching.caseload'))) {
      expect((await ctx.app.inject({ url: caseload, cookies: (await loginAs(ctx, [role])).cookies })).statusCode, `caseload API as ${role}`).toBe(403);
    }
  });

  it('leaves the target untouched after all refused attempts', async () => {
    const target = await ctx.app.inject({ url: `/t/neue-wege/staff/admin/users/${targetUserId}`, cookies: (await loginAs(ctx, ['tenant_admin'])).cookies });
    expect(target.statusCode).toBe(200);
    expect(target.body).toContain('aktiv');
    expect(target.body).toContain(targetSessionId);
  });
});
