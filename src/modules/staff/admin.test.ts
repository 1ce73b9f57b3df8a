import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TenantDb } from '#shared/db/tenant-scope.js';
import { outboxMessages } from '#shared/mail/mail.tables.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { auditLog } from '#shared/audit/index.js';
import { runAdminCli } from './admin.cli.js';
import { staffUsers } from './staff.tables.js';
import { loginAs } from './testing.js';
import { Browser, code, csrfFrom, loginThroughForms, makeUser, PASSWORD } from './testing.js';
import { totpCode } from './totp.js';

let ctx: TestContext;
let tdb: TenantDb;
beforeAll(async () => {
  ctx = await createTestContext();
  tdb = new TenantDb(ctx.database.db, ctx.tenant.id);
});
afterAll(async () => ctx?.close());

const base = '/t/neue-wege/staff';
const NEW_PASSWORD = 'ein neues langes Passwort 9';

async function adminBrowser() {
  const { email, user } = await makeUser(ctx, ['tenant_admin']);
  return Object.assign(await loginThroughForms(ctx, email), { userId: user.id });
}

async function lastMailTo(to: string) {
  const rows = await tdb.select(outboxMessages, eq(outboxMessages.to, to));
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).at(-1)!;
}

function linkIn(text: string): string {
  return new URL(/(http\S+\/staff\/password\/set\/\S+)/.exec(text)![1]!).pathname;
}

async function enrol(browser: Browser) {
  const page = await browser.get(`${base}/setup/totp`);
  const secret = /<code class="ww-secret">([^<]+)<\/code>/.exec(page.body)![1]!.replaceAll(' ', '');
  const done = await browser.post(`${base}/setup/totp`, { _csrf: csrfFrom(page.body), code: totpCode(secret, ctx.clock.now()) });
  expect(done.statusCode).toBe(200);
  return secret;
}

