// Caseworker use cases for submitted applications: list, open (audited), status, notes,
// requesting documents through the Unterlagen module, and export as JSON and PDF.
import { addTimelineEntry, buildSummary, listSubmissions, openSubmission, submissionPdf, type OpenedSubmission, type SubmissionFilter, type SubmissionStatus } from '../forms/index.js';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { ConflictError, NotFoundError, ValidationError } from '#shared/http/errors.js';
import { getI18n } from '#shared/i18n/index.js';
import type { AppDeps } from '#shared/module.js';
import { recordAudit, type AuditAction } from '#shared/audit/index.js';
import type { StaffPrincipal } from '../staff/index.js';
import type { Tenant } from '#shared/tenancy/index.js';
import { caseDocuments, createMitwirkungsaufforderung, type CaseDocuments, type DocumentType } from '../unterlagen/index.js';
import { deriveChecklist, type ChecklistItem } from './checklist.js';
import { antragFlows } from './flows/index.js';
import { canMove, canRequestDocuments } from './status.js';
import { berlinDate } from '#shared/time.js';

async function audited<R>(deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, action: AuditAction, id: string, work: (tx: TenantDb) => Promise<R>): Promise<R> {
  return tdb.transaction(async (tx) => {
    const result = await work(tx);
    await recordAudit(tx, { actorId: staff.userId, actorRoles: staff.roles, action, objectType: 'application', objectId: id, purpose: 'Antragsbearbeitung (SGB II)', at: deps.clock.now() });
    return result;
  });
}

const flowOf = (flowId: string) => antragFlows.find((f) => f.id === flowId);

/** The list shows reference, service, status and household facts only: no personal data, no audit row. */
export function listApplications(tdb: TenantDb, filter: SubmissionFilter) {
  return listSubmissions(tdb, { ...filter, limit: 200 });
}

export interface ApplicationDetail extends OpenedSubmission {
  checklist: ChecklistItem[];
  /** Requests made for the application and the uploads that belong to it (one case, one timeline). */
  documents: CaseDocuments;
}

export async function openApplication(deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, id: string): Promise<ApplicationDetail> {
  return audited(deps, tdb, staff, 'antrag.read', id, async (tx) => {
    const opened = await openSubmission(deps.config.secretKey, tx, id);
    const checklist = opened.submission.flowId === 'erstantrag' ? deriveChecklist(opened.answers, berlinDate(opened.submission.submittedAt)) : [];
    // Read inside the audited transaction: the access to the case is one audit entry.
    const documents = await caseDocuments(tx, id);
    return { ...opened, checklist, documents };
  });
}

export async function changeStatus(deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, id: string, status: SubmissionStatus): Promise<void> {
  await audited(deps, tdb, staff, 'antrag.status', id, async (tx) => {
    const { submission } = await openSubmission(deps.config.secretKey, tx, id);
    if (!canMove(submission.status, status)) throw new ConflictError('antrag:staff.statusNotAllowed');
    await addTimelineEntry(deps.config.secretKey, tx, id, { kind: 'status', status, actorId: staff.userId, at: deps.clock.now() });
  });
}

export async function addNote(deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, id: string, note: string): Promise<void> {
  await audited(deps, tdb, staff, 'antrag.note', id, async (tx) => {
    await addTimelineEntry(deps.config.secretKey, tx, id, { kind: 'note', note, actorId: staff.userId, at: deps.clock.now() });
  });
}

// Checklist items → the document types of the Unterlagen module.
const DOCUMENT_TYPE: Record<string, DocumentType> = {
  ausweis: 'ausweis',
  meldebescheinigung: 'meldebescheinigung',
  mietvertrag: 'mietvertrag',
  nebenkostenabrechnung: 'nebenkostenabrechnung',
  kontoauszuege: 'kontoauszuege',
  lohnabrechnungen: 'lohnabrechnung',
  kindergeld: 'bescheid',
  ernaehrung: 'aerztliche-bescheinigung',
};

export interface DocumentRequest {
  bgNummer: string;
  dueDate: string;
  items: string[];
  message: string;
}

