import { TenantDb } from '../../shared/db/tenant-scope.js';
import type { TestContext } from '../../testing/app.js';
import type { Tenant } from '../../shared/tenancy/index.js';
import { csrfTokenFor, encryptSecret, randomToken, sha256 } from './crypto.js';
import type { Role } from './permissions.js';
import { sessionCookieName } from './session.js';
import { sessionsRepository, usersRepository } from './staff.repository.js';
import { newTotpSecret } from './totp.js';

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
  const user = await usersRepository.insert(tdb, {
    email: `test-${n}-${randomToken(4).toLowerCase()}@staff.example`,
    displayName: `Testperson ${n} (${roles.join(', ') || 'ohne Rolle'})`,
    roles,
    passwordHash: null,
    mustChangePassword: false,
    totpSecret: encryptSecret(ctx.deps.config.secretKey, newTotpSecret()),
  });
  const token = randomToken();
  const now = ctx.deps.clock.now();
  await sessionsRepository.insert(tdb, { userId: user.id, tokenHash: sha256(token), stage: 'full', createdAt: now, lastSeenAt: now, userAgent: 'test' });
  return {
    cookies: { [sessionCookieName(ctx.deps.config)]: token },
    csrfToken: csrfTokenFor(ctx.deps.config.secretKey, sha256(token)),
    userId: user.id,
  };
}
