// SQL of the audit log viewer: search by person, action, object and time range (tenant-scoped, newest first).
import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { auditLog, type AuditRow } from '#shared/audit/index.js';

export interface AuditQuery {
  actorId?: string | undefined;
  action?: string | undefined;
  objectType?: string | undefined;
  objectId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  limit: number;
  offset?: number;
}

export async function searchAudit(tdb: TenantDb, query: AuditQuery): Promise<AuditRow[]> {
  const conditions: SQL[] = [];
  if (query.actorId) conditions.push(eq(auditLog.actorId, query.actorId));
  if (query.action) conditions.push(eq(auditLog.action, query.action));
  if (query.objectType) conditions.push(eq(auditLog.objectType, query.objectType));
  if (query.objectId) conditions.push(eq(auditLog.objectId, query.objectId));
  if (query.from) conditions.push(gte(auditLog.at, query.from));
  if (query.to) conditions.push(lt(auditLog.at, query.to));
  return tdb.db
    .select()
    .from(auditLog)
    .where(tdb.scope(auditLog, and(...conditions)))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(query.limit)
    .offset(query.offset ?? 0);
}
