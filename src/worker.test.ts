import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openDatabase } from '#shared/db/client.js';
import { TenantDb } from '#shared/db/tenant-scope.js';
import { jobLeases } from '#shared/jobs/jobs.tables.js';
import { outboxMessages } from '#shared/mail/mail.tables.js';
import { enqueueMail } from '#shared/mail/outbox.js';
import { tenantsRepository } from '#shared/tenancy/index.js';
import { createScratchDatabase, startServerProcess, stopServerProcess } from '#shared/testing/scratch.js';
import type { DatabaseTemplate } from '#shared/testing/global-setup.js';

const adminUrl = process.env.TEST_DATABASE_URL;

function startWorkerProcess(env: Record<string, string>): { child: ChildProcess; exited: Promise<number | null>; stderr: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/worker.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return { child, exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))), stderr: () => stderr };
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('npm run worker', () => {
  it('refuses the embedded database with one line, since PGlite belongs to the web server', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/worker.ts'], { env: { PATH: process.env.PATH ?? '', DATA_DIR: tmpdir() }, encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^Invalid configuration: DATABASE_URL is required for a separate worker/);
  });

  it('checks the configuration like the server does', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/worker.ts'], { env: { PATH: process.env.PATH ?? '', SMTP_URL: 'http://x' }, encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(/^Invalid configuration: SMTP_URL must start with smtp/);
  });

  // Two processes sharing one database need PostgreSQL.
  it.runIf(adminUrl)('runs the jobs while web nodes with WORKER=off serve: a mail leaves the outbox exactly once with two workers', async () => {
    const template = inject('databaseTemplate') as DatabaseTemplate | undefined;
    const scratch = await createScratchDatabase(adminUrl!, 'ww_worker', template?.kind === 'postgres' ? template.name : undefined);
    const dataDir = mkdtempSync(join(tmpdir(), 'wegweiser-worker-'));
    const received: string[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const to = session.envelope.rcptTo.map((r) => r.address).join(',');
        stream.on('end', () => {
          received.push(to);
          callback();
        });
        stream.resume();
      },
    });
    const smtpPort = await new Promise<number>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve((smtp.server.address() as { port: number }).port)));
    const env = { NODE_ENV: 'test', CAPTCHA: 'off', LOG_LEVEL: 'warn', DATABASE_URL: scratch.url, DATA_DIR: dataDir, SMTP_URL: `smtp://127.0.0.1:${smtpPort}` };
    const database = await openDatabase({ url: scratch.url, poolSize: 2 });
    const workers: ReturnType<typeof startWorkerProcess>[] = [];
    try {
      const web = await startServerProcess({ entry: 'sources', env: { ...env, WORKER: 'off' } });
      const tenant = (await tenantsRepository.bySlug(database.db, 'neue-wege'))!;
      const id = await enqueueMail(new TenantDb(database.db, tenant.id), { kind: 'test', to: 'worker@example.org', subject: 'Worker', text: 'sent by the worker' });

      // The web node serves, and sends nothing by itself.
      expect((await fetch(`${web.baseUrl}/t/neue-wege`)).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      expect(received).toEqual([]);

      workers.push(startWorkerProcess(env), startWorkerProcess(env));
      const sent = await until('the mail to be sent', async () => {
        const [row] = await database.db.select().from(outboxMessages).where(eq(outboxMessages.id, id));
        return row?.status === 'sent' ? row : undefined;
      });
      expect(sent.attempts).toBe(1);
      // Both workers keep polling and draining; the mail's row was claimed by one of them, so it is not sent again.
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      expect(received).toEqual(['worker@example.org']);
      // The jobs under a lease ran too (e.g. the retention of Onlineterminierung); the drain takes none (ADR 0365).
      const leases = await database.db.select().from(jobLeases);
      expect(leases.filter((l) => l.lastFinishedAt).map((l) => l.name)).toEqual(expect.arrayContaining(['mail.purge', 'termine.retention']));

      // SIGTERM: each worker finishes a running job and exits 0; the web node too.
      for (const worker of workers) worker.child.kill('SIGTERM');
      for (const worker of workers) expect(await worker.exited, worker.stderr()).toBe(0);
      expect(await stopServerProcess(web)).toBe(0);
    } finally {
      for (const worker of workers) worker.child.kill('SIGKILL');
      await database.close();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      await scratch.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
