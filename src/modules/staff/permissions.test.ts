import { describe, expect, it } from 'vitest';
import { hasPermission, isRole, permissions, roles, rolesWith } from './permissions.js';

describe('permissions', () => {
  it('grants the contract permissions to exactly the named roles', () => {
    expect(rolesWith('termine.configure')).toEqual(['tenant_admin']);
    expect(rolesWith('servicepoint.desk')).toEqual(['servicepoint']);
    expect(rolesWith('unterlagen.review')).toEqual(['sachbearbeitung']);
    expect(rolesWith('antrag.process')).toEqual(['sachbearbeitung']);
    expect(rolesWith('staff.manage')).toEqual(['tenant_admin']);
    expect(rolesWith('audit.read')).toEqual(['tenant_admin']);
  });

  it('combines several roles and refuses roles without the grant', () => {
    expect(hasPermission(['coach', 'sachbearbeitung'], 'unterlagen.review')).toBe(true);
    expect(hasPermission(['mitarbeitende'], 'unterlagen.review')).toBe(false);
    expect(hasPermission([], 'staff.self')).toBe(false);
    expect(hasPermission(['unknown'], 'staff.self')).toBe(false);
  });

  it('gives every role the staff start page and each permission at least one role', () => {
    for (const role of roles) expect(hasPermission([role], 'staff.self'), role).toBe(true);
    for (const p of permissions) expect(rolesWith(p).length, p).toBeGreaterThan(0);
    expect(isRole('presse')).toBe(true);
    expect(isRole('root')).toBe(false);
  });
});
