// Audit: the append-only log of every read or change of personal data and every security event.
// Owns the `audit_log` table; other modules call `recordAudit` inside the transaction of the access.
import type { WegweiserModule } from '../../shared/module.js';
import type { TenantDb } from '../../shared/db/tenant-scope.js';
import { insertAudit, type AuditEntry } from './audit.repository.js';
import { registerAuditRoutes } from './audit.routes.js';

export type { AuditEntry };

/**
 * Writes one audit row. Call it with the transaction's TenantDb, so the row exists exactly when
 * the read or change it records happened. Ids only: never names, e-mail addresses or contents.
 */
export async function recordAudit(tdb: TenantDb, entry: AuditEntry): Promise<void> {
  await insertAudit(tdb, entry);
}

export const auditModule: WegweiserModule = {
  name: 'audit',
  html: registerAuditRoutes,
};
