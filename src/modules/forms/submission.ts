// Submission of a draft (idempotent: a repeated submit returns the first result) and the staff side of
// the timeline (status changes, notes, document requests). The citizen's status lookup is in status.ts.
import { randomBytes, randomUUID } from 'node:crypto';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { ConflictError, NotFoundError } from '#shared/http/errors.js';
import { getI18n } from '#shared/i18n/index.js';
import { enqueueMail } from '#shared/mail/outbox.js';
import type { Tenant } from '#shared/tenancy/tenants.tables.js';
import { hashTokenBase64url, newToken } from '#shared/crypto.js';
import { formsKey, openBytes, openJson, sealBytes, sealJson, submissionAad } from './crypto.js';
import { submissionNameIndex } from './names.js';
import type { Draft, FormEngine } from './engine.js';
import type { Answers } from './flow.js';
import * as repo from './forms.repository.js';
import type { SubmissionFilter } from './forms.repository.js';
import type { FormSubmission, FormSubmissionEvent, SubmissionStatus } from './forms.tables.js';
import { isComplete, prunedAnswers } from './navigation.js';
import { renderSubmissionPdf } from './pdf.js';
import { buildSummary } from './summary.js';
import { berlinDateTime, berlinTime } from '#shared/time.js';

export interface SubmitResult {
  submissionId: string;
  reference: string;
  statusToken: string;
  submittedAt: Date;
  /** false when this call found an earlier submit of the same draft */
  created: boolean;
  /** a confirmation e-mail was sent */
  mailed: boolean;
}

interface Receipt {
  statusToken: string;
  mailed: boolean;
}

// Crockford's base32 without I, L, O, U: no letters that read like digits.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newReference(prefix: string, now: Date): string {
  const bytes = randomBytes(8);
  const chars = [...bytes].map((b) => ALPHABET[b % 32]).join('');
  const year = berlinDateTime(now).year;
  return `${prefix}-${year}-${chars.slice(0, 4)}-${chars.slice(4, 8)}`;
}

/** Date and time of a submission as Germans write them, in Berlin ("04.12.2026", "22:37"): page, mail and PDF. */
export function submittedAtParams(at: Date): { date: string; time: string } {
  return { date: berlinDateTime(at).toFormat('dd.MM.yyyy'), time: berlinTime(at) };
}

/** The result of the submit a draft already led to (repeated submit, confirmation page). */
export async function submittedResult(engine: FormEngine, tdb: TenantDb, draftId: string): Promise<SubmitResult> {
  const row = await repo.draftById(tdb, draftId);
  const submission = await repo.submissionByDraft(tdb, draftId);
  if (!row?.submittedStatusToken || !submission) throw new ConflictError('forms:errors.busy');
  const receipt = openJson<Receipt>(row.submittedStatusToken, formsKey(engine.deps.config.secretKey), engine.aad(row.tenantId, row.id));
  return { submissionId: submission.id, reference: submission.reference, submittedAt: submission.submittedAt, created: false, ...receipt };
}

/**
 * Submits a complete draft: reference number, PDF, status "eingegangen", confirmation mail,
 * all in one transaction. The draft row is claimed by a conditional update, so of two
 * concurrent submits exactly one creates the application and both return it.
 */
export async function submitDraft(engine: FormEngine, tdb: TenantDb, draft: Draft, tenant: Tenant, lang: string): Promise<SubmitResult> {
  if (draft.row.submittedAt) return submittedResult(engine, tdb, draft.row.id);
  const { flow, deps } = engine;
  const done = new Set(draft.state.done);
  if (!isComplete(flow, draft.state.answers, done)) throw new ConflictError('forms:errors.incomplete');

  const now = deps.clock.now();
  const answers = prunedAnswers(flow, draft.state.answers);
  const t = getI18n().getFixedT(lang);
  const id = randomUUID();
  const reference = newReference(flow.referencePrefix, now);
  const statusToken = newToken();
  const pdf = await renderSubmissionPdf({
    title: t(flow.titleKey),
    tenant,
    reference,
    submittedAt: now,
    lang,
    sections: buildSummary(flow, answers, t),
    declaration: t(flow.declarationKey),
    t,
  });
  const key = formsKey(deps.config.secretKey);
  const to = flow.contactEmail(answers) ?? draft.state.resumeEmail;
  const receipt: Receipt = { statusToken, mailed: to !== undefined };

  const created = await tdb.transaction(async (tx) => {
    const claimed = await repo.claimDraftForSubmission(tx, draft.row.id, now);
    if (!claimed) return false;
    await repo.insertSubmission(tx, {
      id,
      flowId: flow.id,
      draftId: draft.row.id,
      reference,
      statusTokenHash: hashTokenBase64url(statusToken),
      data: sealJson({ answers }, key, submissionAad(tx.tenantId, id)),
      pdf: sealBytes(pdf, key, submissionAad(tx.tenantId, id)),
      facets: flow.facets(answers),
      nameIndex: submissionNameIndex(deps.config.secretKey, tx.tenantId, flow, answers, now),
      lang,
      status: 'eingegangen',
      submittedAt: now,
      statusChangedAt: now,
    });
    await repo.insertEvent(tx, { submissionId: id, at: now, kind: 'status', status: 'eingegangen' });
    // The draft keeps no answers; it stays until its expiry only to answer a repeated submit.
    await repo.updateDraft(tx, draft.row.id, {
      data: null,
      submissionId: id,
      submittedStatusToken: sealJson(receipt, key, engine.aad(tx.tenantId, draft.row.id)),
      resumeTokenHash: null,
      hasResumeEmail: false,
      expiresAt: engine.expiry(now),
    });
    if (to) {
      const params = {
        service: t(flow.titleKey),
        tenant: tenant.name,
        reference,
        link: `${deps.config.publicUrl}/t/${tenant.slug}${flow.basePath}/status/${statusToken}`,
        lookup: `${deps.config.publicUrl}/t/${tenant.slug}${flow.basePath}/status`,
        ...submittedAtParams(now),
      };
      await enqueueMail(tx, { kind: 'forms.confirmation', to, subject: t('forms:mail.confirmation.subject', params), text: t('forms:mail.confirmation.text', params) });
    }
    return true;
  });
  if (!created) return submittedResult(engine, tdb, draft.row.id);
  return { submissionId: id, reference, statusToken, submittedAt: now, created: true, mailed: to !== undefined };
}

