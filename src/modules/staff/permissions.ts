/** Roles per tenant (least privilege); a person may hold several. platform_admin manages tenants. */
export const roles = [
  'tenant_admin',
  'servicepoint',
  'sachbearbeitung',
  'coach',
  'personalentwicklung',
  'presse',
  'mitarbeitende',
  'platform_admin',
] as const;
export type Role = (typeof roles)[number];

/** Every permission a staff route may require, and the roles that grant it. */
const grants = {
  /** The staff start page and one's own account: every staff member. */
  'staff.self': ['tenant_admin', 'servicepoint', 'sachbearbeitung', 'coach', 'personalentwicklung', 'presse', 'mitarbeitende', 'platform_admin'],
  'staff.manage': ['tenant_admin'],
  'audit.read': ['tenant_admin'],
  'termine.configure': ['tenant_admin'],
  'servicepoint.desk': ['servicepoint'],
  'unterlagen.review': ['sachbearbeitung'],
  'antrag.process': ['sachbearbeitung'],
  'coaching.work': ['coach'],
  'seminare.manage': ['personalentwicklung'],
  'seminare.enrol': ['mitarbeitende', 'tenant_admin', 'servicepoint', 'sachbearbeitung', 'coach', 'personalentwicklung', 'presse'],
  'presse.publish': ['presse'],
  'tenants.manage': ['platform_admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof grants;
export const permissions = Object.keys(grants) as Permission[];

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

export function hasPermission(userRoles: readonly string[], permission: Permission): boolean {
  const allowed: readonly string[] = grants[permission];
  return userRoles.some((r) => allowed.includes(r));
}

/** Roles that grant a permission (for tests and for the admin page's explanation). */
export function rolesWith(permission: Permission): Role[] {
  return [...grants[permission]];
}
