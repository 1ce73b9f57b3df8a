import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createScratchDatabase, startServerProcess, stopServerProcess, type ServerProcess } from '#shared/testing/scratch.js';

export interface LoadResult {
  requestsPerSecond: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

/** Runs autocannon against one URL and returns mean req/s and p99 latency. */
export async function load(url: string, connections = 50, durationSeconds = 10): Promise<LoadResult> {
  const result = await autocannon({ url, connections, duration: durationSeconds });
  return {
    requestsPerSecond: result.requests.average,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

let built = false;
/** Compiles build/ once per benchmark run, as `npm start` does before it starts. */
export function ensureBuilt() {
  if (built) return;
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'ignore' });
  built = true;
}

/**
 * Starts the server as `npm start` does (compiled build/server.js) in a DATA_DIR of its own, once ready. It runs
 * with NODE_ENV=test and RATE_LIMITS=off: a benchmark fires from one address, and the per-address limits (the
 * draft limit of the wizard, for one) would otherwise answer 429 and be measured instead of the pages.
 */
export async function startServer(env: Record<string, string>, port: number, nodeArgs: string[] = []): Promise<ServerProcess> {
  ensureBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'wegweiser-bench-'));
  return startServerProcess({
    entry: 'build',
    port,
    nodeArgs,
    // The machine is shared: a start can take minutes under load.
    timeoutMs: 600_000,
    env: { DATA_DIR: dataDir, LOG_LEVEL: 'warn', WORKER: 'off', NODE_ENV: 'test', RATE_LIMITS: 'off', ...env },
  });
}

export function rssMb(pid: number): number {
  // /proc is Linux-only, which is where the benchmarks run.
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

export async function stop(server: ServerProcess): Promise<void> {
  await stopServerProcess(server);
}

export type BenchDatabaseKind = 'pglite' | 'postgres';

/**
 * The database a benchmarked server runs on: PGlite in the server's own DATA_DIR (no URL), or a scratch
 * PostgreSQL database next to BENCH_DATABASE_URL, dropped by `drop`.
 */
export async function benchDatabase(kind: BenchDatabaseKind): Promise<{ url: string | undefined; drop(): Promise<void> }> {
  if (kind === 'pglite') return { url: undefined, drop: async () => undefined };
  const scratch = await createScratchDatabase(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', 'ww_bench');
  return { url: scratch.url, drop: scratch.drop };
}
