// Invitation and password-reset links: issue, throttle, redeem.
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { enqueueMail } from '#shared/mail/outbox.js';
import type { AppDeps } from '#shared/module.js';
import { recordAudit } from '#shared/audit/index.js';
import { assertPasswordAllowed, type ClientInfo, type MailContext } from './auth.service.js';
import { hashToken, newToken, sha256 } from '#shared/crypto.js';
import { hashPassword } from './password.js';
import * as repo from './staff.repository.js';
import type { StaffUser } from './staff.tables.js';

export const LINK_VALID_MS = 3_600_000;
/** At most this many reset mails per address and hour (quietly: the answer is always the same). */
const RESETS_PER_HOUR = 3;

export type { MailContext } from './auth.service.js';

/** Creates a single-use link (1 h) and writes the mail to the outbox, in the caller's transaction. */
export async function sendLinkMail(deps: AppDeps, tx: TenantDb, user: StaffUser, kind: 'invite' | 'reset', mail: MailContext): Promise<void> {
  const now = deps.clock.now();
  const token = newToken();
  await repo.expireOpenTokens(tx, user.id, now);
  await repo.insertToken(tx, { userId: user.id, kind, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + LINK_VALID_MS) });
  const link = `${mail.tenantUrl}/staff/password/set/${token}`;
  const vars = { name: user.displayName, tenant: mail.tenantName, link };
  await enqueueMail(tx, {
    kind: `staff.${kind}`,
    to: user.email,
    subject: mail.t(`staff:mail.${kind}.subject`, vars),
    text: mail.t(`staff:mail.${kind}.text`, vars),
  });
}

/** Always the same outcome for the caller, whether or not the address belongs to an account. */
export async function requestPasswordReset(deps: AppDeps, tdb: TenantDb, input: { email: string; client: ClientInfo; mail: MailContext }): Promise<void> {
  const now = deps.clock.now();
  const requests = await repo.countThrottleFailure(tdb, `reset:${sha256(input.email)}`, now, new Date(now.getTime() - 3_600_000));
  const user = await repo.userByEmail(tdb, input.email);
  if (!user || !user.active || !user.passwordHash || requests > RESETS_PER_HOUR) return;
  await tdb.transaction(async (tx) => {
    await sendLinkMail(deps, tx, user, 'reset', input.mail);
    await recordAudit(tx, { actorId: user.id, actorRoles: user.roles, action: 'security.password_reset_requested', objectType: 'staff_user', objectId: user.id, ipHash: input.client.ipHash, at: now });
  });
}

/** The link's kind while it is unused and not expired; null otherwise. */
export async function checkLink(deps: AppDeps, tdb: TenantDb, token: string): Promise<'invite' | 'reset' | null> {
  const row = await repo.tokenByHash(tdb, hashToken(token));
  if (!row || row.usedAt || row.expiresAt <= deps.clock.now()) return null;
  const user = await repo.userById(tdb, row.userId);
  return user?.active ? row.kind : null;
}

/**
 * Sets the password from an invitation or reset link (single use). All sessions end; the second
 * factor stays, so a stolen mailbox alone does not open the account.
 */
export async function setPasswordWithLink(deps: AppDeps, tdb: TenantDb, input: { token: string; password: string; client: ClientInfo }): Promise<boolean> {
  const row = await repo.tokenByHash(tdb, hashToken(input.token));
  const now = deps.clock.now();
  if (!row || row.usedAt || row.expiresAt <= now) return false;
  const user = await repo.userById(tdb, row.userId);
  if (!user?.active) return false;
  assertPasswordAllowed(input.password, user.email);
  const passwordHash = await hashPassword(input.password);
  return tdb.transaction(async (tx) => {
    if (!(await repo.useToken(tx, row.id, now))) return false;
    await repo.updateUser(tx, user.id, { passwordHash, mustChangePassword: false, passwordChangedAt: now });
    await repo.revokeSessionsOf(tx, user.id, now);
    await recordAudit(tx, {
      actorId: user.id,
      actorRoles: user.roles,
      action: row.kind === 'invite' ? 'security.invitation_accepted' : 'security.password_reset',
      objectType: 'staff_user',
      objectId: user.id,
      ipHash: input.client.ipHash,
      at: now,
    });
    return true;
  });
}
