// Creating tenants: from the shell (npm run admin -- create-tenant) and on the platform page, validated,
// audited, and usable at once under /t/<slug>.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '#shared/audit/index.js';
import { tenantsRepository } from '#shared/tenancy/index.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import { loginAs, type LoggedIn } from '../staff/testing.js';
import { runTenantCli } from './tenants.cli.js';

let ctx: TestContext;
let admin: LoggedIn;
const page = '/t/neue-wege/staff/plattform/mandanten';

beforeAll(async () => {
  ctx = await createTestContext();
  admin = await loginAs(ctx, ['platform_admin']);
});
afterAll(async () => ctx?.close());

const cliArgs = (overrides: Record<string, string> = {}) =>
  Object.entries({
    slug: 'kreis-nord',
    name: 'Jobcenter Kreis Nord',
    'short-name': 'Kreis Nord',
    street: 'Hauptstraße 5',
    'postal-code': '24103',
    city: 'Kiel',
    phone: '0431 12345',
    email: 'info@kreis-nord.example',
    ...overrides,
  }).flatMap(([k, v]) => [`--${k}`, v]);

const auditOf = (tenantId: string, objectId: string) =>
  ctx.database.db.select().from(auditLog).where(and(eq(auditLog.tenantId, tenantId), eq(auditLog.objectId, objectId), eq(auditLog.action, 'tenants.created')));

describe('npm run admin -- create-tenant', () => {
  it('creates a tenant that serves its pages at once, and records it', async () => {
    const out = await runTenantCli(cliArgs(), ctx.deps);
    expect(out).toContain('Created tenant kreis-nord (Jobcenter Kreis Nord)');
    expect(out).toContain('create-user --tenant kreis-nord');
    const start = await ctx.app.inject('/t/kreis-nord');
    expect(start.statusCode).toBe(200);
    expect(start.body).toContain('Hauptstraße 5');
    const tenant = (await tenantsRepository.bySlug(ctx.database.db, 'kreis-nord'))!;
    expect(await auditOf(tenant.id, tenant.id)).toMatchObject([{ actorId: null, purpose: 'command line' }]);
  });

  it('names every bad option, and refuses a slug in use', async () => {
    await expect(runTenantCli(cliArgs({ slug: 'kreis-nord' }), ctx.deps)).rejects.toThrow('--slug: This slug is already taken.');
    const bad = runTenantCli(cliArgs({ slug: 'Kreis Süd!', 'postal-code': '123', name: 'Jobcenter\u0000Süd' }), ctx.deps);
    await expect(bad).rejects.toThrow(/--slug: Please use 3 to 40 lower-case letters/);
    await expect(bad).rejects.toThrow(/--postal-code: Please enter a postal code with 5 digits/);
    await expect(bad).rejects.toThrow(/--name: /);
    await expect(runTenantCli(['--slug'], ctx.deps)).rejects.toThrow(/Usage:/);
    expect(await tenantsRepository.bySlug(ctx.database.db, 'kreis-sud')).toBeUndefined();
  });
});

describe('platform page', () => {
  it('lists every tenant to a platform admin and keeps the page out of caches', async () => {
    const res = await ctx.app.inject({ url: page, cookies: admin.cookies });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('Mandanten dieser Installation');
    expect(res.body).toContain('muster-kreis');
    expect(res.body).toContain('Kommunales Jobcenter Musterkreis (Testmandant)');
  });

  it('creates a tenant from the form and audits it in both tenants', async () => {
    const payload = { slug: 'stadt-west', name: 'Jobcenter Stadt West', shortName: 'Stadt West', street: 'Marktplatz 1', postalCode: '50667', city: 'Köln', phone: '0221 123-0', email: 'kontakt@stadt-west.example', _csrf: admin.csrfToken };
    const res = await ctx.app.inject({ method: 'POST', url: page, cookies: admin.cookies, payload });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${page}?created=stadt-west`);
    const after = await ctx.app.inject({ url: String(res.headers.location), cookies: admin.cookies });
    expect(after.body).toContain('Der Mandant stadt-west wurde angelegt.');
    expect((await ctx.app.inject('/t/stadt-west')).body).toContain('Marktplatz 1');
    const tenant = (await tenantsRepository.bySlug(ctx.database.db, 'stadt-west'))!;
    expect(await auditOf(tenant.id, tenant.id)).toMatchObject([{ actorId: admin.userId, actorRoles: ['platform_admin'] }]);
    expect(await auditOf(ctx.tenant.id, tenant.id)).toMatchObject([{ actorId: admin.userId }]);
  });

  it('shows every invalid field with a message and keeps what was typed', async () => {
    const payload = { slug: 'neue-wege', name: 'X', shortName: 'Ost', street: 'Weg 1', postalCode: 'abc', city: 'Ort', phone: 'call me', email: 'no-address', _csrf: admin.csrfToken };
    const res = await ctx.app.inject({ method: 'POST', url: page, cookies: admin.cookies, payload });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Bitte geben Sie eine Postleitzahl mit 5 Ziffern ein.');
    expect(res.body).toContain('Bitte geben Sie eine gültige E-Mail-Adresse ein');
    expect(res.body).toContain('Bitte geben Sie mindestens 3 Zeichen ein.');
    expect(res.body).toContain('value="call me"');
    const taken = await ctx.app.inject({ method: 'POST', url: page, cookies: admin.cookies, payload: { ...payload, name: 'Jobcenter Ost', postalCode: '12345', phone: '0123 4', email: 'a@b.example' } });
    expect(taken.statusCode).toBe(422);
    expect(taken.body).toContain('Dieses Kürzel ist schon vergeben.');
  });

  it('is closed to everyone else and to a request without the CSRF token', async () => {
    const tenantAdmin = await loginAs(ctx, ['tenant_admin']);
    expect((await ctx.app.inject({ url: page, cookies: tenantAdmin.cookies })).statusCode).toBe(403);
    const anonymous = await ctx.app.inject({ url: page });
    expect([302, 303]).toContain(anonymous.statusCode);
    const noCsrf = await ctx.app.inject({ method: 'POST', url: page, cookies: admin.cookies, payload: { slug: 'ohne-token' } });
    expect(noCsrf.statusCode).toBe(403);
    expect(await tenantsRepository.bySlug(ctx.database.db, 'ohne-token')).toBeUndefined();
  });
});
