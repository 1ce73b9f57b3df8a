// The outbox: mails are written in the transaction of the change they report and sent later by a job,
// so a crash loses no mail and a failed send is retried.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNotNull, isNull, lte, lt, or, sql, type SQL } from 'drizzle-orm';
import { inBatches } from '../db/bulk.js';
import type { Db } from '../db/client.js';
import { TenantDb } from '../db/tenant-scope.js';
import type { AppDeps, BackgroundJob } from '../module.js';
import { tenantsRepository } from '../tenancy/index.js';
import type { DeferredMail, Mail, RenderBatch } from './mail.js';
import { outboxMessages, type OutboxMessage } from './mail.tables.js';
import type { MailTransport } from './transport.js';

export type { DeferredMail, Mail, MailRenderer, RenderBatch } from './mail.js';

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

/** The columns a sender fills when it renders a deferred mail. */
type Rendered = Pick<OutboxMessage, 'subject' | 'text' | 'html' | 'attachments' | 'headers' | 'render'>;

/**
 * What renders the unrendered ones of `messages` (one tenant read for all, and one RenderBatch per tenant, so the
 * mails of a batch share what their renderer loads); the returned function gives a message's rendered columns,
 * undefined when it was rendered already, or throws why it cannot be rendered.
 */
async function deferredRenderer(deps: AppDeps, messages: OutboxMessage[]): Promise<(message: OutboxMessage) => Promise<Rendered | undefined>> {
  const tenants = messages.some((m) => m.render) ? new Map((await tenantsRepository.list(deps.database.db)).map((t) => [t.id, t])) : new Map();
  const batches = new Map<string, RenderBatch>();
  return async (message) => {
    if (!message.render) return undefined;
    const renderer = deps.modules.mailRenderers.get(message.render.renderer);
    const tenant = tenants.get(message.tenantId);
    if (!renderer || !tenant) throw new Error(`no renderer '${message.render.renderer}' for this mail`);
    // One per tenant: what a renderer loads through it never reaches another tenant's mail.
    let batch = batches.get(tenant.id);
    if (!batch) batches.set(tenant.id, (batch = renderBatch()));
    const mail = await renderer({ tdb: new TenantDb(deps.database.db, tenant.id), tenant, config: deps.config, data: message.render.data, batch });
    return { subject: mail.subject, text: mail.text, html: mail.html ?? null, attachments: mail.attachments ?? [], headers: mail.headers ?? {}, render: null };
  };
}