/**
 * Asks the citizen for missing documents: a Mitwirkungsaufforderung of the Unterlagen module
 * (with its own code and e-mail) linked to this application, and "Unterlagen angefordert" on
 * the timeline, in one transaction.
 */
export async function requestDocuments(
  deps: AppDeps,
  tdb: TenantDb,
  staff: StaffPrincipal,
  id: string,
  tenant: Tenant,
  request: DocumentRequest,
): Promise<{ reference: string }> {
  return audited(deps, tdb, staff, 'antrag.documents_requested', id, async (tx) => {
    const { submission, answers } = await openSubmission(deps.config.secretKey, tx, id);
    if (!canRequestDocuments(submission.status)) throw new ConflictError('antrag:staff.statusNotAllowed');
    const t = getI18n().getFixedT(submission.lang);
    const checklist = deriveChecklist(answers, berlinDate(submission.submittedAt)).filter((item) => request.items.includes(item.id));
    if (checklist.length === 0) throw new ValidationError([{ field: 'items', message: 'antrag:staff.itemsRequired' }]);
    const email = typeof answers.email === 'string' ? answers.email : undefined;
    const created = await createMitwirkungsaufforderung(
      tx,
      {
        bgNummer: request.bgNummer,
        items: checklist.map((item) => ({
          documentType: DOCUMENT_TYPE[item.id] ?? (item.id.startsWith('bescheid_') ? 'bescheid' : 'sonstiges'),
          description: [t(`antrag:checklist.items.${item.id}.title`), item.names ? t('antrag:checklist.for', { names: item.names.join(', ') }) : ''].filter(Boolean).join(' – ').slice(0, 300),
          dueDate: request.dueDate,
        })),
        message: request.message,
        createdBy: staff.displayName.slice(0, 100),
        applicationId: id,
        lang: submission.lang === 'en' ? 'en' : 'de',
        ...(email ? { email } : {}),
      },
      { tenant, publicUrl: deps.config.publicUrl },
    );
    const at = deps.clock.now();
    const status = submission.status === 'unterlagen_angefordert' ? undefined : 'unterlagen_angefordert';
    await addTimelineEntry(deps.config.secretKey, tx, id, { kind: 'documentsRequested', ...(status ? { status } : {}), note: created.reference, actorId: staff.userId, at });
    return { reference: created.reference };
  });
}

/** The export format of doc/antrag-export.md (version 1). */
export async function exportApplication(deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, id: string, tenant: Tenant) {
  return audited(deps, tdb, staff, 'antrag.export', id, async (tx) => {
    const { submission, answers, events } = await openSubmission(deps.config.secretKey, tx, id);
    const flow = flowOf(submission.flowId);
    if (!flow) throw new NotFoundError();
    const t = getI18n().getFixedT('de');
    return {
      format: 'wegweiser.antrag-export' as const,
      version: 1 as const,
      exportedAt: deps.clock.now().toISOString(),
      tenant: { slug: tenant.slug, name: tenant.name },
      application: {
        id: submission.id,
        reference: submission.reference,
        flow: submission.flowId,
        status: submission.status,
        submittedAt: submission.submittedAt.toISOString(),
        submittedDate: berlinDate(submission.submittedAt),
        language: submission.lang,
        facets: submission.facets,
      },
      answers,
      sections: buildSummary(flow, answers, t).map((s) => ({ id: s.id, title: s.title, blocks: s.blocks.map((b) => ({ title: b.title ?? null, rows: b.rows.map((r) => ({ label: r.label, value: r.value })) })) })),
      checklist: submission.flowId === 'erstantrag' ? deriveChecklist(answers, berlinDate(submission.submittedAt)) : [],
      timeline: events.map((e) => ({ at: e.at.toISOString(), kind: e.kind, status: e.status ?? null, note: e.note ?? null, actorId: e.actorId ?? null })),
    };
  });
}

export async function applicationPdf(deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, id: string) {
  return audited(deps, tdb, staff, 'antrag.pdf', id, (tx) => submissionPdf(deps.config.secretKey, tx, id));
}
