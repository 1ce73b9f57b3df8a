import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createScratchDatabase } from '../src/shared/testing/scratch.js';

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
function ensureBuilt() {
  if (built) return;
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'ignore' });
  built = true;
}

/** Starts the server as `npm start` does (compiled build/server.js) and resolves once /health/ready answers. */
export async function startServer(env: Record<string, string>, port: number): Promise<ChildProcess> {
  ensureBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'wegweiser-bench-'));
  const child = spawn(process.execPath, ['build/server.js'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', WORKER: 'off', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 120; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (res.ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill('SIGKILL');
  throw new Error('server did not become ready');
}

export function rssMb(pid: number): number {
  // /proc is Linux-only, which is where the benchmarks run.
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

export function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export function print(rows: Record<string, string | number>[]) {
  process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
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
