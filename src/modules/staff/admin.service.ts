// Use cases of the staff administration, each checking the actor's permission.
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { ForbiddenError, NotFoundError, ValidationError } from '#shared/http/errors.js';
import type { AppDeps } from '#shared/module.js';
import { recordAudit, type AuditAction, type AuditObjectType } from '#shared/audit/index.js';
import { deleteFiltersOfUser } from '#shared/saved-filters/index.js';
import type { StaffPrincipal } from './auth.js';
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS } from './session.js';
import { hasPermission, type Role } from './permissions.js';
import { sendLinkMail, type MailContext } from './reset.service.js';
import * as repo from './staff.repository.js';
import type { StaffSession, StaffUser } from './staff.tables.js';

/** Permissions are checked here too, not only by the route hook and hidden links. */
function assertPermission(deps: AppDeps, actor: StaffPrincipal, permission: string): void {
  if (!hasPermission(deps, actor.roles, permission)) throw new ForbiddenError();
}

async function audit(deps: AppDeps, tdb: TenantDb, actor: StaffPrincipal, action: AuditAction, objectType: AuditObjectType, objectId: string | null, purpose?: string) {
  await recordAudit(tdb, { actorId: actor.userId, actorRoles: actor.roles, action, objectType, objectId, purpose, at: deps.clock.now() });
}

async function target(tdb: TenantDb, id: string): Promise<StaffUser> {
  const user = /^[0-9a-f-]{36}$/i.test(id) ? await repo.userById(tdb, id) : undefined;
  if (!user) throw new NotFoundError();
  return user;
}

export async function listStaff(deps: AppDeps, tdb: TenantDb, actor: StaffPrincipal): Promise<StaffUser[]> {
  assertPermission(deps, actor, 'staff.manage');
  const users = await repo.listUsers(tdb);
  await audit(deps, tdb, actor, 'staff.list', 'staff_user', null);
  return users;
}

/** Names of staff for a page that shows ids (e.g. the audit search); `permission` is the one that page requires. */
export async function staffDirectory(deps: AppDeps, tdb: TenantDb, actor: StaffPrincipal, permission: string): Promise<{ id: string; displayName: string }[]> {
  assertPermission(deps, actor, permission);
  return (await repo.listUsers(tdb)).map((u) => ({ id: u.id, displayName: u.displayName }));
}

function activeSince(deps: AppDeps) {
  const now = deps.clock.now().getTime();
  return { seen: new Date(now - IDLE_TIMEOUT_MS), created: new Date(now - ABSOLUTE_TIMEOUT_MS) };
}

export async function activeSessions(deps: AppDeps, tdb: TenantDb, actor: StaffPrincipal, userId?: string): Promise<StaffSession[]> {
  if (userId !== actor.userId) assertPermission(deps, actor, 'staff.manage');
  const since = activeSince(deps);
  return repo.activeSessions(tdb, since.seen, since.created, userId);
}

export async function getStaff(deps: AppDeps, tdb: TenantDb, actor: StaffPrincipal, id: string) {
  assertPermission(deps, actor, 'staff.manage');
  const user = await target(tdb, id);
  const sessions = await activeSessions(deps, tdb, actor, user.id);
  await audit(deps, tdb, actor, 'staff.view', 'staff_user', user.id);
  return { user, sessions, recoveryCodesLeft: await repo.remainingRecoveryCodes(tdb, user.id) };
}

/** Only a platform admin may hand out or take away platform_admin (no escalation by a tenant admin). */
function assertRolesGrantable(actor: StaffPrincipal, before: readonly string[], after: readonly string[]) {
  const touchesPlatform = before.includes('platform_admin') !== after.includes('platform_admin');
  if (touchesPlatform && !actor.roles.includes('platform_admin')) {
    throw new ValidationError([{ field: 'roles', message: 'staff:admin.platformOnly' }]);
  }
}

async function assertAnotherAdminRemains(tdb: TenantDb, leaving: StaffUser) {
  const admins = (await repo.listUsers(tdb)).filter((u) => u.active && u.roles.includes('tenant_admin') && u.id !== leaving.id);
  if (admins.length === 0) throw new ValidationError([{ field: 'roles', message: 'staff:admin.lastAdmin' }]);
}

