import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { TenantDb } from '../../shared/db/tenant-scope.js';
import { auditLog, type AuditRow } from './audit.tables.js';

export interface AuditEntry {
  actorId: string | null;
  actorRoles: readonly string[];
  action: string;
  objectType: string;
  objectId?: string | null | undefined;
  purpose?: string | null | undefined;
  /** Keyed hash of the client IP, or null. */
  ipHash?: string | null | undefined;
  /** Defaults to the database's now(); security events pass the app clock. */
  at?: Date | undefined;
}

export interface AuditQuery {
  actorId?: string | undefined;
  objectType?: string | undefined;
  objectId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  limit: number;
  offset?: number;
}

export async function insertAudit(tdb: TenantDb, entry: AuditEntry): Promise<void> {
  await tdb.insert(auditLog, {
    actorId: entry.actorId,
    actorRoles: [...entry.actorRoles],
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId ?? null,
    purpose: entry.purpose ?? null,
    ipHash: entry.ipHash ?? null,
    ...(entry.at ? { at: entry.at } : {}),
  });
}

export async function searchAudit(tdb: TenantDb, query: AuditQuery): Promise<AuditRow[]> {
  const conditions: SQL[] = [];
  if (query.actorId) conditions.push(eq(auditLog.actorId, query.actorId));
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
