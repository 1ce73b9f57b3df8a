// npm run bench:booking — bookings over HTTP with 50 concurrent clients (bookAppointment, direct slot booking),
// next to a baseline measured in the same run: plain INSERTs of the same appointment row through the same
// pool and the same HTTP stack. Then listAvailableDays over the 6-week horizon of a location with 8 counters.
// Runs on PGlite and on PostgreSQL (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres).
// The server runs in a child process (`--serve <kind> <port>`) so the load generator does not share its CPU.
// Captcha is off (NODE_ENV=test): the benchmark measures booking, not proof-of-work solving.
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { bookingApp } from './booking-app.js';
import { bookingBodies, loadPost, slots, tenantPath, type Place } from './booking-load.js';
import { cpuMeter, perRequest } from './cpu.js';
import { benchDatabase } from './support.js';

async function serve(kind: 'pglite' | 'postgres', port: number, url?: string) {
  const { terminAppointments } = await import('../src/modules/termine/termine.tables.js');
  const { app, deps, database, tenant, places } = await bookingApp(kind === 'postgres' ? url : undefined, 3);
  // The baseline: the same appointment row as a booking writes, one plain INSERT through the same pool.
  app.post('/bench/baseline', async (request, reply) => {
    const b = request.body as { location: string; service: string[]; startsAt: string; name: string; email: string };
    const startsAt = new Date(b.startsAt);
    await database.db.insert(terminAppointments).values({
      tenantId: tenant.id,
      locationId: b.location,
      serviceIds: b.service,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 15 * 60_000),
      persons: 1,
      status: 'booked',
      channel: 'online',
      name: b.name,
      email: b.email,
      bookedAt: deps.clock.now(),
    });
    return reply.status(201).send({ id: randomUUID() });
  });
  await app.listen({ port, host: '127.0.0.1' });
  process.once('SIGTERM', () => void app.close().then(() => database.close()).then(() => process.exit(0)));
  process.send?.({ ready: true, places });
}

async function startChild(kind: 'pglite' | 'postgres', port: number, url?: string): Promise<{ child: ChildProcess; places: Place[] }> {
  // BENCH_CPU_PROFILE=<dir>: the server writes a V8 CPU profile there when it stops (see bench/profile-summary.ts).
  const profile = process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [];
  const child = fork(new URL(import.meta.url).pathname, ['--serve', kind, String(port), url ?? ''], {
    execArgv: ['--import', 'tsx', ...profile],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m: { places: Place[] }) => resolve({ child, places: m.places }));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
}

async function latencies(url: string, n: number): Promise<{ p50: number; p99: number }> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await fetch(url);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(n * 0.5)]!, p99: times[Math.floor(n * 0.99)]! };
}

async function measure(kind: 'pglite' | 'postgres', port: number) {
  const database = await benchDatabase(kind);
  const { child, places } = await startChild(kind, port, database.url);
  const base = `http://127.0.0.1:${port}`;
  try {
    const all = await slots(base, places);
    const bodies = bookingBodies(all);
    // CPU per request of the server, PostgreSQL's backends and the load generator, per phase (bench/cpu.ts): a
    // figure the machine's other load barely changes, unlike the rates.
    const metered = async (url: string) => {
      const stop = database.url ? await cpuMeter(database.url, { node: () => [child.pid!], 'load generator': () => [process.pid] }) : undefined;
      const result = await loadPost(url, bodies.next);
      return { ...result, cpu: stop ? perRequest(await stop(), result.total) : '' };
    };
    const baseline = await metered(`${base}/bench/baseline`);
    bodies.reset();
    const booking = await metered(`${base}${tenantPath}/appointments`);
    const first = places[0]!;
    const daysUrl = `${base}${tenantPath}/availability/days?location=${first.locationId}&service=${first.serviceId}`;
    const days = await latencies(daysUrl, 300);
    const live = await latencies(`${base}/health/live`, 300);
    return { baseline, booking, days, live, capacity: all.length };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await database.drop();
  }
}

if (process.argv[2] === '--serve') {
  await serve(process.argv[3] as 'pglite' | 'postgres', Number(process.argv[4]), process.argv[5] || undefined);
} else {
  const lines: string[] = [];
  // BENCH_DATABASES=postgres (or pglite) measures one database only.
  const only = process.env.BENCH_DATABASES?.split(',');
  for (const [kind, port] of ([['postgres', 3911], ['pglite', 3912]] as const).filter(([k]) => !only || only.includes(k))) {
    const r = await measure(kind, port);
    const ratio = (r.booking.perSecond / r.baseline.perSecond) * 100;
    lines.push(
      `${kind}: bookings ${r.booking.perSecond.toFixed(0)}/s (p99 ${r.booking.p99} ms, ${r.booking.non2xx} not 201 of ${r.booking.total}; capacity ${r.capacity}) vs ` +
        `plain INSERT ${r.baseline.perSecond.toFixed(0)}/s (p99 ${r.baseline.p99} ms) = ${ratio.toFixed(1)} % of baseline${kind === 'postgres' ? ' (goal ≥ 50 %)' : ''}`,
      ...(r.baseline.cpu ? [`${kind}: plain INSERT ${r.baseline.cpu}`, `${kind}: booking ${r.booking.cpu}`] : []),
      `${kind}: listAvailableDays, 6 weeks, 8 counters: p50 ${r.days.p50.toFixed(1)} ms, p99 ${r.days.p99.toFixed(1)} ms (goal p99 < 50 ms) = ${(r.days.p99 / r.live.p99).toFixed(1)}× the p99 of /health/live (${r.live.p99.toFixed(1)} ms)`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}
