// npm run bench:outbox — how fast the outbox sends to a local SMTP server (an in-process sink): first the way main
// sent (one SMTP connection per mail, one mail at a time), then the pooled transport with the drain job's loop
// (ADR 0325). Prints mails/s of each and their ratio, measured in the same run; BENCH_DATABASES=pglite for PGlite
// (default: a scratch PostgreSQL database next to BENCH_DATABASE_URL). BENCH_MAILS sets the pooled run's count.
import { readFileSync } from 'node:fs';
import { SMTPServer } from 'smtp-server';
import { seededApp } from './app.js';
import { benchDatabase, type BenchDatabaseKind } from './support.js';
import type { MailTransport } from '#shared/mail/transport.js';

const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const kind = (process.env.BENCH_DATABASES?.split(',')[0] ?? 'postgres') as BenchDatabaseKind;
const pooledMails = Number(process.env.BENCH_MAILS ?? 3_000);
// One connection per mail is slow: fewer mails give the same rate in reasonable time.
const singleMails = Math.max(50, Math.round(pooledMails / 10));

const { TenantDb } = await import('#shared/db/tenant-scope.js');
const { drainDue, drainOutbox, enqueueMails } = await import('#shared/mail/outbox.js');
const { createTransport, SMTP_POOL, toNodemailer } = await import('#shared/mail/transport.js');
const { loadNodemailer } = await import('#shared/libraries.js');

let accepted = 0;
let connections = 0;
const sink = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onConnect: (_session, callback) => void (connections++, callback()),
  onData(stream, _session, callback) {
    stream.on('end', () => void (accepted++, callback()));
    stream.resume();
  },
});
const port = await new Promise<number>((resolve) => sink.listen(0, '127.0.0.1', () => resolve((sink.server.address() as { port: number }).port)));
const smtpUrl = `smtp://127.0.0.1:${port}`;

const database = await benchDatabase(kind);
const { deps, tenant } = await seededApp(database.url);
// About the size of a booking confirmation: text, HTML and a calendar file.
const text = 'Guten Tag,\n\nIhr Termin ist gebucht.\n'.repeat(40);
const mail = (i: number) => ({
  kind: 'bench',
  to: `bench-${i}@example.org`,
  subject: 'Ihr Termin',
  text,
  html: `<!doctype html><html><body><p>${text}</p></body></html>`,
  attachments: [{ filename: 'termin.ics', contentType: 'text/calendar', content: Buffer.from('BEGIN:VCALENDAR\r\n'.repeat(60)).toString('base64') }],
});
const enqueue = (from: number, n: number) => enqueueMails(new TenantDb(deps.database.db, tenant.id), Array.from({ length: n }, (_, i) => mail(from + i)));

async function measure(label: string, n: number, send: () => Promise<unknown>): Promise<number> {
  accepted = 0;
  connections = 0;
  const started = performance.now();
  await send();
  const seconds = (performance.now() - started) / 1000;
  if (accepted !== n) throw new Error(`${label}: ${accepted} of ${n} mails accepted`);
  process.stdout.write(`${label}: ${n} mails in ${seconds.toFixed(1)} s = ${(n / seconds).toFixed(0)} mails/s over ${connections} connections (load average ${loadAverage()})\n`);
  return n / seconds;
}

try {
  process.stdout.write(`bench:outbox — ${kind}, SMTP sink in process, load average before ${loadAverage()}\n`);
  // main: nodemailer without a pool opens a connection per mail, and the sender awaited each before the next.
  await enqueue(0, singleMails);
  const single = await (await loadNodemailer()).createTransport(smtpUrl);
  const perMail: MailTransport = { send: async (m, from) => void (await single.sendMail(toNodemailer(m, from))) };
  const before = await measure('one connection per mail (main)', singleMails, async () => {
    while ((await drainOutbox(deps, perMail, 50)).sent > 0);
  });
  await enqueue(singleMails, pooledMails);
  const pooled = createTransport({ ...deps.config, smtpUrl });
  const after = await measure(`pooled, ${SMTP_POOL.maxConnections} connections`, pooledMails, async () => {
    while ((await drainDue(deps, pooled)) > 0);
  });
  pooled.close?.();
  process.stdout.write(`pooled / per mail: ${(after / before).toFixed(1)}×\n`);
} finally {
  await new Promise<void>((resolve) => sink.close(() => resolve()));
  await deps.database.close();
  await database.drop();
}
