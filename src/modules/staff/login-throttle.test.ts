// Login throttling over HTTP (ADR 0119): a guesser pauses itself, never the owner on another client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { outboxMessages } from '#shared/mail/mail.tables.js';
import { Browser, code, makeUser, PASSWORD } from './testing.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

const base = '/t/neue-wege/staff';
const attempt = (ip: string, email: string, password: string) => new Browser(ctx, ip).submit(`${base}/login`, { email, password });
const attackMails = async (to: string) =>
  (await ctx.deps.database.db.select().from(outboxMessages)).filter((m) => m.kind === 'staff.login_attacked' && m.to === to);

describe('login throttling per account and client', () => {
  it('pauses a guesser on its client, lets the owner in elsewhere, slows spread guessing and mails the owner once', async () => {
    const { email } = await makeUser(ctx, ['coach']);
    ctx.clock.advance(30_000);

    // (b) One client guessing: three failures, then a pause with Retry-After, even for the right password.
    for (let i = 1; i <= 3; i++) expect((await attempt('10.0.0.1', email, `falsch falsch ${i}`)).statusCode).toBe(401);
    const paused = await attempt('10.0.0.1', email, PASSWORD);
    expect(paused.statusCode).toBe(429);
    expect(paused.headers['retry-after']).toBe('30');

    // (a) The owner on another client is not locked out: password and TOTP step both work.
    const owner = new Browser(ctx, '10.0.9.9');
    const step1 = await owner.submit(`${base}/login`, { email, password: PASSWORD });
    expect(step1.statusCode).toBe(303);
    expect(step1.headers.location).toBe(`${base}/login/code`);
    const step2 = await owner.submit(`${base}/login/code`, { code: code(ctx) });
    expect(step2.statusCode).toBe(303);
    expect((await owner.get(base)).statusCode).toBe(200);

    // Spread over many clients: 7 more failures reach the account's threshold (10); no mail before that.
    for (let i = 1; i <= 6; i++) expect((await attempt(`10.0.1.${i}`, email, 'falsch falsch x')).statusCode).toBe(401);
    expect(await attackMails(email)).toHaveLength(0);
    expect((await attempt('10.0.1.7', email, 'falsch falsch x')).statusCode).toBe(401);

    // (c) From now on every client that fails is paused at once, for longer with every failure of the account.
    expect((await attempt('10.0.2.1', email, 'falsch falsch y')).statusCode).toBe(401);
    const first = await attempt('10.0.2.1', email, PASSWORD);
    expect(first.statusCode).toBe(429);
    expect(first.headers['retry-after']).toBe('120');
    expect((await attempt('10.0.2.2', email, 'falsch falsch z')).statusCode).toBe(401);
    expect((await attempt('10.0.2.2', email, 'falsch falsch z')).headers['retry-after']).toBe('240');
    // A client that failed before the threshold gets no new free tries either.
    expect((await attempt('10.0.1.1', email, 'falsch falsch w')).statusCode).toBe(401);
    expect((await attempt('10.0.1.1', email, PASSWORD)).statusCode).toBe(429);

    // The owner still gets in from a client that has not failed, and the TOTP step works.
    ctx.clock.advance(30_000);
    const again = new Browser(ctx, '10.0.9.10');
    expect((await again.submit(`${base}/login`, { email, password: PASSWORD })).statusCode).toBe(303);
    expect((await again.submit(`${base}/login/code`, { code: code(ctx) })).statusCode).toBe(303);

    // (d) Exactly one mail to the owner, however many failures followed.
    const mails = await attackMails(email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain('Fehlgeschlagene Anmeldeversuche');
    expect(mails[0]!.text).toContain('nicht gesperrt');
  });

  it('throttles wrong TOTP codes per client without pausing the owner on another client', async () => {
    const { email } = await makeUser(ctx, ['coach']);
    ctx.clock.advance(30_000);
    const thief = new Browser(ctx, '10.0.3.1');
    expect((await thief.submit(`${base}/login`, { email, password: PASSWORD })).statusCode).toBe(303);
    const wrong = code(ctx) === '000000' ? '111111' : '000000';
    for (let i = 0; i < 3; i++) expect((await thief.submit(`${base}/login/code`, { code: wrong })).statusCode).toBe(401);
    const paused = await thief.submit(`${base}/login/code`, { code: code(ctx) });
    expect(paused.statusCode).toBe(429);
    expect(paused.headers['retry-after']).toBe('30');

    const owner = new Browser(ctx, '10.0.3.2');
    expect((await owner.submit(`${base}/login`, { email, password: PASSWORD })).statusCode).toBe(303);
    expect((await owner.submit(`${base}/login/code`, { code: code(ctx) })).statusCode).toBe(303);
  });
});