/** The PDF of the submission a draft led to (confirmation page download). */
export async function pdfOfDraft(engine: FormEngine, tdb: TenantDb, draft: Draft): Promise<{ reference: string; pdf: Buffer }> {
  const submission = draft.row.submissionId ? await repo.submissionById(tdb, draft.row.submissionId) : undefined;
  if (!submission) throw new NotFoundError();
  return { reference: submission.reference, pdf: openBytes(submission.pdf, formsKey(engine.deps.config.secretKey), submissionAad(tdb.tenantId, submission.id)) };
}

// ---- staff side ----

export interface OpenedSubmission {
  submission: Omit<FormSubmission, 'data' | 'pdf' | 'nameIndex'>;
  answers: Answers;
  events: (Omit<FormSubmissionEvent, 'note'> & { note?: string | undefined })[];
}

export function listSubmissions(tdb: TenantDb, filter: SubmissionFilter) {
  return repo.listSubmissions(tdb, filter);
}

export async function openSubmission(secret: string, tdb: TenantDb, id: string): Promise<OpenedSubmission> {
  const row = await repo.submissionById(tdb, id);
  if (!row) throw new NotFoundError();
  const key = formsKey(secret);
  const { answers } = openJson<{ answers: Answers }>(row.data, key, submissionAad(tdb.tenantId, row.id));
  const events = (await repo.events(tdb, row.id)).map(({ note, ...e }) => ({
    ...e,
    note: note ? openJson<string>(note, key, submissionAad(tdb.tenantId, `${row.id}:${e.id}`)) : undefined,
  }));
  const { data: _data, pdf: _pdf, nameIndex: _nameIndex, ...submission } = row;
  return { submission, answers, events };
}

export async function submissionPdf(secret: string, tdb: TenantDb, id: string): Promise<{ reference: string; pdf: Buffer }> {
  const row = await repo.submissionById(tdb, id);
  if (!row) throw new NotFoundError();
  return { reference: row.reference, pdf: openBytes(row.pdf, formsKey(secret), submissionAad(tdb.tenantId, row.id)) };
}

/** Adds a timeline entry (and for status entries changes the status); call inside the caller's transaction. */
export async function addTimelineEntry(
  secret: string,
  tdb: TenantDb,
  submissionId: string,
  entry: { kind: 'status' | 'note' | 'documentsRequested'; status?: SubmissionStatus; note?: string; actorId: string; at: Date },
): Promise<void> {
  const row = await repo.submissionById(tdb, submissionId);
  if (!row) throw new NotFoundError();
  const eventId = randomUUID();
  if (entry.status) await repo.setSubmissionStatus(tdb, submissionId, entry.status, entry.at);
  await repo.insertEvent(tdb, {
    id: eventId,
    submissionId,
    at: entry.at,
    kind: entry.kind,
    status: entry.status ?? null,
    note: entry.note ? sealJson(entry.note, formsKey(secret), submissionAad(tdb.tenantId, `${submissionId}:${eventId}`)) : null,
    actorId: entry.actorId,
  });
}

// ---- links from other modules ----

/** A submission as other modules link to it: id and reference only, no answers. */
export interface SubmissionRef {
  id: string;
  reference: string;
}

/** The submission a reference names (case-insensitive), for a module that ties its records to an application. */
export async function submissionRefByReference(tdb: TenantDb, reference: string): Promise<SubmissionRef | undefined> {
  const submission = await repo.submissionByReference(tdb, reference.trim().toUpperCase());
  return submission ? { id: submission.id, reference: submission.reference } : undefined;
}

export async function submissionRefById(tdb: TenantDb, id: string): Promise<SubmissionRef | undefined> {
  const submission = await repo.submissionById(tdb, id);
  return submission ? { id: submission.id, reference: submission.reference } : undefined;
}
