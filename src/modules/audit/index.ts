// Audit log viewer: tenant admins search and export the append-only audit log (written through
// shared/audit by every module). Owns no tables; reading the log is itself recorded.
import type { WegweiserModule } from '#shared/module.js';
import { auditLogVocabulary } from './audit-vocabulary.js';
import { registerAuditRoutes } from './audit.routes.js';

export const auditModule: WegweiserModule = {
  name: 'audit',
  auditVocabularies: [auditLogVocabulary],
  permissions: { 'audit.read': ['tenant_admin'] },
  staffNav: [{ path: '/staff/audit', labelKey: 'audit:nav', permission: 'audit.read', order: 85 }],
  html: registerAuditRoutes,
};