describe('tenant admin: invitations and accounts', () => {
  it('invites a person by e-mail; the single-use link sets the password; the first login enrols TOTP', async () => {
    const admin = await adminBrowser();
    const invalid = await admin.submit(`${base}/admin/users/new`, { email: 'kein-at', displayName: '' });
    expect(invalid.statusCode).toBe(422);
    for (const field of ['displayName', 'email', 'roles']) expect(invalid.body).toContain(`href="#f-${field}"`);

    const res = await admin.submit(`${base}/admin/users/new`, { email: 'Neu.Person@neue-wege.example', displayName: 'Neu Person', roles: ['coach', 'mitarbeitende'] });
    expect(res.statusCode).toBe(303);
    const mail = await lastMailTo('neu.person@neue-wege.example');
    expect(mail.kind).toBe('staff.invite');
    const link = linkIn(mail.text);

    const visitor = new Browser(ctx);
    const form = await visitor.get(link);
    expect(form.statusCode).toBe(200);
    const weak = await visitor.post(link, { _csrf: csrfFrom(form.body), password: 'passwort1234', confirm: 'passwort1234' });
    expect(weak.statusCode).toBe(422);
    expect(weak.body).toContain('sehr verbreitet');
    const set = await visitor.post(link, { _csrf: csrfFrom(form.body), password: PASSWORD, confirm: PASSWORD });
    expect(set.headers.location).toBe(`${base}/login?notice=passwordSet`);
    expect((await visitor.get(link)).statusCode).toBe(404);

    ctx.clock.advance(30_000);
    const login = await visitor.submit(`${base}/login`, { email: 'neu.person@neue-wege.example', password: PASSWORD });
    expect(login.headers.location).toBe(`${base}/setup`);
    expect((await visitor.get(`${base}/setup`)).headers.location).toBe(`${base}/setup/totp`);
    await enrol(visitor);
    expect((await visitor.get(base)).statusCode).toBe(200);

    const again = await admin.submit(`${base}/admin/users/new`, { email: 'neu.person@neue-wege.example', displayName: 'Doppelt', roles: 'coach' });
    expect(again.body).toContain('Zu dieser E-Mail-Adresse gibt es schon ein Konto.');
  });

  it('expires links after one hour', async () => {
    const admin = await adminBrowser();
    await admin.submit(`${base}/admin/users/new`, { email: 'spaet@neue-wege.example', displayName: 'Spät', roles: 'presse' });
    const link = linkIn((await lastMailTo('spaet@neue-wege.example')).text);
    ctx.clock.advance(61 * 60_000);
    expect((await new Browser(ctx).get(link)).statusCode).toBe(404);
  });

  it('resets a forgotten password by e-mail without revealing whether the address exists; all sessions end', async () => {
    const { email } = await makeUser(ctx, ['coach']);
    const session = await loginThroughForms(ctx, email);
    const known = await new Browser(ctx).submit(`${base}/password/forgot`, { email });
    const unknown = await new Browser(ctx).submit(`${base}/password/forgot`, { email: 'gibtsnicht@neue-wege.example' });
    expect(known.statusCode).toBe(200);
    expect(unknown.body.replace(/value="[^"]*"/g, '')).toBe(known.body.replace(/value="[^"]*"/g, ''));
    expect(await tdb.select(outboxMessages, eq(outboxMessages.to, 'gibtsnicht@neue-wege.example'))).toHaveLength(0);
    const link = linkIn((await lastMailTo(email)).text);
    const visitor = new Browser(ctx);
    const form = await visitor.get(link);
    expect((await visitor.post(link, { _csrf: csrfFrom(form.body), password: NEW_PASSWORD, confirm: NEW_PASSWORD })).statusCode).toBe(303);
    expect((await session.get(base)).statusCode).toBe(303);
    // The second factor is still required after a reset.
    ctx.clock.advance(30_000);
    expect((await visitor.submit(`${base}/login`, { email, password: NEW_PASSWORD })).headers.location).toBe(`${base}/login/code`);
  });

  it('creates a user from the CLI with a one-time password that must be changed at the first login', async () => {
    const out = await runAdminCli(['create-user', '--tenant', 'neue-wege', '--email', 'cli@neue-wege.example', '--role', 'tenant_admin', '--name', 'Erste Admin'], ctx.deps);
    const oneTime = /One-time password: (\S+)/.exec(out)![1]!;
    expect(oneTime.length).toBeGreaterThanOrEqual(16);
    // The account by its id and a masked address: no personal data on the terminal.
    const created = (await tdb.first(staffUsers, eq(staffUsers.email, 'cli@neue-wege.example')))!;
    expect(out).toContain(`Created staff account ${created.id} (c***@neue-wege.example; tenant_admin) in neue-wege.`);
    expect(out).not.toContain('cli@');
    const again = runAdminCli(['create-user', '--tenant', 'neue-wege', '--email', 'cli@neue-wege.example', '--role', 'coach'], ctx.deps);
    await expect(again).rejects.toThrow('There is already an account for c***@neue-wege.example in neue-wege.');
    await expect(runAdminCli(['create-user', '--tenant', 'nirgendwo', '--email', 'x@y.example', '--role', 'coach'], ctx.deps)).rejects.toThrow('Unknown tenant');
    await expect(runAdminCli(['create-user', '--tenant', 'neue-wege', '--email', 'x@y.example', '--role', 'chef'], ctx.deps)).rejects.toThrow('Unknown role');
    const browser = new Browser(ctx);
    await browser.submit(`${base}/login`, { email: 'cli@neue-wege.example', password: oneTime });
    expect((await browser.get(`${base}/setup`)).headers.location).toBe(`${base}/setup/password`);
    const mismatch = await browser.submit(`${base}/setup/password`, { password: NEW_PASSWORD, confirm: 'anders' });
    expect(mismatch.body).toContain('href="#f-confirm"');
    const short = await browser.submit(`${base}/setup/password`, { password: 'kurz', confirm: 'kurz' });
    expect(short.body).toContain('mindestens 12 Zeichen');
    const ok = await browser.submit(`${base}/setup/password`, { password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(ok.headers.location).toBe(`${base}/setup/totp`);
    await enrol(browser);
    expect((await browser.get(`${base}/admin/users`)).statusCode).toBe(200);
  });

  it('changes roles (audited), keeps one admin, refuses platform_admin from a tenant admin, rotates the own session', async () => {
    const admin = await adminBrowser();
    const { user } = await makeUser(ctx, ['coach']);
    const page = `${base}/admin/users/${user.id}`;
    const changed = await admin.submit(page, { roles: ['coach', 'sachbearbeitung'] }, `${page}/roles`);
    expect(changed.headers.location).toBe(`${page}?notice=roles`);
    expect((await tdb.first(staffUsers, eq(staffUsers.id, user.id)))!.roles).toEqual(['coach', 'sachbearbeitung']);
    const row = await tdb.first(auditLog, eq(auditLog.action, 'security.roles_changed'), eq(auditLog.objectId, user.id));
    expect(row?.purpose).toBe('roles=coach,sachbearbeitung');

    const escalate = await admin.submit(page, { roles: ['platform_admin'] }, `${page}/roles`);
    expect(escalate.statusCode).toBe(422);
    expect(escalate.body).toContain('Plattform-Administration kann nur');

    // Demoting the last remaining admins: the last one is refused.
    const admins = await tdb.select(staffUsers);
    for (const other of admins.filter((u) => u.roles.includes('tenant_admin'))) {
      await tdb.update(staffUsers, { active: false }, eq(staffUsers.id, other.id));
    }
    const myId = admin.userId;
    await tdb.update(staffUsers, { active: true }, eq(staffUsers.id, myId));
    const last = await admin.submit(`${base}/admin/users/${myId}`, { roles: 'coach' }, `${base}/admin/users/${myId}/roles`);
    expect(last.body).toContain('mindestens eine aktive Person mit der Rolle Administration');

    const before = admin.cookies.ww_session;
    await admin.submit(`${base}/admin/users/${myId}`, { roles: ['tenant_admin', 'presse'] }, `${base}/admin/users/${myId}/roles`);
    expect(admin.cookies.ww_session).not.toBe(before);
    expect((await admin.get(`${base}/admin/users`)).statusCode).toBe(200);
  });

  it('deactivates an account (sessions end, login refused) but never the own one', async () => {
    const admin = await adminBrowser();
    const { user, email } = await makeUser(ctx, ['coach']);
    const victim = await loginThroughForms(ctx, email);
    const page = `${base}/admin/users/${user.id}`;
    expect((await admin.submit(page, {}, `${page}/deactivate`)).statusCode).toBe(303);
    expect((await victim.get(base)).statusCode).toBe(303);
    ctx.clock.advance(30_000);
    expect((await new Browser(ctx).submit(`${base}/login`, { email, password: PASSWORD })).statusCode).toBe(401);
    expect((await admin.submit(page, {}, `${page}/activate`)).statusCode).toBe(303);
    expect((await new Browser(ctx).submit(`${base}/login`, { email, password: PASSWORD })).statusCode).toBe(303);
  });

  it('resets a second factor (audited): the person enrols again at the next login', async () => {
    const admin = await adminBrowser();
    const { user, email } = await makeUser(ctx, ['coach']);
    const page = `${base}/admin/users/${user.id}`;
    expect((await admin.submit(page, {}, `${page}/reset-2fa`)).headers.location).toBe(`${page}?notice=reset2fa`);
    expect(await tdb.first(auditLog, eq(auditLog.action, 'security.totp_reset'), eq(auditLog.objectId, user.id))).toBeDefined();
    ctx.clock.advance(30_000);
    const b = new Browser(ctx);
    expect((await b.submit(`${base}/login`, { email, password: PASSWORD })).headers.location).toBe(`${base}/setup`);
    await enrol(b);
  });

  it('lists active sessions; the own ones can be ended by anyone, others only by an admin', async () => {
    const { user, email } = await makeUser(ctx, ['coach']);
    const mine = await loginThroughForms(ctx, email);
    const second = await loginThroughForms(ctx, email);
    const account = await mine.get(`${base}/account`);
    const ids = [...account.body.matchAll(/\/staff\/account\/sessions\/([0-9a-f-]{36})\/revoke/g)].map((m) => m[1]!);
    expect(ids).toHaveLength(2);
    const other = await loginAs(ctx, ['coach']);
    const foreign = await ctx.app.inject({ method: 'POST', url: `${base}/account/sessions/${ids[0]}/revoke`, cookies: other.cookies, payload: { _csrf: other.csrfToken } });
    expect(foreign.statusCode).toBe(403);

    const admin = await adminBrowser();
    const all = await admin.get(`${base}/admin/sessions`);
    expect(all.body).toContain(user.displayName);
    const userPage = await admin.get(`${base}/admin/users/${user.id}`);
    const [first] = [...userPage.body.matchAll(/\/staff\/admin\/sessions\/([0-9a-f-]{36})\/revoke/g)].map((m) => m[1]!);
    await admin.post(`${base}/admin/sessions/${first}/revoke`, { _csrf: csrfFrom(userPage.body) });
    const alive = [(await mine.get(base)).statusCode, (await second.get(base)).statusCode].sort();
    expect(alive).toEqual([200, 303]);
    expect(await tdb.first(auditLog, eq(auditLog.action, 'security.session_revoked'), eq(auditLog.objectId, first!))).toBeDefined();
  });

  it('writes an audit row for each read of staff data and for refused access', async () => {
    const admin = await loginAs(ctx, ['tenant_admin']);
    const { user } = await makeUser(ctx, ['coach']);
    await ctx.app.inject({ url: `${base}/admin/users`, cookies: admin.cookies });
    await ctx.app.inject({ url: `${base}/admin/users/${user.id}`, cookies: admin.cookies });
    const rows = await tdb.select(auditLog, eq(auditLog.actorId, admin.userId));
    expect(rows.map((r) => [r.action, r.objectId])).toEqual(expect.arrayContaining([['staff.list', null], ['staff.view', user.id]]));
    const coach = await loginAs(ctx, ['coach']);
    expect((await ctx.app.inject({ url: `${base}/admin/users`, cookies: coach.cookies })).statusCode).toBe(403);
    expect(await tdb.first(auditLog, and(eq(auditLog.actorId, coach.userId), eq(auditLog.action, 'security.access_denied')))).toMatchObject({ objectId: 'staff.manage' });
  });

  it('offers a start page per role with the admin widget and English texts', async () => {
    const admin = await loginAs(ctx, ['tenant_admin']);
    const res = await ctx.app.inject({ url: `${base}?lang=en`, cookies: admin.cookies });
    expect(res.body).toContain('To do today');
    expect(res.body).toContain('Manage staff');
    expect(res.body).toMatch(/invitations? (has|have) not been accepted yet/);
    const coach = await loginAs(ctx, ['coach']);
    const plain = await ctx.app.inject({ url: base, cookies: coach.cookies });
    expect(plain.body).not.toContain('Mitarbeitende verwalten');
    expect(plain.body).toContain('Zurzeit gibt es hier nichts zu tun.');
    expect(code(ctx)).toMatch(/^\d{6}$/);
  });
});
