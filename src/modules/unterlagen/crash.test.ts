// kill -9 during uploads: after a restart and the cleanup job there is no file without its row, no row
// without its file, no temporary file, and every upload that was acknowledged (201) is there, intact.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { fixedClock } from '#shared/clock.js';
import { loadConfig } from '#shared/config.js';
import { openDatabase, type Database } from '#shared/db/client.js';
import { runMigrations } from '#shared/db/migrate.js';
import { createLogger } from '#shared/logger.js';
import type { AppDeps } from '#shared/module.js';
import { buildApp } from '../../app.js';
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
let server: ServerProcess | undefined;

afterAll(async () => {
  if (server && alive(server)) server.child.kill('SIGKILL');
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

/** The server as `npm run dev` runs it, from the sources: build/ is rebuilt by src/server.test.ts while tests run. */
function startServer(env: Record<string, string>): Promise<ServerProcess> {
  return startServerProcess({
    entry: 'sources',
    cwd: repoRoot,
    // Rate limits off: 50 uploads from one address would otherwise get 429 after 20 and the kill would never come.
    env: { ...env, HOST: '127.0.0.1', NODE_ENV: 'test', RATE_LIMITS: 'off', WORKER: 'off', LOG_LEVEL: 'silent' },
  });
}

const alive = (server: ServerProcess) => server.child.exitCode === null && server.child.signalCode === null;
const reason = (error: unknown) => {
  const cause = (error as { cause?: { code?: string } }).cause?.code;
  return `${error instanceof Error ? error.message : String(error)}${cause ? ` (${cause})` : ''}`;
};

describe('crash safety of the file store', () => {
  it('leaves no orphans after kill -9 during 50 uploads, a restart and the cleanup', { timeout: 240_000 }, async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'wegweiser-crash-'));
    const url = await databaseUrl();
    const env: Record<string, string> = { DATA_DIR: dataDir, ...(url ? { DATABASE_URL: url } : {}) };
    const first = (server = await startServer(env));

    const pdf = new Uint8Array(await pdfWithPages(3));
    const photo = new Uint8Array(await jpegWithGps(1600, 1200));
    const acknowledged: string[] = [];
    const refused: string[] = [];
    const killAfter = 12 + Math.floor(Math.random() * 20);
    let sent = 0;
    let killed = false;
    let sending = true;
    let kill: Promise<void> | undefined;
    let killFailure: string | undefined;
    const send = async () => {
      const form = new FormData();
      form.append('bgNummer', '12345BG0012345');
      form.append('lastName', 'Beispiel');
      form.append('birthDate', '1980-01-31');
      form.append('documentType', 'lohnabrechnung');
      form.append('file', new Blob([pdf], { type: 'application/pdf' }), 'lohn.pdf');
      form.append('file', new Blob([photo], { type: 'image/jpeg' }), 'seite.jpg');
      const response = await fetch(`${first.baseUrl}/api/v1/t/neue-wege/uploads`, { method: 'POST', body: form });
      if (response.status !== 201) throw new Error(`${response.status} ${(await response.text()).slice(0, 300)}`);
      acknowledged.push(((await response.json()) as { id: string }).id);
      // Awaited after the uploads; a failure of its own goes into the test's message.
      if (acknowledged.length === killAfter) kill = killMidUpload().catch((error: unknown) => void (killFailure = reason(error)));
    };
    // Kill while an upload is provably half done: its plaintext or staged file exists. Gives up when the server
    // ended without it or every upload was answered, so the test fails with the reason instead of waiting.
    const killMidUpload = async () => {
      const incoming = join(dataDir, 'files', '.incoming');
      const staging = join(dataDir, 'files', '.staging');
      while (alive(first) && sending) {
        if ((await readdir(incoming)).length + (await readdir(staging)).length > 0) {
          killed = true;
          first.child.kill('SIGKILL');
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    };
    const worker = async () => {
      while (sent < uploadCount && !killed && alive(first)) {
        sent++;
        // After the kill, requests in flight fail: that is the point.
        await send().catch((error: unknown) => {
          if (!killed) refused.push(reason(error));
        });
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    sending = false;
    await kill;
    const situation = `${acknowledged.length} of ${sent} uploads acknowledged (kill after ${killAfter}), refused: ${refused.slice(0, 3).join(' | ') || 'none'}${killFailure ? `, the kill failed: ${killFailure}` : ''}`;
    if (!killed) {
      // Failing: a server on its way down gets a moment to end by itself, so its exit code is in the message.
      await Promise.race([first.exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    }
    const endedByItself = !killed && !alive(first);
    if (!killed) first.child.kill('SIGKILL');
    await first.exited;
    expect(killed, `no kill mid-upload; ${situation}; ${endedByItself ? 'the server had ended by itself' : 'the test ended the server'}: ${first.describeExit()}`).toBe(true);
    expect(first.child.signalCode, `the server ended before the kill; ${first.describeExit()}`).toBe('SIGKILL');
    expect(acknowledged.length, situation).toBeGreaterThanOrEqual(killAfter);

    // Restart as the server starts (ADR 0387): the database recovers and migrates, the file store opens on what the
    // kill left, and the app answers ready.
    const database: Database = await openDatabase({ url, dataDir: url ? undefined : join(dataDir, 'pglite') });
    try {
      await runMigrations(database);
      const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
      // Past the lease of any conversion the kill interrupted: the photos of every upload become their PDF.
      const clock = fixedClock(new Date(Date.now() + conversionLeaseMs + 60_000));
      const deps: AppDeps = await createAppDeps({ config, database, clock, logger: createLogger('silent') });
      const app = await buildApp(deps);
      try {
        expect((await app.inject('/health/ready')).statusCode).toBe(200);
      } finally {
        await app.close();
      }
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
