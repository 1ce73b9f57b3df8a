// npm run bench:scale-out — bookings through a small reverse proxy (started here) in front of one web node and
// then in front of two, all with WORKER=off on one PostgreSQL database, and `npm run worker` as a process of its
// own. Prints bookings/s and p99 of one node and of two, and their ratio (goal ≥ 1.6×). Both measurements go
// through the same proxy, so its cost is in both. See doc/scaling.md for what limits the ratio on 2 cores.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bookingBodies, loadPost, slots, type Place } from './booking-load.js';
import { benchDatabase, startServer, stop } from './support.js';

/** Round-robin HTTP proxy over `targets` (changeable while it runs); keep-alive connections to the nodes. */
function startProxy(port: number): { targets: string[]; close: () => Promise<void> } {
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

const database = await benchDatabase('postgres');
const env = { DATABASE_URL: database.url!, CAPTCHA: 'off' };
const nodeA = await startServer(env, 3921);
const nodeB = await startServer(env, 3922);
const worker = spawn(process.execPath, ['--import', 'tsx', 'src/worker.ts'], {
  env: { ...process.env, ...env, NODE_ENV: 'test', LOG_LEVEL: 'warn', DATA_DIR: mkdtempSync(join(tmpdir(), 'wegweiser-bench-worker-')) },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const proxy = startProxy(3920);
const base = 'http://127.0.0.1:3920';
try {
  // Three locations with 8 counters each, limits lifted (one client address fires every booking).
  const { openDatabase } = await import('#shared/db/client.js');
  const { systemClock } = await import('#shared/clock.js');
  const { tenantsRepository } = await import('#shared/tenancy/index.js');
  const { createTestLocation, liftLimits } = await import('../src/modules/termine/testing.js');
  const db = await openDatabase({ url: database.url, poolSize: 2 });
  const tenant = (await tenantsRepository.bySlug(db.db, 'neue-wege'))!;
  const deps = { database: db, clock: systemClock } as unknown as Parameters<typeof liftLimits>[0];
  await liftLimits(deps, tenant);
  const places: Place[] = [];
  for (let i = 0; i < 3; i++) places.push(await createTestLocation(deps, tenant, { seatsTotal: 8, seatsOnline: 8 }));
  proxy.targets.push(nodeA.baseUrl);
  const all = await slots(base, places);
  // Each measurement books slots of its own, so neither meets the other's full units.
  const half = Math.floor(all.length / 2);
  const one = await loadPost(`${base}/api/v1/t/neue-wege/appointments`, bookingBodies(all.slice(0, half)).next);
  proxy.targets.push(nodeB.baseUrl);
  const two = await loadPost(`${base}/api/v1/t/neue-wege/appointments`, bookingBodies(all.slice(half)).next);
  // The worker is the only process running jobs: it sends the confirmations the web nodes wrote to the outbox.
  await new Promise((resolve) => setTimeout(resolve, 8_000));
  const sent = await db.db.execute<{ status: string; n: number }>(
    (await import('drizzle-orm')).sql`select status, count(*)::int as n from outbox_messages group by status order by status`,
  );
  await db.close();
  process.stdout.write(
    `one node:  ${one.perSecond.toFixed(0)} bookings/s (p99 ${one.p99} ms, ${one.non2xx} not 201 of ${one.total})\n` +
      `two nodes: ${two.perSecond.toFixed(0)} bookings/s (p99 ${two.p99} ms, ${two.non2xx} not 201 of ${two.total})\n` +
      `two nodes / one node = ${(two.perSecond / one.perSecond).toFixed(2)}× (goal ≥ 1.6×)\n` +
      `outbox after 8 s of the worker: ${(sent as unknown as { rows: { status: string; n: number }[] }).rows.map((r) => `${r.status} ${r.n}`).join(', ')}\n`,
  );
} finally {
  await proxy.close();
  worker.kill('SIGTERM');
  await Promise.all([stop(nodeA), stop(nodeB)]);
  await database.drop();
}
