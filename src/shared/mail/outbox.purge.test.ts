// The job mail.purge (ADR 0412) on a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL): sent mail and
// mail given up after its last attempt are deleted 14 days later; pending mail is never deleted.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { TenantDb } from '../db/tenant-scope.js';
import { outboxMessages } from './mail.tables.js';
import { enqueueMail, outboxJobs } from './outbox.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx?.close();
});
beforeEach(async () => {
  await ctx.database.db.delete(outboxMessages);
});

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(ctx.clock.now().getTime() - days * DAY);

/** A mail in the outbox as the sender leaves it: `status`, its last attempt (and send) `days` ago. */
async function mail(status: 'pending' | 'sent' | 'failed', days: number, lastAttempt: 'recorded' | 'before 0031' = 'recorded'): Promise<string> {
  const id = await enqueueMail(new TenantDb(ctx.database.db, ctx.tenant.id), { kind: 'test', to: 'person@example.org', subject: 'Termin', text: 'Hallo' });
  const at = daysAgo(days);
  await ctx.database.db
    .update(outboxMessages)
    .set({
      status,
      createdAt: status === 'pending' ? at : new Date(at.getTime() - 2 * 3_600_000),
      attempts: status === 'failed' ? 8 : status === 'sent' ? 1 : 3,
      lastAttemptAt: lastAttempt === 'recorded' ? at : null,
      lastError: status === 'sent' ? null : '421 4.7.0 Try again later',
      sentAt: status === 'sent' ? at : null,
    })
    .where(eq(outboxMessages.id, id));
  return id;
}

/** Runs the job as the worker does (without its lease, which would hold the second run back for an hour). */
async function purge(): Promise<string[]> {
  const job = outboxJobs.find((j) => j.name === 'mail.purge')!;
  await job.run(ctx.deps);
  return (await ctx.database.db.select({ id: outboxMessages.id }).from(outboxMessages)).map((row) => row.id);
}

describe('mail.purge', () => {
  it('deletes mail given up more than 14 days ago, and keeps a younger one', async () => {
    const old = await mail('failed', 15);
    const oldBefore0031 = await mail('failed', 15, 'before 0031');
    const young = await mail('failed', 13);
    const remaining = await purge();
    expect(remaining).toEqual([young]);
    expect(remaining).not.toContain(old);
    expect(remaining).not.toContain(oldBefore0031);
  });

  it('deletes sent mail after 14 days as before, and never a pending mail however old', async () => {
    const sentOld = await mail('sent', 15);
    const sentYoung = await mail('sent', 13);
    const pendingOld = await mail('pending', 30);
    const pendingRetrying = await mail('pending', 20);
    const remaining = await purge();
    expect(remaining.sort()).toEqual([sentYoung, pendingOld, pendingRetrying].sort());
    expect(remaining).not.toContain(sentOld);
  });
});
