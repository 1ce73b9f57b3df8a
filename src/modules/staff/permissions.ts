// Roles and permission checks. The roles are one list here; each module declares its own permissions and the
// roles that grant them (WegweiserModule.permissions), collected once in deps.modules.permissions.
import type { AppDeps } from '#shared/module.js';

/** Roles per tenant (least privilege); a person may hold several. platform_admin manages tenants. */
export const roles = [
  'tenant_admin',
  'servicepoint',
  'sachbearbeitung',
  'coach',
  'teamleitung',
  'personalentwicklung',
  'trainer',
  'presse',
  'mitarbeitende',
  'platform_admin',
] as const;
export type Role = (typeof roles)[number];

/** The staff module's own permissions. */
export const staffPermissions = {
  /** The staff start page and one's own account: every staff member. */
  'staff.self': roles,
  'staff.manage': ['tenant_admin'],
  /** Teams and their leads: the administration and the training office (which plans per team). */
  'staff.teams': ['tenant_admin', 'personalentwicklung'],
} as const satisfies Record<string, readonly Role[]>;

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

type Grants = Pick<AppDeps, 'modules'>;

function grantingRoles(deps: Grants, permission: string): readonly string[] {
  const allowed = deps.modules.permissions.get(permission);
  // A typo in a permission name must not fail silently as "nobody may".
  if (!allowed) throw new Error(`Permission '${permission}' is not declared by any module`);
  return allowed;
}

export function hasPermission(deps: Grants, userRoles: readonly string[], permission: string): boolean {
  const allowed = grantingRoles(deps, permission);
  return userRoles.some((r) => allowed.includes(r));
}

/** Roles that grant a permission (for tests and for the admin page's explanation). */
export function rolesWith(deps: Grants, permission: string): Role[] {
  return roles.filter((r) => grantingRoles(deps, permission).includes(r));
}

/** Fails at start when a module's permission names a role that does not exist (a typo would lock everyone out). */
export function assertKnownRoles(deps: Grants): void {
  for (const [permission, granted] of deps.modules.permissions) {
    const unknown = granted.filter((r) => !isRole(r));
    if (unknown.length) throw new Error(`Permission '${permission}' names unknown roles: ${unknown.join(', ')}`);
  }
}

/** Throws when no module declares `permission`; route guards call it when they are registered. */
export function assertDeclared(deps: Grants, permission: string): void {
  grantingRoles(deps, permission);
}
