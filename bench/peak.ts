// npm run bench:peak — a booking day: when a Servicepoint opens its horizon, citizens look at free days and times,
// hold a time, book, and open their manage link. This replays that mix (availability views : holds : bookings :
// manage-link views = 20 : 3 : 2 : 1) at a fixed arrival rate that rises step by step until the answers get slow or
// fail, through the proxy of bench/cluster.ts in front of one web node and then two (WORKER=off, one PostgreSQL,
// `npm run worker` apart). Prints per step the rate, p99 and errors, and the highest rate with p99 < 500 ms and no error.
import { readFileSync } from 'node:fs';
import { slots, tenantPath, type Place } from './booking-load.js';
import { startCluster } from './cluster.js';
import { formatCpu, perRequest } from './cpu.js';

const stepSeconds = Number(process.env.BENCH_STEP_SECONDS ?? 6);
const startRate = Number(process.env.BENCH_START_RATE ?? 5);
const factor = 1.4;
const p99Limit = 500;
const mix = ['view', 'view', 'view', 'view', 'view', 'hold', 'view', 'view', 'view', 'view', 'book', 'view', 'view',
  'view', 'view', 'view', 'hold', 'view', 'view', 'view', 'manage', 'view', 'book', 'view', 'view', 'hold'] as const;

type Slot = { place: Place; startsAt: string };

interface Step {
  rate: number;
  p99: number;
  errors: number;
  requests: number;
  /** Failures by request kind and answer ('booking 503', 'view timeout'). */
  failures: Map<string, number>;
}

const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

function traffic(base: string, free: Slot[]) {
  const tokens: string[] = [];
  let slot = 0;
  let n = 0;
  const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return async function one(): Promise<string | true> {
    const kind = mix[n++ % mix.length]!;
    const signal = AbortSignal.timeout(10_000);
    if (kind === 'view' || (kind === 'manage' && tokens.length === 0)) {
      const s = free[Math.floor(Math.random() * free.length)]!;
      const q = `location=${s.place.locationId}&service=${s.place.serviceId}`;
      // The day of the slot in Berlin (the API takes local dates).
      const date = new Date(s.startsAt).toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
      const url = n % 2 === 0 ? `${base}${tenantPath}/availability/days?${q}` : `${base}${tenantPath}/availability/times?${q}&date=${date}`;
      const res = await fetch(url, { signal });
      await res.arrayBuffer();
      return res.status === 200 || `view ${res.status}`;
    }
    if (kind === 'manage') {
      const res = await fetch(`${base}/t/neue-wege/termine/verwalten/${tokens[Math.floor(Math.random() * tokens.length)]!}`, { signal });
      await res.arrayBuffer();
      return res.status === 200 || `manage ${res.status}`;
    }
    // Holds and bookings each take a seat of their own (every unit is offered exactly its 8 seats): no 409 is expected.
    const s = free[slot++ % free.length]!;
    const body = { location: s.place.locationId, service: [s.place.serviceId], startsAt: s.startsAt };
    if (kind === 'hold') {
      const res = await fetch(`${base}${tenantPath}/holds`, { ...json(body), signal });
      await res.arrayBuffer();
      return res.status === 201 || `hold ${res.status}`;
    }
    const res = await fetch(`${base}${tenantPath}/appointments`, { ...json({ ...body, name: `Peak Person ${n}`, email: `peak-${n}@example.org` }), signal });
    const answer = (await res.json().catch(() => ({}))) as { manageToken?: string };
    if (answer.manageToken) tokens.push(answer.manageToken);
    return res.status === 201 || `booking ${res.status}`;
  };
}

/** Requests arrive at `rate` per second for stepSeconds whatever the answers (open loop); p99 over all of them. */
async function step(one: () => Promise<string | true>, rate: number): Promise<Step> {
  const times: number[] = [];
  let errors = 0;
  const failures = new Map<string, number>();
  const fail = (what: string) => {
    errors++;
    failures.set(what, (failures.get(what) ?? 0) + 1);
  };
  const inFlight: Promise<void>[] = [];
  const started = performance.now();
  let launched = 0;
  const total = Math.round(rate * stepSeconds);
  while (launched < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate) + 1);
    for (; launched < due; launched++) {
      const t0 = performance.now();
      inFlight.push(
        one().then(
          (ok) => {
            times.push(performance.now() - t0);
            if (ok !== true) fail(ok);
          },
          (error: Error) => {
            times.push(performance.now() - t0);
            fail(error.name === 'TimeoutError' ? 'timeout (10 s)' : error.name);
          },
        ),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await Promise.all(inFlight);
  times.sort((a, b) => a - b);
  return { rate, p99: times[Math.floor(times.length * 0.99)] ?? 0, errors, requests: times.length, failures };
}

async function ramp(label: string, one: () => Promise<string | true>): Promise<string> {
  let best: Step | undefined;
  for (let rate = startRate; rate < 2_000; rate = Math.round(rate * factor)) {
    const meter = await cluster.cpu();
    const result = await step(one, rate);
    const use = await meter();
    const cpu = `${formatCpu(use)}\n      ${perRequest(use, result.requests)}`;
    process.stdout.write(
      `  ${label}: ${String(rate).padStart(4)} req/s → p99 ${result.p99.toFixed(0).padStart(5)} ms, ${result.errors} errors of ${result.requests}` +
        `${result.errors ? ` (${[...result.failures].map(([what, n]) => `${what}: ${n}`).join(', ')})` : ''} (load average ${loadAverage()})\n` +
        `      ${cpu}\n`,
    );
    if (result.p99 >= p99Limit || result.errors > 0) break;
    best = result;
  }
  return best ? `${best.rate} req/s (p99 ${best.p99.toFixed(0)} ms)` : `below ${startRate} req/s`;
}

const cluster = await startCluster({ proxy: 3930, nodes: [3931, 3932] });
const { proxy, nodes, places } = cluster;
const base = proxy.base;
try {
  await proxy.use([nodes[0]!.baseUrl]);
  const all = await slots(base, places);
  // A tenth of the slots warms each node up directly (JIT, plan caches, pool connections; not counted): a node that
  // gets its first requests inside a step answers them slowly and fails the step for a reason no user would meet.
  const tenth = Math.floor(all.length / 10);
  for (const node of nodes) await step(traffic(node.baseUrl, all.slice(0, tenth)), 20);
  await cluster.analyze();
  const half = tenth + Math.floor((all.length - tenth) / 2);
  process.stdout.write(`bench:peak — mix views : holds : bookings : manage views = 20 : 3 : 2 : 1, ${stepSeconds} s per step, PostgreSQL, proxy: ${proxy.kind}\n`);
  const one = await ramp('one node ', traffic(base, all.slice(tenth, half)));
  await proxy.use(nodes.map((node) => node.baseUrl));
  const two = await ramp('two nodes', traffic(base, all.slice(half)));
  process.stdout.write(`highest rate with p99 < ${p99Limit} ms and no error: one node ${one}; two nodes ${two}\n`);
} finally {
  await cluster.stop();
}
