// Staff login steps as services: password check with throttling, second factor (TOTP or recovery code), first-login
// setup and the sessions they create. Routes (login.routes.ts) only translate HTTP to these calls.
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { ValidationError } from '#shared/http/errors.js';
import type { AppDeps } from '#shared/module.js';
import { recordAudit, type AuditAction, type AuditObjectType } from '#shared/audit/index.js';
import { isDemoAccount } from './demo.js';
import { hashToken, keyedHash, newToken, sha256 } from '#shared/crypto.js';
import { decryptSecret, encryptSecret } from './crypto.js';
import { checkPasswordPolicy, hashPassword, verifyDummy, verifyPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password.js';
import * as repo from './staff.repository.js';
import type { StaffSession, StaffUser } from './staff.tables.js';
import { attackedPause, pauseAfter, throttlePolicy } from './throttle.js';
import { enqueueMail } from '#shared/mail/outbox.js';
import type { TFunction } from '#shared/i18n/index.js';
import { newRecoveryCodes, newTotpSecret, normaliseRecoveryCode, totpQrDataUrl, totpUri, verifyTotp } from './totp.js';

/** What the services know about the client: a keyed IP hash and a short browser name, nothing more. */
export interface ClientInfo {
  ipHash: string;
  userAgent: string;
}

/** What a service needs to write a mail in the reader's language with links into the tenant. */
export interface MailContext {
  t: TFunction;
  /** e.g. https://wegweiser.example/t/neue-wege */
  tenantUrl: string;
  tenantName: string;
}

type Stage = StaffSession['stage'];

export const accountKey = (email: string) => `acct:${sha256(email.trim().toLowerCase())}`;
const ipKey = (ipHash: string) => `ip:${ipHash}`;
/** One account from one client: the key that pauses a guesser without locking out the owner elsewhere. */
const pairKey = (account: string, ipHash: string) => `pair:${sha256(`${account}|${ipHash}`)}`;

interface ThrottleKeys {
  account: string;
  pair: string;
  ip: string;
}
const throttleKeys = (email: string, client: ClientInfo): ThrottleKeys => {
  const account = accountKey(email);
  return { account, pair: pairKey(account, client.ipHash), ip: ipKey(client.ipHash) };
};

async function lockedUntil(tdb: TenantDb, keys: string[], now: Date): Promise<Date | null> {
  const until = await repo.throttleLockedUntil(tdb, keys, now);
  return until.length ? new Date(Math.max(...until.map((d) => d.getTime()))) : null;
}

/**
 * Counts one failure for the pair, the client and the account; pauses the pair (and the client
 * after many failures across accounts). Crossing the account's attack threshold mails the owner
 * once, in the same transaction as the count. Returns the end of the pause, if any.
 */
async function countFailure(
  deps: AppDeps,
  tdb: TenantDb,
  keys: ThrottleKeys,
  owner: StaffUser | undefined,
  client: ClientInfo,
  mail: MailContext | undefined,
): Promise<Date | null> {
  const now = deps.clock.now();
  const forget = new Date(now.getTime() - throttlePolicy.forgetAfterMs);
  return tdb.transaction(async (tx) => {
    const pairFailures = await repo.countThrottleFailure(tx, keys.pair, now, forget);
    const ipFailures = await repo.countThrottleFailure(tx, keys.ip, now, forget);
    const accountFailures = await repo.countThrottleFailure(tx, keys.account, now, forget);
    const pairPause = Math.max(pauseAfter('pair', pairFailures), attackedPause(accountFailures));
    const ipPause = pauseAfter('ip', ipFailures);
    if (pairPause) await repo.lockThrottle(tx, keys.pair, new Date(now.getTime() + pairPause));
    if (ipPause) await repo.lockThrottle(tx, keys.ip, new Date(now.getTime() + ipPause));
    if (pairPause) await securityEvent(deps, tx, owner, 'security.login_locked', client);
    if (accountFailures === throttlePolicy.attackedAfter && owner?.active) {
      await securityEvent(deps, tx, owner, 'security.login_attacked', client);
      if (mail) {
        const vars = { name: owner.displayName, tenant: mail.tenantName, count: accountFailures, link: `${mail.tenantUrl}/staff/password/forgot` };
        await enqueueMail(tx, { kind: 'staff.login_attacked', to: owner.email, subject: mail.t('staff:mail.loginAttacked.subject', vars), text: mail.t('staff:mail.loginAttacked.text', vars) });
      }
    }
    const pause = Math.max(pairPause, ipPause);
    return pause ? new Date(now.getTime() + pause) : null;
  });
}

async function securityEvent(
  deps: AppDeps,
  tdb: TenantDb,
  user: Pick<StaffUser, 'id' | 'roles'> | undefined,
  action: AuditAction,
  client: ClientInfo | undefined,
  extra: { objectId?: string | null; purpose?: string; objectType?: AuditObjectType } = {},
) {
  await recordAudit(tdb, {
    actorId: user?.id ?? null,
    actorRoles: user?.roles ?? [],
    action,
    objectType: extra.objectType ?? 'staff_user',
    objectId: extra.objectId === undefined ? (user?.id ?? null) : extra.objectId,
    purpose: extra.purpose,
    ipHash: client?.ipHash ?? null,
    at: deps.clock.now(),
  });
}

/** A new session (new random token: the id changes at every step up), replacing the previous one. */
export async function startSession(
  deps: AppDeps,
  tdb: TenantDb,
  userId: string,
  stage: Stage,
  client: ClientInfo,
  previous?: StaffSession,
): Promise<string> {
  const now = deps.clock.now();
  if (previous) await repo.revokeSession(tdb, previous.id, now);
  const token = newToken();
  await repo.insertSession(tdb, {
    userId,
    tokenHash: hashToken(token),
    stage,
    // The absolute timeout counts from the password, not from the last step.
    createdAt: previous && previous.userId === userId ? previous.createdAt : now,
    lastSeenAt: now,
    userAgent: client.userAgent,
  });
  return token;
}

export type LoginResult =
  | { kind: 'ok'; token: string; stage: Stage }
  | { kind: 'invalid'; lockedUntil: Date | null }
  | { kind: 'locked'; until: Date };

/** Step 1: e-mail and password. The same answer, after the same work, for unknown and inactive accounts. */
export async function loginWithPassword(
  deps: AppDeps,
  tdb: TenantDb,
  input: { email: string; password: string; client: ClientInfo; previous?: StaffSession | undefined; mail?: MailContext },
): Promise<LoginResult> {
  const now = deps.clock.now();
  const keys = throttleKeys(input.email, input.client);
  // Only this client's pauses count: failures elsewhere never lock out a client that has not failed.
  const locked = await lockedUntil(tdb, [keys.pair, keys.ip], now);
  if (locked) return { kind: 'locked', until: locked };

  const user = await repo.userByEmail(tdb, input.email.trim());
  const demoRefused = deps.config.env === 'production' && isDemoAccount(input.email);
  const usable = user && user.active && user.passwordHash && !demoRefused ? user : undefined;
  const ok = usable ? await verifyPassword(usable.passwordHash!, input.password) : await verifyDummy(input.password);
  if (!ok || !usable) {
    await securityEvent(deps, tdb, user, 'security.login_failed', input.client, { purpose: 'password' });
    const until = await countFailure(deps, tdb, keys, user, input.client, input.mail);
    return { kind: 'invalid', lockedUntil: until };
  }
  // The account's count stays (it forgets after a quiet hour): a success does not refill a guesser's budget.
  await repo.clearThrottle(tdb, keys.pair);
  const stage: Stage = usable.totpSecret ? 'mfa' : 'setup';
  const token = await startSession(deps, tdb, usable.id, stage, input.client, input.previous);
  await securityEvent(deps, tdb, usable, 'security.login_password_ok', input.client);
  return { kind: 'ok', token, stage };
}

export type CodeResult = { kind: 'ok'; token: string; stage: Stage } | { kind: 'invalid' } | { kind: 'locked'; until: Date };

/** Step 2: a TOTP code (each time step only once) or an unused recovery code. */
export async function verifySecondFactor(
  deps: AppDeps,
  tdb: TenantDb,
  input: { session: StaffSession; user: StaffUser; code: string; client: ClientInfo; mail?: MailContext },
): Promise<CodeResult> {
  const { user, client } = input;
  const now = deps.clock.now();
  const keys = throttleKeys(user.email, client);
  const locked = await lockedUntil(tdb, [keys.pair, keys.ip], now);
  if (locked) return { kind: 'locked', until: locked };

  let ok = false;
  let method = 'totp';
  const digits = input.code.replace(/\s+/g, '');
  if (/^\d{6}$/.test(digits) && user.totpSecret) {
    const step = verifyTotp(decryptSecret(deps.config.secretKey, user.totpSecret), digits, now, user.totpLastStep);
    ok = step !== null && (await repo.claimTotpStep(tdb, user.id, step));
  } else {
    method = 'recovery_code';
    const codeHash = keyedHash(deps.config.secretKey, ['recovery', normaliseRecoveryCode(input.code)]);
    ok = await repo.useRecoveryCode(tdb, user.id, codeHash, now);
  }
  if (!ok) {
    await securityEvent(deps, tdb, user, 'security.login_failed', client, { purpose: method });
    await countFailure(deps, tdb, keys, user, client, input.mail);
    return { kind: 'invalid' };
  }
  await repo.clearThrottle(tdb, keys.pair);
  const stage: Stage = user.mustChangePassword ? 'setup' : 'full';
  const token = await startSession(deps, tdb, user.id, stage, client, input.session);
  await securityEvent(deps, tdb, user, stage === 'full' ? 'security.login' : 'security.login_second_factor_ok', client, { purpose: method });
  return { kind: 'ok', token, stage };
}

/** Checks a new password against the rules; throws ValidationError naming the field. */
export function assertPasswordAllowed(password: string, email: string, field = 'password'): void {
  const problem = checkPasswordPolicy(password, { email });
  if (problem) {
    throw new ValidationError([
      { field, message: `staff:password.${problem}`, params: { minimum: PASSWORD_MIN_LENGTH, maximum: PASSWORD_MAX_LENGTH } },
    ]);
  }
}

/** First login: replace the one-time password. */
export async function setInitialPassword(deps: AppDeps, tdb: TenantDb, input: { user: StaffUser; password: string; client: ClientInfo }) {
  assertPasswordAllowed(input.password, input.user.email);
  const passwordHash = await hashPassword(input.password);
  await tdb.transaction(async (tx) => {
    await repo.updateUser(tx, input.user.id, { passwordHash, mustChangePassword: false, passwordChangedAt: deps.clock.now() });
    await securityEvent(deps, tx, input.user, 'security.password_changed', input.client, { purpose: 'first_login' });
  });
}

/** The secret shown at enrolment: created once and kept until a code confirms it. */
export async function enrolmentDetails(deps: AppDeps, tdb: TenantDb, user: StaffUser, issuer: string) {
  let secret: string;
  if (user.totpPendingSecret) {
    secret = decryptSecret(deps.config.secretKey, user.totpPendingSecret);
  } else {
    secret = newTotpSecret();
    await repo.updateUser(tdb, user.id, { totpPendingSecret: encryptSecret(deps.config.secretKey, secret) });
  }
  const uri = totpUri(secret, user.email, issuer);
  return { secret, uri, qrDataUrl: await totpQrDataUrl(uri) };
}

export type EnrolResult = { kind: 'ok'; token: string; recoveryCodes: string[] } | { kind: 'invalid' };

/** Confirms the authenticator with a first code; returns the recovery codes (shown once, stored hashed). */
export async function confirmEnrolment(
  deps: AppDeps,
  tdb: TenantDb,
  input: { session: StaffSession; user: StaffUser; code: string; client: ClientInfo },
): Promise<EnrolResult> {
  const { user } = input;
  if (!user.totpPendingSecret) return { kind: 'invalid' };
  const secret = decryptSecret(deps.config.secretKey, user.totpPendingSecret);
  const step = verifyTotp(secret, input.code, deps.clock.now(), user.totpLastStep);
  if (step === null) {
    await securityEvent(deps, tdb, user, 'security.totp_enrolment_failed', input.client);
    return { kind: 'invalid' };
  }
  const recoveryCodes = newRecoveryCodes();
  const token = await tdb.transaction(async (tx) => {
    await repo.updateUser(tx, user.id, { totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpLastStep: step });
    await repo.replaceRecoveryCodes(tx, user.id, recoveryCodes.map((c) => keyedHash(deps.config.secretKey, ['recovery', c])));
    await securityEvent(deps, tx, user, 'security.totp_enrolled', input.client);
    return startSession(deps, tx, user.id, 'full', input.client, input.session);
  });
  return { kind: 'ok', token, recoveryCodes };
}

/** Changing the own password ends every other session and rotates this one. */
export async function changePassword(
  deps: AppDeps,
  tdb: TenantDb,
  input: { user: StaffUser; session: StaffSession; current: string; password: string; client: ClientInfo },
): Promise<string> {
  if (!input.user.passwordHash || !(await verifyPassword(input.user.passwordHash, input.current))) {
    await securityEvent(deps, tdb, input.user, 'security.password_change_failed', input.client);
    throw new ValidationError([{ field: 'current', message: 'staff:password.currentWrong' }]);
  }
  assertPasswordAllowed(input.password, input.user.email);
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock.now();
  return tdb.transaction(async (tx) => {
    await repo.updateUser(tx, input.user.id, { passwordHash, passwordChangedAt: now });
    await repo.revokeSessionsOf(tx, input.user.id, now, input.session.id);
    await securityEvent(deps, tx, input.user, 'security.password_changed', input.client);
    return startSession(deps, tx, input.user.id, 'full', input.client, input.session);
  });
}

export async function logout(deps: AppDeps, tdb: TenantDb, input: { user: StaffUser; session: StaffSession; everywhere: boolean; client: ClientInfo }) {
  const now = deps.clock.now();
  await tdb.transaction(async (tx) => {
    if (input.everywhere) await repo.revokeSessionsOf(tx, input.user.id, now);
    else await repo.revokeSession(tx, input.session.id, now);
    await securityEvent(deps, tx, input.user, input.everywhere ? 'security.logout_everywhere' : 'security.logout', input.client);
  });
}

export async function remainingRecoveryCodes(tdb: TenantDb, userId: string) {
  return repo.remainingRecoveryCodes(tdb, userId);
}

export async function userById(tdb: TenantDb, id: string) {
  return repo.userById(tdb, id);
}

/** A new session id for the same session (after a change of privileges). */
export async function rotateSession(deps: AppDeps, tdb: TenantDb, session: StaffSession, client: ClientInfo): Promise<string> {
  return startSession(deps, tdb, session.userId, session.stage, client, session);
}
