// Unterlagen nachreichen: citizens hand in documents (against a Mitwirkungsaufforderung or freely with
// the BG-Nummer) and get a receipt at once; files are checked, scanned, encrypted and kept until retention.
// Owns the tables unterlagen_settings, mitwirkungsaufforderungen, mitwirkung_items, uploads, upload_files.
import type { WegweiserModule } from '#shared/module.js';
import { unterlagenAuditVocabulary } from './audit-vocabulary.js';
import { registerCitizenRoutes } from './citizen.routes.js';
import { unterlagenJobs } from './maintenance.js';
import { inboxWidget } from './review.service.js';
import { registerStaffRoutes } from './staff.routes.js';
import { registerUnterlagenApi } from './unterlagen.api.js';

export const unterlagenModule: WegweiserModule = {
  name: 'unterlagen',
  auditVocabularies: [unterlagenAuditVocabulary],
  permissions: { 'unterlagen.review': ['sachbearbeitung'] },
  staffNav: [{ path: '/staff/unterlagen', labelKey: 'unterlagen:staff.nav', permission: 'unterlagen.review', order: 30 }],
  dashboardWidgets: [{ id: 'unterlagen-inbox', titleKey: 'unterlagen:staff.widgetTitle', permission: 'unterlagen.review', order: 20, load: inboxWidget }],
  citizenServices: [{ titleKey: 'unterlagen:service.title', descriptionKey: 'unterlagen:service.description', path: '/unterlagen' }],
  // Each registers @fastify/multipart in its own encapsulated scope.
  async html(app, deps) {
    await app.register((scope) => registerCitizenRoutes(scope, deps));
    await app.register((scope) => registerStaffRoutes(scope, deps));
  },
  async api(app, deps) {
    await app.register((scope) => registerUnterlagenApi(scope, deps));
  },
  jobs: unterlagenJobs,
};

export {
  aufforderungLetter,
  createMitwirkungsaufforderung,
  type CreatedAufforderung,
  type NoticeContext,
} from './aufforderung.service.js';
export { caseDocuments, type CaseDocuments, type CaseRequest, type CaseUpload } from './case-links.js';
export { setBgNummerFormat } from './settings.service.js';
export type { AufforderungInput, DocumentType } from './unterlagen.schemas.js';
export { documentTypes } from './unterlagen.schemas.js';
