import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError } from '#shared/http/errors.js';
import { TenantDb } from '#shared/db/tenant-scope.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { recordAudit } from '#shared/audit/index.js';
import { auditLog } from '#shared/audit/index.js';
import { expectCsrf } from './auth.js';
import { loginAs } from './testing.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

const start = '/t/neue-wege/staff';

describe('staff authentication contract', () => {
  it('redirects to the login page without a session and answers 401 on the API', async () => {
    const res = await ctx.app.inject(start);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/t/neue-wege/staff/login?next=%2Ft%2Fneue-wege%2Fstaff');
    const api = await ctx.app.inject('/api/v1/t/neue-wege/staff/me');
    expect(api.statusCode).toBe(401);
    expect(api.headers['content-type']).toContain('application/problem+json');
  });

  it('lets a user created with loginAs in, with navigation and a CSRF token in the page', async () => {
    const { cookies, csrfToken } = await loginAs(ctx, ['servicepoint']);
    const res = await ctx.app.inject({ url: start, cookies });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('class="ww-staffnav"');
    expect(res.body).toContain(`data-csrf="${csrfToken}"`);
    const me = await ctx.app.inject({ url: '/api/v1/t/neue-wege/staff/me', cookies });
    expect(me.json()).toMatchObject({ roles: ['servicepoint'], tenantId: ctx.tenant.id });
  });

  it('refuses a session of another tenant', async () => {
    const { cookies } = await loginAs(ctx, ['tenant_admin'], ctx.otherTenant);
    const res = await ctx.app.inject({ url: start, cookies });
    expect(res.statusCode).toBe(303);
    const own = await ctx.app.inject({ url: '/t/muster-kreis/staff', cookies });
    expect(own.statusCode).toBe(200);
  });

  it('needs the CSRF token on state-changing requests: 403 without, 200 with field or header', async () => {
    const { cookies, csrfToken } = await loginAs(ctx, ['mitarbeitende']);
    const url = '/t/neue-wege/staff/session/extend';
    const missing = await ctx.app.inject({ method: 'POST', url, cookies, payload: {} });
    expect(missing.statusCode).toBe(403);
    expect(missing.body).toContain('Formular ist abgelaufen');
    const wrong = await ctx.app.inject({ method: 'POST', url, cookies, headers: { 'x-csrf-token': 'x'.repeat(43) } });
    expect(wrong.statusCode).toBe(403);
    const form = await ctx.app.inject({ method: 'POST', url, cookies, payload: { _csrf: csrfToken } });
    expect(form.statusCode).toBe(200);
    const header = await ctx.app.inject({ method: 'POST', url, cookies, headers: { 'x-csrf-token': csrfToken } });
    expect(header.statusCode).toBe(200);
    expect(JSON.parse(header.body).expiresAt).toBe(new Date(ctx.clock.now().getTime() + 30 * 60_000).toISOString());
  });

  it('checks the form token at once when the guard runs after the body is parsed (preHandler use)', () => {
    const fake = (body: unknown, staffBodyReady: boolean) => ({ method: 'POST', headers: {}, body, staffBodyReady }) as unknown as FastifyRequest;
    expect(() => expectCsrf(fake({}, true), 'token')).toThrow(ForbiddenError);
    expect(() => expectCsrf(fake(undefined, true), 'token')).toThrow(ForbiddenError);
    expect(() => expectCsrf(fake({ _csrf: 'other' }, true), 'token')).toThrow(ForbiddenError);
    const ok = fake({ _csrf: 'token', name: 'x' }, true);
    expectCsrf(ok, 'token');
    expect(ok.body).toEqual({ name: 'x' });
    const deferred = fake(undefined, false);
    expectCsrf(deferred, 'token');
    expect(deferred.csrfExpected).toBe('token');
  });

  it('records audit rows with recordAudit, and the table refuses UPDATE and DELETE', async () => {
    const { userId } = await loginAs(ctx, ['sachbearbeitung']);
    const tdb = new TenantDb(ctx.database.db, ctx.tenant.id);
    await tdb.transaction((tx) =>
      recordAudit(tx, { actorId: userId, actorRoles: ['sachbearbeitung'], action: 'unterlagen.view', objectType: 'upload', objectId: 'u-1', purpose: 'Prüfung' }),
    );
    const rows = await tdb.select(auditLog, sql`${auditLog.actorId} = ${userId}`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'unterlagen.view', objectType: 'upload', objectId: 'u-1', actorRoles: ['sachbearbeitung'] });
    for (const statement of [sql`update audit_log set action = 'x'`, sql`delete from audit_log`, sql`truncate audit_log`]) {
      const error = await ctx.database.db.execute(statement).then(() => undefined, (err: Error) => err);
      expect(String((error?.cause as Error | undefined)?.message ?? error?.message)).toMatch(/append-only/);
    }
    expect(await tdb.select(auditLog, sql`${auditLog.actorId} = ${userId}`)).toHaveLength(1);
  });
});
