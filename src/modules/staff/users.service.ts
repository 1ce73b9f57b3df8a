// Creating and finding staff users.
import type { TenantDb } from '#shared/db/tenant-scope.js';
import type { AppDeps } from '#shared/module.js';
import { recordAudit } from '#shared/audit/index.js';
import { newToken } from '#shared/crypto.js';
import { encryptSecret } from './crypto.js';
import { hashPassword } from './password.js';
import type { Role } from './permissions.js';
import * as repo from './staff.repository.js';
import type { StaffUser } from './staff.tables.js';

/** A password for the first login: 20 characters from an unambiguous alphabet (~115 bits). */
export function oneTimePassword(): string {
  return newToken().replace(/[-_lIO0]/g, '').slice(0, 20);
}

/**
 * Creates an account directly (CLI, demo data). Without `password` a one-time password is
 * generated and must be changed at the first login; without `totpSecret` the person enrols at first login.
 */
export async function createStaffUser(
  deps: AppDeps,
  tdb: TenantDb,
  input: { email: string; displayName: string; roles: Role[]; password?: string; totpSecret?: string; mustChangePassword?: boolean },
): Promise<{ user: StaffUser; password: string }> {
  const password = input.password ?? oneTimePassword();
  const passwordHash = await hashPassword(password);
  const user = await tdb.transaction(async (tx) => {
    const created = await repo.insertUser(tx, {
      email: input.email,
      displayName: input.displayName,
      roles: input.roles,
      passwordHash,
      mustChangePassword: input.mustChangePassword ?? !input.password,
      totpSecret: input.totpSecret ? encryptSecret(deps.config.secretKey, input.totpSecret) : null,
      passwordChangedAt: deps.clock.now(),
    });
    await recordAudit(tx, { actorId: null, actorRoles: [], action: 'staff.created', objectType: 'staff_user', objectId: created.id, purpose: `roles=${input.roles.join(',')}`, at: deps.clock.now() });
    return created;
  });
  return { user, password };
}

export async function staffUserByEmail(tdb: TenantDb, email: string) {
  return repo.userByEmail(tdb, email);
}

/** Active staff members holding `role` (id and name only), e.g. the coaches a caseworker can refer to. */
export async function staffWithRole(tdb: TenantDb, role: Role): Promise<{ id: string; displayName: string }[]> {
  return (await repo.listUsers(tdb)).filter((u) => u.active && u.roles.includes(role)).map((u) => ({ id: u.id, displayName: u.displayName }));
}

export interface StaffContact {
  id: string;
  displayName: string;
  email: string;
  roles: string[];
  active: boolean;
}

/** Name, address and roles of staff members, for other modules' mails and lists (the caller audits its use). */
export async function staffContacts(tdb: TenantDb, ids?: readonly string[]): Promise<StaffContact[]> {
  const users = await repo.listUsers(tdb);
  const wanted = ids ? new Set(ids) : undefined;
  return users.filter((u) => !wanted || wanted.has(u.id)).map((u) => ({ id: u.id, displayName: u.displayName, email: u.email, roles: u.roles, active: u.active }));
}
