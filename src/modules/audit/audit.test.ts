import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TenantDb } from '#shared/db/tenant-scope.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { loginAs } from '../staff/testing.js';
import { auditLog, recordAudit, type AuditAction } from '#shared/audit/index.js';
import { fixedT } from '#shared/i18n/index.js';
import { csvCell, toCsv } from './audit.service.js';

let ctx: TestContext;
let tdb: TenantDb;
beforeAll(async () => {
  ctx = await createTestContext();
  tdb = new TenantDb(ctx.database.db, ctx.tenant.id);
});
afterAll(async () => ctx?.close());

const url = '/t/neue-wege/staff/audit';
/** The rows of a result page that show `action` (the filter's options name it too, without the id's code element). */
const rowsWith = (body: string, action: string) => body.split(`<code class="ww-audit-id">${action}</code>`).length - 1;

describe('audit log search and export', () => {
  it('finds entries by person, by object and by local date (Europe/Berlin), newest first', async () => {
    const admin = await loginAs(ctx, ['tenant_admin']);
    const worker = await loginAs(ctx, ['sachbearbeitung']);
    const entry = (objectId: string, at: string) =>
      recordAudit(tdb, { actorId: worker.userId, actorRoles: ['sachbearbeitung'], action: 'unterlagen.view', objectType: 'upload', objectId, purpose: 'Prüfung', at: new Date(at) });
    await entry('u-1', '2026-11-23T22:30:00Z'); // 23:30 Berlin on the 23rd
    await entry('u-2', '2026-11-23T23:30:00Z'); // 00:30 Berlin on the 24th
    await entry('u-1', '2026-11-24T10:00:00Z');
    await recordAudit(new TenantDb(ctx.database.db, ctx.otherTenant.id), { actorId: worker.userId, actorRoles: [], action: 'unterlagen.view', objectType: 'upload', objectId: 'u-1' });

    const byPerson = await ctx.app.inject({ url: `${url}?actor=${worker.userId}`, cookies: admin.cookies });
    expect(byPerson.statusCode).toBe(200);
    expect(rowsWith(byPerson.body, 'unterlagen.view')).toBe(3);
    expect(byPerson.body.indexOf('u-2')).toBeLessThan(byPerson.body.lastIndexOf('upload u-1'));

    const byObject = await ctx.app.inject({ url: `${url}?objectType=upload&objectId=u-1`, cookies: admin.cookies });
    expect(byObject.body.match(/upload u-1/g)).toHaveLength(2);

    const byDate = await ctx.app.inject({ url: `${url}?actor=${worker.userId}&from=2026-11-24&to=2026-11-24`, cookies: admin.cookies });
    expect(rowsWith(byDate.body, 'unterlagen.view')).toBe(2);
    expect(byDate.body).toContain('u-2');
    const typedGerman = await ctx.app.inject({ url: `${url}?actor=${worker.userId}&from=24.11.2026&to=24.11.2026`, cookies: admin.cookies });
    expect(rowsWith(typedGerman.body, 'unterlagen.view')).toBe(2);

    const search = await tdb.select(auditLog, eq(auditLog.actorId, admin.userId), eq(auditLog.action, 'audit.search'));
    expect(search.map((r) => r.purpose)).toEqual(expect.arrayContaining(['filter=actor', 'filter=objectType,objectId', 'filter=actor,from,to']));
  });

  it("exports CSV with the ids as stored, the labels in the reader's language after them, and neutralises spreadsheet formulas", async () => {
    const admin = await loginAs(ctx, ['tenant_admin']);
    await recordAudit(tdb, { actorId: admin.userId, actorRoles: ['tenant_admin'], action: 'unterlagen.download', objectType: 'upload_file', objectId: '=HYPERLINK("x")' });
    const res = await ctx.app.inject({ url: `/t/neue-wege/staff/audit.csv?actor=${admin.userId}&action=unterlagen.download`, cookies: admin.cookies });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="audit-neue-wege-2026-11-25\.csv"$/);
    const lines = res.body.trim().split('\r\n');
    expect(lines[0]).toBe('at,actor_id,actor_roles,action,object_type,object_id,purpose,ip_hash,action_label,object_type_label');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`,${admin.userId},tenant_admin,unterlagen.download,upload_file,"'=HYPERLINK(""x"")",,,Datei heruntergeladen oder angezeigt,Datei eingereichter Unterlagen`);
    const en = await ctx.app.inject({ url: `/t/neue-wege/staff/audit.csv?actor=${admin.userId}&action=unterlagen.download&lang=en`, cookies: admin.cookies });
    expect(en.body.trim().split('\r\n')[1]).toMatch(/,unterlagen\.download,upload_file,.*,File downloaded or shown,File of an upload$/);
    expect(await tdb.first(auditLog, eq(auditLog.actorId, admin.userId), eq(auditLog.action, 'audit.export'))).toBeDefined();
    expect(csvCell('+49 6252')).toBe("'+49 6252");
    expect(toCsv([], fixedT('de'))).toBe('at,actor_id,actor_roles,action,object_type,object_id,purpose,ip_hash,action_label,object_type_label\r\n');
  });

  it('names actions, objects and roles in the reader\'s language with the ids below, and filters by action', async () => {
    const admin = await loginAs(ctx, ['tenant_admin']);
    const worker = await loginAs(ctx, ['sachbearbeitung']);
    const entry = (action: AuditAction, at: string) => recordAudit(tdb, { actorId: worker.userId, actorRoles: ['sachbearbeitung'], action, objectType: 'staff_user', objectId: 's-1', at: new Date(at) });
    await entry('staff.list', '2026-11-20T09:00:00Z');
    await entry('security.login', '2026-11-20T08:00:00Z');
    // A row of an older version whose action no module declares any more: shown by its id.
    await entry('legacy.thing' as AuditAction, '2026-11-20T07:00:00Z');

    const de = await ctx.app.inject({ url: `${url}?actor=${worker.userId}&to=2026-11-20`, cookies: admin.cookies });
    expect(de.body).toContain('<span class="ww-audit-label">Mitarbeitendenliste angesehen</span><code class="ww-audit-id">staff.list</code>');
    expect(de.body).toContain('<span class="ww-audit-label">Angemeldet</span><code class="ww-audit-id">security.login</code>');
    expect(de.body).toContain('<span class="ww-audit-label">Mitarbeiterkonto</span><code class="ww-audit-id">staff_user s-1</code>');
    expect(de.body).toContain('<td class="kern-table__cell" data-label="Aktion"><code class="ww-audit-id">legacy.thing</code></td>');
    expect(de.body).toContain('(Sachbearbeitung)');
    expect(de.body).toContain('<option value="staff.list">Mitarbeitendenliste angesehen</option>');
    expect(de.body).toContain('<option value="staff_user">Mitarbeiterkonto</option>');

    const en = await ctx.app.inject({ url: `${url}?actor=${worker.userId}&to=2026-11-20&lang=en`, cookies: admin.cookies });
    expect(en.body).toContain('<span class="ww-audit-label">List of staff viewed</span><code class="ww-audit-id">staff.list</code>');
    expect(en.body).toContain('<span class="ww-audit-label">Staff account</span>');

    const byAction = await ctx.app.inject({ url: `${url}?actor=${worker.userId}&action=staff.list`, cookies: admin.cookies });
    expect(rowsWith(byAction.body, 'staff.list')).toBe(1);
    expect(rowsWith(byAction.body, 'security.login')).toBe(0);
    expect(byAction.body).toContain('<option value="staff.list" selected>Mitarbeitendenliste angesehen</option>');
    const byOldAction = await ctx.app.inject({ url: `${url}?actor=${worker.userId}&action=legacy.thing`, cookies: admin.cookies });
    expect(rowsWith(byOldAction.body, 'legacy.thing')).toBe(1);
    expect(byOldAction.body).toContain('<option value="legacy.thing" selected>legacy.thing</option>');
    const search = await tdb.select(auditLog, eq(auditLog.actorId, admin.userId), eq(auditLog.action, 'audit.search'));
    expect(search.map((r) => r.purpose)).toContain('filter=actor,action');
  });

  it('names the link a row without a staff member came through, in place of "unbekannt"', async () => {
    const admin = await loginAs(ctx, ['tenant_admin']);
    const at = new Date('2026-11-19T09:00:00Z');
    await recordAudit(tdb, { actorId: null, actorRoles: ['trainer-link'], action: 'seminare.attendance_viewed', objectType: 'seminar_session', objectId: 'link-1', at });
    await recordAudit(tdb, { actorId: null, actorRoles: ['teilnehmende'], action: 'seminare.attendance_viewed', objectType: 'seminar_session', objectId: 'link-2', at });
    await recordAudit(tdb, { actorId: null, actorRoles: [], action: 'seminare.attendance_viewed', objectType: 'seminar_session', objectId: 'link-3', at });
    const cell = (body: string, id: string) => body.split(`seminar_session ${id}`)[0]!.split('data-label="Person (Rollen)">').at(-1)!.split('</td>')[0];
    const de = await ctx.app.inject({ url: `${url}?objectType=seminar_session`, cookies: admin.cookies });
    expect(cell(de.body, 'link-1')).toBe('Trainerin oder Trainer über den Link zur Anwesenheitsliste');
    expect(cell(de.body, 'link-2')).toBe('Teilnehmende Person über ihren persönlichen Link');
    expect(cell(de.body, 'link-3')).toBe('unbekannt');
    const en = await ctx.app.inject({ url: `${url}?objectType=seminar_session&lang=en`, cookies: admin.cookies });
    expect(en.body).toContain('Trainer through the attendance list link');
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
