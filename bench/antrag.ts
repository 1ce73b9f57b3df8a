// npm run bench:antrag — pages per second of complete Erstantrag wizard runs (GET each page, POST
// each answer, submit) by 20 concurrent users, next to a static page fetched by 20 concurrent
// users in the same run against the same server. Then the page save alone (load and decrypt the draft, validate,
// encrypt, write; answered 303) against a plain UPDATE of the same draft row through the same pool and HTTP stack
// (`--serve`: the app in a child process with that baseline route). Prints the figures and their ratios. Not a test.
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { householdOfThree, runJourney, encodeForm, type Form, type HttpClient } from '../src/modules/antrag/testing.js';
import { seededApp } from './app.js';
import { benchDatabase, startServer, stop, type BenchDatabaseKind } from './support.js';

const users = Number(process.env.BENCH_USERS ?? 20);
const seconds = Number(process.env.BENCH_SECONDS ?? 20);

/** fetch with a cookie jar and without following redirects: one request is one page. */
function fetchClient(origin: string): HttpClient {
  const cookies = new Map<string, string>();
  const send = async (method: 'GET' | 'POST', path: string, form?: Form) => {
    const res = await fetch(`${origin}${path}`, {
      method,
      redirect: 'manual',
      headers: {
        cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(form ? { body: encodeForm(form) } : {}),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair = ''] = c.split(';');
      const i = pair.indexOf('=');
      cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
    return { status: res.status, location: res.headers.get('location') ?? undefined, body: await res.text() };
  };
  return { get: (path) => send('GET', path), post: (path, form) => send('POST', path, form) };
}

async function wizard(origin: string): Promise<{ pages: number; journeys: number; seconds: number }> {
  const until = Date.now() + seconds * 1000;
  const started = Date.now();
  let pages = 0;
  let journeys = 0;
  await Promise.all(
    Array.from({ length: users }, async () => {
      while (Date.now() < until) {
        const result = await runJourney(fetchClient(origin), '/t/neue-wege', householdOfThree());
        pages += result.pages;
        journeys++;
      }
    }),
  );
  return { pages, journeys, seconds: (Date.now() - started) / 1000 };
}

async function staticPage(origin: string): Promise<{ pages: number; seconds: number }> {
  const until = Date.now() + seconds * 1000;
  const started = Date.now();
  let pages = 0;
  await Promise.all(
    Array.from({ length: users }, async () => {
      while (Date.now() < until) {
        const res = await fetch(`${origin}/t/neue-wege/impressum`);
        await res.text();
        if (res.status !== 200) throw new Error(`static page: ${res.status}`);
        pages++;
      }
    }),
  );
  return { pages, seconds: (Date.now() - started) / 1000 };
}

async function measure(kind: BenchDatabaseKind, port: number): Promise<string> {
  const database = await benchDatabase(kind);
  const env: Record<string, string> = database.url ? { DATABASE_URL: database.url } : {};
  const server = await startServer(env, port);
  const origin = `http://127.0.0.1:${port}`;
  try {
    // A short warm-up so both measurements start with compiled code and a filled tenant cache.
    await runJourney(fetchClient(origin), '/t/neue-wege', householdOfThree());
    const baseline = await staticPage(origin);
    const run = await wizard(origin);
    const basePps = baseline.pages / baseline.seconds;
    const wizardPps = run.pages / run.seconds;
    return (
      `${kind.padEnd(8)} static page: ${basePps.toFixed(0)} pages/s · wizard: ${wizardPps.toFixed(0)} pages/s ` +
      `(${run.journeys} complete applications, ${(run.journeys / run.seconds).toFixed(2)}/s) · ratio wizard/static ${(wizardPps / basePps).toFixed(3)}`
    );
  } finally {
    await stop(server);
    await database.drop();
  }
}

/**
 * The app with one more route: the baseline, one plain UPDATE of this browser's draft row that writes a new value of
 * its sealed data (the same bytes and one extra key the reader ignores, so the draft still opens).
 */
async function serve(port: number, url: string | undefined) {
  const { systemClock } = await import('#shared/clock.js');
  const { sql } = await import('drizzle-orm');
  const { buildApp } = await import('../src/app.js');
  const { deps, database, tenant } = await seededApp(url, systemClock);
  const app = await buildApp(deps);
  app.post('/bench/draft-update', async (request, reply) => {
    const token = request.cookies.ww_form_erstantrag ?? '';
    const tokenHash = createHash('sha256').update(token).digest('base64url');
    await database.db.execute(
      sql`update form_drafts set data = jsonb_set(data, '{bench}', to_jsonb(${randomBytes(12).toString('base64')}::text)), updated_at = now(), version = version + 1
          where tenant_id = ${tenant.id} and token_hash = ${tokenHash}`,
    );
    return reply.redirect('/t/neue-wege/antrag/aufgaben', 303);
  });
  await app.listen({ port, host: '127.0.0.1' });
  process.once('SIGTERM', () => void app.close().then(() => database.close()).then(() => process.exit(0)));
  process.send?.({ ready: true });
}

/** `users` clients, each with a complete draft of its own, POST `path` with `form` for `seconds`; every answer must be 303. */
async function posts(origin: string, clients: HttpClient[], path: string, form: Form): Promise<{ perSecond: number; p99: number; count: number }> {
  const until = Date.now() + seconds * 1000;
  const started = Date.now();
  const times: number[] = [];
  await Promise.all(
    clients.map(async (client) => {
      while (Date.now() < until) {
        const t0 = performance.now();
        const res = await client.post(path, form);
        times.push(performance.now() - t0);
        if (res.status !== 303) throw new Error(`${path}: ${res.status} ${res.body.slice(0, 200)}`);
      }
    }),
  );
  times.sort((a, b) => a - b);
  return { perSecond: times.length / ((Date.now() - started) / 1000), p99: times[Math.floor(times.length * 0.99)]!, count: times.length };
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux, where the benchmarks run). */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0; // the process has ended
  }
}

