// Bulk actions of the upload inbox (several submissions at once): mark as reviewed (accepted), assign to a
// colleague, export as ZIP of the PDFs with an index.csv. Every item is audited on its own, in the transaction of
// the change (doc/adr/0232-inbox-bulk-actions.md).
import { buffer } from 'node:stream/consumers';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { ValidationError } from '#shared/http/errors.js';
import type { AppDeps } from '#shared/module.js';
import { recordAudit, type AuditAction, type AuditObjectType } from '#shared/audit/index.js';
import { parseMasterKey } from '#shared/files/index.js';
import { berlinDate } from '#shared/time.js';
import { staffWithRole, type StaffPrincipal } from '../staff/index.js';
import { zipStored, type ZipEntry } from './files/zip.js';
import { downloadable } from './review.service.js';
import { setItemStatus } from './aufforderung.repository.js';
import * as repo from './inbox.repository.js';
import type { Upload } from './unterlagen.tables.js';

/** At most one page of the inbox at its largest size. */
export const MAX_BULK = 100;

export interface BulkOutcome {
  action: 'accept' | 'assign';
  done: Pick<Upload, 'id' | 'reference'>[];
  skipped: (Pick<Upload, 'id' | 'reference'> & { reason: 'notReviewable' | 'alreadyReviewed' })[];
  /** For "assign": the colleague's name, or null for "nobody". */
  assignee?: string | null;
}

const pick = (u: Upload) => ({ id: u.id, reference: u.reference });

function audit(tdb: TenantDb, staff: StaffPrincipal, at: Date, action: AuditAction, objectType: AuditObjectType, objectId: string, purpose: string) {
  return recordAudit(tdb, { actorId: staff.userId, actorRoles: staff.roles, action, objectType, objectId, purpose, at });
}

/** Marks the selected new submissions as accepted; those still in the scan or already decided are left as they are. */
export async function bulkAccept(deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, ids: readonly string[]): Promise<BulkOutcome> {
  const now = deps.clock.now();
  return tdb.transaction(async (tx) => {
    const outcome: BulkOutcome = { action: 'accept', done: [], skipped: [] };
    for (const upload of await repo.uploadsByIds(tx, ids)) {
      if (upload.scanStatus === 'pending' || upload.scanStatus === 'infected') {
        outcome.skipped.push({ ...pick(upload), reason: 'notReviewable' });
        continue;
      }
      if (upload.reviewStatus !== 'new') {
        outcome.skipped.push({ ...pick(upload), reason: 'alreadyReviewed' });
        continue;
      }
      await repo.updateReview(tx, upload.id, {
        status: 'accepted',
        reason: null,
        note: null,
        by: staff.userId,
        at: now,
        deleteAfter: new Date(now.getTime() + deps.config.upload.retentionDays * 86_400_000),
      });
      if (upload.itemId) await setItemStatus(tx, upload.itemId, 'accepted');
      await audit(tx, staff, now, 'unterlagen.accept', 'upload', upload.id, 'bulk');
      outcome.done.push(pick(upload));
    }
    return outcome;
  });
}

/** Assigns the selection to a caseworker of this tenant (or to nobody). */
export async function bulkAssign(deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, ids: readonly string[], assigneeId: string | null): Promise<BulkOutcome> {
  const now = deps.clock.now();
  return tdb.transaction(async (tx) => {
    let assignee: string | null = null;
    if (assigneeId) {
      const colleague = (await staffWithRole(tx, 'sachbearbeitung')).find((c) => c.id === assigneeId);
      if (!colleague) throw new ValidationError([{ field: 'assignee', message: 'unterlagen:staff.bulk.assigneeUnknown' }]);
      assignee = colleague.displayName;
    }
    const selected = await repo.uploadsByIds(tx, ids);
    await repo.assignUploads(
      tx,
      selected.map((u) => u.id),
      assigneeId,
    );
    for (const upload of selected) await audit(tx, staff, now, 'unterlagen.assign', 'upload', upload.id, assigneeId ? `to=${assigneeId}` : 'to=none');
    return { action: 'assign', done: selected.map(pick), skipped: [], assignee };
  });
}

/** A CSV field (semicolon-separated, as German spreadsheet programs open it); formulas are neutralised. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The selection as one ZIP: per submission a folder named by its reference with its PDFs, and index.csv listing
 * every submission and file (with its SHA-256). Each file handed out is audited as a download.
 */
export async function bulkExport(deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, ids: readonly string[]): Promise<{ name: string; zip: Buffer }> {
  const now = deps.clock.now();
  const { selected, files } = await tdb.transaction(async (tx) => {
    const selected = await repo.uploadsByIds(tx, ids);
    const files = await repo.filesOfUploads(
      tx,
      selected.map((u) => u.id),
    );
    for (const file of files.filter((f) => downloadable(deps, f))) await audit(tx, staff, now, 'unterlagen.download', 'upload_file', file.id, 'export');
    return { selected, files };
  });
  const masterKey = parseMasterKey(deps.config.filesMasterKey);
  const entries: ZipEntry[] = [];
  const lines = [['Referenz', 'Eingang', 'BG-Nummer', 'Nachname', 'Art', 'Stand', 'Datei', 'Seiten', 'SHA-256', 'Im Archiv'].join(';')];
  for (const upload of selected) {
    for (const file of files.filter((f) => f.uploadId === upload.id)) {
      const ok = downloadable(deps, file);
      const path = `${upload.reference}/${file.position}-${file.name}`;
      if (ok) entries.push({ name: path, data: await buffer(await deps.fileStore.openDecrypted(tdb.tenantId, file.id, Buffer.from(file.wrappedKey, 'base64'), masterKey)) });
      lines.push(
        [upload.reference, upload.receivedAt.toISOString(), upload.bgNummer, upload.lastName ?? '', upload.documentType, upload.reviewStatus, ok ? path : file.name, String(file.pages ?? ''), file.sha256, ok ? 'ja' : file.storageState === 'converting' || file.storageState === 'conversion-failed' ? 'nein (aus Fotos, nicht erstellt)' : 'nein (Virenprüfung)']
          .map(csvField)
          .join(';'),
      );
    }
  }
  // A BOM so spreadsheet programs read the UTF-8 names right.
  entries.unshift({ name: 'index.csv', data: Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8') });
  return { name: `Unterlagen-${berlinDate(now)}.zip`, zip: zipStored(entries, now) };
}
