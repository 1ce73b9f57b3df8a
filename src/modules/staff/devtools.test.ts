import { createHmac } from 'node:crypto';
import { Secret } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TenantDb } from '#shared/db/tenant-scope.js';
import { drainOutbox, enqueueMail } from '#shared/mail/outbox.js';
import { createTransport } from '#shared/mail/transport.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { loginWithPassword } from './auth.service.js';
import { DEMO_PASSWORD } from './demo.js';
import { roles } from './permissions.js';
import { Browser } from './testing.js';
import { totpCode } from './totp.js';
import { createStaffUser } from './users.service.js';

let dev: TestContext;
let plain: TestContext;
beforeAll(async () => {
  dev = await createTestContext({ env: { NODE_ENV: 'development', CAPTCHA: 'on' } });
  plain = await createTestContext();
});
afterAll(async () => {
  await dev?.close();
  await plain?.close();
});

const base = '/t/neue-wege/staff';

describe('development tools', () => {
  it('creates one demo account per role in development; each can log in with the printed password and TOTP secret', async () => {
    const email = 'tenant-admin@demo.invalid';
    const secret = new Secret({ buffer: createHmac('sha256', dev.deps.config.secretKey).update(`demo-totp\0${email}`).digest().subarray(0, 20).buffer as ArrayBuffer }).base32;
    const browser = new Browser(dev);
    dev.clock.advance(30_000);
    expect((await browser.submit(`${base}/login`, { email, password: DEMO_PASSWORD })).headers.location).toBe(`${base}/login/code`);
    expect((await browser.submit(`${base}/login/code`, { code: totpCode(secret, dev.clock.now()) })).headers.location).toBe(base);
    const users = await dev.app.inject({ url: `${base}/admin/users`, cookies: browser.cookies });
    for (const role of roles) expect(users.body).toContain(`${role.replace('_', '-')}@demo.invalid`);
    // No demo accounts for other tenants, and none outside development.
    const other = await dev.app.inject({ url: '/t/muster-kreis/staff/login' });
    expect(other.statusCode).toBe(200);
  });

  it('refuses demo accounts in production even if they exist in the database', async () => {
    const tdb = new TenantDb(plain.database.db, plain.tenant.id);
    const production = { ...plain.deps, config: { ...plain.deps.config, env: 'production' as const } };
    await createStaffUser(plain.deps, tdb, { email: 'coach@demo.invalid', displayName: 'Demo', roles: ['coach'], password: DEMO_PASSWORD, totpSecret: 'JBSWY3DPEHPK3PXP', mustChangePassword: false });
    await createStaffUser(plain.deps, tdb, { email: 'real@neue-wege.example', displayName: 'Echt', roles: ['coach'], password: DEMO_PASSWORD, totpSecret: 'JBSWY3DPEHPK3PXP', mustChangePassword: false });
    const client = { ipHash: 'test', userAgent: '' };
    expect(await loginWithPassword(production, tdb, { email: 'coach@demo.invalid', password: DEMO_PASSWORD, client })).toEqual({ kind: 'invalid', lockedUntil: null });
    expect((await loginWithPassword(production, tdb, { email: 'real@neue-wege.example', password: DEMO_PASSWORD, client })).kind).toBe('ok');
    expect((await loginWithPassword(plain.deps, tdb, { email: 'coach@demo.invalid', password: DEMO_PASSWORD, client })).kind).toBe('ok');
  });

  it('creates no demo accounts outside development', async () => {
    const res = await new Browser(plain).submit(`${base}/login`, { email: 'tenant-admin@demo.invalid', password: DEMO_PASSWORD });
    expect(res.statusCode).toBe(401);
  });

  it('shows /dev/mail only in development, with the .eml files and the outbox rows', async () => {
    expect((await plain.app.inject('/dev/mail')).statusCode).toBe(404);
    const tdb = new TenantDb(dev.database.db, dev.tenant.id);
    await enqueueMail(tdb, { kind: 'test.devmail', to: 'someone@example.org', subject: 'Betreff für den Viewer', text: 'Hallo' });
    dev.clock.set(new Date(Date.now() + 1000));
    await drainOutbox(dev.deps, createTransport(dev.deps.config));
    const page = await dev.app.inject('/dev/mail');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Betreff für den Viewer');
    const file = /href="\/dev\/mail\/([^"]+\.eml)"/.exec(page.body)![1]!;
    const eml = await dev.app.inject(`/dev/mail/${file}`);
    expect(eml.headers['content-type']).toContain('text/plain');
    expect(eml.body).toContain('Subject: =?UTF-8?');
    expect((await dev.app.inject('/dev/mail/..%2Fpglite')).statusCode).toBe(404);
  });
});
