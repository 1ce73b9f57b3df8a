import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { auditLog } from '#shared/audit/index.js';
import { staffSessions } from './staff.tables.js';
import { hashToken } from '#shared/crypto.js';
import { Browser, code, csrfFrom, loginThroughForms, makeUser, PASSWORD } from './testing.js';
import { totpCode } from './totp.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

const base = '/t/neue-wege/staff';
const min = 60_000;

describe('staff login with password and TOTP', () => {
  it('logs in with password and code, and writes the security events to the audit log', async () => {
    const { email, user, tdb } = await makeUser(ctx, ['sachbearbeitung']);
    const browser = new Browser(ctx);
    const page = await browser.get(`${base}/login`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('autocomplete="username"');
    const step1 = await browser.post(`${base}/login`, { _csrf: csrfFrom(page.body), email: email.toUpperCase(), password: PASSWORD });
    expect(step1.statusCode).toBe(303);
    expect(step1.headers.location).toBe(`${base}/login/code`);
    // Half logged in: the staff pages still send you to the code step.
    expect((await browser.get(base)).headers.location).toBe(`${base}/login/code`);
    const step2 = await browser.submit(`${base}/login/code`, { code: code(ctx) });
    expect(step2.statusCode).toBe(303);
    expect(step2.headers.location).toBe(base);
    const start = await browser.get(base);
    expect(start.statusCode).toBe(200);
    expect(start.body).toContain('Person');
    const actions = (await tdb.select(auditLog, eq(auditLog.actorId, user.id))).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['security.login_password_ok', 'security.login']));
  });

  it('sets the session cookie HttpOnly, SameSite=Lax, Path=/ (ww_session on http)', async () => {
    const { email } = await makeUser(ctx, ['coach']);
    const browser = new Browser(ctx);
    const page = await browser.get(`${base}/login`);
    const res = await browser.post(`${base}/login`, { _csrf: csrfFrom(page.body), email, password: PASSWORD });
    const cookie = res.cookies.find((c) => c.name === 'ww_session') as { httpOnly?: boolean; sameSite?: string; path?: string; secure?: boolean };
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeFalsy();
  });

  it('answers a wrong password and an unknown address alike (no account enumeration)', async () => {
    const { email } = await makeUser(ctx, ['presse']);
    const wrong = await new Browser(ctx).submit(`${base}/login`, { email, password: 'falsches Passwort 123' });
    const unknown = await new Browser(ctx).submit(`${base}/login`, { email: 'niemand@neue-wege.example', password: 'falsches Passwort 123' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const message = (body: string) => /<main[\s\S]*<\/main>/.exec(body)![0].replace(/value="[^"]*"/g, '');
    expect(message(wrong.body)).toBe(message(unknown.body));
    expect(wrong.body).toContain('E-Mail-Adresse oder Passwort ist falsch.');
    expect(wrong.body).toContain('href="#f-email"');
  });

  it('takes similar time for an unknown address (a dummy hash is verified)', async () => {
    const { email } = await makeUser(ctx, ['presse']);
    const time = async (address: string) => {
      ctx.clock.advance(2 * 3_600_000); // no throttling between samples
      const browser = new Browser(ctx);
      const page = await browser.get(`${base}/login`);
      const t0 = performance.now();
      const res = await browser.post(`${base}/login`, { _csrf: csrfFrom(page.body), email: address, password: 'irgendein Passwort 1' });
      expect(res.statusCode).toBe(401);
      return performance.now() - t0;
    };
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    await time('warmup@neue-wege.example');
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      known.push(await time(email));
      unknown.push(await time(`x${i}@neue-wege.example`));
    }
    // Without the dummy hash an unknown address would answer in a fraction of the time (no argon2 at all).
    const ratio = median(unknown) / median(known);
    expect(ratio).toBeGreaterThan(0.4);
    expect(ratio).toBeLessThan(2.5);
  });

  it('refuses a wrong TOTP code and a replayed one', async () => {
    const { email } = await makeUser(ctx, ['servicepoint']);
    const browser = new Browser(ctx);
    ctx.clock.advance(30_000);
    await browser.submit(`${base}/login`, { email, password: PASSWORD });
    const wrong = await browser.submit(`${base}/login/code`, { code: '000000' === code(ctx) ? '111111' : '000000' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('Der Code ist falsch oder wurde schon verwendet.');
    const used = code(ctx);
    expect((await browser.submit(`${base}/login/code`, { code: used })).statusCode).toBe(303);

    // Someone who saw the code tries it within the same 30 s in another browser.
    const thief = new Browser(ctx);
    await thief.submit(`${base}/login`, { email, password: PASSWORD });
    const replay = await thief.submit(`${base}/login/code`, { code: used });
    expect(replay.statusCode).toBe(401);
    ctx.clock.advance(30_000);
    expect((await thief.submit(`${base}/login/code`, { code: code(ctx) })).statusCode).toBe(303);
  });

  it('pauses logins after repeated failures with growing delays, also for unknown addresses', async () => {
    const { email, user, tdb } = await makeUser(ctx, ['coach']);
    const attempt = (address: string, password: string) => new Browser(ctx).submit(`${base}/login`, { email: address, password });
    expect((await attempt(email, 'falsch falsch 1')).statusCode).toBe(401);
    expect((await attempt(email, 'falsch falsch 2')).statusCode).toBe(401);
    const third = await attempt(email, 'falsch falsch 3');
    expect(third.body).toContain('Anmeldung vorübergehend gesperrt');
    const locked = await attempt(email, PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBe('30');
    ctx.clock.advance(31_000);
    expect((await attempt(email, 'falsch falsch 4')).statusCode).toBe(401);
    const longer = await attempt(email, PASSWORD);
    expect(longer.statusCode).toBe(429);
    expect(longer.headers['retry-after']).toBe('60');
    ctx.clock.advance(61_000);
    expect((await attempt(email, PASSWORD)).statusCode).toBe(303);
    expect((await tdb.select(auditLog, eq(auditLog.actorId, user.id), eq(auditLog.action, 'security.login_locked'))).length).toBe(2);

    for (let i = 0; i < 3; i++) await attempt('unbekannt@neue-wege.example', `falsch ${i} falsch`);
    expect((await attempt('unbekannt@neue-wege.example', 'egal egal egal')).statusCode).toBe(429);
  });

  it('gives a new session id at each login step (no session fixation)', async () => {
    const { email, tdb } = await makeUser(ctx, ['coach']);
    const browser = new Browser(ctx);
    ctx.clock.advance(30_000);
    // An attacker-planted cookie value is never adopted.
    browser.cookies.ww_session = 'planted-by-attacker-aaaaaaaaaaaaaaaaaaaaaaaaa';
    await browser.submit(`${base}/login`, { email, password: PASSWORD });
    const afterPassword = browser.cookies.ww_session!;
    expect(afterPassword).not.toBe('planted-by-attacker-aaaaaaaaaaaaaaaaaaaaaaaaa');
    await browser.submit(`${base}/login/code`, { code: code(ctx) });
    const afterCode = browser.cookies.ww_session!;
    expect(afterCode).not.toBe(afterPassword);
    const stale = await ctx.app.inject({ url: base, cookies: { ww_session: afterPassword } });
    expect(stale.statusCode).toBe(303);
    const hashes = (await tdb.select(staffSessions)).map((s) => s.tokenHash);
    expect(hashes).toContain(hashToken(afterCode));
    expect(hashes).not.toContain(hashToken('planted-by-attacker-aaaaaaaaaaaaaaaaaaaaaaaaa'));
  });

  it('ends the session after 30 idle minutes and after 10 hours even when active', async () => {
    const { email } = await makeUser(ctx, ['coach']);
    const browser = await loginThroughForms(ctx, email);
    ctx.clock.advance(29 * min);
    expect((await browser.get(base)).statusCode).toBe(200);
    ctx.clock.advance(29 * min);
    expect((await browser.get(base)).statusCode).toBe(200);
    ctx.clock.advance(30 * min);
    const idle = await browser.get(`${base}/account`);
    expect(idle.statusCode).toBe(303);
    expect(idle.headers.location).toBe(`${base}/login?next=%2Ft%2Fneue-wege%2Fstaff%2Faccount&expired=1`);
    expect((await browser.get(idle.headers.location as string)).body).toContain('Ihre Sitzung ist abgelaufen');

    const busy = await loginThroughForms(ctx, email);
    for (let i = 0; i < 20; i++) {
      ctx.clock.advance(29 * min);
      expect((await busy.get(base)).statusCode).toBe(200);
    }
    ctx.clock.advance(21 * min);
    expect((await busy.get(base)).headers.location).toContain('expired=1');
  });

  it('extends the session on request and reports the new end', async () => {
    const { email } = await makeUser(ctx, ['coach']);
    const browser = await loginThroughForms(ctx, email);
    const page = await browser.get(base);
    ctx.clock.advance(28 * min);
    const res = await browser.post(`${base}/session/extend`, {}, { 'x-csrf-token': csrfFrom(page.body) });
    expect(res.json()).toMatchObject({ expiresInMs: 30 * min });
    ctx.clock.advance(28 * min);
    expect((await browser.get(base)).statusCode).toBe(200);
  });

  it('refuses the login form without its CSRF token', async () => {
    const { email } = await makeUser(ctx, ['coach']);
    const browser = new Browser(ctx);
    await browser.get(`${base}/login`);
    const res = await browser.post(`${base}/login`, { email, password: PASSWORD });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Formular ist abgelaufen');
    const foreign = await new Browser(ctx).post(`${base}/login`, { _csrf: 'a'.repeat(43), email, password: PASSWORD });
    expect(foreign.statusCode).toBe(403);
  });

  it('shows an error summary linking to the fields for empty input', async () => {
    const res = await new Browser(ctx).submit(`${base}/login`, { email: '', password: '' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('href="#f-email"');
    expect(res.body).toContain('href="#f-password"');
    const en = await ctx.app.inject({ url: `${base}/login?lang=en` });
    expect(en.body).toContain('Staff sign-in');
  });

  it('logs out here, or everywhere', async () => {
    const { email } = await makeUser(ctx, ['coach']);
    const one = await loginThroughForms(ctx, email);
    const two = await loginThroughForms(ctx, email);
    const out = await one.submit(`${base}/logout`, {});
    expect(out.headers.location).toBe(`${base}/login?notice=loggedOut`);
    expect((await one.get(base)).statusCode).toBe(303);
    expect((await two.get(base)).statusCode).toBe(200);
    const three = await loginThroughForms(ctx, email);
    await three.submit(`${base}/logout`, { everywhere: '1' });
    expect((await two.get(base)).statusCode).toBe(303);
  });

  it('lets a person with a recovery code in once per code', async () => {
    const fresh = new Browser(ctx);
    const { tdb, user, email } = await makeUser(ctx, ['coach'], { totp: false });
    ctx.clock.advance(30_000);
    expect((await fresh.submit(`${base}/login`, { email, password: PASSWORD })).headers.location).toBe(`${base}/setup`);
    const enrol = await fresh.get(`${base}/setup/totp`);
    expect(enrol.body).toContain('src="data:image/svg+xml;base64,');
    const secret = /<code class="ww-secret">([^<]+)<\/code>/.exec(enrol.body)![1]!.replaceAll(' ', '');
    const wrong = await fresh.post(`${base}/setup/totp`, { _csrf: csrfFrom(enrol.body), code: '12' });
    expect(wrong.statusCode).toBe(422);
    const done = await fresh.post(`${base}/setup/totp`, { _csrf: csrfFrom(enrol.body), code: totpCode(secret, ctx.clock.now()) });
    expect(done.statusCode).toBe(200);
    const codes = [...done.body.matchAll(/<li><code>([A-Z2-9-]{19})<\/code><\/li>/g)].map((m) => m[1]!);
    expect(codes).toHaveLength(10);
    expect((await fresh.get(base)).statusCode).toBe(200);
    expect((await tdb.select(auditLog, eq(auditLog.actorId, user.id), eq(auditLog.action, 'security.totp_enrolled'))).length).toBe(1);

    const useCode = async (recovery: string) => {
      const b = new Browser(ctx);
      await b.submit(`${base}/login`, { email, password: PASSWORD });
      return b.submit(`${base}/login/code`, { code: recovery.toLowerCase() });
    };
    expect((await useCode(codes[0]!)).statusCode).toBe(303);
    expect((await useCode(codes[0]!)).statusCode).toBe(401);
    expect((await useCode(codes[1]!)).statusCode).toBe(303);
  });

  it('lists the own sessions with English times in British order on a 24-hour clock', async () => {
    // 14:05 UTC in March is 15:05 in Berlin.
    ctx.clock.set('2027-03-12T14:05:00Z');
    const { email } = await makeUser(ctx, ['coach']);
    const browser = await loginThroughForms(ctx, email);
    const en = await browser.get(`${base}/account?lang=en`);
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('12 Mar 2027, 15:05');
    expect(en.body).not.toContain('3:05 PM');
    expect((await browser.get(`${base}/account?lang=de`)).body).toContain('12. März 2027, 15:05');
  });
});
