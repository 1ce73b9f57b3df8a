// Cross-tenant SQL for the background jobs (scan, cleanup, retention). The jobs look rows up here and
// then change each tenant's data through a TenantDb for that tenant.
import { and, asc, eq, inArray, lt } from 'drizzle-orm';
import type { Db } from '#shared/db/client.js';
import { tenants } from '#shared/tenancy/index.js';
import { heldUploadFiles, mitwirkungsaufforderungen, uploadFiles, uploads, type StorageState, type UploadFile } from './unterlagen.tables.js';

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
