// npm run bench:scale-out — bookings through a small reverse proxy (started here) in front of one web node and
// then in front of two, all with WORKER=off on one PostgreSQL database, and `npm run worker` as a process of its
// own (bench/cluster.ts). Prints bookings/s and p99 of one node and of two, and their ratio (goal ≥ 1.6×). Both
// measurements go through the same proxy, so its cost is in both. See doc/scaling.md for what limits the ratio on 2 cores.
import { bookingBodies, loadPost, slots } from './booking-load.js';
import { startCluster } from './cluster.js';

const cluster = await startCluster({ proxy: 3920, nodes: [3921, 3922] });
const { base, proxy, nodes, places } = cluster;
try {
  proxy.targets.push(nodes[0]!.baseUrl);
  const all = await slots(base, places);
  // Each measurement books slots of its own, so neither meets the other's full units.
  const half = Math.floor(all.length / 2);
  const one = await loadPost(`${base}/api/v1/t/neue-wege/appointments`, bookingBodies(all.slice(0, half)).next);
  proxy.targets.push(nodes[1]!.baseUrl);
  const two = await loadPost(`${base}/api/v1/t/neue-wege/appointments`, bookingBodies(all.slice(half)).next);
  // The worker is the only process running jobs: it sends the confirmations the web nodes wrote to the outbox.
  await new Promise((resolve) => setTimeout(resolve, 8_000));
  const { openDatabase } = await import('#shared/db/client.js');
  const db = await openDatabase({ url: cluster.databaseUrl, poolSize: 1 });
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
  await cluster.stop();
}
