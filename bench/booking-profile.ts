// npx tsx bench/booking-profile.ts — what one booking costs on PostgreSQL: every statement it sends (round trips),
// which of them run inside the transaction (holding a pooled connection and row locks), and their time. 200
// bookings one after another through app.inject (no concurrency, so the times are the statements' own).
import pg from 'pg';
import { bookingApp } from './booking-app.js';
import { benchDatabase } from './support.js';

const runs = Number(process.env.PROFILE_RUNS ?? 200);
const database = await benchDatabase('postgres');
interface Statement {
  text: string;
  ms: number;
  inTx: boolean;
}
let log: Statement[] | undefined;
let depth = 0;
// Every statement of every pooled client passes here; the time is until its result arrived.
const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const first = args[0];
  const text = (typeof first === 'string' ? first : (first as { text?: string }).text ?? '').replace(/\s+/g, ' ').trim();
  if (/^begin/i.test(text)) depth++;
  const inTx = depth > 0;
  if (/^(commit|rollback)/i.test(text)) depth--;
  const t0 = performance.now();
  const callback = args.at(-1);
  if (log && typeof callback === 'function') {
    // pool.query passes a callback and gets no promise back.
    const entry = log;
    args[args.length - 1] = (...cbArgs: unknown[]) => {
      entry.push({ text, ms: performance.now() - t0, inTx });
      return (callback as (...a: unknown[]) => unknown)(...cbArgs);
    };
  }
  const result = original.apply(this, args);
  if (log && result instanceof Promise) {
    const entry = log;
    void result.then(
      () => entry.push({ text, ms: performance.now() - t0, inTx }),
      () => entry.push({ text, ms: performance.now() - t0, inTx }),
    );
  }
  return result;
} as typeof pg.Client.prototype.query;

const { app, database: db, places } = await bookingApp(database.url, 1);
const place = places[0]!;
try {
  const api = '/api/v1/t/neue-wege';
  const q = `location=${place.locationId}&service=${place.serviceId}`;
  const days = (await app.inject({ url: `${api}/availability/days?${q}` })).json<{ days: { date: string }[] }>().days;
  const starts: string[] = [];
  for (const day of days.slice(0, 4)) {
    const times = (await app.inject({ url: `${api}/availability/times?${q}&date=${day.date}` })).json<{ times: { startsAt: string }[] }>().times;
    starts.push(...times.map((t) => t.startsAt));
  }
  const perBooking: Statement[][] = [];
  const wall: number[] = [];
  for (let i = 0; i < runs; i++) {
    log = [];
    const t0 = performance.now();
    const res = await app.inject({
      method: 'POST',
      url: `${api}/appointments`,
      payload: { location: place.locationId, service: [place.serviceId], startsAt: starts[i % starts.length], name: `Profil ${i}`, email: `profil-${i}@example.org` },
    });
    wall.push(performance.now() - t0);
    if (res.statusCode !== 201) throw new Error(`booking ${i}: ${res.statusCode} ${res.body}`);
    await new Promise((r) => setImmediate(r));
    perBooking.push(log);
  }
  log = undefined;
  await app.close();
  // Skip the first 20 (warm-up: JIT, plan caches).
  const steady = perBooking.slice(20);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const shape = steady[0]!;
  const lines = shape.map((s, k) => {
    const ms = median(steady.map((b) => b[k]?.ms ?? 0));
    return `${ms.toFixed(2).padStart(7)} ms ${s.inTx ? 'tx ' : '   '} ${s.text.slice(0, 110)}`;
  });
  const dbMs = median(steady.map((b) => b.reduce((a, s) => a + s.ms, 0)));
  const txMs = median(steady.map((b) => b.filter((s) => s.inTx).reduce((a, s) => a + s.ms, 0)));
  process.stdout.write(
    `${lines.join('\n')}\n` +
      `round trips per booking: ${shape.length} (${shape.filter((s) => s.inTx).length} inside the transaction, BEGIN and COMMIT included)\n` +
      `median per booking: ${median(wall.slice(20)).toFixed(2)} ms in all, ${dbMs.toFixed(2)} ms waiting for the database, ${txMs.toFixed(2)} ms of it in the transaction\n`,
  );
} finally {
  await db.close();
  await database.drop();
}
