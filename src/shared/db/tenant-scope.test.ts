import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { outboxMessages } from '../mail/mail.tables.js';
import { enqueueMail } from '../mail/outbox.js';
import { runJobOnce } from '../jobs/worker.js';
import { TenantDb } from './tenant-scope.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

describe('TenantDb', () => {
  it('never returns, changes or deletes another tenant’s rows', async () => {
    const a = new TenantDb(ctx.database.db, ctx.tenant.id);
    const b = new TenantDb(ctx.database.db, ctx.otherTenant.id);
    const idA = await enqueueMail(a, { kind: 'test', to: 'a@example.org', subject: 'A', text: 'a' });
    await enqueueMail(b, { kind: 'test', to: 'b@example.org', subject: 'B', text: 'b' });

    expect((await a.select(outboxMessages)).map((m) => m.subject)).toEqual(['A']);
    expect(await b.first(outboxMessages, eq(outboxMessages.id, idA))).toBeUndefined();
    expect(await b.update(outboxMessages, { subject: 'hijacked' }, eq(outboxMessages.id, idA))).toEqual([]);
    expect(await b.delete(outboxMessages, eq(outboxMessages.id, idA))).toBe(0);
    expect((await a.first(outboxMessages, eq(outboxMessages.id, idA)))?.subject).toBe('A');
  });

  it('sets the tenant on insert even when the caller passes another one', async () => {
    const a = new TenantDb(ctx.database.db, ctx.tenant.id);
    const row = await a.insert(outboxMessages, {
      kind: 'test',
      to: 'x@example.org',
      subject: 'X',
      text: 'x',
      ...({ tenantId: ctx.otherTenant.id } as object),
    });
    expect(row.tenantId).toBe(ctx.tenant.id);
  });

  it('rolls back everything of a failed transaction', async () => {
    const a = new TenantDb(ctx.database.db, ctx.tenant.id);
    const before = (await a.select(outboxMessages)).length;
    await expect(
      a.transaction(async (tx) => {
        await enqueueMail(tx, { kind: 'test', to: 'y@example.org', subject: 'Y', text: 'y' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await a.select(outboxMessages)).length).toBe(before);
  });
});

describe('background job leases', () => {
  it('runs a job once per lease, and again after its interval', async () => {
    let runs = 0;
    const job = { name: 'test.count', everyMs: 60_000, run: async () => ({ done: ++runs }) };
    expect(await runJobOnce(ctx.deps, job)).toBe(true);
    expect(await runJobOnce(ctx.deps, job)).toBe(false);
    ctx.clock.advance(61_000);
    expect(await runJobOnce(ctx.deps, job)).toBe(true);
    expect(runs).toBe(2);
  });

  it('records a failing job and keeps the worker going', async () => {
    const job = { name: 'test.fail', everyMs: 1_000, run: async () => Promise.reject(new Error('broken')) };
    expect(await runJobOnce(ctx.deps, job)).toBe(true);
  });
});
