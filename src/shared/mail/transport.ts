// How a mail leaves the outbox: SMTP when SMTP_URL is set, otherwise an .eml file per mail in DATA_DIR/outbox.
import { mkdir, writeFile } from 'node:fs/promises';
import type { Config } from '../config.js';
import { lazy, loadNodemailer } from '../libraries.js';
import type { OutboxMessage } from './mail.tables.js';

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
    headers: m.headers,
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
