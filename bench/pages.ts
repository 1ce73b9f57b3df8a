// npm run bench:pages — the tenant start page under load, next to a bare Fastify route measured in the
// same run, and the server's memory after start on PGlite and PostgreSQL. Prints figures and ratios.
import Fastify from 'fastify';
import { benchDatabase, load, rssMb, startServer, stop, type BenchDatabaseKind } from './support.js';

const duration = Number(process.env.BENCH_SECONDS ?? 10);

async function bareBaseline() {
  const app = Fastify();
  app.get('/', async (_req, reply) => reply.type('text/html').send('<!doctype html><html lang="de"><title>x</title><p>ok</p></html>'));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const result = await load(`http://127.0.0.1:${port}/`, 50, duration);
  await app.close();
  return result;
}

async function measure(kind: BenchDatabaseKind, port: number) {
  const database = await benchDatabase(kind);
  const server = await startServer(database.url ? { DATABASE_URL: database.url } : {}, port);
  const rssAfterStart = rssMb(server.child.pid!);
  const page = await load(`http://127.0.0.1:${port}/t/neue-wege`, 50, duration);
  const rssAfterLoad = rssMb(server.child.pid!);
  await stop(server);
  await database.drop();
  return { page, rssAfterStart, rssAfterLoad };
}

const baseline = await bareBaseline();
const rows: string[] = [];
rows.push(`bare Fastify route:      ${baseline.requestsPerSecond.toFixed(0)} req/s, p99 ${baseline.p99Ms} ms`);
for (const [kind, port] of [['pglite', 3901], ['postgres', 3902]] as const) {
  const r = await measure(kind, port);
  const ratio = (r.page.requestsPerSecond / baseline.requestsPerSecond) * 100;
  rows.push(
    `start page on ${kind.padEnd(8)}: ${r.page.requestsPerSecond.toFixed(0)} req/s, p99 ${r.page.p99Ms} ms, ` +
      `${ratio.toFixed(1)} % of the bare route (goal ≥ 20 %), errors ${r.page.errors + r.page.non2xx}; ` +
      `RSS after start ${r.rssAfterStart.toFixed(0)} MB${kind === 'pglite' ? ' (goal < 250 MB)' : ''}, after load ${r.rssAfterLoad.toFixed(0)} MB`,
  );
}
process.stdout.write(`${rows.join('\n')}\n`);
