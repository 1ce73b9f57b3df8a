// How a mail leaves the outbox: SMTP when SMTP_URL is set, otherwise an .eml file per mail in DATA_DIR/outbox.
import { mkdir, writeFile } from 'node:fs/promises';
import type { Config } from '../config.js';
import { lazy, loadNodemailer } from '../libraries.js';
import type { OutboxMessage } from './mail.tables.js';

export interface MailTransport {
  /**
   * Resolves once the server accepted the mail; the outbox marks it sent only then. Rejects once `signal` aborts,
   * closing the connection that carries the mail, so a send never outlives the sender's claim (ADR 0385).
   */
  send(message: OutboxMessage, from: string, signal?: AbortSignal): Promise<void>;
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

/**
 * How long the SMTP connection waits (ADR 0385): for the TCP connection, DNS and greeting together (nodemailer cuts
 * the greeting short by what is left of connectionTimeout), and for any answer of the server once connected. The
 * defaults (2 and 10 minutes) let a hanging relay hold a mail past its 5-minute claim in the outbox, and another
 * sender would send it again. A relay answers in seconds; a minute without a word is a hanging one. The SMTP_URL's
 * query (`?socketTimeout=120000`) overrides them; the outbox's deadline per send bounds every send regardless.
 */
export const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

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
    // Created on the first mail, once per process; the URL's own settings win over these defaults.
    const smtp = lazy(async () => (await loadNodemailer()).createTransport({ url: smtpUrl, pool: true, ...SMTP_POOL, ...SMTP_TIMEOUTS }));
    let opened: ReturnType<typeof smtp> | undefined;
    return {
      concurrency,
      // An aborted send is taken off its connection and that connection closed: the mail is not sent later.
      send: async (m, from, signal) => void (await (await (opened = smtp())).sendMail({ ...toNodemailer(m, from), signal })),
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
