// Several senders on one outbox (ADR 0365): each sends only the rows it claimed, a claim that ran out is taken over,
// and a sender that finds its time short hands its rows back. Both databases: on PostgreSQL the second sender has
// a connection pool of its own, as a second worker process has.
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { openDatabase, type Database } from '../db/client.js';
import { TenantDb } from '../db/tenant-scope.js';
import type { AppDeps } from '../module.js';
import { describeTestDatabase } from '../testing/database.js';
import { outboxMessages } from './mail.tables.js';
import { drainDue, drainOutbox, enqueueMail } from './outbox.js';
import type { MailTransport } from './transport.js';

let ctx: TestContext;
let second: Database | undefined;
let senders: [AppDeps, AppDeps];
const logged: string[] = [];
beforeAll(async () => {
  ctx = await createTestContext({ logStream: { write: (line: string) => void logged.push(line) } });
  if (describeTestDatabase() === 'postgres') {
    const result = await ctx.database.db.execute(sql`select current_database() as name`);
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${(result as unknown as { rows: { name: string }[] }).rows[0]!.name}`;
    second = await openDatabase({ url: url.toString(), poolSize: 5 });
  }
  // PGlite has one connection: the second sender is a second drain loop in the same process.
  senders = [ctx.deps, { ...ctx.deps, database: second ?? ctx.database }];
});
afterAll(async () => {
  await second?.close();
  await ctx?.close();
});

const tick = () => new Promise((resolve) => setImmediate(resolve));

async function enqueue(prefix: string, n: number): Promise<string[]> {
  const tdb = new TenantDb(ctx.database.db, ctx.tenant.id);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push(await enqueueMail(tdb, { kind: 'test', to: `${prefix}-${i}@example.org`, subject: 'Once', text: 'once' }));
  return ids;
}

const rowsOf = (ids: string[]) => ctx.database.db.select().from(outboxMessages).where(inArray(outboxMessages.id, ids));

describe('several senders on one outbox', () => {
  it('two senders draining at once send every mail exactly once, and both send', async () => {
    const ids = await enqueue('both', 240);
    const sends = new Map<string, string[]>();
    const sender = (name: string): MailTransport => ({
      concurrency: 4,
      send: async (m) => {
        // A few milliseconds, unevenly: the senders' batches overlap at changing points.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 4));
        sends.set(m.id, [...(sends.get(m.id) ?? []), name]);
      },
    });
    const [a, b] = await Promise.all([drainDue(senders[0], sender('a')), drainDue(senders[1], sender('b'))]);
    expect(a + b).toBe(ids.length);
    expect(ids.filter((id) => sends.get(id)?.length !== 1)).toEqual([]);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    const rows = await rowsOf(ids);
    expect(new Set(rows.map((r) => `${r.status} ${r.attempts} ${r.claimedUntil} ${r.claimedBy}`))).toEqual(new Set(['sent 1 null null']));
  });

  it('takes over the mails of a sender that stopped between claim and send once its claim ran out, and sends them once', async () => {
    const ids = await enqueue('crashed', 5);
    // The first sender claims the mails and never gets further (a kill -9 before the send).
    let cut!: (err: Error) => void;
    const hanging = new Promise<void>((_, reject) => (cut = reject));
    const crashed = drainOutbox(senders[0], { send: () => hanging }, 100);
    for (let i = 0; i < 500 && (await rowsOf(ids)).some((r) => !r.claimedUntil); i++) await tick();
    const sent: string[] = [];
    const other: MailTransport = { send: async (m) => void sent.push(m.id) };
    expect(await drainOutbox(senders[1], other, 100)).toEqual({ sent: 0, failed: 0 });
    ctx.clock.advance(4 * 60_000);
    expect(await drainOutbox(senders[1], other, 100)).toEqual({ sent: 0, failed: 0 });
    // Five minutes after the claim it is free: the other sender sends every mail.
    ctx.clock.advance(60_000);
    expect(await drainOutbox(senders[1], other, 100)).toEqual({ sent: 5, failed: 0 });
    expect([...sent].sort()).toEqual([...ids].sort());
    // The first sender's connection then fails: its claim is gone, so it neither undoes the sent mark nor sends.
    logged.length = 0;
    cut(new Error('connection reset'));
    await crashed;
    const rows = await rowsOf(ids);
    expect(rows.map((r) => [r.status, r.attempts, r.lastError])).toEqual(ids.map(() => ['sent', 1, null]));
    // Its log says what happened to the mail it tried (the rest it handed back unsent): not a retry.
    const messages = logged.map((line) => (JSON.parse(line) as { msg: string }).msg).filter((m) => m.startsWith('mail could not be sent'));
    expect(messages).toEqual(['mail could not be sent; claim ran out, left to the sender that took it over']);
  });

  it('hands back what it could not start sending in time, for the next sender to take at once', async () => {
    const ids = await enqueue('slow', 3);
    const sent: string[] = [];
    // The first mail takes three minutes: the claim then has too little time left to start another.
    const slow: MailTransport = {
      send: async (m) => {
        ctx.clock.advance(3 * 60_000);
        sent.push(m.id);
      },
    };
    expect(await drainOutbox(senders[0], slow, 100)).toEqual({ sent: 1, failed: 0 });
    const waiting = (await rowsOf(ids)).filter((r) => r.status === 'pending');
    expect(waiting.map((r) => [r.claimedUntil, r.claimedBy])).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(await drainOutbox(senders[1], { send: async (m) => void sent.push(m.id) }, 100)).toEqual({ sent: 2, failed: 0 });
    expect([...sent].sort()).toEqual([...ids].sort());
    const [first] = await ctx.database.db.select().from(outboxMessages).where(eq(outboxMessages.id, sent[0]!));
    expect(first).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('gives every send a deadline before its claim runs out, and logs a failure inside the claim as a retry', async () => {
    const [id] = await enqueue('deadline', 1);
    const signals: (AbortSignal | undefined)[] = [];
    logged.length = 0;
    const failing: MailTransport = {
      send: async (_m, _from, signal) => {
        signals.push(signal);
        throw new Error('relay said no');
      },
    };
    expect(await drainOutbox(senders[0], failing, 100)).toEqual({ sent: 0, failed: 1 });
    expect(signals).toHaveLength(1);
    expect(signals[0]).toBeInstanceOf(AbortSignal);
    expect(signals[0]!.aborted).toBe(false);
    expect((await rowsOf([id!]))[0]).toMatchObject({ status: 'pending', attempts: 1, lastError: 'relay said no' });
    expect(logged.map((line) => (JSON.parse(line) as { msg: string }).msg)).toContain('mail could not be sent; will retry');
  });
});
