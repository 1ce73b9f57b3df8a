// npx tsx bench/booking-statements.ts — what each statement of a booking costs PostgreSQL (ADR 0427).
// Books N slots one after another over HTTP (no concurrency, so the figures are the statements' own cost, not lock
// waits) and prints pg_stat_statements for the top-level call and every nested statement of termin_book.
// Needs a PostgreSQL server that loads pg_stat_statements with track = all, e.g. a private one:
//   initdb -D /tmp/pgx -A trust -U postgres, then in /tmp/pgx/postgresql.conf: port = 5433,
//   shared_preload_libraries = 'pg_stat_statements', pg_stat_statements.track = all; start it and
//   `create extension pg_stat_statements` in its postgres database.
// BENCH_STATEMENTS_URL (default postgres://postgres@127.0.0.1:5433/postgres) names it. A/B comparisons:
// VARIANTS=a.sql,b.sql (statements split at `--> statement-breakpoint`) are applied in turn before each round,
// ORDER=a.sql,b.sql,a.sql,b.sql; without them every round runs on the migrated schema.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { createScratchDatabase } from '#shared/testing/scratch.js';
import { bookingApp } from './booking-app.js';
import { bookingBodies, slots, tenantPath } from './booking-load.js';

const admin = process.env.BENCH_STATEMENTS_URL ?? 'postgres://postgres@127.0.0.1:5433/postgres';
const n = Number(process.env.N ?? 1500);
const variants = new Map((process.env.VARIANTS ?? '').split(',').filter(Boolean).map((f) => [f, readFileSync(f, 'utf8').split('--> statement-breakpoint')]));
const order = process.env.ORDER?.split(',') ?? (variants.size ? [...variants.keys()] : ['migrated', 'migrated']);

const scratch = await createScratchDatabase(admin, 'ww_statements');
const { app, places } = await bookingApp(scratch.url, 3);
await app.listen({ port: 3950, host: '127.0.0.1' });
const bodies = bookingBodies(await slots('http://127.0.0.1:3950', places));
const stats = new pg.Client({ connectionString: admin });
const db = new pg.Client({ connectionString: scratch.url });
await Promise.all([stats.connect(), db.connect()]);

async function bookOne() {
  const res = await fetch(`http://127.0.0.1:3950${tenantPath}/appointments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bodies.next() });
  await res.arrayBuffer();
  if (res.status !== 201) throw new Error(`booking answered ${res.status}`);
}

try {
  for (const round of order) {
    for (const statement of variants.get(round) ?? []) if (statement.trim()) await db.query(statement);
    // Warm: table statistics taken (an empty table's plans read it whole until ANALYZE), plans cached again.
    for (let i = 0; i < 200; i++) await bookOne();
    await db.query('analyze');
    for (let i = 0; i < 50; i++) await bookOne();
    await stats.query('select pg_stat_statements_reset()');
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await bookOne();
    const wall = (performance.now() - t0) / n;
    const { rows } = await stats.query<{ calls: string; us: number; toplevel: boolean; q: string }>(
      `select calls, total_exec_time / calls * 1000 as us, toplevel, left(regexp_replace(query, '\\s+', ' ', 'g'), 70) as q
       from pg_stat_statements where calls >= $1 order by toplevel desc, total_exec_time desc limit 14`,
      [n],
    );
    process.stdout.write(`${round}: ${wall.toFixed(3)} ms per booking over HTTP\n`);
    for (const r of rows) process.stdout.write(`  ${String(r.calls).padStart(6)} × ${r.us.toFixed(1).padStart(6)} µs ${r.toplevel ? 'top ' : '    '} ${r.q}\n`);
  }
} finally {
  await Promise.all([db.end(), stats.end()]);
  await app.close();
  await scratch.drop();
}
process.exit(0);
