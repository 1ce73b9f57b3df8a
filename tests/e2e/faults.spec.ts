// Fault injection on PostgreSQL against the real server process: database backends terminated during bookings
// and uploads, the virus scanner down, the mail server down, and the database blackholed by a network
// partition. Each case asserts that the process lives, that clients get a clean answer in time, and that
// nothing is lost or half-written. Needs TEST_DATABASE_URL (CI: npm run test:db); skipped on PGlite, which
// has no connections to lose.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, eq, isNull } from 'drizzle-orm';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAppDeps } from '../../src/deps.js';
import { pdfWithPages } from '../../src/modules/unterlagen/files/test/fixtures.js';
import { expectUploadsIntact } from '../../src/modules/unterlagen/testing.js';
import { createTestLocation, liftLimits, type TestLocation } from '../../src/modules/termine/testing.js';
import { terminAppointments, terminSeats } from '../../src/modules/termine/termine.tables.js';
import { uploads } from '../../src/modules/unterlagen/unterlagen.tables.js';
import { fixedClock } from '#shared/clock.js';
import { loadConfig } from '#shared/config.js';
import { openDatabase, type Database } from '#shared/db/client.js';
import { createLogger } from '#shared/logger.js';
import { drainOutbox } from '#shared/mail/outbox.js';
import { outboxMessages } from '#shared/mail/mail.tables.js';
import { createTransport } from '#shared/mail/transport.js';
import type { AppDeps } from '#shared/module.js';
import { tenantsRepository, type Tenant } from '#shared/tenancy/index.js';
import { ContractChecker } from '#shared/testing/contract.js';
import type { DatabaseTemplate } from '#shared/testing/global-setup.js';
import { createScratchDatabase, freePort, startServerProcess, type ScratchDatabase, type ServerProcess } from '#shared/testing/scratch.js';
import { expectAccessible, launchBrowser } from './support/browser.js';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy.js';

const adminUrl = process.env.TEST_DATABASE_URL;
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
// Short timeouts keep the test short; the defaults are 5 s and 10 s.
const CONNECT_TIMEOUT_MS = 2_000;
const STATEMENT_TIMEOUT_MS = 3_000;

