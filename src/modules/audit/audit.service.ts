// Reading the audit log: search by person, action, object and local date range; CSV export with labels.
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { ForbiddenError } from '#shared/http/errors.js';
import type { AppDeps } from '#shared/module.js';
import { hasPermission, type StaffPrincipal } from '../staff/index.js';
import { recordAudit, type AuditRow, type AuditAction } from '#shared/audit/index.js';
import { searchAudit } from './audit.repository.js';
import type { AuditQueryInput } from './audit.schemas.js';
import { fromBerlinIso } from '#shared/time.js';
import type { TFunction } from '#shared/i18n/index.js';
import { actionLabel, objectTypeLabel } from './labels.js';

export const PAGE_SIZE = 100;
const EXPORT_LIMIT = 50_000;

function range(query: AuditQueryInput) {
  const day = (d: string) => fromBerlinIso(d).startOf('day');
  return {
    from: query.from ? day(query.from).toJSDate() : undefined,
    to: query.to ? day(query.to).plus({ days: 1 }).toJSDate() : undefined,
  };
}

function assertReader(deps: AppDeps, actor: StaffPrincipal) {
  if (!hasPermission(deps, actor.roles, 'audit.read')) throw new ForbiddenError();
}

/** Searching the log is itself logged (with the filter kinds, not their values). */
async function logAccess(deps: AppDeps, tdb: TenantDb, actor: StaffPrincipal, action: AuditAction, query: AuditQueryInput) {
  const used = (['actor', 'action', 'objectType', 'objectId', 'from', 'to'] as const).filter((k) => query[k] !== undefined);
  await recordAudit(tdb, { actorId: actor.userId, actorRoles: actor.roles, action, objectType: 'audit_log', objectId: query.actor ?? null, purpose: used.length ? `filter=${used.join(',')}` : null, at: deps.clock.now() });
}

export async function searchAuditLog(deps: AppDeps, tdb: TenantDb, actor: StaffPrincipal, query: AuditQueryInput) {
  assertReader(deps, actor);
  const page = query.page ?? 1;
  const rows = await searchAudit(tdb, { actorId: query.actor, action: query.action, objectType: query.objectType, objectId: query.objectId, ...range(query), limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE });
  await logAccess(deps, tdb, actor, 'audit.search', query);
  return { rows: rows.slice(0, PAGE_SIZE), hasMore: rows.length > PAGE_SIZE, page };
}

/** Cells starting with = + - @ would be formulas in a spreadsheet: prefix them with an apostrophe. */
export function csvCell(value: string | null | undefined): string {
  let v = value ?? '';
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[",\n\r;]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** Ids as they are stored, for programs; the labels of action and object type (in `t`'s language) after them, for people. */
export function toCsv(rows: AuditRow[], t: TFunction): string {
  const header = ['at', 'actor_id', 'actor_roles', 'action', 'object_type', 'object_id', 'purpose', 'ip_hash', 'action_label', 'object_type_label'];
  const lines = rows.map((r) =>
    [r.at.toISOString(), r.actorId, r.actorRoles.join(' '), r.action, r.objectType, r.objectId, r.purpose, r.ipHash, actionLabel(t, r.action), objectTypeLabel(t, r.objectType)].map(csvCell).join(','),
  );
  return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}

export async function exportAuditLog(deps: AppDeps, tdb: TenantDb, actor: StaffPrincipal, query: AuditQueryInput, t: TFunction): Promise<string> {
  assertReader(deps, actor);
  const rows = await searchAudit(tdb, { actorId: query.actor, action: query.action, objectType: query.objectType, objectId: query.objectId, ...range(query), limit: EXPORT_LIMIT });
  await logAccess(deps, tdb, actor, 'audit.export', query);
  return toCsv(rows, t);
}
