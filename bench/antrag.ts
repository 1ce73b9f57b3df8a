// npm run bench:antrag — pages per second of complete Erstantrag wizard runs (GET each page, POST
// each answer, submit) by 20 concurrent users, next to a static page fetched by 20 concurrent
// users in the same run against the same server. Prints the figures and their ratio. Not a test.
import { householdOfThree, runJourney, encodeForm, type Form, type HttpClient } from '../src/modules/antrag/testing.js';
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

const kinds = (process.env.BENCH_DATABASES ?? 'pglite,postgres').split(',') as ('pglite' | 'postgres')[];
process.stdout.write(`Erstantrag wizard, ${users} concurrent users, ${seconds} s per measurement\n`);
for (const [i, kind] of kinds.entries()) process.stdout.write(`${await measure(kind, 3911 + i)}\n`);
