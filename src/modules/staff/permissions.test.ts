import { describe, expect, it } from 'vitest';
import { catalogueOf } from '#shared/module.js';
import { modules } from '../index.js';
import { assertKnownRoles, hasPermission, isRole, roles, rolesWith } from './permissions.js';

const deps = { modules: catalogueOf(modules) };

describe('permissions', () => {
  it('grants the contract permissions to exactly the named roles', () => {
    expect(rolesWith(deps, 'termine.configure')).toEqual(['tenant_admin']);
    expect(rolesWith(deps, 'servicepoint.desk')).toEqual(['servicepoint']);
    expect(rolesWith(deps, 'unterlagen.review')).toEqual(['sachbearbeitung']);
    expect(rolesWith(deps, 'antrag.process')).toEqual(['sachbearbeitung']);
    expect(rolesWith(deps, 'staff.manage')).toEqual(['tenant_admin']);
    expect(rolesWith(deps, 'audit.read')).toEqual(['tenant_admin']);
    expect(rolesWith(deps, 'tenants.manage')).toEqual(['platform_admin']);
  });

  it('combines several roles and refuses roles without the grant', () => {
    expect(hasPermission(deps, ['coach', 'sachbearbeitung'], 'unterlagen.review')).toBe(true);
    expect(hasPermission(deps, ['mitarbeitende'], 'unterlagen.review')).toBe(false);
    expect(hasPermission(deps, [], 'staff.self')).toBe(false);
    expect(hasPermission(deps, ['unknown'], 'staff.self')).toBe(false);
  });

  it('gives every role the staff start page and each permission at least one known role', () => {
    for (const role of roles) expect(hasPermission(deps, [role], 'staff.self'), role).toBe(true);
    for (const p of deps.modules.permissions.keys()) expect(rolesWith(deps, p).length, p).toBeGreaterThan(0);
    expect(() => assertKnownRoles(deps)).not.toThrow();
    expect(isRole('presse')).toBe(true);
    expect(isRole('root')).toBe(false);
  });

  it('refuses a permission nobody declares and a role that does not exist', () => {
    expect(() => hasPermission(deps, ['tenant_admin'], 'staff.manag')).toThrow("Permission 'staff.manag' is not declared by any module");
    const typo = { modules: catalogueOf([{ name: 'x', permissions: { 'x.do': ['tenant_admni'] } }]) };
    expect(() => assertKnownRoles(typo)).toThrow("Permission 'x.do' names unknown roles: tenant_admni");
  });
});
