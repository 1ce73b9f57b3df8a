// Audit writer: the append-only log of every read or change of personal data and every security event.
// Owns the `audit_log` table; any module calls `recordAudit` inside the transaction of the access it records.
// Reading the log is a capability of its own (the audit module's search and export pages).
import type { TenantDb } from '../db/tenant-scope.js';
import { auditLog } from './audit.tables.js';
import type { AuditAction, AuditObjectType } from './vocabulary.js';

export { auditLog, type AuditRow } from './audit.tables.js';
export { auditVocabulary, type AuditAction, type AuditActionAfter, type AuditObjectType, type AuditVocabularies, type AuditVocabulary } from './vocabulary.js';

export interface AuditEntry {
  actorId: string | null;
  actorRoles: readonly string[];
  /** Declared by the writing module (`AuditVocabularies`); the audit page shows its label. */
  action: AuditAction;
  objectType: AuditObjectType;
  objectId?: string | null | undefined;
  purpose?: string | null | undefined;
  /** Keyed hash of the client IP, or null. */
  ipHash?: string | null | undefined;
  /** Defaults to the database's now(); security events pass the app clock. */
  at?: Date | undefined;
}

/**
 * Writes one audit row. Call it with the transaction's TenantDb, so the row exists exactly when
 * the read or change it records happened. Ids only: never names, e-mail addresses or contents.
 */
export async function recordAudit(tdb: TenantDb, entry: AuditEntry): Promise<void> {
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
