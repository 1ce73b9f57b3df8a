import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '#shared/audit/index.js';
import { TenantDb } from '#shared/db/tenant-scope.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { teamService } from './index.js';
import { loginAs } from './testing.js';

let ctx: TestContext;
let tdb: TenantDb;
beforeAll(async () => {
  ctx = await createTestContext();
  tdb = new TenantDb(ctx.database.db, ctx.tenant.id);
});
afterAll(async () => ctx?.close());

const base = '/t/neue-wege/staff/admin/teams';

describe('teams', () => {
  it('an admin creates a team, adds members and a lead; teamService answers who leads whom', async () => {
    const admin = await loginAs(ctx, ['tenant_admin']);
    const lead = await loginAs(ctx, ['teamleitung', 'mitarbeitende']);
    const member = await loginAs(ctx, ['mitarbeitende']);
    const post = (url: string, payload: Record<string, string>) => ctx.app.inject({ method: 'POST', url, cookies: admin.cookies, payload: { _csrf: admin.csrfToken, ...payload } });

    const empty = await post(base, { name: '  ' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('href="#f-name"');

    const created = await post(base, { name: 'Markt und Integration 1' });
    expect(created.statusCode).toBe(303);
    const teamUrl = created.headers.location!.split('?')[0]!;
    const teamId = teamUrl.split('/').at(-1)!;
    expect((await post(base, { name: 'Markt und Integration 1' })).body).toContain('Ein Team mit diesem Namen gibt es schon.');

    expect((await post(`${teamUrl}/members`, { userId: '' })).statusCode).toBe(422);
    expect((await post(`${teamUrl}/members`, { userId: lead.userId, isLead: 'on' })).statusCode).toBe(303);
    expect((await post(`${teamUrl}/members`, { userId: member.userId })).statusCode).toBe(303);

    const page = await ctx.app.inject({ url: teamUrl, cookies: admin.cookies });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('Teamleitung beenden');
    const views = await tdb.select(auditLog, eq(auditLog.action, 'staff.team_view'));
    expect(views.some((r) => r.objectId === teamId && r.actorId === admin.userId)).toBe(true);

    expect((await teamService.teamsLedBy(tdb, lead.userId)).map((t) => t.name)).toEqual(['Markt und Integration 1']);
    expect(await teamService.teamsLedBy(tdb, member.userId)).toEqual([]);
    expect((await teamService.teamsOf(tdb, member.userId)).map((t) => t.id)).toEqual([teamId]);
    expect((await teamService.membersOf(tdb, teamId)).map((m) => [m.userId, m.isLead]).sort()).toEqual(
      [
        [lead.userId, true],
        [member.userId, false],
      ].sort(),
    );
    expect((await teamService.leadsOf(tdb, member.userId)).map((m) => m.userId)).toEqual([lead.userId]);

    await post(`${teamUrl}/members/${lead.userId}/lead`, { isLead: 'false' });
    expect(await teamService.teamsLedBy(tdb, lead.userId)).toEqual([]);
    await post(`${teamUrl}/members/${member.userId}/remove`, {});
    expect(await teamService.teamsOf(tdb, member.userId)).toEqual([]);
  });

  it('is only for administration and the training office, and only within the tenant', async () => {
    const plain = await loginAs(ctx, ['mitarbeitende']);
    expect((await ctx.app.inject({ url: base, cookies: plain.cookies })).statusCode).toBe(403);
    const pe = await loginAs(ctx, ['personalentwicklung']);
    expect((await ctx.app.inject({ url: base, cookies: pe.cookies })).statusCode).toBe(200);
    const other = new TenantDb(ctx.database.db, ctx.otherTenant.id);
    expect(await teamService.listTeams(other)).toEqual([]);
  });
});
