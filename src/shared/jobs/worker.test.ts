import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { systemClock } from '../clock.js';
import { TenantDb } from '../db/tenant-scope.js';
import { outboxMessages } from '../mail/mail.tables.js';
import { enqueueMail, outboxJobs } from '../mail/outbox.js';
import type { MailTransport } from '../mail/transport.js';
import type { BackgroundJob } from '../module.js';
import { startWorker } from './worker.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('startWorker', () => {
  it('keeps sending mail while a slow job runs, and stops that job through its signal', async () => {
    const tdb = new TenantDb(ctx.database.db, ctx.tenant.id);
    const id = await enqueueMail(tdb, { kind: 'test', to: 'while-converting@example.org', subject: 'Now', text: 'now' });
    const sent: number[] = [];
    const transport: MailTransport = { send: async () => void sent.push(Date.now()) };
    // Like the photo conversion: seconds per run. It comes first, so a single loop would wait for it.
    let slowEnded = 0;
    const slow: BackgroundJob = {
      name: 'test.slow',
      everyMs: 10,
      run: async (_deps, signal) => {
        for (let waited = 0; waited < 8_000 && !signal?.aborted; waited += 20) await sleep(20);
        slowEnded = Date.now();
      },
    };
    const deps = { ...ctx.deps, clock: systemClock, mailTransport: transport };
    const started = Date.now();
    const worker = startWorker(deps, [slow, outboxJobs.find((j) => j.name === 'mail.drain')!], 20);
    try {
      for (let waited = 0; sent.length === 0 && waited < 6_000; waited += 20) await sleep(20);
    } finally {
      await worker.stop();
    }
    expect(sent).toHaveLength(1);
    // Sent within the first poll rounds, while the slow job was still running.
    expect(sent[0]! - started).toBeLessThan(3_000);
    expect(slowEnded).toBeGreaterThan(sent[0]!);
    // stop() aborted the slow job's signal instead of waiting out its 8 s.
    expect(slowEnded - started).toBeLessThan(7_000);
    expect((await tdb.first(outboxMessages, eq(outboxMessages.id, id)))?.status).toBe('sent');
  });
});
