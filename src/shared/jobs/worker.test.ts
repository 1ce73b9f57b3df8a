import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { Writable } from 'node:stream';
import { systemClock } from '../clock.js';
import { TenantDb } from '../db/tenant-scope.js';
import { outboxMessages } from '../mail/mail.tables.js';
import { enqueueMail, outboxJobs } from '../mail/outbox.js';
import type { MailTransport } from '../mail/transport.js';
import { createLogger } from '../logger.js';
import type { BackgroundJob } from '../module.js';
import { runJobOnce, startWorker } from './worker.js';

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
        return { done: 1 };
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

describe('runJobOnce', () => {
  it('logs every run alike: the job, its counts and its time; at info when it counted something, else at debug', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => done(void lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>)) });
    const deps = { ...ctx.deps, logger: createLogger('debug', sink) };
    const busy: BackgroundJob = { name: 'test.busy', everyMs: 60_000, run: async () => ({ done: 2, failed: 1 }) };
    const idle: BackgroundJob = { name: 'test.idle', everyMs: 60_000, run: async () => ({ done: 0, pending: 0 }) };

    expect(await runJobOnce(deps, busy)).toBe(true);
    expect(await runJobOnce(deps, idle)).toBe(true);

    const runs = lines.filter((line) => line.msg === 'background job ran');
    expect(runs.map(({ level, job, result }) => ({ level, job, result }))).toEqual([
      { level: 30, job: 'test.busy', result: { done: 2, failed: 1 } },
      { level: 20, job: 'test.idle', result: { done: 0, pending: 0 } },
    ]);
    expect(runs.every((line) => typeof line.ms === 'number')).toBe(true);
  });
});
