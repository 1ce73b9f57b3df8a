// How a mail leaves the outbox: SMTP when SMTP_URL is set, otherwise an .eml file per mail in DATA_DIR/outbox.
import { mkdir, writeFile } from 'node:fs/promises';
import type { Config } from '../config.js';
import { lazy, loadNodemailer } from '../libraries.js';
import type { OutboxMessage } from './mail.tables.js';

export interface MailTransport {
  /** Resolves once the server accepted the mail; the outbox marks it sent only then. */
  send(message: OutboxMessage, from: string): Promise<void>;
  /** How many mails the outbox hands it at once (the SMTP pool's connections); 1 when absent. */
  readonly concurrency?: number;
  /** Closes its connections; a mail being sent fails and stays in the outbox for the next attempt. */
  close?(): void;
}

/**
 * SMTP connections kept open per process (ADR 0325). One connection per mail cost ~0.1 s of TCP and SMTP
 * greeting each, so the outbox sent ~10 mails/s; a few pooled connections send in parallel without the handshake.
 * Four stays below the per-client connection limits relays commonly set (often 5–10) while several nodes run a
 * worker; a connection is renewed after 100 mails, the per-session limit many relays enforce. The SMTP_URL's
 * query (`?maxConnections=2&maxMessages=50`) overrides both.
 */
export const SMTP_POOL = { maxConnections: 4, maxMessages: 100 };

/** The message nodemailer sends for an outbox row. */
export const toNodemailer = (m: OutboxMessage, from: string) => ({
  from,
  to: m.to,
  subject: m.subject,
  text: m.text,
  html: m.html ?? undefined,
  attachments: m.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.content, 'base64') })),
  headers: m.headers,
  messageId: `<${m.id}@wegweiser>`,
});

/** SMTP when SMTP_URL is set; otherwise every mail becomes an .eml file in DATA_DIR/outbox. */
export function createTransport(config: Config): MailTransport {
  const { smtpUrl } = config;
  if (smtpUrl) {
    const concurrency = Number(new URL(smtpUrl).searchParams.get('maxConnections')) || SMTP_POOL.maxConnections;
    // Created on the first mail, once per process; the URL's own settings win over the pool's defaults.
    const smtp = lazy(async () => (await loadNodemailer()).createTransport({ url: smtpUrl, pool: true, ...SMTP_POOL }));
    let opened: ReturnType<typeof smtp> | undefined;
    return {
      concurrency,
      send: async (m, from) => void (await (await (opened = smtp())).sendMail(toNodemailer(m, from))),
      close: () => void opened?.then((pool) => pool.close()).catch(() => undefined),
    };
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
