import { mkdir, writeFile } from 'node:fs/promises';
import { and, asc, eq, lte, lt } from 'drizzle-orm';
import type { Config } from '../config.js';
import type { TenantDb } from '../db/tenant-scope.js';
import { lazy, loadNodemailer } from '../libraries.js';
import type { AppDeps, BackgroundJob } from '../module.js';
import { outboxMessages, type MailAttachment, type OutboxMessage } from './mail.tables.js';

export interface Mail {
  kind: string;
  to: string;
  subject: string;
  text: string;
  html?: string | undefined;
  attachments?: MailAttachment[];
}

/** Writes a mail to the outbox; call it inside the transaction of the change the mail reports. */
export async function enqueueMail(tdb: TenantDb, mail: Mail): Promise<string> {
  const row = await tdb.insert(outboxMessages, {
    kind: mail.kind,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html ?? null,
    attachments: mail.attachments ?? [],
    // Due at once, whatever the clock says (a test clock may lag behind the database's now()).
    nextAttemptAt: new Date(0),
  });
  return row.id;
}

export interface MailTransport {
  send(message: OutboxMessage, from: string): Promise<void>;
}

/** SMTP when SMTP_URL is set; otherwise every mail becomes an .eml file in DATA_DIR/outbox. */
export function createTransport(config: Config): MailTransport {
  const toNodemailer = (m: OutboxMessage, from: string) => ({
    from,
    to: m.to,
    subject: m.subject,
    text: m.text,
    html: m.html ?? undefined,
    attachments: m.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.content, 'base64') })),
    messageId: `<${m.id}@wegweiser>`,
  });
  const { smtpUrl } = config;
  if (smtpUrl) {
    const smtp = lazy(async () => (await loadNodemailer()).createTransport(smtpUrl));
    return { send: async (m, from) => void (await (await smtp()).sendMail(toNodemailer(m, from))) };
  }
  const files = lazy(async () => (await loadNodemailer()).createTransport({ streamTransport: true, buffer: true, newline: 'unix' }));
  const dir = `${config.dataDir}/outbox`;
  return {
    async send(m, from) {
      const info = await (await files()).sendMail(toNodemailer(m, from));
      await mkdir(dir, { recursive: true });
      await writeFile(`${dir}/${m.createdAt.toISOString().replace(/[:.]/g, '-')}-${m.id}.eml`, info.message as Buffer);
    },
  };
}

const MAX_ATTEMPTS = 8;

/** Sends due mails; failures are retried with exponential back-off (1 min, 2, 4 … up to ~2 h). */
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
  for (const message of due) {
    try {
      await transport.send(message, deps.config.mailFrom);
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
  }
  return { sent, failed };
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

export function outboxJobs(transportFor: (config: Config) => MailTransport = createTransport): BackgroundJob[] {
  let transport: MailTransport | undefined;
  return [
    {
      name: 'mail.drain',
      everyMs: 5_000,
      run: async (deps) => {
        transport ??= transportFor(deps.config);
        await drainOutbox(deps, transport);
      },
    },
    { name: 'mail.purge', everyMs: 3_600_000, run: async (deps) => void (await purgeSentMail(deps)) },
  ];
}

