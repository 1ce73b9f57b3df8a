// Two web nodes on one PostgreSQL database (doc/scaling.md): a node keeps no state a request of another node
// depends on. A hold made through node A is booked through node B, a call at the desk of node A shows on a
// waiting-room screen served by node B, a staff session works on both, a job runs once however many nodes try,
// and a mail leaves once while a node with WORKER=on and a worker both drain the outbox.
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { openDatabase, type Database } from '#shared/db/client.js';
import { TenantDb } from '#shared/db/tenant-scope.js';
import { runJobOnce, startWorker } from '#shared/jobs/worker.js';
import { outboxMessages } from '#shared/mail/mail.tables.js';
import { enqueueMail, outboxJobs } from '#shared/mail/outbox.js';
import type { MailTransport } from '#shared/mail/transport.js';
import { backgroundJobs } from './deps.js';
import { describeTestDatabase } from '#shared/testing/database.js';
import { createTestContext, type TestContext } from './testing/app.js';
import { deskLocations } from './modules/servicepoint/termine.adapter.js';
import { loginAs } from './modules/staff/testing.js';
import { createTestLocation, liftLimits, type TestLocation } from './modules/termine/testing.js';

const api = '/api/v1/t/neue-wege';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Two nodes need a database both can reach: PostgreSQL.
describe.skipIf(describeTestDatabase() === 'pglite')('two web nodes on one PostgreSQL database', () => {
  let ctx: TestContext;
  let second: Database;
  let nodeB: FastifyInstance;
  let place: TestLocation;

  beforeAll(async () => {
    ctx = await createTestContext({ now: '2026-11-25T09:00:00Z' });
    await liftLimits(ctx.deps, ctx.tenant);
    place = await createTestLocation(ctx.deps, ctx.tenant, { seatsTotal: 1 });
    const result = await ctx.database.db.execute(sql`select current_database() as name`);
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${(result as unknown as { rows: { name: string }[] }).rows[0]!.name}`;
    second = await openDatabase({ url: url.toString(), poolSize: 5 });
    nodeB = await buildApp({ ...ctx.deps, database: second });
    await nodeB.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    // The screen's stream may still be open on the server side.
    nodeB?.server.closeAllConnections();
    await nodeB?.close();
    await second?.close();
    await ctx?.close();
  });

  it('books through node B the slot held through node A, and node A then sees it taken', async () => {
    const startsAt = new Date('2026-11-26T09:00:00+01:00').toISOString();
    const slot = { location: place.locationId, service: [place.serviceId], startsAt };
    const hold = await ctx.app.inject({ method: 'POST', url: `${api}/holds`, payload: slot });
    expect(hold.statusCode).toBe(201);
    const holdId = hold.json<{ holdId: string }>().holdId;

    const booked = await nodeB.inject({ method: 'POST', url: `${api}/appointments`, payload: { holdId, name: 'Erika Muster', email: 'erika@example.org' } });
    expect(booked.statusCode).toBe(201);
    expect(booked.json<{ status: string; startsAt: string }>()).toMatchObject({ status: 'booked', startsAt });

    // The only seat is gone on both nodes: no free time at 09:00, and a direct booking through A is refused.
    const q = `location=${place.locationId}&service=${place.serviceId}&date=2026-11-26`;
    for (const node of [ctx.app, nodeB]) {
      const times = (await node.inject({ url: `${api}/availability/times?${q}` })).json<{ times: { startsAt: string }[] }>().times;
      expect(times.map((t) => t.startsAt)).not.toContain(startsAt);
    }
    const again = await ctx.app.inject({ method: 'POST', url: `${api}/appointments`, payload: { ...slot, name: 'Max Muster', email: 'max@example.org' } });
    expect(again.statusCode).toBe(409);
  });

  it('shows on a screen served by node B the number called at the desk of node A (and the desk login works on both)', async () => {
    const locationId = (await deskLocations({ tdb: new TenantDb(ctx.deps.database.db, ctx.tenant.id), tenant: ctx.tenant, deps: ctx.deps }))[0]!.id;
    const desk = await loginAs(ctx, ['servicepoint']);
    const deskPath = `/t/neue-wege/staff/servicepoint/${locationId}`;
    expect((await nodeB.inject({ url: deskPath, cookies: desk.cookies })).statusCode).toBe(200);

    const controller = new AbortController();
    const port = (nodeB.server.address() as AddressInfo).port;
    const response = await fetch(`http://127.0.0.1:${port}/t/neue-wege/servicepoint/anzeige/${locationId}/events`, { signal: controller.signal });
    expect(response.status).toBe(200);
    let text = '';
    const reader = response.body!.getReader();
    void (async () => {
      for (;;) {
        const chunk = await reader.read().catch(() => ({ done: true as const, value: undefined }));
        if (chunk.done) return;
        text += Buffer.from(chunk.value).toString('utf8');
      }
    })();
    try {
      const walkIn = await ctx.app.inject({ method: 'POST', url: `${deskPath}/spontan`, cookies: desk.cookies, payload: { serviceId: '', _csrf: desk.csrfToken } });
      expect(walkIn.statusCode).toBe(303);
      const called = await ctx.app.inject({ method: 'POST', url: `${deskPath}/aufruf`, cookies: desk.cookies, payload: { counter: '4', _csrf: desk.csrfToken } });
      const ticket = String(Number(/ticket=(\d+)/.exec(String(called.headers.location))![1])).padStart(3, '0');
      const shown = `"number":"${ticket}","counter":"4"`;
      for (let waited = 0; !text.includes(shown) && waited < 5_000; waited += 100) await sleep(100);
      expect(text).toContain(shown);
    } finally {
      controller.abort();
    }
  });

  it('runs a job on one node only when both try at the same moment', async () => {
    const purge = outboxJobs.find((j) => j.name === 'mail.purge')!;
    const ran = await Promise.all([runJobOnce(ctx.deps, purge), runJobOnce({ ...ctx.deps, database: second }, purge)]);
    expect(ran.filter(Boolean)).toHaveLength(1);
  });

  it('sends each mail once while a node with WORKER=on and a worker both drain the outbox', async () => {
    const tdb = new TenantDb(ctx.deps.database.db, ctx.tenant.id);
    const ids = await Promise.all(Array.from({ length: 12 }, (_, i) => enqueueMail(tdb, { kind: 'test', to: `mail-${i}@example.org`, subject: 'Once', text: 'once' })));
    const sent: string[] = [];
    const counting: MailTransport = { send: async (message) => void sent.push(message.id) };
    // The loop a node runs with WORKER=on and the one `npm run worker` runs, each on its own pool, polling every 20 ms.
    const node = { ...ctx.deps, mailTransport: counting };
    const worker = { ...ctx.deps, database: second, mailTransport: counting };
    const loops = [startWorker(node, backgroundJobs(node), 20), startWorker(worker, backgroundJobs(worker), 20)];
    try {
      for (let waited = 0; ids.some((id) => !sent.includes(id)) && waited < 10_000; waited += 50) await sleep(50);
      await sleep(500);
    } finally {
      await Promise.all(loops.map((loop) => loop.stop()));
    }
    expect(sent.filter((id) => ids.includes(id)).sort()).toEqual([...ids].sort());
    const rows = await ctx.database.db.select().from(outboxMessages);
    expect(rows.filter((row) => ids.includes(row.id)).map((row) => [row.status, row.attempts])).toEqual(ids.map(() => ['sent', 1]));
  });
});
