// GET /health/mail (ADR 0410): the outbox as operators see it, over real HTTP on a real database (PGlite, or
// PostgreSQL with TEST_DATABASE_URL). The mails are written and drained as the app does it; only the transport is
// a stand-in, one that accepts and one that refuses like a relay that is down.
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { TenantDb } from '../db/tenant-scope.js';
import { outboxMessages } from './mail.tables.js';
import { drainOutbox, enqueueMail } from './outbox.js';
import type { MailTransport } from './transport.js';

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

const SUBJECT = 'Ihre Terminbestätigung';

async function enqueue(n: number, tenant = ctx.tenant.id): Promise<string[]> {
  const tdb = new TenantDb(ctx.database.db, tenant);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push(await enqueueMail(tdb, { kind: 'test', to: `person-${i}@example.org`, subject: SUBJECT, text: 'Hallo' }));
  return ids;
}

/** Written `ms` before the test clock's now (the database's now() is the machine's, not the test clock's). */
async function writtenAgo(ids: string[], ms: number) {
  await ctx.database.db
    .update(outboxMessages)
    .set({ createdAt: new Date(ctx.clock.now().getTime() - ms) })
    .where(inArray(outboxMessages.id, ids));
}

async function mailState() {
  const res = await ctx.app.inject('/health/mail');
  expect(res.statusCode).toBe(200);
  expect(res.body).not.toContain('@example.org');
  expect(res.body).not.toContain(SUBJECT);
  return res.json();
}

const accepting: MailTransport = { send: async () => undefined };
const refusing = (message: string): MailTransport => ({
  send: async () => {
    throw new Error(message);
  },
});

describe('GET /health/mail', () => {
  it('an empty outbox is ok', async () => {
    expect(await mailState()).toEqual({
      status: 'ok',
      pending: 0,
      due: 0,
      sending: 0,
      retrying: 0,
      oldestPendingSeconds: null,
      givenUp: 0,
      givenUpLast24h: 0,
      lastSentAt: null,
      lastError: null,
    });
  });

  it('shows a backlog of both tenants, and a mail waiting for two hours as delayed', async () => {
    const fresh = await enqueue(3);
    await writtenAgo(fresh, 30_000);
    await enqueue(2, ctx.otherTenant.id);
    expect(await mailState()).toMatchObject({ status: 'ok', pending: 5, due: 5, retrying: 0 });

    const [old] = await enqueue(1);
    await writtenAgo([old!], 2 * 3_600_000);
    expect(await mailState()).toMatchObject({ status: 'delayed', pending: 6, due: 6, oldestPendingSeconds: 7200 });
  });

  it('a relay that refuses shows as retries with its error, without the address; a later send clears it', async () => {
    await enqueue(4);
    await drainOutbox(ctx.deps, refusing('550 5.1.1 <person-0@example.org>: Recipient address rejected'));
    const failing = await mailState();
    expect(failing).toMatchObject({ status: 'failing', pending: 4, due: 0, retrying: 4, givenUp: 0, lastSentAt: null });
    expect(failing.lastError).toEqual({ at: ctx.clock.now().toISOString(), message: '550 5.1.1 <<address>>: Recipient address rejected' });

    // After the back-off the relay is back: mail flows again, the old error is no longer news.
    ctx.clock.advance(2 * 60_000);
    expect(await drainOutbox(ctx.deps, accepting)).toEqual({ sent: 4, failed: 0 });
    expect(await mailState()).toMatchObject({ status: 'ok', pending: 0, retrying: 0, lastSentAt: ctx.clock.now().toISOString(), lastError: null });
  });

  it('counts a mail given up after its last attempt, and one that is being sent', async () => {
    const [last, claimed] = await enqueue(2);
    await ctx.database.db.update(outboxMessages).set({ attempts: 7 }).where(inArray(outboxMessages.id, [last!]));
    await ctx.database.db
      .update(outboxMessages)
      .set({ claimedUntil: new Date(ctx.clock.now().getTime() + 60_000) })
      .where(inArray(outboxMessages.id, [claimed!]));
    await drainOutbox(ctx.deps, refusing('connect ECONNREFUSED 127.0.0.1:2525'));
    expect(await mailState()).toMatchObject({
      status: 'ok',
      pending: 1,
      sending: 1,
      retrying: 0,
      givenUp: 1,
      givenUpLast24h: 1,
      lastError: { message: 'connect ECONNREFUSED 127.0.0.1:2525' },
    });
  });

  it('is open like /health/ready: no session, no cookie, not in the API description, not below a tenant, never cached', async () => {
    const ready = await ctx.app.inject('/health/ready');
    const mail = await ctx.app.inject({ url: '/health/mail', headers: { cookie: 'session=not-a-session' } });
    expect([ready.statusCode, mail.statusCode]).toEqual([200, 200]);
    expect(mail.headers['set-cookie']).toBeUndefined();
    expect(mail.headers['cache-control']).toBe(ready.headers['cache-control']);
    expect(mail.headers['content-type']).toMatch(/^application\/json/);
    expect((await ctx.app.inject({ method: 'POST', url: '/health/mail' })).statusCode).toBe(404);
    expect((await ctx.app.inject('/t/neue-wege/health/mail')).statusCode).toBe(404);
    const spec = (await ctx.app.inject('/api/openapi.json')).json();
    expect(Object.keys(spec.paths ?? {}).filter((path) => path.startsWith('/health'))).toEqual([]);
  });

});
