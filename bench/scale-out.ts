// npm run bench:scale-out — bookings with 50 clients (BENCH_SECONDS each, default 10) against one web node directly,
// then through the reverse proxy (haproxy when installed, else a Node proxy: bench/proxy.ts) in front of the same
// node, then in front of two; all with WORKER=off on one PostgreSQL database and `npm run worker` as a process of
// its own (bench/cluster.ts). Prints bookings/s (201 answers only) and p99 of each, the other answers by status and
// kind, the proxy's cost (direct vs through it), the ratio
// two nodes / one node through the same proxy (goal ≥ 1.6×) and how many cores each process kept busy.
// See doc/scaling.md for what limits the ratio on 2 cores.
import { readFileSync } from 'node:fs';
import { bookingBodies, formatRefused, loadPost, slots } from './booking-load.js';
import { startCluster } from './cluster.js';
import { formatCpu, perRequest } from './cpu.js';

const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const cluster = await startCluster({ proxy: 3920, nodes: [3921, 3922] });
const { proxy, nodes, places } = cluster;
const path = '/api/v1/t/neue-wege/appointments';
try {
  await proxy.use([nodes[0]!.baseUrl]);
  process.stdout.write(`bench:scale-out — proxy: ${proxy.kind}, 50 clients, ${process.env.BENCH_SECONDS ?? 10} s each, load average before ${loadAverage()}\n`);
  const all = await slots(proxy.base, places);
  // Each measurement (and the warm-up) books slots of its own, so none meets another's full units.
  const quarter = Math.floor(all.length / 4);
  process.stdout.write(`free seats: ${all.length}, ${quarter} for each phase (a phase that asks for more meets its own full slots: 409)\n`);
  const measure = async (label: string, base: string, part: number) => {
    const meter = await cluster.cpu();
    const result = await loadPost(`${base}${path}`, bookingBodies(all.slice(part * quarter, (part + 1) * quarter)).next);
    const cpu = await meter();
    // Bookings/s count 201 answers only; a refused request costs less than a booking and is listed by kind.
    process.stdout.write(
      `${label}: ${result.createdPerSecond.toFixed(0)} bookings/s (201 only; p99 ${result.p99} ms, ${result.non2xx} not 201 of ${result.total}, load average ${loadAverage()})\n` +
        `  not 201: ${formatRefused(result.refused)}\n  ${formatCpu(cpu)}\n  ${perRequest(cpu, result.total)}\n`,
    );
    return result;
  };
  // A short warm-up (JIT, plan caches, pool connections), not counted.
  await loadPost(`${nodes[0]!.baseUrl}${path}`, bookingBodies(all.slice(3 * quarter)).next, 3);
  await cluster.analyze();
  const direct = await measure('one node, direct      ', nodes[0]!.baseUrl, 0);
  const one = await measure('one node, via proxy   ', proxy.base, 1);
  await proxy.use(nodes.map((node) => node.baseUrl));
  const two = await measure('two nodes, via proxy  ', proxy.base, 2);
  // The workers (BENCH_WORKERS, one by default) are the only processes running jobs: they send the confirmations the
  // web nodes wrote to the outbox.
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  const { openDatabase } = await import('#shared/db/client.js');
  const db = await openDatabase({ url: cluster.databaseUrl, poolSize: 1 });
  const sent = await db.db.execute<{ status: string; n: number }>(
    (await import('drizzle-orm')).sql`select status, count(*)::int as n from outbox_messages group by status order by status`,
  );
  await db.close();
  process.stdout.write(
    `proxy (${proxy.kind}) costs ${((1 - one.createdPerSecond / direct.createdPerSecond) * 100).toFixed(0)} % of one node's bookings/s (direct ${direct.createdPerSecond.toFixed(0)}, via proxy ${one.createdPerSecond.toFixed(0)})\n` +
      `two nodes / one node (both via proxy) = ${(two.createdPerSecond / one.createdPerSecond).toFixed(2)}× (goal ≥ 1.6×)\n` +
      `outbox 5 s after the load: ${(sent as unknown as { rows: { status: string; n: number }[] }).rows.map((r) => `${r.status} ${r.n}`).join(', ')}\n`,
  );
} finally {
  await cluster.stop();
}
