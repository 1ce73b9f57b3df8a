// SQL of the photo conversion job (convert.ts): the PDFs still to be made, the lease of one conversion run,
// and writing the result or the failure.
import { and, asc, eq, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '#shared/db/client.js';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { uploadFiles, uploads, type ScanStatus, type UploadFile } from './unterlagen.tables.js';

export type PendingPdf = Pick<UploadFile, 'tenantId' | 'id' | 'uploadId' | 'name'>;

/** Across tenants: PDFs of photos not written yet whose last run's lease is over (or that never ran), oldest first. */
export async function pdfsAwaitingConversion(db: Db, now: Date, limit: number): Promise<PendingPdf[]> {
  return db
    .select({ tenantId: uploadFiles.tenantId, id: uploadFiles.id, uploadId: uploadFiles.uploadId, name: uploadFiles.name })
    .from(uploadFiles)
    .where(and(eq(uploadFiles.storageState, 'converting'), or(isNull(uploadFiles.conversionLeasedUntil), lt(uploadFiles.conversionLeasedUntil, now))))
    .orderBy(asc(uploadFiles.createdAt))
    .limit(limit);
}

/** The photos a PDF is made of, in page order. */
export async function photosOf(tdb: TenantDb, uploadId: string, pdfId: string): Promise<UploadFile[]> {
  return tdb.db
    .select()
    .from(uploadFiles)
    .where(tdb.scope(uploadFiles, eq(uploadFiles.uploadId, uploadId), eq(uploadFiles.partOf, pdfId)))
    .orderBy(asc(uploadFiles.position));
}

/**
 * Takes the PDF for one run until `until` and counts the run; undefined when another run holds it or it is done.
 * A run killed half-way leaves its lease, and the next run after `until` takes the PDF again.
 */
export async function claimConversion(tdb: TenantDb, pdfId: string, now: Date, until: Date): Promise<number | undefined> {
  const rows = await tdb.update(
    uploadFiles,
    { conversionAttempts: sql`${uploadFiles.conversionAttempts} + 1`, conversionLeasedUntil: until } as never,
    eq(uploadFiles.id, pdfId),
    eq(uploadFiles.storageState, 'converting'),
    or(isNull(uploadFiles.conversionLeasedUntil), lt(uploadFiles.conversionLeasedUntil, now)),
  );
  return rows[0]?.conversionAttempts;
}

/** Ends a run that did not finish for a passing reason (the file store, the database): the next run tries again. */
export async function releaseConversion(tdb: TenantDb, pdfId: string): Promise<void> {
  await tdb.update(uploadFiles, { conversionLeasedUntil: null }, eq(uploadFiles.id, pdfId), eq(uploadFiles.storageState, 'converting'));
}

export interface WrittenPdf {
  size: number;
  sha256: string;
  wrappedKey: string;
  scanStatus: ScanStatus;
  scanSignature: string | null;
  scannedAt: Date | null;
}

/**
 * The PDF is staged: its row gets the bytes' key and check sum, its photos are marked for deletion (the cleanup
 * job finishes that after a crash). False when another run wrote it first. Call inside a transaction.
 */
export async function recordPdf(tx: TenantDb, uploadId: string, pdfId: string, pdf: WrittenPdf): Promise<boolean> {
  const rows = await tx.update(uploadFiles, { ...pdf, storageState: 'staged', conversionLeasedUntil: null }, eq(uploadFiles.id, pdfId), eq(uploadFiles.storageState, 'converting'));
  if (rows.length === 0) return false;
  await tx.update(uploadFiles, { storageState: 'deleting' }, eq(uploadFiles.uploadId, uploadId), eq(uploadFiles.partOf, pdfId));
  await settleUploadConversion(tx, uploadId);
  return true;
}

/** The PDF cannot be made: its photos stay as the documents, and the upload is marked for the caseworker. */
export async function recordConversionFailed(tx: TenantDb, uploadId: string, pdfId: string): Promise<void> {
  await tx.update(uploadFiles, { storageState: 'conversion-failed', conversionLeasedUntil: null }, eq(uploadFiles.id, pdfId), eq(uploadFiles.storageState, 'converting'));
  await settleUploadConversion(tx, uploadId);
}

/** The upload's mark: pending while a PDF is still to be made, failed when one could not be, else none. */
async function settleUploadConversion(tx: TenantDb, uploadId: string): Promise<void> {
  const open = await tx.select(uploadFiles, eq(uploadFiles.uploadId, uploadId), ne(uploadFiles.storageState, 'stored'));
  const conversion = open.some((f) => f.storageState === 'converting') ? 'pending' : open.some((f) => f.storageState === 'conversion-failed') ? 'failed' : null;
  await tx.update(uploads, { conversion }, eq(uploads.id, uploadId));
}
