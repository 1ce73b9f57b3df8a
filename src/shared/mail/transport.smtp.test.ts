import type { Socket } from 'node:net';
import { inArray } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { TenantDb } from '../db/tenant-scope.js';
import { outboxMessages } from './mail.tables.js';
import { drainOutbox, enqueueMails } from './outbox.js';
import { createTransport, SMTP_POOL } from './transport.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

/** A local SMTP server that counts connections and accepted mails; it cuts the connection of a mail to an address of `dropFor` (as often as its count says). */
async function smtpSink() {
  const accepted: string[] = [];
  const dropped: string[] = [];
  const hung: string[] = [];
  const dropFor = new Map<string, number>();
  /** Addresses whose mail the server takes in and then never answers, as a hanging relay does. */
  const hangFor = new Set<string>();
  const sockets: Socket[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo.map((r) => r.address).join(',');
      const drops = dropFor.get(to) ?? 0;
      if (drops > 0) {
        dropFor.set(to, drops - 1);
        // Cut mid-mail: the server never answers 250, so the mail is not accepted.
        dropped.push(to);
        sockets.find((s) => s.remotePort === session.remotePort)?.destroy();
        return;
      }
      if (hangFor.has(to)) {
        hung.push(to);
        return void stream.resume();
      }
      stream.on('end', () => {
        accepted.push(to);
        callback();
      });
      stream.resume();
    },
  });
  server.server.on('connection', (socket: Socket) => sockets.push(socket));
  const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.server.address() as { port: number }).port)));
  return {
    port,
    accepted,
    dropped,
    dropFor,
    hangFor,
    hung,
    open: () => sockets.filter((s) => !s.destroyed).length,
    connections: () => sockets.length,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function enqueue(prefix: string, n: number): Promise<string[]> {
  const to = Array.from({ length: n }, (_, i) => `${prefix}-${i}@example.org`);
  await enqueueMails(new TenantDb(ctx.database.db, ctx.tenant.id), to.map((address) => ({ kind: 'test', to: address, subject: 'Pool', text: 'pool' })));
  return to;
}

describe('the pooled SMTP transport', () => {
  it('sends a batch over at most the pool’s connections, several at once', async () => {
    const sink = await smtpSink();
    const transport = createTransport({ ...ctx.deps.config, smtpUrl: `smtp://127.0.0.1:${sink.port}` });
    try {
      const to = await enqueue('pooled', 40);
      expect(await drainOutbox(ctx.deps, transport, 100)).toEqual({ sent: 40, failed: 0 });
      expect([...sink.accepted].sort()).toEqual([...to].sort());
      // One connection per mail before: 40.
      expect(sink.connections()).toBeLessThanOrEqual(SMTP_POOL.maxConnections);
      expect(sink.connections()).toBeGreaterThan(1);
    } finally {
      transport.close?.();
      await sink.close();
    }
  });

  it('loses no mail when a connection drops mid-batch: what was not accepted is retried and sent once', async () => {
    const sink = await smtpSink();
    const transport = createTransport({ ...ctx.deps.config, smtpUrl: `smtp://127.0.0.1:${sink.port}` });
    try {
      const to = await enqueue('dropped', 30);
      // Once: the pool may send it again on a fresh connection, or fail it back to the outbox.
      sink.dropFor.set(to[3]!, 1);
      // Every time: the pool gives up after its own retries, and the outbox keeps the mail for a later attempt.
      sink.dropFor.set(to[7]!, Infinity);
      const first = await drainOutbox(ctx.deps, transport, 100);
      expect(sink.dropped).toContain(to[3]);
      expect(first.sent + first.failed).toBe(30);
      const waiting = (await ctx.database.db.select().from(outboxMessages).where(inArray(outboxMessages.to, to))).filter((r) => r.status !== 'sent');
      expect(waiting.map((r) => r.to)).toContain(to[7]);
      expect(waiting).toHaveLength(first.failed);
      for (const row of waiting) expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.any(String) as string });
      expect(sink.accepted.filter((a) => to.includes(a))).toHaveLength(first.sent);

      sink.dropFor.clear();
      ctx.clock.advance(61_000);
      expect(await drainOutbox(ctx.deps, transport, 100)).toEqual({ sent: first.failed, failed: 0 });
      for (const address of to) expect(sink.accepted.filter((a) => a === address), address).toHaveLength(1);
    } finally {
      transport.close?.();
      await sink.close();
    }
  });
});

describe('a hanging relay', () => {
  it('fails the send within the socket timeout; the mail is retried later and sent once', async () => {
    const sink = await smtpSink();
    // A short timeout from the URL, which wins over the transport's own (a minute).
    const transport = createTransport({ ...ctx.deps.config, smtpUrl: `smtp://127.0.0.1:${sink.port}?socketTimeout=300` });
    try {
      const [to] = await enqueue('hanging', 1);
      sink.hangFor.add(to!);
      const started = Date.now();
      expect(await drainOutbox(ctx.deps, transport, 100)).toEqual({ sent: 0, failed: 1 });
      // Without the timeout the send waits for the server's answer for ten minutes, past the row's claim.
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(sink.hung).toContain(to);
      expect(sink.accepted).not.toContain(to);
      const [row] = await ctx.database.db.select().from(outboxMessages).where(inArray(outboxMessages.to, [to!]));
      expect(row).toMatchObject({ status: 'pending', attempts: 1, claimedBy: null, lastError: expect.any(String) as string });

      sink.hangFor.clear();
      expect(await drainOutbox(ctx.deps, transport, 100)).toEqual({ sent: 0, failed: 0 });
      ctx.clock.advance(61_000);
      expect(await drainOutbox(ctx.deps, transport, 100)).toEqual({ sent: 1, failed: 0 });
      expect(sink.accepted.filter((a) => a === to)).toHaveLength(1);
    } finally {
      transport.close?.();
      await sink.close();
    }
  });

  it('gives up a send when its deadline passes, whatever the timeouts, and closes the connection that carried it', async () => {
    const sink = await smtpSink();
    // The transport's own timeouts: a minute of silence before the socket gives up.
    const transport = createTransport({ ...ctx.deps.config, smtpUrl: `smtp://127.0.0.1:${sink.port}` });
    try {
      const [to] = await enqueue('deadline', 1);
      sink.hangFor.add(to!);
      const [row] = await ctx.database.db.select().from(outboxMessages).where(inArray(outboxMessages.to, [to!]));
      const started = Date.now();
      await expect(transport.send(row!, 'absender@example.org', AbortSignal.timeout(500))).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(sink.hung).toEqual([to]);
      for (let i = 0; i < 100 && sink.open() > 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(sink.open()).toBe(0);
      expect(sink.accepted).not.toContain(to);
    } finally {
      transport.close?.();
      await sink.close();
    }
  });
});
