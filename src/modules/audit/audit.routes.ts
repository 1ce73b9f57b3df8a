// Staff pages of the audit log: search and CSV export.
import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import { safeParseForm, submittedTexts } from '#shared/http/validation.js';
import type { AppDeps } from '#shared/module.js';
import { berlinDate } from '#shared/time.js';
import { requirePermission, staffDirectory } from '../staff/index.js';
import { auditQuerySchema } from './audit.schemas.js';
import { exportAuditLog, searchAuditLog } from './audit.service.js';
import { AuditPage } from './views/AuditPage.js';

/** Search and CSV export of the audit log for tenant admins. */
export function registerAuditRoutes(app: FastifyInstance, deps: AppDeps) {
  const guard = { onRequest: requirePermission(deps, 'audit.read') };

  app.get('/staff/audit', guard, async (request, reply) => {
    const raw = submittedTexts(request.query);
    const people = await staffDirectory(deps, request.tdb, request.staff, 'audit.read');
    const common = { people, vocabularies: deps.modules.auditVocabularies, values: raw };
    const parsed = safeParseForm(auditQuerySchema, raw);
    if (!parsed.ok) return reply.status(422).render(h(AuditPage, { ...common, errors: parsed.errors, rows: [], hasMore: false, page: 1 }));
    const result = await searchAuditLog(deps, request.tdb, request.staff, parsed.data);
    return reply.render(h(AuditPage, { ...common, errors: [], ...result }));
  });

  app.get('/staff/audit.csv', guard, async (request, reply) => {
    const parsed = safeParseForm(auditQuerySchema, request.query ?? {});
    if (!parsed.ok) return reply.redirect(`/t/${request.tenant.slug}/staff/audit`, 303);
    const csv = await exportAuditLog(deps, request.tdb, request.staff, parsed.data, request.t);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="audit-${request.tenant.slug}-${berlinDate(deps.clock.now())}.csv"`)
      .send(csv);
  });
}
