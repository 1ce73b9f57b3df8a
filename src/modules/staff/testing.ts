// Test helpers of the staff module: staff users with a session (loginAs, for every module's tests) and a
// cookie-keeping client that logs in through the real forms (for the staff module's own login tests).
import type { LightMyRequestResponse } from 'fastify';
import { TenantDb } from '#shared/db/tenant-scope.js';
import type { TestContext } from '#shared/testing/context.js';
import type { Tenant } from '#shared/tenancy/index.js';
import { hashToken, newToken } from '#shared/crypto.js';
import { csrfTokenFor, encryptSecret } from './crypto.js';
import type { Role } from './permissions.js';
import { sessionCookieName } from './session.js';
import * as repo from './staff.repository.js';
import * as teamsRepo from './teams.repository.js';
import { newTotpSecret, totpCode } from './totp.js';
import { createStaffUser } from './users.service.js';

export interface LoggedIn {
  /** Pass to app.inject({ cookies }). */
  cookies: Record<string, string>;
  /** Send as form field `_csrf` or header `x-csrf-token` on state-changing requests. */
  csrfToken: string;
  userId: string;
}

let counter = 0;

/** Test helper: a staff user with these roles and a full session, created directly in the database. */
export async function loginAs(ctx: TestContext, roles: Role[], tenant: Tenant = ctx.tenant): Promise<LoggedIn> {
  const tdb = new TenantDb(ctx.deps.database.db, tenant.id);
  const n = ++counter;
  const user = await repo.insertUser(tdb, {
    email: `test-${n}-${newToken().slice(0, 6).toLowerCase()}@staff.example`,
    displayName: `Testperson ${n} (${roles.join(', ') || 'ohne Rolle'})`,
    roles,
    passwordHash: null,
    mustChangePassword: false,
    totpSecret: encryptSecret(ctx.deps.config.secretKey, newTotpSecret()),
  });
  const token = newToken();
  const now = ctx.deps.clock.now();
  await repo.insertSession(tdb, { userId: user.id, tokenHash: hashToken(token), stage: 'full', createdAt: now, lastSeenAt: now, userAgent: 'test' });
  return {
    cookies: { [sessionCookieName(ctx.deps.config)]: token },
    csrfToken: csrfTokenFor(ctx.deps.config.secretKey, hashToken(token)),
    userId: user.id,
  };
}

/** A small cookie jar over app.inject, like a browser: keeps Set-Cookie values between requests. */
export class Browser {
  cookies: Record<string, string> = {};
  /** `remoteAddress`: the client's IP address as the server sees it (default 127.0.0.1). */
  constructor(
    private readonly ctx: TestContext,
    private readonly remoteAddress?: string,
  ) {}

  private keep(res: LightMyRequestResponse) {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) delete this.cookies[c.name];
      else this.cookies[c.name] = c.value;
    }
    return res;
  }

  async get(url: string) {
    return this.keep(await this.ctx.app.inject({ method: 'GET', url, cookies: this.cookies, ...(this.remoteAddress ? { remoteAddress: this.remoteAddress } : {}) }));
  }

  async post(url: string, payload: Record<string, string | string[]>, headers: Record<string, string> = {}) {
    return this.keep(await this.ctx.app.inject({ method: 'POST', url, cookies: this.cookies, payload, headers, ...(this.remoteAddress ? { remoteAddress: this.remoteAddress } : {}) }));
  }

  /** GET a form page and POST it with its hidden CSRF field. */
  async submit(formUrl: string, payload: Record<string, string | string[]>, action = formUrl) {
    const page = await this.get(formUrl);
    return this.post(action, { _csrf: csrfFrom(page.body), ...payload });
  }
}

export function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html) ?? /data-csrf="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF token in page');
  return match[1]!;
}

export const PASSWORD = 'lange Wege führen ans Ziel 7';
export const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

let n = 0;
/** A ready account (own password, TOTP enrolled) created through the service. */
export async function makeUser(ctx: TestContext, roles: Role[], options: { tenant?: Tenant; totp?: boolean; password?: string } = {}) {
  const tenant = options.tenant ?? ctx.tenant;
  const tdb = new TenantDb(ctx.database.db, tenant.id);
  const email = `person${++n}@${tenant.slug}.example`;
  const { user } = await createStaffUser(ctx.deps, tdb, {
    email,
    displayName: `Person ${n}`,
    roles,
    password: options.password ?? PASSWORD,
    totpSecret: options.totp === false ? undefined : TOTP_SECRET,
    mustChangePassword: false,
  });
  return { user, email, tdb };
}

export function code(ctx: TestContext, secret = TOTP_SECRET): string {
  return totpCode(secret, ctx.clock.now());
}

/** Full login through the forms: password, then TOTP. Moves the clock one TOTP step so codes never repeat. */
export async function loginThroughForms(ctx: TestContext, email: string, base = '/t/neue-wege/staff') {
  const browser = new Browser(ctx);
  ctx.clock.advance(30_000);
  const first = await browser.submit(`${base}/login`, { email, password: PASSWORD });
  if (first.statusCode !== 303) throw new Error(`password step failed: ${first.statusCode}`);
  const second = await browser.submit(`${base}/login/code`, { code: code(ctx) });
  if (second.statusCode !== 303) throw new Error(`code step failed: ${second.statusCode}`);
  return browser;
}

/** Test helper: puts users into a team of the test tenant (created when missing); `lead` marks the team lead. */
export async function putInTeam(ctx: TestContext, teamName: string, members: { userId: string; lead?: boolean }[], tenant: Tenant = ctx.tenant) {
  const tdb = new TenantDb(ctx.deps.database.db, tenant.id);
  const team = (await teamsRepo.teamByName(tdb, teamName)) ?? (await teamsRepo.insertTeam(tdb, teamName));
  for (const m of members) await teamsRepo.upsertTeamMember(tdb, team.id, m.userId, m.lead ?? false);
  return team;
}

/** Test helper: a new full session for an existing user (e.g. after the test clock moved past the old one's end). */
export async function sessionFor(ctx: TestContext, userId: string, tenant: Tenant = ctx.tenant): Promise<LoggedIn> {
  const tdb = new TenantDb(ctx.deps.database.db, tenant.id);
  const token = newToken();
  const now = ctx.deps.clock.now();
  await repo.insertSession(tdb, { userId, tokenHash: hashToken(token), stage: 'full', createdAt: now, lastSeenAt: now, userAgent: 'test' });
  return { cookies: { [sessionCookieName(ctx.deps.config)]: token }, csrfToken: csrfTokenFor(ctx.deps.config.secretKey, hashToken(token)), userId };
}
