// The press office's workflow against the real database: gap-free numbers under concurrency, four eyes, the
// once-only preset of a year's count, and the demo's Lfd. Nr. 530 / 2020.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '#shared/audit/index.js';
import { TenantDb } from '#shared/db/tenant-scope.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { pressReleases } from './presse.tables.js';
import { fixedT } from '#shared/i18n/index.js';
import { runningNumber } from './format.js';
import * as release from './release.service.js';

let ctx: TestContext;
let tdb: TenantDb;
const author = { userId: '10000000-0000-4000-8000-000000000001', roles: ['presse'] };
const approver = { userId: '10000000-0000-4000-8000-000000000002', roles: ['presse'] };
const pctx = () => ({ tdb, deps: ctx.deps });
const draft = (title: string, embargoUntil: Date | null = null) => ({ title, subtitle: '', dateline: 'Kreis Bergstraße (kb).', body: 'Text.', categories: [], embargoUntil });

async function approved(title: string, embargoUntil: Date | null = null) {
  const r = await release.createDraft(pctx(), author, draft(title, embargoUntil));
  await release.submit(pctx(), author, r.id);
  await release.approve(pctx(), approver, r.id);
  return r.id;
}

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-03-10T09:00:00Z' });
  tdb = new TenantDb(ctx.deps.database.db, ctx.tenant.id);
});
afterAll(async () => ctx?.close());

describe('running numbers', () => {
  it('gives 50 concurrent publications the numbers 1…50 of the year, without gap or duplicate', async () => {
    const ids = await Promise.all(Array.from({ length: 50 }, (_, i) => approved(`Meldung ${i}`)));
    const started = performance.now();
    const published = await Promise.all(ids.map((id) => release.publish(pctx(), author, id)));
    const ms = performance.now() - started;
    const numbers = published.map((r) => r.number!).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(published.map((r) => r.year))).toEqual(new Set([2026]));
    expect(runningNumber(published.find((r) => r.number === 7)!, fixedT('de'))).toBe('Lfd. Nr. 7 / 2026');
    process.stdout.write(`presse numbering: 50 concurrent publications in ${ms.toFixed(0)} ms on ${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}\n`);
  });

  it('numbers by the Berlin year in which the release becomes visible (embargo over New Year)', async () => {
    const id = await approved('Neujahr', new Date('2026-12-31T23:30:00Z')); // 00:30 on 1 January 2027 in Berlin
    const r = await release.publish(pctx(), author, id);
    expect([r.year, r.number]).toEqual([2027, 1]);
    expect(release.displayState(r, ctx.deps.clock.now())).toBe('scheduled');
  });

  it('lets the count of a year be preset once, before its first number, and continues from there', async () => {
    await release.presetNumber(pctx(), author, 2028, 530);
    await expect(release.presetNumber(pctx(), author, 2028, 1)).rejects.toMatchObject({ status: 409 });
    await expect(release.presetNumber(pctx(), author, 2026, 1)).rejects.toMatchObject({ status: 409 });
    const r = await release.publish(pctx(), author, await approved('2028', new Date('2028-01-05T09:00:00Z')));
    expect([r.year, r.number]).toEqual([2028, 530]);
  });

  it('keeps the number when a release is corrected or withdrawn, and never gives it again', async () => {
    const r = await release.publish(pctx(), author, await approved('Korrektur'));
    const corrected = await release.correct(pctx(), author, r.id, 'Die Quote lautet 4,1 %.');
    expect([corrected.number, corrected.correction]).toEqual([r.number, 'Die Quote lautet 4,1 %.']);
    const withdrawn = await release.withdraw(pctx(), author, r.id);
    expect([withdrawn.status, withdrawn.number]).toEqual(['withdrawn', r.number]);
    const next = await release.publish(pctx(), author, await approved('Danach'));
    expect(next.number).toBe(r.number! + 1);
  });

  it('refuses a duplicate number in the database itself', async () => {
    const [a] = await tdb.select(pressReleases, eq(pressReleases.number, 1), eq(pressReleases.year, 2026));
    await expect(
      tdb.insert(pressReleases, { title: 'x', dateline: 'x', body: 'x', authorId: author.userId, status: 'published', year: 2026, number: a!.number, visibleFrom: new Date() }),
    ).rejects.toThrow();
  });

  it('continues the demo count: the coaching release is Lfd. Nr. 530 / 2020', async () => {
    const [coaching] = await tdb.select(pressReleases, eq(pressReleases.title, 'Neue Perspektiven für Langzeitarbeitslose'));
    expect(runningNumber(coaching!, fixedT('de'))).toBe('Lfd. Nr. 530 / 2020');
    expect(coaching!.dateline).toBe('Kreis Bergstraße (kb).');
  });
});

describe('four eyes and the workflow', () => {
  it('does not let the author approve their own release, in the service and in the database', async () => {
    const r = await release.createDraft(pctx(), author, draft('Eigenes'));
    await release.submit(pctx(), author, r.id);
    await expect(release.approve(pctx(), author, r.id)).rejects.toMatchObject({ status: 403, key: 'presse:errors.ownApproval' });
    await expect(tdb.update(pressReleases, { approverId: author.userId }, eq(pressReleases.id, r.id))).rejects.toThrow();
  });

  it('publishes only approved releases and audits every step with who did it', async () => {
    const r = await release.createDraft(pctx(), author, draft('Ablauf'));
    await expect(release.publish(pctx(), author, r.id)).rejects.toMatchObject({ status: 409 });
    await release.submit(pctx(), author, r.id);
    await expect(release.publish(pctx(), author, r.id)).rejects.toMatchObject({ status: 409 });
    await release.approve(pctx(), approver, r.id);
    await release.publish(pctx(), author, r.id);
    const rows = await tdb.db
      .select({ action: auditLog.action, actorId: auditLog.actorId })
      .from(auditLog)
      .where(and(eq(auditLog.objectId, r.id), eq(auditLog.tenantId, ctx.tenant.id)))
      .orderBy(sql`${auditLog.at}`);
    expect(rows.map((x) => x.action)).toEqual(['presse.release.create', 'presse.release.submit', 'presse.release.approve', 'presse.release.publish']);
    expect(rows.find((x) => x.action === 'presse.release.approve')!.actorId).toBe(approver.userId);
  });

  it('voids the approval when an approved release is taken back to draft', async () => {
    const id = await approved('Zurück');
    const reopened = await release.reopen(pctx(), author, id);
    expect([reopened.status, reopened.approverId]).toEqual(['draft', null]);
    await release.updateDraft(pctx(), author, id, { ...draft('Zurück, geändert') });
    await expect(release.publish(pctx(), author, id)).rejects.toMatchObject({ status: 409 });
  });
});
