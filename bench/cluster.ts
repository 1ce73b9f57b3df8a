// Web nodes behind a small reverse proxy on one PostgreSQL database, with `npm run worker` as a process of its own:
// what bench/scale-out.ts and bench/peak.ts start. All web nodes run with WORKER=off; the proxy spreads requests
// round-robin over its `targets` (changeable while it runs) and keeps connections to the nodes alive.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Place } from './booking-load.js';
import { benchDatabase, startServer, stop } from './support.js';
import type { ServerProcess } from '#shared/testing/scratch.js';

export function startProxy(port: number): { targets: string[]; close: () => Promise<void> } {
  const targets: string[] = [];
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  let next = 0;
  const server = http.createServer((req, res) => {
    const target = new URL(targets[next++ % targets.length]!);
    const upstream = http.request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress ?? '' }, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      res.writeHead(502).end();
    });
    req.pipe(upstream);
  });
  server.listen(port, '127.0.0.1');
  return {
    targets,
    close: () =>
      new Promise((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface Cluster {
  /** The proxy's address; add `nodes[i].baseUrl` to `proxy.targets` to put a node behind it. */
  base: string;
  proxy: ReturnType<typeof startProxy>;
  nodes: ServerProcess[];
  worker: ChildProcess;
  databaseUrl: string;
  /** Three locations with 8 counters each, limits lifted (one client address fires every request). */
  places: Place[];
  stop(): Promise<void>;
}

export async function startCluster(ports: { proxy: number; nodes: number[] }): Promise<Cluster> {
  const database = await benchDatabase('postgres');
  const env = { DATABASE_URL: database.url!, CAPTCHA: 'off' };
  // One after another: the first start migrates and seeds the fresh database.
  const nodes: ServerProcess[] = [];
  for (const port of ports.nodes) nodes.push(await startServer(env, port));
  const worker = spawn(process.execPath, ['--import', 'tsx', 'src/worker.ts'], {
    env: { ...process.env, ...env, NODE_ENV: 'test', LOG_LEVEL: 'warn', DATA_DIR: mkdtempSync(join(tmpdir(), 'wegweiser-bench-worker-')) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const proxy = startProxy(ports.proxy);
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
    for (let i = 0; i < 3; i++) places.push(await createTestLocation(deps, tenant, { seatsTotal: 8, seatsOnline: 8 }));
  } finally {
    await db.close();
  }
  return {
    base: `http://127.0.0.1:${ports.proxy}`,
    proxy,
    nodes,
    worker,
    databaseUrl: database.url!,
    places,
    async stop() {
      await proxy.close();
      worker.kill('SIGTERM');
      await Promise.all(nodes.map((node) => stop(node)));
      await database.drop();
    },
  };
}