/**
 * CPU used by the app process and by its PostgreSQL connections (their backend processes on this machine; PGlite runs
 * inside the app). CPU per request does not depend on what else the machine runs, requests per second do.
 */
async function cpuMeter(appPid: number, url: string | undefined) {
  const { default: pg } = await import('pg');
  const backends = async (): Promise<number[]> => {
    if (!url) return [];
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
    await client.end();
    return rows.map((r) => r.pid);
  };
  return async <T>(run: () => Promise<T>): Promise<T & { appMs: number; dbMs: number }> => {
    const pids = await backends();
    const app0 = cpuSeconds(appPid);
    const db0 = new Map(pids.map((pid) => [pid, cpuSeconds(pid)]));
    const result = await run();
    const dbSeconds = [...new Set([...pids, ...(await backends())])].reduce((sum, pid) => sum + cpuSeconds(pid) - (db0.get(pid) ?? 0), 0);
    return { ...result, appMs: (cpuSeconds(appPid) - app0) * 1000, dbMs: dbSeconds * 1000 };
  };
}

async function measureSave(kind: BenchDatabaseKind, port: number): Promise<string> {
  const database = await benchDatabase(kind);
  const child = fork(new URL(import.meta.url).pathname, ['--serve', String(port), database.url ?? ''], {
    // BENCH_CPU_PROFILE=<dir>: the server writes a V8 CPU profile there when it stops (bench/profile-summary.ts).
    execArgv: ['--import', 'tsx', ...(process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [])],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const origin = `http://127.0.0.1:${port}`;
  try {
    await new Promise((resolve, reject) => {
      child.once('message', resolve);
      child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
    });
    // Every client fills a whole application (all pages, not submitted): the draft a late page save rewrites.
    const steps = householdOfThree();
    const clients = Array.from({ length: users }, () => fetchClient(origin));
    for (const client of clients) await runJourney(client, '/t/neue-wege', steps, { submit: false });
    const page = steps.find((s) => s.page === 'bank/konto')!;
    const path = `/t/neue-wege/antrag/${page.page}`;
    await posts(origin, clients.slice(0, 2), path, page.form);
    const metered = await cpuMeter(child.pid!, database.url);
    const baseline = await metered(() => posts(origin, clients, '/bench/draft-update', {}));
    const save = await metered(() => posts(origin, clients, path, page.form));
    const cpu = (m: typeof save) => {
      const each = (ms: number) => ((ms * 1000) / m.count).toFixed(0);
      return database.url ? `${each(m.appMs)} µs app + ${each(m.dbMs)} µs PostgreSQL` : `${each(m.appMs)} µs`;
    };
    return (
      `${kind.padEnd(8)} page save: ${save.perSecond.toFixed(0)}/s (p99 ${save.p99.toFixed(0)} ms) · plain UPDATE of the draft row: ` +
      `${baseline.perSecond.toFixed(0)}/s (p99 ${baseline.p99.toFixed(0)} ms) · ratio ${((save.perSecond / baseline.perSecond) * 100).toFixed(1)} % (goal ≥ 50 %)\n` +
      `${''.padEnd(8)} CPU per request: page save ${cpu(save)} · UPDATE ${cpu(baseline)}`
    );
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await database.drop();
  }
}

if (process.argv[2] === '--serve') {
  await serve(Number(process.argv[3]), process.argv[4] || undefined);
} else {
  const kinds = (process.env.BENCH_DATABASES ?? 'pglite,postgres').split(',') as ('pglite' | 'postgres')[];
  const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  process.stdout.write(`Erstantrag wizard, ${users} concurrent users, ${seconds} s per measurement\n`);
  for (const [i, kind] of kinds.entries()) {
    if (process.env.BENCH_PARTS !== 'save') process.stdout.write(`${await measure(kind, 3911 + i)}\n`);
    process.stdout.write(`${await measureSave(kind, 3913 + i)} · load average ${load()}\n`);
  }
}
