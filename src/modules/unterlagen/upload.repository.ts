// Tenant-scoped SQL of the citizen's upload: the upload and its files as they are received and stored, the
// receipt, and the files held for a form after a refusal. Every query goes through TenantDb, so the tenant
// condition cannot be forgotten.
import { asc, eq, gt, inArray } from 'drizzle-orm';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { heldUploadFiles, uploadFiles, uploads, type HeldUploadFile, type Upload, type UploadFile } from './unterlagen.tables.js';

type NewUpload = Omit<typeof uploads.$inferInsert, 'tenantId'>;
type NewUploadFile = Omit<typeof uploadFiles.$inferInsert, 'tenantId'>;

export async function insertUpload(tdb: TenantDb, upload: NewUpload, files: NewUploadFile[]): Promise<Upload> {
  const created = await tdb.insert(uploads, upload);
  await tdb.insertMany(uploadFiles, files);
  return created;
}

/**
 * Marks as stored exactly the files the caller has moved into place. Never a whole upload: the upload request
 * and the photo conversion job each move their own files, and one must not mark the other's (still staged) file.
 */
export async function markFilesStored(tdb: TenantDb, fileIds: readonly string[]): Promise<void> {
  if (fileIds.length === 0) return;
  await tdb.update(uploadFiles, { storageState: 'stored' }, inArray(uploadFiles.id, [...fileIds]), eq(uploadFiles.storageState, 'staged'));
}

export async function uploadByReceiptHash(tdb: TenantDb, tokenHash: string, now: Date): Promise<Upload | undefined> {
  return tdb.first(uploads, eq(uploads.receiptTokenHash, tokenHash), gt(uploads.receiptExpiresAt, now));
}

/** An upload answering one request, by its reference (the request's page links its receipts so). */
export async function uploadOfAufforderung(tdb: TenantDb, aufforderungId: string, reference: string): Promise<Upload | undefined> {
  return tdb.first(uploads, eq(uploads.aufforderungId, aufforderungId), eq(uploads.reference, reference));
}

export async function uploadById(tdb: TenantDb, id: string): Promise<Upload | undefined> {
  return tdb.first(uploads, eq(uploads.id, id));
}

export async function filesOf(tdb: TenantDb, uploadId: string): Promise<UploadFile[]> {
  return tdb.db
    .select()
    .from(uploadFiles)
    .where(tdb.scope(uploadFiles, eq(uploadFiles.uploadId, uploadId)))
    .orderBy(asc(uploadFiles.position));
}

export async function fileById(tdb: TenantDb, uploadId: string, fileId: string): Promise<UploadFile | undefined> {
  return tdb.first(uploadFiles, eq(uploadFiles.id, fileId), eq(uploadFiles.uploadId, uploadId));
}

type NewHeldFile = Omit<typeof heldUploadFiles.$inferInsert, 'tenantId'>;

/** Files held for a form under one token, in the order they were received. Expired ones are gone for the citizen. */
export async function heldFiles(tdb: TenantDb, tokenHash: string, form: string, now: Date): Promise<HeldUploadFile[]> {
  return tdb.db
    .select()
    .from(heldUploadFiles)
    .where(tdb.scope(heldUploadFiles, eq(heldUploadFiles.tokenHash, tokenHash), eq(heldUploadFiles.form, form), gt(heldUploadFiles.expiresAt, now)))
    .orderBy(asc(heldUploadFiles.position));
}

export async function insertHeldFiles(tdb: TenantDb, rows: NewHeldFile[]): Promise<void> {
  if (rows.length > 0) await tdb.insertMany(heldUploadFiles, rows);
}

/** Every file of the token stays until `expiresAt` (a new refusal gives the citizen the full time again). */
export async function extendHeldFiles(tdb: TenantDb, tokenHash: string, expiresAt: Date): Promise<void> {
  await tdb.update(heldUploadFiles, { expiresAt }, eq(heldUploadFiles.tokenHash, tokenHash));
}

export async function deleteHeldFiles(tdb: TenantDb, ids: string[]): Promise<void> {
  if (ids.length > 0) await tdb.delete(heldUploadFiles, inArray(heldUploadFiles.id, ids));
}
