// kill -9 during uploads: after a restart and the cleanup job there is no file without its row, no row
// without its file, no temporary file, and every upload that was acknowledged (201) is there, intact.
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fixedClock } from '#shared/clock.js';
import { loadConfig } from '#shared/config.js';
import { openDatabase, type Database } from '#shared/db/client.js';
import { createLogger } from '#shared/logger.js';
import type { AppDeps } from '#shared/module.js';
import { createAppDeps } from '../../deps.js';
import { conversionLeaseMs, convertPhotos } from './convert.js';
import { jpegWithGps, pdfWithPages } from './files/test/fixtures.js';
import { expectUploadsIntact } from './testing.js';
import { createScratchDatabase, startServerProcess, type ServerProcess } from '#shared/testing/scratch.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const uploadCount = 50;
const concurrency = 5;

let dataDir: string;
let dropDatabase: (() => Promise<void>) | undefined;
const children: ChildProcess[] = [];

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await dropDatabase?.();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** A PostgreSQL database of its own when TEST_DATABASE_URL is set (the child must reach it by URL), else PGlite in DATA_DIR. */
async function databaseUrl(): Promise<string | undefined> {
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) return undefined;
  const scratch = await createScratchDatabase(admin, 'ww_crash');
  dropDatabase = scratch.drop;
  return scratch.url;
}

async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const server = await startServerProcess({
    entry: 'sources',
    cwd: repoRoot,
    // Rate limits off: 50 uploads from one address would otherwise get 429 after 20 and the kill would never come.
    env: { ...env, HOST: '127.0.0.1', NODE_ENV: 'test', RATE_LIMITS: 'off', WORKER: 'off', LOG_LEVEL: 'silent' },
  });
  children.push(server.child);
  return server;
}

describe('crash safety of the file store', () => {
  it('leaves no orphans after kill -9 during 50 uploads, a restart and the cleanup', { timeout: 240_000 }, async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'wegweiser-crash-'));
    const url = await databaseUrl();
    const env: Record<string, string> = { DATA_DIR: dataDir, ...(url ? { DATABASE_URL: url } : {}) };
    const first = await startServer(env);

    const pdf = new Uint8Array(await pdfWithPages(3));
    const photo = new Uint8Array(await jpegWithGps(1600, 1200));
    const acknowledged: string[] = [];
    const killAfter = 12 + Math.floor(Math.random() * 20);
    let sent = 0;
    let killed = false;
    const send = async () => {
      const form = new FormData();
      form.append('bgNummer', '12345BG0012345');
      form.append('lastName', 'Beispiel');
      form.append('birthDate', '1980-01-31');
      form.append('documentType', 'lohnabrechnung');
      form.append('file', new Blob([pdf], { type: 'application/pdf' }), 'lohn.pdf');
      form.append('file', new Blob([photo], { type: 'image/jpeg' }), 'seite.jpg');
      const response = await fetch(`${first.baseUrl}/api/v1/t/neue-wege/uploads`, { method: 'POST', body: form });
      if (response.status !== 201) throw new Error(`unexpected ${response.status}`);
      acknowledged.push(((await response.json()) as { id: string }).id);
      if (acknowledged.length === killAfter) void killMidUpload();
    };
    // Kill while an upload is provably half done: its plaintext or staged file exists.
    const killMidUpload = async () => {
      const incoming = join(dataDir, 'files', '.incoming');
      const staging = join(dataDir, 'files', '.staging');
      while ((await readdir(incoming)).length + (await readdir(staging)).length === 0) await new Promise((r) => setTimeout(r, 1));
      killed = true;
      first.child.kill('SIGKILL');
    };
    const worker = async () => {
      while (sent < uploadCount && !killed && first.child.exitCode === null) {
        sent++;
        // After the kill, requests in flight fail: that is the point.
        await send().catch(() => undefined);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    await first.exited;
    expect(killed).toBe(true);
    expect(acknowledged.length).toBeGreaterThanOrEqual(killAfter);

    // Restart: the database recovers and the app serves a receipt of an acknowledged upload.
    const second = await startServer(env);
    const health = await fetch(`${second.baseUrl}/health/ready`);
    expect(health.status).toBe(200);
    second.child.kill('SIGTERM');
    await second.exited;

    const database: Database = await openDatabase({ url, dataDir: url ? undefined : join(dataDir, 'pglite') });
    try {
      const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
      // Past the lease of any conversion the kill interrupted: the photos of every upload become their PDF.
      const clock = fixedClock(new Date(Date.now() + conversionLeaseMs + 60_000));
      const deps: AppDeps = await createAppDeps({ config, database, clock, logger: createLogger('silent') });
      // Two runs side by side, as two job processes would: each PDF is a child process of its own, and the claims
      // keep the runs from taking the same PDF.
      const convertAll = async () => {
        while ((await convertPhotos(deps, 20)).converted > 0);
      };
      await Promise.all([convertAll(), convertAll()]);
      const run = await expectUploadsIntact(deps, acknowledged, 2);
      expect(run.incomingRemoved + run.stagedRemoved + run.rolledForward, 'the kill interrupted an upload').toBeGreaterThan(0);
    } finally {
      await database.close();
    }
  });
});
