// Caseworker side (permission 'unterlagen.review'): inbox, one submission, download, accept/reject,
// ask for more. Every read of personal data and every decision is written to the audit log in the
// same transaction (doc/security.md §3).
import type { Readable } from 'node:stream';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import type { TFunction } from '#shared/i18n/index.js';
import { ConflictError, NotFoundError } from '#shared/http/errors.js';
import type { AppDeps } from '#shared/module.js';
import { recordAudit, type AuditAction, type AuditObjectType } from '#shared/audit/index.js';
import type { StaffPrincipal } from '../staff/index.js';
import type { SubmissionRef } from '../forms/index.js';
import { createMitwirkungsaufforderung, type CreatedAufforderung, type NoticeContext } from './aufforderung.service.js';
import { applicationsOfUpload } from './case-links.js';
import { parseMasterKey } from '#shared/files/index.js';
import * as aufforderungRepo from './aufforderung.repository.js';
import * as inboxRepo from './inbox.repository.js';
import * as uploadRepo from './upload.repository.js';
import type { AufforderungInput } from './unterlagen.schemas.js';
import type { MitwirkungItem, Mitwirkungsaufforderung, Upload, UploadFile } from './unterlagen.tables.js';
import { berlinDate } from '#shared/time.js';

export type { OpenItemRow } from './inbox.repository.js';

function audit(tdb: TenantDb, staff: StaffPrincipal, at: Date, action: AuditAction, objectType: AuditObjectType, objectId: string | null, purpose?: string) {
  return recordAudit(tdb, { actorId: staff.userId, actorRoles: staff.roles, action, objectType, objectId, purpose, at });
}

export interface UploadDetail {
  upload: Upload;
  files: UploadFile[];
  item: MitwirkungItem | null;
  aufforderung: Mitwirkungsaufforderung | null;
  /** The online applications this upload belongs to (case-links.ts). */
  applications: SubmissionRef[];
  today: string;
}

export async function loadUpload(deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, id: string): Promise<UploadDetail> {
  const now = deps.clock.now();
  return tdb.transaction(async (tx) => {
    const upload = await uploadRepo.uploadById(tx, id);
    if (!upload) throw new NotFoundError();
    const files = await uploadRepo.filesOf(tx, id);
    const item = upload.itemId ? ((await aufforderungRepo.itemById(tx, upload.itemId)) ?? null) : null;
    const aufforderung = upload.aufforderungId ? ((await aufforderungRepo.aufforderungById(tx, upload.aufforderungId)) ?? null) : null;
    const applications = await applicationsOfUpload(tx, upload);
    await audit(tx, staff, now, 'unterlagen.view', 'upload', id);
    return { upload, files, item, aufforderung, applications, today: berlinDate(now) };
  });
}

/**
 * Staff may open only what the scanner passed (or, outside production, what was not scanned):
 * a file in quarantine or found infected is never handed out as if it were clean.
 */
export function downloadable(deps: AppDeps, file: Pick<UploadFile, 'scanStatus' | 'storageState'>): boolean {
  if (file.storageState !== 'staged' && file.storageState !== 'stored') return false;
  return file.scanStatus === 'clean' || (file.scanStatus === 'unscanned' && deps.config.env !== 'production');
}

export async function openDownload(
  deps: AppDeps,
  tdb: TenantDb,
  staff: StaffPrincipal,
  uploadId: string,
  fileId: string,
): Promise<{ name: string; content: Readable }> {
  const now = deps.clock.now();
  const file = await tdb.transaction(async (tx) => {
    const row = await uploadRepo.fileById(tx, uploadId, fileId);
    if (!row) throw new NotFoundError();
    if (!downloadable(deps, row)) throw new ConflictError('unterlagen:staff.notDownloadable');
    await audit(tx, staff, now, 'unterlagen.download', 'upload_file', fileId);
    return row;
  });
  const store = deps.fileStore;
  const content = await store.openDecrypted(tdb.tenantId, file.id, Buffer.from(file.wrappedKey, 'base64'), parseMasterKey(deps.config.filesMasterKey));
  return { name: file.name, content };
}

export type ReviewDecision = { decision: 'accept'; note?: string | undefined } | { decision: 'reject'; reason: string; note?: string | undefined };

