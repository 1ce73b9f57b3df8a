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
  const dropFor = new Map<string, number>();
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
    connections: () => sockets.length,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
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