export async function inviteStaff(
  deps: AppDeps,
  tdb: TenantDb,
  actor: StaffPrincipal,
  input: { email: string; displayName: string; roles: Role[] },
  mail: MailContext,
): Promise<StaffUser> {
  assertPermission(deps, actor, 'staff.manage');
  assertRolesGrantable(actor, [], input.roles);
  if (await repo.userByEmail(tdb, input.email)) throw new ValidationError([{ field: 'email', message: 'staff:admin.emailTaken' }]);
  return tdb.transaction(async (tx) => {
    const user = await repo.insertUser(tx, { email: input.email, displayName: input.displayName, roles: input.roles, passwordHash: null, mustChangePassword: false });
    await sendLinkMail(deps, tx, user, 'invite', mail);
    await audit(deps, tx, actor, 'staff.invite', 'staff_user', user.id, `roles=${input.roles.join(',')}`);
    return user;
  });
}

export async function resendInvitation(deps: AppDeps, tdb: TenantDb, actor: StaffPrincipal, id: string, mail: MailContext) {
  assertPermission(deps, actor, 'staff.manage');
  const user = await target(tdb, id);
  if (user.passwordHash || !user.active) throw new ValidationError([{ field: 'invite', message: 'staff:admin.alreadyJoined' }]);
  await tdb.transaction(async (tx) => {
    await sendLinkMail(deps, tx, user, 'invite', mail);
    await audit(deps, tx, actor, 'staff.invite_resent', 'staff_user', user.id);
  });
}

/** Returns true when the actor changed their own roles (the caller then rotates the session). */
export async function updateRoles(deps: AppDeps, tdb: TenantDb, actor: StaffPrincipal, id: string, roles: Role[]): Promise<boolean> {
  assertPermission(deps, actor, 'staff.manage');
  const user = await target(tdb, id);
  assertRolesGrantable(actor, user.roles, roles);
  if (user.roles.includes('tenant_admin') && !roles.includes('tenant_admin')) await assertAnotherAdminRemains(tdb, user);
  await tdb.transaction(async (tx) => {
    await repo.updateUser(tx, user.id, { roles });
    await audit(deps, tx, actor, 'security.roles_changed', 'staff_user', user.id, `roles=${roles.join(',')}`);
  });
  return user.id === actor.userId;
}

export async function setActive(deps: AppDeps, tdb: TenantDb, actor: StaffPrincipal, id: string, active: boolean) {
  assertPermission(deps, actor, 'staff.manage');
  const user = await target(tdb, id);
  if (user.id === actor.userId) throw new ValidationError([{ field: 'active', message: 'staff:admin.notSelf' }]);
  if (!active && user.roles.includes('tenant_admin')) await assertAnotherAdminRemains(tdb, user);
  const now = deps.clock.now();
  await tdb.transaction(async (tx) => {
    await repo.updateUser(tx, user.id, { active, deactivatedAt: active ? null : now });
    if (!active) await repo.revokeSessionsOf(tx, user.id, now);
    // Their searches hold citizens' names and BG-Nummern (doc/adr/0230): they go with the account.
    if (!active) await deleteFiltersOfUser(tx, user.id);
    await audit(deps, tx, actor, active ? 'staff.reactivated' : 'staff.deactivated', 'staff_user', user.id);
  });
}

/** For a lost phone: the person enrols a new authenticator at the next login; all their sessions end. */
export async function resetSecondFactor(deps: AppDeps, tdb: TenantDb, actor: StaffPrincipal, id: string) {
  assertPermission(deps, actor, 'staff.manage');
  const user = await target(tdb, id);
  const now = deps.clock.now();
  await tdb.transaction(async (tx) => {
    await repo.updateUser(tx, user.id, { totpSecret: null, totpPendingSecret: null, totpLastStep: null });
    await repo.replaceRecoveryCodes(tx, user.id, []);
    await repo.revokeSessionsOf(tx, user.id, now);
    await audit(deps, tx, actor, 'security.totp_reset', 'staff_user', user.id);
  });
}

/** Own sessions may always be ended; others' only with staff.manage. */
export async function revokeSession(deps: AppDeps, tdb: TenantDb, actor: StaffPrincipal, sessionId: string) {
  const session = /^[0-9a-f-]{36}$/i.test(sessionId) ? await repo.sessionById(tdb, sessionId) : undefined;
  if (!session) throw new NotFoundError();
  if (session.userId !== actor.userId) assertPermission(deps, actor, 'staff.manage');
  await tdb.transaction(async (tx) => {
    await repo.revokeSession(tx, session.id, deps.clock.now());
    await audit(deps, tx, actor, 'security.session_revoked', 'staff_session', session.id);
  });
  return session;
}
