// Web nodes behind a reverse proxy (bench/proxy.ts) on one PostgreSQL database, with `npm run worker` as a process
// of its own (BENCH_WORKERS=2: two, which share the outbox, ADR 0365): what bench/scale-out.ts and bench/peak.ts
// start. All web nodes run with WORKER=off; `proxy.use` chooses the nodes behind the proxy. `cpu()` starts counting the CPU each process uses (bench/cpu.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Place } from './booking-load.js';
import { cpuMeter, type CpuUse } from './cpu.js';
import { startProxy, type Proxy } from './proxy.js';
import { benchDatabase, startServer, stop } from './support.js';
import type { ServerProcess } from '#shared/testing/scratch.js';

export interface Cluster {
  proxy: Proxy;
  nodes: ServerProcess[];
  workers: ChildProcess[];
  databaseUrl: string;
  /**
   * Eight locations with 8 counters each (53,000 seats: each phase of 10 s at ~1,000 bookings/s needs its own), limits
   * lifted (one client address fires every request).
   */
  places: Place[];
  /** Starts counting CPU; the returned function stops and says how many cores each process kept busy. */
  cpu(): Promise<() => Promise<CpuUse>>;
  /**
   * Takes the tables' statistics (ANALYZE). A fresh database's plans, cached per connection while a table held a page
   * or two (foreign-key checks, the seat statement's generic plan), read the table whole on every booking until
   * autovacuum analyses it, a minute or more later. A booking day's database has its statistics, so the benches take
   * them after their warm-up (ADR 0428).
   */
  analyze(): Promise<void>;
  stop(): Promise<void>;
}

export async function startCluster(ports: { proxy: number; nodes: number[] }): Promise<Cluster> {
  const database = await benchDatabase('postgres');
  // BENCH_CPU_PROFILE=<dir>: every node writes a V8 CPU profile there when it stops (bench/profile-summary.ts).
  const profile = process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [];
  const env = { DATABASE_URL: database.url!, CAPTCHA: 'off' };
  // One after another: the first start migrates and seeds the fresh database.
  const nodes: ServerProcess[] = [];
  for (const port of ports.nodes) nodes.push(await startServer(env, port, profile));
  const workers = Array.from({ length: Number(process.env.BENCH_WORKERS ?? 1) }, () =>
    spawn(process.execPath, ['--import', 'tsx', 'src/worker.ts'], {
      env: { ...process.env, ...env, NODE_ENV: 'test', LOG_LEVEL: 'warn', DATA_DIR: mkdtempSync(join(tmpdir(), 'wegweiser-bench-worker-')) },
      stdio: ['ignore', 'ignore', 'inherit'],
    }),
  );
  const proxy = await startProxy(ports.proxy);
  const { openDatabase } = await import('#shared/db/client.js');
  const { systemClock } = await import('#shared/clock.js');
  const { tenantsRepository } = await import('#shared/tenancy/index.js');
  const { createTestLocation, liftLimits } = await import('../src/modules/termine/testing.js');
  const db = await openDatabase({ url: database.url, poolSize: 2 });
  const places: Place[] = [];
  try {
    const tenant = (await tenantsRepository.bySlug(db.db, 'neue-wege'))!;
    const deps = { database: db, clock: systemClock } as unknown as Parameters<typeof liftLimits>[0];
    await liftLimits(deps, tenant);
    for (let i = 0; i < 8; i++) places.push(await createTestLocation(deps, tenant, { seatsTotal: 8, seatsOnline: 8 }));
    // Measure only once a worker runs (its start compiles the sources): it has taken its first job lease.
    const { sql } = await import('drizzle-orm');
    for (let i = 0; i < 600; i++) {
      const leases = await db.db.execute<{ n: number }>(sql`select count(*)::int as n from job_leases`);
      if ((leases as unknown as { rows: { n: number }[] }).rows[0]!.n > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    await db.close();
  }
  const pid = (child: ChildProcess) => (child.pid ? [child.pid] : []);
  return {
    proxy,
    nodes,
    workers,
    databaseUrl: database.url!,
    places,
    cpu: () =>
      cpuMeter(database.url!, {
        ...Object.fromEntries(nodes.map((node, i) => [`node ${i + 1}`, () => pid(node.child)])),
        worker: () => workers.flatMap(pid),
        // The Node proxy runs in the bench process, next to the load generator.
        ...(proxy.kind === 'haproxy' ? { haproxy: proxy.pids, 'load generator': () => [process.pid] } : { 'load generator + proxy': () => [process.pid] }),
      }),
    async analyze() {
      const { openDatabase } = await import('#shared/db/client.js');
      const { sql } = await import('drizzle-orm');
      const db = await openDatabase({ url: database.url, poolSize: 1 });
      await db.db.execute(sql`analyze`).finally(() => db.close());
    },
    async stop() {
      await proxy.close();
      for (const worker of workers) worker.kill('SIGTERM');
      await Promise.all(nodes.map((node) => stop(node)));
      await database.drop();
    },
  };
}