describe.skipIf(!adminUrl)('faults on PostgreSQL', () => {
  let scratch: ScratchDatabase;
  let proxy: TcpProxy;
  let server: ServerProcess;
  let dataDir: string;
  let database: Database;
  let deps: AppDeps;
  let tenant: Tenant;
  let place: TestLocation;
  const clock = fixedClock(new Date());
  const booked: { id: string; email: string }[] = [];
  const acknowledgedUploads: string[] = [];

  beforeAll(async () => {
    const template = inject('databaseTemplate') as DatabaseTemplate | undefined;
    scratch = await createScratchDatabase(adminUrl!, 'ww_faults', template?.kind === 'postgres' ? template.name : undefined);
    const target = new URL(scratch.url);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const proxied = new URL(scratch.url);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(proxy.port);
    dataDir = await mkdtemp(join(tmpdir(), 'wegweiser-faults-'));
    // Nothing listens on these: the virus scanner and the mail server are down from the start.
    const deadPorts = { clamd: await freePort(), smtp: await freePort() };
    const env = {
      NODE_ENV: 'test',
      CAPTCHA: 'off',
      RATE_LIMITS: 'off',
      WORKER: 'off',
      LOG_LEVEL: 'silent',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: proxied.toString(),
      DB_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
      DB_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
      CLAMD_HOST: '127.0.0.1',
      CLAMD_PORT: String(deadPorts.clamd),
      SMTP_URL: `smtp://127.0.0.1:${deadPorts.smtp}`,
    };
    server = await startServerProcess({ entry: 'sources', cwd: repoRoot, env });
    database = await openDatabase({ url: scratch.url, poolSize: 2 });
    deps = await createAppDeps({ config: loadConfig(env), database, clock, logger: createLogger('silent') });
    tenant = (await tenantsRepository.bySlug(database.db, 'neue-wege'))!;
    place = await createTestLocation(deps, tenant, { seatsTotal: 40 });
    await liftLimits(deps, tenant);
  });

  afterAll(async () => {
    if (server?.child.exitCode === null) server.child.kill('SIGKILL');
    await database?.close();
    await proxy?.close();
    await scratch?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const base = () => `${server.baseUrl}`;
  const api = () => `${base()}/api/v1/t/neue-wege`;
  /** The next working days' slots (09:00–15:45 Berlin, in winter UTC+1), so every attempt can find a seat. */
  const slots = (() => {
    const result: string[] = [];
    for (let day = 1; result.length < 200; day++) {
      const date = new Date(Date.now() + day * 86_400_000);
      if (date.getUTCDay() === 0 || date.getUTCDay() === 6) continue;
      const ymd = date.toISOString().slice(0, 10);
      for (let minutes = 9 * 60; minutes < 16 * 60; minutes += 15) {
        result.push(new Date(`${ymd}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00+01:00`).toISOString());
      }
    }
    return result;
  })();

  let attempt = 0;
  async function book(): Promise<Response> {
    const n = attempt++;
    const email = `fault-${n}@example.org`;
    const response = await fetch(`${api()}/appointments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ location: place.locationId, service: [place.serviceId], persons: 1, startsAt: slots[n % slots.length], name: `Person ${n}`, email }),
    });
    if (response.status === 201) booked.push({ id: ((await response.clone().json()) as { id: string }).id, email });
    return response;
  }

  let pdf: Uint8Array<ArrayBuffer> | undefined;
  async function upload(): Promise<Response> {
    pdf ??= new Uint8Array(await pdfWithPages(1));
    const form = new FormData();
    form.append('bgNummer', '12345BG0012345');
    form.append('lastName', 'Beispiel');
    form.append('birthDate', '1980-01-31');
    form.append('documentType', 'kontoauszuege');
    form.append('file', new Blob([pdf], { type: 'application/pdf' }), 'konto.pdf');
    const response = await fetch(`${api()}/uploads`, { method: 'POST', body: form });
    if (response.status === 201) acknowledgedUploads.push(((await response.clone().json()) as { id: string }).id);
    return response;
  }

  async function waitReady(withinMs: number): Promise<number> {
    const started = Date.now();
    while (Date.now() - started < withinMs) {
      if ((await fetch(`${base()}/health/ready`)).status === 200) return Date.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`not ready again within ${withinMs} ms`);
  }

  it('keeps running when every backend is terminated during bookings and uploads; nothing is half-written', { timeout: 120_000 }, async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    const statuses: number[] = [];
    const networkErrors: string[] = [];
    let terminated = 0;
    let running = true;
    const load = async (kind: 'book' | 'upload' | 'page') => {
      while (running) {
        const response = await (kind === 'book' ? book() : kind === 'upload' ? upload() : fetch(`${base()}/t/neue-wege/termine`)).catch((err: Error) => {
          networkErrors.push(err.message);
          return undefined;
        });
        if (response) {
          statuses.push(response.status);
          await response.arrayBuffer();
        }
      }
    };
    const killer = async () => {
      for (let round = 0; round < 5; round++) {
        await new Promise((resolve) => setTimeout(resolve, 1_200));
        const result = await admin.query('select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [scratch.name]);
        terminated += (result.rows[0] as { n: number }).n;
      }
      running = false;
    };
    await Promise.all([killer(), load('book'), load('book'), load('upload'), load('page')]);
    await admin.end();

    expect(terminated, 'backends terminated').toBeGreaterThan(0);
    expect(server.child.exitCode, 'the server process is still running').toBeNull();
    expect(networkErrors, 'every request got an answer').toEqual([]);
    // Clean failures only: 503 (try again) while the connections are replaced, never a 500.
    expect(statuses.filter((s) => ![200, 201, 503].includes(s)), `statuses ${JSON.stringify(statuses)}`).toEqual([]);
    expect(booked.length).toBeGreaterThan(0);
    expect(acknowledgedUploads.length).toBeGreaterThan(0);
    expect(await waitReady(10_000)).toBeLessThan(10_000);

    // Every booking that was confirmed is stored; every stored booking is whole: its seat and its mail.
    const appointments = await database.db.select().from(terminAppointments).where(eq(terminAppointments.locationId, place.locationId));
    const ids = new Set(appointments.map((a) => a.id));
    for (const { id } of booked) expect(ids.has(id), `booking ${id}`).toBe(true);
    const mails = await database.db.select({ to: outboxMessages.to }).from(outboxMessages);
    for (const appointment of appointments) {
      const seats = await database.db.select().from(terminSeats).where(and(eq(terminSeats.appointmentId, appointment.id), isNull(terminSeats.expiresAt)));
      expect(seats.length, `seats of ${appointment.id}`).toBe(appointment.persons);
      expect(mails.filter((m) => m.to === appointment.email).length, `mail for ${appointment.id}`).toBe(1);
    }
    // Every acknowledged upload is whole (the scanner is down: they wait in quarantine, not lost). The cleanup
    // repairs rows older than its clock; the server wrote them on the real clock after this one was fixed.
    clock.set(new Date(Date.now() + 1_000));
    await expectUploadsIntact(deps, acknowledgedUploads, 1);
    const stored = await database.db.select({ id: uploads.id, scanStatus: uploads.scanStatus }).from(uploads);
    for (const id of acknowledgedUploads) expect(stored.find((u) => u.id === id)?.scanStatus, id).toBe('pending');
  });

  it('answers 503 in time while the database is blackholed, and recovers when the network heals', { timeout: 120_000 }, async () => {
    expect(await waitReady(10_000)).toBeLessThan(10_000);
    const contract = new ContractChecker((await (await fetch(`${base()}/api/openapi.json`)).json()) as ConstructorParameters<typeof ContractChecker>[0]);
    proxy.blackhole();
    try {
      const timed = async (run: () => Promise<Response>) => {
        const started = Date.now();
        const response = await run();
        return { status: response.status, ms: Date.now() - started, body: await response.text(), retryAfter: response.headers.get('retry-after'), contentType: response.headers.get('content-type') };
      };
      const [ready, live, page, booking] = await Promise.all([
        timed(() => fetch(`${base()}/health/ready`)),
        timed(() => fetch(`${base()}/health/live`)),
        timed(() => fetch(`${base()}/t/neue-wege/termine`)),
        timed(book),
      ]);
      expect(ready.status).toBe(503);
      expect(ready.ms).toBeLessThan(3_000);
      expect(live.status).toBe(200);
      expect(live.ms).toBeLessThan(1_000);
      expect(page.status).toBe(503);
      expect(page.body).toContain('Vorübergehend nicht erreichbar');
      expect(page.retryAfter).toBe('10');
      // One statement's wait (statement timeout plus the client's margin), at most twice for a transaction's rollback.
      expect(page.ms).toBeLessThan(2 * (STATEMENT_TIMEOUT_MS + 2_000) + 1_000);
      expect(booking.status).toBe(503);
      expect(booking.body).toContain('"status":503');
      // Documented by operation() on every operation; the answer matches the document.
      expect(contract.check('bookAppointment', 'POST', `${api()}/appointments`.slice(base().length), { statusCode: booking.status, headers: { 'content-type': booking.contentType ?? '' }, body: booking.body, json: () => JSON.parse(booking.body) as unknown } as unknown as Parameters<ContractChecker['check']>[3])).toEqual([]);
      expect(booking.ms).toBeLessThan(2 * (STATEMENT_TIMEOUT_MS + 2_000) + 1_000);
      expect(server.child.exitCode).toBeNull();

      // The error page a person sees meanwhile: translated and accessible (its styles need no database).
      const browser = await launchBrowser();
      try {
        const page = await browser.newPage({ viewport: { width: 390, height: 900 }, locale: 'de-DE' });
        const response = await page.goto(`${base()}/t/neue-wege/termine`);
        expect(response?.status()).toBe(503);
        await expectAccessible(page, 'database unavailable');
        if (process.env.SHOTS_DIR) await page.screenshot({ path: `${process.env.SHOTS_DIR}/unavailable-390.png`, fullPage: true });
      } finally {
        await browser.close();
      }
    } finally {
      proxy.heal();
    }
    expect(await waitReady(10_000)).toBeLessThan(10_000);
    expect((await fetch(`${base()}/t/neue-wege/termine`)).status).toBe(200);
    expect((await book()).status).toBe(201);
  });

  it('keeps every mail in the outbox while the mail server is down and sends each once when it is back', { timeout: 90_000 }, async () => {
    const pending = async () => (await database.db.select().from(outboxMessages).where(eq(outboxMessages.status, 'pending'))).length;
    const before = await pending();
    expect(before).toBeGreaterThanOrEqual(booked.length);
    // Down: every attempt fails, every mail stays, with its error and a later attempt time.
    // The first test books for a fixed time, so how many mails wait depends on the machine (745 on a quiet one since a
    // booking is one database call): drain them all. Over the SMTP pool (ADR 0325) down and up took 27 ms per mail at a
    // load average of 18 (173 mails in 4.8 s); the timeout allows 1,000 mails at 3× that.
    const down = await drainOutbox(deps, deps.mailTransport, 100_000);
    expect(down).toEqual({ sent: 0, failed: before });
    expect(await pending()).toBe(before);
    const [failedOnce] = await database.db.select().from(outboxMessages).where(eq(outboxMessages.status, 'pending')).limit(1);
    expect(failedOnce!.attempts).toBe(1);
    expect(failedOnce!.lastError).toBeTruthy();

    const received: string[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        stream.on('end', () => {
          received.push(session.envelope.rcptTo.map((r) => r.address).join(','));
          callback();
        });
        stream.resume();
      },
    });
    const port = await new Promise<number>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve((smtp.server.address() as { port: number }).port)));
    const transport = createTransport(loadConfig({ NODE_ENV: 'test', SMTP_URL: `smtp://127.0.0.1:${port}` }));
    try {
      clock.advance(5 * 60_000);
      const up = await drainOutbox(deps, transport, 100_000);
      expect(up).toEqual({ sent: before, failed: 0 });
      expect(await pending()).toBe(0);
      for (const { email } of booked) expect(received.filter((to) => to === email).length, email).toBe(1);
    } finally {
      // The pool keeps its connections open; the server's close waits for them.
      transport.close?.();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  });
});
