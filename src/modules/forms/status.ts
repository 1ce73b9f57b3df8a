// The citizen's status page of a submission: opened by the link in the confirmation mail (status token), by the
// reference number plus the applicant's date of birth, or (API) by reference plus token. Every way answers an
// unknown reference and a wrong second key alike, and every opening is audited (doc/adr/0210-status-lookup.md).
import { recordAudit, type AuditAction } from '#shared/audit/index.js';
import { hashTokenBase64url, isToken, safeEqual } from '#shared/crypto.js';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { NotFoundError } from '#shared/http/errors.js';
import { formsKey, openBytes, openJson, submissionAad } from './crypto.js';
import { date } from './fields.js';
import type { Answers, FlowDefinition } from './flow.js';
import * as repo from './forms.repository.js';
import type { FormSubmission, SubmissionStatus } from './forms.tables.js';

export interface StatusView {
  reference: string;
  flowId: string;
  status: SubmissionStatus;
  submittedAt: Date;
  timeline: { status: SubmissionStatus; at: Date }[];
}

/** Who opened a status page and how; recorded with the submission's id, never with the keys typed. */
export interface StatusAccess {
  /** keyed hash of the client address */
  ipHash: string;
  at: Date;
}

/** The applicant's date of birth on the lookup form, as three boxes like every date of the wizard. */
export const birthDateField = date('birthDate', 'forms:status.birthDate', { notFuture: true, minYear: 1900, autocompleteBirthday: true, hintKey: 'forms:status.birthDateHint' });

const notFound = () => new NotFoundError('forms:errors.statusNotFound');

async function statusView(tdb: TenantDb, submission: FormSubmission): Promise<StatusView> {
  const events = await repo.events(tdb, submission.id, true);
  return {
    reference: submission.reference,
    flowId: submission.flowId,
    status: submission.status,
    submittedAt: submission.submittedAt,
    timeline: events.map((e) => ({ status: e.status!, at: e.at })),
  };
}

const audit = (tdb: TenantDb, action: AuditAction, submission: FormSubmission, by: string, access: StatusAccess) =>
  recordAudit(tdb, { actorId: null, actorRoles: [], action, objectType: 'form_submission', objectId: submission.id, purpose: `citizen:${by}`, ipHash: access.ipHash, at: access.at });

/** The submission of a reference whose applicant was born on `birthDate` (YYYY-MM-DD); a failed try on a known reference is audited. */
async function byBirthDate(secret: string, tdb: TenantDb, flow: FlowDefinition, reference: string, birthDate: string, access: StatusAccess): Promise<FormSubmission> {
  const submission = await repo.submissionByReference(tdb, reference.trim().toUpperCase());
  if (!submission || submission.flowId !== flow.id) throw notFound();
  const { answers } = openJson<{ answers: Answers }>(submission.data, formsKey(secret), submissionAad(tdb.tenantId, submission.id));
  const expected = flow.applicantBirthDate(answers);
  if (!expected || !safeEqual(expected, birthDate)) {
    await audit(tdb, 'forms.status.denied', submission, 'birthDate', access);
    throw notFound();
  }
  return submission;
}

async function byToken(tdb: TenantDb, flow: FlowDefinition, statusToken: string): Promise<FormSubmission> {
  const submission = isToken(statusToken) ? await repo.submissionByStatusToken(tdb, hashTokenBase64url(statusToken)) : undefined;
  if (!submission || submission.flowId !== flow.id) throw notFound();
  return submission;
}

/** Status for reference + date of birth (the form on the status page). Reads are not in a transaction: a refused
 * try must stay in the audit log although the lookup fails. */
export async function statusByBirthDate(secret: string, tdb: TenantDb, flow: FlowDefinition, reference: string, birthDate: string, access: StatusAccess): Promise<StatusView> {
  const submission = await byBirthDate(secret, tdb, flow, reference, birthDate, access);
  await audit(tdb, 'forms.status.viewed', submission, 'birthDate', access);
  return statusView(tdb, submission);
}

/** Status for the link in the confirmation mail. */
export async function statusByToken(tdb: TenantDb, flow: FlowDefinition, statusToken: string, access: StatusAccess): Promise<StatusView> {
  const submission = await byToken(tdb, flow, statusToken);
  await audit(tdb, 'forms.status.viewed', submission, 'link', access);
  return statusView(tdb, submission);
}

/** The PDF as submitted, for the same two keys as the status page. */
export async function statusPdf(
  secret: string,
  tdb: TenantDb,
  flow: FlowDefinition,
  key: { token: string } | { reference: string; birthDate: string },
  access: StatusAccess,
): Promise<{ reference: string; pdf: Buffer }> {
  const submission = 'token' in key ? await byToken(tdb, flow, key.token) : await byBirthDate(secret, tdb, flow, key.reference, key.birthDate, access);
  await audit(tdb, 'forms.status.pdf', submission, 'token' in key ? 'link' : 'birthDate', access);
  return { reference: submission.reference, pdf: openBytes(submission.pdf, formsKey(secret), submissionAad(tdb.tenantId, submission.id)) };
}

/** Status for reference + token (JSON API, token as Bearer); a wrong pair and an unknown reference look the same. */
export async function statusByReference(tdb: TenantDb, flowIds: string[], reference: string, statusToken: string): Promise<StatusView> {
  const submission = await repo.submissionByReference(tdb, reference.trim().toUpperCase());
  if (!submission || !flowIds.includes(submission.flowId) || !isToken(statusToken) || !safeEqual(submission.statusTokenHash, hashTokenBase64url(statusToken))) {
    throw notFound();
  }
  return statusView(tdb, submission);
}
