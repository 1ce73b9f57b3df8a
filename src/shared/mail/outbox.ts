// The outbox: mails are written in the transaction of the change they report and sent later by a job,
// so a crash loses no mail and a failed send is retried.
import { and, asc, eq, isNotNull, lte, lt, sql, type SQL } from 'drizzle-orm';
import { inBatches } from '../db/bulk.js';
import { TenantDb } from '../db/tenant-scope.js';
import type { AppDeps, BackgroundJob } from '../module.js';
import { tenantsRepository } from '../tenancy/index.js';
import type { DeferredMail, Mail } from './mail.js';
import { outboxMessages, type OutboxMessage } from './mail.tables.js';
import type { MailTransport } from './transport.js';

export type { DeferredMail, Mail, MailRenderer } from './mail.js';

/** Writes a mail to the outbox; call it inside the transaction of the change the mail reports. */
export async function enqueueMail(tdb: TenantDb, mail: Mail): Promise<string> {
  const [row] = await outboxInsert(tdb, mail).returning({ id: outboxMessages.id });
  return row!.id;
}

/**
 * The outbox INSERT for `mail`, not yet run: a caller may embed it in a statement of its own (a data-modifying
 * WITH) to save a round trip inside its transaction.
 */
export function outboxInsert(tdb: TenantDb, mail: Mail) {
  return tdb.db.insert(outboxMessages).values(outboxRow(tdb, mail));
}

/**
 * Writes many mails to the outbox in multi-row INSERTs (one per batch, not one per mail); call it inside the
 * transaction of the change the mails report. Returns how many were written.
 */
export async function enqueueMails(tdb: TenantDb, mails: readonly Mail[]): Promise<number> {
  for (const batch of inBatches(mails, OUTBOX_COLUMNS)) await tdb.db.insert(outboxMessages).values(batch.map((mail) => outboxRow(tdb, mail)));
  return mails.length;
}

/** Columns bound per outbox row (the rest take their defaults). */
const OUTBOX_COLUMNS = 10;

function outboxRow(tdb: TenantDb, mail: Mail): typeof outboxMessages.$inferInsert {
  return {
    tenantId: tdb.tenantId,
    kind: mail.kind,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html ?? null,
    attachments: mail.attachments ?? [],
    headers: mail.headers ?? {},
    // Due at once, whatever the clock says (a test clock may lag behind the database's now()).
    nextAttemptAt: new Date(0),
  };
}

/**
 * A call of outbox_enqueue_deferred (migrations booking_function and booking_cost), for a statement or database function of the
 * caller's transaction: writes a mail rendered when it is sent (ADR 0280); subject and text stay empty until then.
 */
export function enqueueDeferredSql(tdb: TenantDb, mail: DeferredMail): SQL {
  return sql`outbox_enqueue_deferred(${tdb.tenantId}, ${mail.kind}, ${mail.to}, ${mail.renderer}, ${JSON.stringify(mail.data)}::jsonb)`;
}

/**
 * Writes a mail rendered when it is sent (ADR 0280): subject and text stay empty until the sender renders `data`
 * with the module's renderer. Call it inside the transaction of the change the mail reports.
 */
export async function enqueueDeferredMail(tdb: TenantDb, mail: DeferredMail): Promise<void> {
  await tdb.db.insert(outboxMessages).values({
    tenantId: tdb.tenantId,
    kind: mail.kind,
    to: mail.to,
    subject: '',
    text: '',
    render: { renderer: mail.renderer, data: mail.data },
    nextAttemptAt: new Date(0),
  });
}

/**
 * What renders the unrendered ones of `messages` and stores the result (one tenant read for all); the returned
 * function gives a message as it is now, rendered, or throws why it cannot be.
 */
async function deferredRenderer(deps: AppDeps, messages: OutboxMessage[]): Promise<(message: OutboxMessage) => Promise<OutboxMessage>> {
  const tenants = messages.some((m) => m.render) ? new Map((await tenantsRepository.list(deps.database.db)).map((t) => [t.id, t])) : new Map();
  return async (message) => {
    if (!message.render) return message;
    const renderer = deps.modules.mailRenderers.get(message.render.renderer);
    const tenant = tenants.get(message.tenantId);
    if (!renderer || !tenant) throw new Error(`no renderer '${message.render.renderer}' for this mail`);
    const mail = await renderer({ tdb: new TenantDb(deps.database.db, tenant.id), tenant, config: deps.config, data: message.render.data });
    const rendered = { subject: mail.subject, text: mail.text, html: mail.html ?? null, attachments: mail.attachments ?? [], headers: mail.headers ?? {}, render: null };
    // Only while still unrendered: a sender running beside this one may have rendered it first.
    await deps.database.db.update(outboxMessages).set(rendered).where(and(eq(outboxMessages.id, message.id), isNotNull(outboxMessages.render)));
    return { ...message, ...rendered };
  };
}