export async function reviewUpload(deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, id: string, decision: ReviewDecision): Promise<void> {
  const now = deps.clock.now();
  await tdb.transaction(async (tx) => {
    const upload = await uploadRepo.uploadById(tx, id);
    if (!upload) throw new NotFoundError();
    if (upload.scanStatus === 'pending' || upload.scanStatus === 'infected') throw new ConflictError('unterlagen:staff.notReviewable');
    const reason = decision.decision === 'reject' ? decision.reason : null;
    await inboxRepo.updateReview(tx, id, {
      status: decision.decision === 'accept' ? 'accepted' : 'rejected',
      reason,
      note: decision.note ?? null,
      by: staff.userId,
      at: now,
      deleteAfter: new Date(now.getTime() + deps.config.upload.retentionDays * 86_400_000),
    });
    if (upload.itemId) {
      await aufforderungRepo.setItemStatus(tx, upload.itemId, decision.decision === 'accept' ? 'accepted' : 'rejected', { reason, note: decision.note ?? null });
    }
    await audit(tx, staff, now, `unterlagen.${decision.decision}`, 'upload', id, reason ?? undefined);
  });
}

/**
 * Creates a Mitwirkungsaufforderung on behalf of the logged-in caseworker; when it follows up a
 * submission ("request more"), that submission is marked as such.
 */
export async function requestDocuments(
  deps: AppDeps,
  tdb: TenantDb,
  staff: StaffPrincipal,
  input: Omit<AufforderungInput, 'createdBy'>,
  context: NoticeContext,
  followUpOf?: string,
): Promise<CreatedAufforderung> {
  const now = deps.clock.now();
  return tdb.transaction(async (tx) => {
    const created = await createMitwirkungsaufforderung(tx, { ...input, createdBy: staff.userId }, context);
    if (followUpOf) {
      const upload = await uploadRepo.uploadById(tx, followUpOf);
      if (upload) {
        await inboxRepo.updateReview(tx, followUpOf, {
          status: 'more-requested',
          reason: null,
          note: created.reference,
          by: staff.userId,
          at: now,
          deleteAfter: new Date(now.getTime() + deps.config.upload.retentionDays * 86_400_000),
        });
      }
    }
    await audit(tx, staff, now, 'unterlagen.aufforderung.create', 'mitwirkungsaufforderung', created.id);
    return created;
  });
}

export async function loadAufforderung(deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, id: string) {
  const now = deps.clock.now();
  return tdb.transaction(async (tx) => {
    const aufforderung = await aufforderungRepo.aufforderungById(tx, id);
    if (!aufforderung) throw new NotFoundError();
    const items = await aufforderungRepo.itemsOf(tx, id);
    const uploads = await aufforderungRepo.uploadsForItems(
      tx,
      items.map((i) => i.id),
    );
    await audit(tx, staff, now, 'unterlagen.aufforderung.view', 'mitwirkungsaufforderung', id);
    return { aufforderung, items, uploads, today: berlinDate(now) };
  });
}

/** Prefill for "request more": the submission's BG-Nummer, address and document type. */
export async function followUpPrefill(deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, uploadId: string) {
  const now = deps.clock.now();
  return tdb.transaction(async (tx) => {
    const upload = await uploadRepo.uploadById(tx, uploadId);
    if (!upload) throw new NotFoundError();
    await audit(tx, staff, now, 'unterlagen.view', 'upload', uploadId, 'follow-up');
    return { bgNummer: upload.bgNummer, email: upload.email ?? '', documentType: upload.documentType, lang: upload.lang };
  });
}

export async function letterAudit(deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, id: string): Promise<void> {
  await audit(tdb, staff, deps.clock.now(), 'unterlagen.aufforderung.letter', 'mitwirkungsaufforderung', id);
}

/** Staff start page: counts only (no personal data), so no audit row is needed. */
export async function inboxWidget({ tdb, deps, t, base }: { tdb: TenantDb; deps: AppDeps; t: TFunction; base: string }): Promise<{ text: string; href?: string }[]> {
  const counts = await inboxRepo.inboxCounts(tdb, berlinDate(deps.clock.now()));
  const items: { text: string; href?: string }[] = [];
  const inbox = `${base}/staff/unterlagen`;
  if (counts.infected) items.push({ text: t('unterlagen:staff.infectedAlert', { count: counts.infected }), href: inbox });
  if (counts.new) items.push({ text: t('unterlagen:staff.widgetNew', { count: counts.new }), href: `${inbox}?status=new` });
  if (counts.overdue) items.push({ text: t('unterlagen:staff.widgetOverdue', { count: counts.overdue }), href: `${inbox}?due=overdue` });
  return items;
}
