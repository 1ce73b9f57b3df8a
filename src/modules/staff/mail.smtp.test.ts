import { eq } from 'drizzle-orm';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TenantDb } from '#shared/db/tenant-scope.js';
import { outboxMessages } from '#shared/mail/mail.tables.js';
import { drainOutbox } from '#shared/mail/outbox.js';
import { createTransport } from '#shared/mail/transport.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { loginAs } from './testing.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

/** A real SMTP server in the process (no TLS, no auth), collecting parsed mails. */
function smtpServer(received: { envelopeTo: string[]; mail: ParsedMail }[]) {
  return new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const envelopeTo = session.envelope.rcptTo.map((r) => r.address);
      simpleParser(stream)
        .then((mail) => {
          received.push({ envelopeTo, mail });
          callback();
        })
        .catch(callback);
    },
  });
}

const listen = (server: SMTPServer, port = 0) =>
  new Promise<number>((resolve) => server.listen(port, '127.0.0.1', () => resolve((server.server.address() as { port: number }).port)));
const close = (server: SMTPServer) => new Promise<void>((resolve) => server.close(() => resolve()));

describe('invitation mail through the outbox over SMTP', () => {
  it('stays pending with back-off while the SMTP server is down and is sent once it is up', async () => {
    const received: { envelopeTo: string[]; mail: ParsedMail }[] = [];
    const probe = smtpServer(received);
    const port = await listen(probe);
    await close(probe); // the server is down now; its port is known

    const admin = await loginAs(ctx, ['tenant_admin']);
    const invite = await ctx.app.inject({
      method: 'POST',
      url: '/t/neue-wege/staff/admin/users/new',
      cookies: admin.cookies,
      payload: { _csrf: admin.csrfToken, email: 'smtp.person@neue-wege.example', displayName: 'SMTP Person', roles: 'coach' },
    });
    expect(invite.statusCode).toBe(303);

    const transport = createTransport({ ...ctx.deps.config, smtpUrl: `smtp://127.0.0.1:${port}` });
    const tdb = new TenantDb(ctx.database.db, ctx.tenant.id);
    const row = async () => (await tdb.first(outboxMessages, eq(outboxMessages.to, 'smtp.person@neue-wege.example')))!;

    // enqueueMail takes next_attempt_at from the database's now(), not from the test clock: move the clock there.
    ctx.clock.set(new Date((await row()).nextAttemptAt.getTime() + 1));
    expect(await drainOutbox(ctx.deps, transport)).toEqual({ sent: 0, failed: 1 });
    const afterFailure = await row();
    expect(afterFailure).toMatchObject({ status: 'pending', attempts: 1 });
    expect(afterFailure.nextAttemptAt.getTime()).toBe(ctx.clock.now().getTime() + 60_000);
    expect(afterFailure.lastError).toMatch(/ECONNREFUSED|connect/i);
    // Not due yet: nothing is tried.
    expect(await drainOutbox(ctx.deps, transport)).toEqual({ sent: 0, failed: 0 });

    const server = smtpServer(received);
    await listen(server, port);
    try {
      ctx.clock.advance(61_000);
      expect(await drainOutbox(ctx.deps, transport)).toEqual({ sent: 1, failed: 0 });
    } finally {
      transport.close?.();
      await close(server);
    }
    expect(await row()).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(received).toHaveLength(1);
    const { mail, envelopeTo } = received[0]!;
    expect(envelopeTo).toEqual(['smtp.person@neue-wege.example']);
    expect(mail.subject).toBe('Einladung zu Wegweiser – Neue Wege Kreis Bergstraße – Kommunales Jobcenter');
    expect(mail.text).toMatch(/http:\/\/localhost:3000\/t\/neue-wege\/staff\/password\/set\/[A-Za-z0-9_-]{43}/);
    expect(mail.messageId).toBe(`<${(await row()).id}@wegweiser>`);
  });
});
