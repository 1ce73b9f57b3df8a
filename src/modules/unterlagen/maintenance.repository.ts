// SQL of the background jobs (scan, conversion, cleanup, retention). The jobs look rows up across tenants here
// (Db), then change each tenant's data through a TenantDb for that tenant with the functions at the end.
import { and, asc, eq, inArray, lt } from 'drizzle-orm';
import type { Db } from '#shared/db/client.js';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { tenants } from '#shared/tenancy/index.js';
import {
  heldUploadFiles,
  mitwirkungItems,
  mitwirkungsaufforderungen,
  uploadFiles,
  uploads,
  type ScanStatus,
  type StorageState,
  type Upload,
  type UploadFile,
} from './unterlagen.tables.js';
import { filesOf } from './upload.repository.js';

export type FileRef = Pick<UploadFile, 'tenantId' | 'id' | 'uploadId' | 'wrappedKey' | 'storageState'>;

const refColumns = {
  tenantId: uploadFiles.tenantId,
  id: uploadFiles.id,
  uploadId: uploadFiles.uploadId,
  wrappedKey: uploadFiles.wrappedKey,
  storageState: uploadFiles.storageState,
};

export async function filesAwaitingScan(db: Db, limit: number): Promise<FileRef[]> {
  return db
    .select(refColumns)
    .from(uploadFiles)
    .where(and(eq(uploadFiles.scanStatus, 'pending'), inArray(uploadFiles.storageState, ['staged', 'stored'])))
    .orderBy(asc(uploadFiles.createdAt))
    .limit(limit);
}

export async function filesInState(db: Db, state: StorageState, createdBefore?: Date, limit = 500): Promise<FileRef[]> {
  return db
    .select(refColumns)
    .from(uploadFiles)
    .where(and(eq(uploadFiles.storageState, state), createdBefore ? lt(uploadFiles.createdAt, createdBefore) : undefined))
    .orderBy(asc(uploadFiles.createdAt))
    .limit(limit);
}

export async function fileRef(db: Db, tenantId: string, fileId: string): Promise<FileRef | undefined> {
  const rows = await db
    .select(refColumns)
    .from(uploadFiles)
    .where(and(eq(uploadFiles.tenantId, tenantId), eq(uploadFiles.id, fileId)))
    .limit(1);
  return rows[0];
}

export async function setStorageState(db: Db, tenantId: string, fileIds: string[], state: StorageState): Promise<void> {
  if (fileIds.length === 0) return;
  await db
    .update(uploadFiles)
    .set({ storageState: state })
    .where(and(eq(uploadFiles.tenantId, tenantId), inArray(uploadFiles.id, fileIds)));
}

export async function uploadsDueForDeletion(db: Db, now: Date, limit = 200): Promise<{ tenantId: string; id: string }[]> {
  return db
    .select({ tenantId: uploads.tenantId, id: uploads.id })
    .from(uploads)
    .where(lt(uploads.deleteAfter, now))
    .limit(limit);
}

export async function aufforderungenDueForDeletion(db: Db, expiredBefore: Date, limit = 200): Promise<{ tenantId: string; id: string }[]> {
  return db
    .select({ tenantId: mitwirkungsaufforderungen.tenantId, id: mitwirkungsaufforderungen.id })
    .from(mitwirkungsaufforderungen)
    .where(lt(mitwirkungsaufforderungen.expiresAt, expiredBefore))
    .limit(limit);
}

/** Name and contact of a tenant, for alerts written by jobs (which run outside a request). */
export async function tenantById(db: Db, tenantId: string) {
  const rows = await db.select().from(tenants).where(eq(tenants.id, tenantId)).limit(1);
  return rows[0];
}

/** Whether a staged file is held for a refused form (then the cleanup leaves it until it expires). */
export async function isHeldFile(db: Db, tenantId: string, fileId: string): Promise<boolean> {
  const rows = await db
    .select({ id: heldUploadFiles.id })
    .from(heldUploadFiles)
    .where(and(eq(heldUploadFiles.tenantId, tenantId), eq(heldUploadFiles.id, fileId)))
    .limit(1);
  return rows.length > 0;
}

export async function expiredHeldFiles(db: Db, now: Date, limit = 500): Promise<{ tenantId: string; id: string }[]> {
  return db
    .select({ tenantId: heldUploadFiles.tenantId, id: heldUploadFiles.id })
    .from(heldUploadFiles)
    .where(lt(heldUploadFiles.expiresAt, now))
    .limit(limit);
}

// ---- one tenant's rows, through its TenantDb ----

export async function recordScan(
  tdb: TenantDb,
  fileId: string,
  result: { status: ScanStatus; signature: string | null; at: Date },
): Promise<void> {
  await tdb.update(uploadFiles, { scanStatus: result.status, scanSignature: result.signature, scannedAt: result.at }, eq(uploadFiles.id, fileId));
}

/** Sets the upload's status to the worst of its files' and returns the upload. */
export async function refreshUploadScanStatus(
  tdb: TenantDb,
  uploadId: string,
  worst: (statuses: ScanStatus[]) => ScanStatus,
  extra: { deleteAfter?: Date } = {},
): Promise<Upload | undefined> {
  // What is or will be stored: not a PDF of photos that is not written (its photos count), nor files being deleted.
  const files = (await filesOf(tdb, uploadId)).filter((f) => f.storageState !== 'converting' && f.storageState !== 'conversion-failed' && f.storageState !== 'deleting');
  const rows = await tdb.update(uploads, { scanStatus: worst(files.map((f) => f.scanStatus)), ...extra }, eq(uploads.id, uploadId));
  return rows[0];
}

/** First step of deleting: the files are marked, so a crash before the rows go is finished later. */
export async function markUploadFilesDeleting(tdb: TenantDb, uploadId: string): Promise<string[]> {
  const rows = await tdb.update(uploadFiles, { storageState: 'deleting' }, eq(uploadFiles.uploadId, uploadId));
  return rows.map((r) => r.id);
}

export async function deleteUpload(tdb: TenantDb, uploadId: string): Promise<void> {
  await tdb.delete(uploadFiles, eq(uploadFiles.uploadId, uploadId));
  await tdb.delete(uploads, eq(uploads.id, uploadId));
}

export async function deleteFileRow(tdb: TenantDb, fileId: string): Promise<void> {
  await tdb.delete(uploadFiles, eq(uploadFiles.id, fileId));
}

export async function deleteAufforderung(tdb: TenantDb, id: string): Promise<void> {
  await tdb.delete(mitwirkungItems, eq(mitwirkungItems.aufforderungId, id));
  await tdb.delete(mitwirkungsaufforderungen, eq(mitwirkungsaufforderungen.id, id));
}