/**
 * Renders every pending mail that is still unrendered (at most `limit`), without sending it: for what shows an
 * outbox's contents before the sender ran (the development mail viewer, tests).
 */
export async function renderOutbox(deps: AppDeps, limit = 1000): Promise<number> {
  const rows = await deps.database.db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.status, 'pending'), isNotNull(outboxMessages.render)))
    .limit(limit);
  const render = await deferredRenderer(deps, rows);
  let rendered = 0;
  for (const row of rows) rendered += await render(row).then(
    () => 1,
    () => 0,
  );
  return rendered;
}

const MAX_ATTEMPTS = 8;

/**
 * Sends due mails (at most `limit`), as many at once as the transport has connections; each row is marked on its
 * own: sent once the server accepted it, otherwise retried with exponential back-off (1 min, 2, 4 … up to ~2 h).
 */
export async function drainOutbox(deps: AppDeps, transport: MailTransport, limit = 20): Promise<{ sent: number; failed: number }> {
  const db = deps.database.db;
  const now = deps.clock.now();
  const due = await db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.status, 'pending'), lte(outboxMessages.nextAttemptAt, now)))
    .orderBy(asc(outboxMessages.nextAttemptAt))
    .limit(limit);
  let sent = 0;
  let failed = 0;
  const render = await deferredRenderer(deps, due);
  // Each lane renders its mail and sends it: rendering (a few queries) overlaps with the other lanes' sending.
  await eachConcurrently(due, transport.concurrency ?? 1, async (message) => {
    try {
      await transport.send(await render(message), deps.config.mailFrom);
      await db
        .update(outboxMessages)
        .set({ status: 'sent', sentAt: now, attempts: message.attempts + 1, lastError: null })
        .where(eq(outboxMessages.id, message.id));
      sent++;
    } catch (err) {
      failed++;
      const attempts = message.attempts + 1;
      const delayMs = Math.min(2 ** (attempts - 1) * 60_000, 2 * 3_600_000);
      await db
        .update(outboxMessages)
        .set({
          attempts,
          status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
          nextAttemptAt: new Date(now.getTime() + delayMs),
          lastError: (err instanceof Error ? err.message : String(err)).slice(0, 300),
        })
        .where(eq(outboxMessages.id, message.id));
      deps.logger.warn({ outboxId: message.id, attempts }, 'mail could not be sent; will retry');
    }
  });
  return { sent, failed };
}

/** Runs `fn` on every item, at most `concurrency` at a time; `fn` handles its own errors. */
async function eachConcurrently<T>(items: readonly T[], concurrency: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
}

/** Mails per batch of the drain job: a few rounds of the SMTP pool, so a stop waits for little. */
const DRAIN_BATCH = 50;
/** The drain job sends batch after batch for at most this long, well inside its 60 s lease (worker.ts). */
const DRAIN_BUDGET_MS = 20_000;

/**
 * The drain job: batch after batch while full batches come back, so a booking peak's mails leave at the pool's
 * speed rather than one batch per run; stops between batches when the worker stops, the budget is spent or a
 * whole batch failed (the server is down: the rest waits for the next run).
 */
export async function drainDue(deps: AppDeps, transport: MailTransport, signal?: AbortSignal): Promise<number> {
  const started = Date.now();
  let total = 0;
  for (;;) {
    const { sent, failed } = await drainOutbox(deps, transport, DRAIN_BATCH);
    total += sent;
    if (sent + failed < DRAIN_BATCH || sent === 0 || signal?.aborted || Date.now() - started > DRAIN_BUDGET_MS) return total;
  }
}

/** Sent mails hold personal data (addresses, contents): they are deleted after 14 days. */
export async function purgeSentMail(deps: AppDeps, days = 14): Promise<number> {
  const cutoff = new Date(deps.clock.now().getTime() - days * 86_400_000);
  const rows = await deps.database.db
    .delete(outboxMessages)
    .where(and(eq(outboxMessages.status, 'sent'), lt(outboxMessages.sentAt, cutoff)))
    .returning({ id: outboxMessages.id });
  return rows.length;
}

/** The platform's own jobs: send what is due (with the deps' transport), and delete sent mail after 14 days. */
export const outboxJobs: BackgroundJob[] = [
  { name: 'mail.drain', everyMs: 5_000, run: async (deps, signal) => ({ done: await drainDue(deps, deps.mailTransport, signal) }) },
  { name: 'mail.purge', everyMs: 3_600_000, run: async (deps) => ({ done: await purgeSentMail(deps) }) },
];
