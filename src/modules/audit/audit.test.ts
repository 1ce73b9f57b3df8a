import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TenantDb } from '#shared/db/tenant-scope.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { loginAs } from '../staff/testing.js';
import { auditLog } from '#shared/audit/index.js';
import { csvCell, toCsv } from './audit.service.js';
import { recordAudit } from '#shared/audit/index.js';

let ctx: TestContext;
let tdb: TenantDb;
beforeAll(async () => {
  ctx = await createTestContext();
  tdb = new TenantDb(ctx.database.db, ctx.tenant.id);
});
afterAll(async () => ctx?.close());

const url = '/t/neue-wege/staff/audit';

describe('audit log search and export', () => {
  it('finds entries by person, by object and by local date (Europe/Berlin), newest first', async () => {
    const admin = await loginAs(ctx, ['tenant_admin']);
    const worker = await loginAs(ctx, ['sachbearbeitung']);
    const entry = (objectId: string, at: string) =>
      recordAudit(tdb, { actorId: worker.userId, actorRoles: ['sachbearbeitung'], action: 'unterlagen.view', objectType: 'upload', objectId, purpose: 'Prüfung', at: new Date(at) });
    await entry('u-1', '2026-11-23T22:30:00Z'); // 23:30 Berlin on the 23rd
    await entry('u-2', '2026-11-23T23:30:00Z'); // 00:30 Berlin on the 24th
    await entry('u-1', '2026-11-24T10:00:00Z');
    await recordAudit(new TenantDb(ctx.database.db, ctx.otherTenant.id), { actorId: worker.userId, actorRoles: [], action: 'x', objectType: 'upload', objectId: 'u-1' });

    const byPerson = await ctx.app.inject({ url: `${url}?actor=${worker.userId}`, cookies: admin.cookies });
    expect(byPerson.statusCode).toBe(200);
    expect(byPerson.body.match(/unterlagen\.view/g)).toHaveLength(3);
    expect(byPerson.body.indexOf('u-2')).toBeLessThan(byPerson.body.lastIndexOf('upload u-1'));

    const byObject = await ctx.app.inject({ url: `${url}?objectType=upload&objectId=u-1`, cookies: admin.cookies });
    expect(byObject.body.match(/upload u-1/g)).toHaveLength(2);

    const byDate = await ctx.app.inject({ url: `${url}?actor=${worker.userId}&from=2026-11-24&to=2026-11-24`, cookies: admin.cookies });
    expect(byDate.body.match(/unterlagen\.view/g)).toHaveLength(2);
    expect(byDate.body).toContain('u-2');
    const typedGerman = await ctx.app.inject({ url: `${url}?actor=${worker.userId}&from=24.11.2026&to=24.11.2026`, cookies: admin.cookies });
    expect(typedGerman.body.match(/unterlagen\.view/g)).toHaveLength(2);

    const search = await tdb.select(auditLog, eq(auditLog.actorId, admin.userId), eq(auditLog.action, 'audit.search'));
    expect(search.map((r) => r.purpose)).toEqual(expect.arrayContaining(['filter=actor', 'filter=objectType,objectId', 'filter=actor,from,to']));
  });

  it('exports CSV with ids only and neutralises spreadsheet formulas', async () => {
    const admin = await loginAs(ctx, ['tenant_admin']);
    await recordAudit(tdb, { actorId: admin.userId, actorRoles: ['tenant_admin'], action: 'test.csv', objectType: 'thing', objectId: '=HYPERLINK("x")' });
    const res = await ctx.app.inject({ url: `/t/neue-wege/staff/audit.csv?objectType=thing`, cookies: admin.cookies });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="audit-neue-wege-2026-11-25\.csv"$/);
    const lines = res.body.trim().split('\r\n');
    expect(lines[0]).toBe('at,actor_id,actor_roles,action,object_type,object_id,purpose,ip_hash');
    expect(lines[1]).toContain(`,${admin.userId},tenant_admin,test.csv,thing,"'=HYPERLINK(""x"")",,`);
    expect(await tdb.first(auditLog, eq(auditLog.actorId, admin.userId), eq(auditLog.action, 'audit.export'))).toBeDefined();
    expect(csvCell('+49 6252')).toBe("'+49 6252");
    expect(toCsv([])).toBe('at,actor_id,actor_roles,action,object_type,object_id,purpose,ip_hash\r\n');
  });

  it('shows an error summary for a wrong search and is translated', async () => {
    const admin = await loginAs(ctx, ['tenant_admin']);
    const res = await ctx.app.inject({ url: `${url}?from=2026-11-30&to=2026-11-01&actor=nobody`, cookies: admin.cookies });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('href="#f-to"');
    expect(res.body).toContain('href="#f-actor"');
    const en = await ctx.app.inject({ url: `${url}?lang=en`, cookies: admin.cookies });
    expect(en.body).toContain('<h1 class="kern-heading-large">Audit log</h1>');
  });

  it('is only for tenant admins', async () => {
    const coach = await loginAs(ctx, ['coach', 'sachbearbeitung', 'servicepoint']);
    expect((await ctx.app.inject({ url, cookies: coach.cookies })).statusCode).toBe(403);
    expect((await ctx.app.inject({ url: `${url}.csv`, cookies: coach.cookies })).statusCode).toBe(403);
  });
});
