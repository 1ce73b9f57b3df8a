// What every seminare service call is given: the app, the tenant (for links and mails) and its scoped database.
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { ForbiddenError } from '#shared/http/errors.js';
import type { AppDeps } from '#shared/module.js';
import type { Tenant } from '#shared/tenancy/index.js';
import { hasPermission } from '../staff/index.js';

export interface SeminarCtx {
  deps: AppDeps;
  tdb: TenantDb;
  tenant: Tenant;
}

/** Who acts: a staff member (id and roles), or the system (jobs) with no id. */
export interface Actor {
  userId: string;
  roles: readonly string[];
}

export const SYSTEM: Actor = { userId: '', roles: [] };

export function can(ctx: SeminarCtx, actor: Actor, permission: string): boolean {
  return hasPermission(ctx.deps, actor.roles, permission);
}

/** Checked in services too, not only by the route guard. */
export function assertCan(ctx: SeminarCtx, actor: Actor, permission: string): void {
  if (!can(ctx, actor, permission)) throw new ForbiddenError();
}

export function staffUrl(ctx: SeminarCtx, path: string): string {
  return `${ctx.deps.config.publicUrl}/t/${ctx.tenant.slug}/staff/seminare${path}`;
}
