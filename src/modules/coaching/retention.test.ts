import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '#shared/audit/index.js';
import { TenantDb } from '#shared/db/tenant-scope.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { loginAs } from '../staff/testing.js';
import { coachingTeilnehmende, coachingVertraulich } from './coaching.tables.js';
import { seedDemoParticipants } from './demo.js';
import { coachingJobs } from './retention.js';

let ctx: TestContext;
let tdb: TenantDb;
beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-11-25T09:00:00Z' });
  tdb = new TenantDb(ctx.database.db, ctx.tenant.id);
});
afterAll(async () => ctx?.close());

const byName = async (familyName: string) => tdb.first(coachingTeilnehmende, eq(coachingTeilnehmende.familyName, familyName));

describe('retention and the Art. 15 copy', () => {
  it('hands the coach everything held on one participant, restricted notes included, and audits it', async () => {
    const coach = await loginAs(ctx, ['coach']);
    await seedDemoParticipants(ctx.deps, tdb, coach.userId);
    const amina = (await byName('Haddad'))!;
    await tdb.insert(coachingVertraulich, { teilnehmendeId: amina.id, kategorie: 'gesundheit', text: 'Rücken: nicht schwer heben.', createdBy: coach.userId });
    const res = await ctx.app.inject({ url: `/t/neue-wege/staff/coaching/${amina.id}/auskunft.json`, cookies: coach.cookies });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="auskunft-${amina.id}.json"`);
    const data = res.json();
    expect(data.person.familyName).toBe('Haddad');
    expect(data.vertraulicheNotizen[0].text).toBe('Rücken: nicht schwer heben.');
    expect(data.aktivitaeten.length).toBeGreaterThan(0);
    expect(await tdb.select(auditLog, eq(auditLog.action, 'coaching.auskunft'), eq(auditLog.objectId, amina.id))).toHaveLength(1);
    const other = await loginAs(ctx, ['coach']);
    expect((await ctx.app.inject({ url: `/t/neue-wege/staff/coaching/${amina.id}/auskunft.json`, cookies: other.cookies })).statusCode).toBe(404);
  });

  it('deletes restricted notes three months and everything 24 months after the end; people in follow-up keep theirs', async () => {
    const becker = (await byName('Becker'))!; // exit three months ago, ended
    const schroeder = (await byName('Schröder'))!; // job two months ago, in follow-up
    await tdb.insert(coachingVertraulich, { teilnehmendeId: becker.id, kategorie: 'schulden', text: 'x', createdBy: becker.coachId });
    await tdb.insert(coachingVertraulich, { teilnehmendeId: schroeder.id, kategorie: 'familie', text: 'y', createdBy: schroeder.coachId });
    const run = () => coachingJobs[0]!.run(ctx.deps);

    await run(); // exactly three months after Becker's exit: kept one more day
    expect(await tdb.select(coachingVertraulich, eq(coachingVertraulich.teilnehmendeId, becker.id))).toHaveLength(1);

    ctx.clock.set('2027-03-01T09:00:00Z');
    await run();
    expect(await tdb.select(coachingVertraulich, eq(coachingVertraulich.teilnehmendeId, becker.id))).toHaveLength(0);
    expect(await tdb.select(coachingVertraulich, eq(coachingVertraulich.teilnehmendeId, schroeder.id))).toHaveLength(1);
    expect(await byName('Becker')).toBeDefined();

    ctx.clock.set('2028-09-01T09:00:00Z');
    await run();
    expect(await byName('Becker')).toBeUndefined();
    expect(await byName('Schröder')).toBeDefined();
    expect((await tdb.select(auditLog, eq(auditLog.action, 'coaching.retention'))).length).toBeGreaterThan(0);
  });

  it('gives the same copy as a PDF, to the assigned coach only', async () => {
    const coach = await loginAs(ctx, ['coach']);
    await seedDemoParticipants(ctx.deps, tdb, coach.userId);
    const [person] = await tdb.select(coachingTeilnehmende, eq(coachingTeilnehmende.coachId, coach.userId));
    const res = await ctx.app.inject({ url: `/t/neue-wege/staff/coaching/${person!.id}/auskunft.pdf`, cookies: coach.cookies });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.rawPayload.toString('latin1')).toContain('Auskunft nach Art. 15 DSGVO');
    expect(await tdb.select(auditLog, eq(auditLog.action, 'coaching.auskunft'), eq(auditLog.objectId, person!.id))).toHaveLength(1);
    const other = await loginAs(ctx, ['coach']);
    expect((await ctx.app.inject({ url: `/t/neue-wege/staff/coaching/${person!.id}/auskunft.pdf`, cookies: other.cookies })).statusCode).toBe(404);
  });

  it('the tenant admin sets the periods; bad input names the field and changes nothing', async () => {
    const admin = await loginAs(ctx, ['tenant_admin']);
    const url = '/t/neue-wege/staff/coaching/einstellungen';
    const page = await ctx.app.inject({ url, cookies: admin.cookies });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('value="24"');
    const bad = await ctx.app.inject({ method: 'POST', url, cookies: admin.cookies, payload: { _csrf: admin.csrfToken, retentionMonths: '6', restrictedRetentionMonths: '12' } });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('href="#f-restrictedRetentionMonths"');
    expect(bad.body).toContain('Vertrauliche Notizen dürfen nicht länger aufbewahrt werden');
    expect((await ctx.app.inject({ url, cookies: admin.cookies })).body).toContain('value="24"');
    const ok = await ctx.app.inject({ method: 'POST', url, cookies: admin.cookies, payload: { _csrf: admin.csrfToken, retentionMonths: '36', restrictedRetentionMonths: '1' } });
    expect(ok.statusCode).toBe(303);
    const saved = await ctx.app.inject({ url: ok.headers.location as string, cookies: admin.cookies });
    expect(saved.body).toContain('Die Fristen sind gespeichert.');
    expect(saved.body).toContain('value="36"');
    expect(await tdb.select(auditLog, eq(auditLog.action, 'coaching.settings'))).toHaveLength(1);
    await ctx.app.inject({ method: 'POST', url, cookies: admin.cookies, payload: { _csrf: admin.csrfToken, retentionMonths: '24', restrictedRetentionMonths: '3' } });
  });
});
