// GET /health/mail (ADR 0410): the outbox as operators see it, over real HTTP on a real database (PGlite, or
// PostgreSQL with TEST_DATABASE_URL). The mails are written and drained as the app does it; only the transport is
// a stand-in, one that accepts and one that refuses like a relay that is down. The error's text, which may name the
// relay, only for the operators' token (ADR 0411).
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { loadConfig } from '../config.js';
import { TenantDb } from '../db/tenant-scope.js';
import { mailErrorCategory } from './outbox-state.js';
import { outboxMessages } from './mail.tables.js';
import { drainOutbox, enqueueMail } from './outbox.js';
import type { MailTransport } from './transport.js';

const TOKEN = 'monitoring-token-0123456789-abcdefghijklmnop';
const OPERATOR = { authorization: `Bearer ${TOKEN}` };

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ env: { HEALTH_TOKEN: TOKEN } });
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

/** The answer anyone gets, or with `headers` (the operators' token) the one the monitoring gets. */
async function mailState(headers: Record<string, string> = {}) {
  const res = await ctx.app.inject({ url: '/health/mail', headers });
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
    expect(failing.lastError).toEqual({ at: ctx.clock.now().toISOString(), category: 'rejected' });
    expect((await mailState(OPERATOR)).lastError).toEqual({
      at: ctx.clock.now().toISOString(),
      category: 'rejected',
      message: '550 5.1.1 <<address>>: Recipient address rejected',
    });

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
    await drainOutbox(ctx.deps, refusing('connect ECONNREFUSED 10.20.30.40:2525'));
    const expected = { status: 'ok', pending: 1, sending: 1, retrying: 0, givenUp: 1, givenUpLast24h: 1 };
    expect(await mailState()).toEqual(expect.objectContaining({ ...expected, lastError: { at: ctx.clock.now().toISOString(), category: 'connection' } }));
    expect(await mailState(OPERATOR)).toMatchObject({ ...expected, lastError: { category: 'connection', message: 'connect ECONNREFUSED 10.20.30.40:2525' } });
  });

  it("tells the public no relay host, address or error text; a wrong bearer token gets 401, another scheme the public answer", async () => {
    await enqueue(1);
    await drainOutbox(ctx.deps, refusing('Invalid login: 535 5.7.8 relay.intern.jobcenter.example [10.20.30.40] authentication failed'));
    const open = await ctx.app.inject('/health/mail');
    expect(open.statusCode).toBe(200);
    for (const detail of ['relay.intern', '10.20.30.40', '535', 'Invalid login']) expect(open.body).not.toContain(detail);
    expect(open.json().lastError).toEqual({ at: ctx.clock.now().toISOString(), category: 'auth' });

    for (const authorization of [`Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, 'Bearer short']) {
      const wrong = await ctx.app.inject({ url: '/health/mail', headers: { authorization } });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.headers['www-authenticate']).toBe('Bearer realm="health"');
      expect(wrong.json()).toEqual({ status: 'unauthorized', reason: 'token not accepted' });
    }
    // A reverse proxy's Basic auth in front of /health/* passes its header on: it is not the operators' token.
    const basic = await ctx.app.inject({ url: '/health/mail', headers: { authorization: `Basic ${Buffer.from(`monitor:${TOKEN}`).toString('base64')}` } });
    expect(basic.statusCode).toBe(200);
    expect(basic.body).toBe(open.body);
    expect((await mailState(OPERATOR)).lastError.message).toBe('Invalid login: 535 5.7.8 relay.intern.jobcenter.example [10.20.30.40] authentication failed');
  });

  it('keeps only the hash of HEALTH_TOKEN, and refuses a short one naming the variable without its value', () => {
    const config = loadConfig({ HEALTH_TOKEN: TOKEN });
    expect(JSON.stringify(config)).not.toContain(TOKEN);
    expect(loadConfig({}).healthTokenHash).toBeUndefined();
    expect(() => loadConfig({ HEALTH_TOKEN: 'short-token' })).toThrow(
      'Invalid configuration: HEALTH_TOKEN must be at least 32 characters without spaces (openssl rand -base64 32) (got "…")',
    );
  });

  it.each([
    ['connect ECONNREFUSED 10.0.0.5:25', 'connection'],
    ['getaddrinfo ENOTFOUND relay.intern', 'connection'],
    ['Connection timeout', 'timeout'],
    ['The operation was aborted due to timeout', 'timeout'],
    ['Greeting never received', 'timeout'],
    ['self-signed certificate in certificate chain', 'tls'],
    ['Invalid login: 535 5.7.8 Error: authentication failed', 'auth'],
    ['421 4.7.0 Too many connections, try again later', 'temporary'],
    ["Can't send mail - all recipients were rejected: 550 5.1.1 <a@b.example>: Recipient address rejected", 'rejected'],
    ["no renderer 'termine.reminder' for this mail", 'render'],
    ['something unheard of', 'other'],
  ])('names the kind of failure: %s -> %s', (message, category) => {
    expect(mailErrorCategory(message)).toBe(category);
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