/** A RenderBatch: one promise per key; a failed load is forgotten, so the next mail that asks loads again. */
function renderBatch(): RenderBatch {
  const loaded = new Map<string, Promise<unknown>>();
  return {
    once<T>(key: string, load: () => Promise<T>): Promise<T> {
      const known = loaded.get(key) as Promise<T> | undefined;
      if (known) return known;
      const loading = load();
      loaded.set(key, loading);
      loading.catch(() => loaded.delete(key));
      return loading;
    },
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
  for (const row of rows) {
    const columns = await render(row).catch(() => undefined);
    if (!columns) continue;
    // Only while still unrendered: a sender may have rendered and sent it meanwhile.
    await deps.database.db.update(outboxMessages).set(columns).where(and(eq(outboxMessages.id, row.id), isNotNull(outboxMessages.render)));
    rendered++;
  }
  return rendered;
}

const MAX_ATTEMPTS = 8;

/**
 * How long a sender holds the rows it claimed (ADR 0365). Another sender takes a row over only after this, so a
 * crashed sender's mails leave a few minutes late and a living sender's are not sent twice.
 */
const CLAIM_MS = 5 * 60_000;
/**
 * A sender starts no send later than this into its claim: every send it starts has three minutes before another
 * sender may take the row over. What a slow server left unsent it hands back at the end of the batch.
 */
const SEND_WINDOW_MS = 2 * 60_000;
/**
 * A send that has not finished this long after it started is aborted (ADR 0385): started at most two minutes into
 * the claim, it ends at most 4.5 minutes in, and its failure is marked before another sender may take the row.
 */
const SEND_TIMEOUT_MS = CLAIM_MS - SEND_WINDOW_MS - 30_000;

/**
 * Claims up to `limit` due mails for this sender: rows another sender holds are skipped (SKIP LOCKED while it is
 * claiming them, `claimed_until` once it has), a claim that ran out is taken over. One statement, also on PGlite.
 */
async function claimDue(db: Db, now: Date, limit: number): Promise<{ claim: string; rows: OutboxMessage[] }> {
  const claim = randomUUID();
  const due = db
    .select({ id: outboxMessages.id })
    .from(outboxMessages)
    .where(
      and(
        eq(outboxMessages.status, 'pending'),
        lte(outboxMessages.nextAttemptAt, now),
        or(isNull(outboxMessages.claimedUntil), lte(outboxMessages.claimedUntil, now)),
      ),
    )
    .orderBy(asc(outboxMessages.nextAttemptAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  const rows = await db
    .update(outboxMessages)
    .set({ claimedUntil: new Date(now.getTime() + CLAIM_MS), claimedBy: claim })
    .where(inArray(outboxMessages.id, due))
    .returning();
  return { claim, rows: rows.sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime()) };
}

/**
 * Claims due mails (at most `limit`) and sends them, as many at once as the transport has connections; each row is
 * marked on its own: sent once the server accepted it, otherwise retried with exponential back-off (1 min, 2, 4 …
 * up to ~2 h). Any number of senders may run this at once (ADR 0365): each sends only the rows it claimed.
 */
export async function drainOutbox(deps: AppDeps, transport: MailTransport, limit = 20): Promise<{ sent: number; failed: number }> {
  const db = deps.database.db;
  const now = deps.clock.now();
  const { claim, rows: due } = await claimDue(db, now, limit);
  let sent = 0;
  let failed = 0;
  const handBack: string[] = [];
  const render = await deferredRenderer(deps, due);
  // Each lane renders its mail and sends it: rendering (a few queries) overlaps with the other lanes' sending.
  await eachConcurrently(due, transport.concurrency ?? 1, async (message) => {
    if (deps.clock.now().getTime() - now.getTime() > SEND_WINDOW_MS) return void handBack.push(message.id);
    let rendered: Rendered | undefined;
    try {
      rendered = await render(message);
      await transport.send(rendered ? { ...message, ...rendered } : message, deps.config.mailFrom, AbortSignal.timeout(SEND_TIMEOUT_MS));
      // Stored with the mark, not before: one write per mail. Unless another sender has marked it meanwhile.
      await db
        .update(outboxMessages)
        .set({ ...rendered, status: 'sent', sentAt: now, lastAttemptAt: now, attempts: message.attempts + 1, lastError: null, claimedUntil: null, claimedBy: null })
        .where(and(eq(outboxMessages.id, message.id), eq(outboxMessages.status, 'pending')));
      sent++;
    } catch (err) {
      failed++;
      const attempts = message.attempts + 1;
      const delayMs = Math.min(2 ** (attempts - 1) * 60_000, 2 * 3_600_000);
      // Only while this sender's claim holds: a sender whose claim ran out must not undo another's sent mark.
      const marked = await db
        .update(outboxMessages)
        .set({
          ...rendered,
          attempts,
          status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
          nextAttemptAt: new Date(now.getTime() + delayMs),
          lastError: (err instanceof Error ? err.message : String(err)).slice(0, 300),
          lastAttemptAt: now,
          claimedUntil: null,
          claimedBy: null,
        })
        .where(and(eq(outboxMessages.id, message.id), eq(outboxMessages.claimedBy, claim)))
        .returning({ status: outboxMessages.status });
      // What really happens to the mail: retried, given up, or left to the sender that took over the row.
      const outcome = marked[0]?.status === 'pending' ? 'will retry' : marked[0] ? 'given up' : 'claim ran out, left to the sender that took it over';
      deps.logger.warn({ outboxId: message.id, attempts }, `mail could not be sent; ${outcome}`);
    }
  });
  if (handBack.length > 0) {
    await db
      .update(outboxMessages)
      .set({ claimedUntil: null, claimedBy: null })
      .where(and(inArray(outboxMessages.id, handBack), eq(outboxMessages.claimedBy, claim)));
  }
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

/**
 * The drain job: batch after batch while full batches come back, so a booking peak's mails leave at the pool's
 * speed rather than one batch per run; stops between batches when the worker stops or a whole batch failed (the
 * server is down: the rest waits for its back-off). Every process runs it at once, each with its own claims.
 */
export async function drainDue(deps: AppDeps, transport: MailTransport, signal?: AbortSignal): Promise<number> {
  let total = 0;
  for (;;) {
    const { sent, failed } = await drainOutbox(deps, transport, DRAIN_BATCH);
    total += sent;
    if (sent + failed < DRAIN_BATCH || sent === 0 || signal?.aborted) return total;
  }
}

/**
 * Days a mail is kept after it was sent or given up: it holds personal data (addresses, contents). A given-up mail
 * stays as long as a sent one, so operators can look into a failure after a weekend or a holiday (ADR 0412).
 */
export const MAIL_RETENTION_DAYS = 14;

/**
 * Deletes mails sent, or given up after their last attempt, more than `days` ago. A mail given up before
 * last_attempt_at existed (migration 0031) counts from its creation: it was given up about two hours later.
 */
export async function purgeOldMail(deps: AppDeps, days = MAIL_RETENTION_DAYS): Promise<number> {
  const cutoff = new Date(deps.clock.now().getTime() - days * 86_400_000);
  const rows = await deps.database.db
    .delete(outboxMessages)
    .where(
      or(
        and(eq(outboxMessages.status, 'sent'), lt(outboxMessages.sentAt, cutoff)),
        and(
          eq(outboxMessages.status, 'failed'),
          or(lt(outboxMessages.lastAttemptAt, cutoff), and(isNull(outboxMessages.lastAttemptAt), lt(outboxMessages.createdAt, cutoff))),
        ),
      ),
    )
    .returning({ id: outboxMessages.id });
  return rows.length;
}

/** The platform's own jobs: send what is due (with the deps' transport), and delete sent and given-up mail after 14 days. */
export const outboxJobs: BackgroundJob[] = [
  { name: 'mail.drain', everyMs: 5_000, concurrent: true, run: async (deps, signal) => ({ done: await drainDue(deps, deps.mailTransport, signal) }) },
  { name: 'mail.purge', everyMs: 3_600_000, run: async (deps) => ({ done: await purgeOldMail(deps) }) },
];
