// Background work of the module: the deferred virus scan (quarantine → clean or infected), the cleanup
// that repairs what a crash interrupted, and the retention job. Each is safe to run on any node, any time.
import { rm } from 'node:fs/promises';
import { TenantDb } from '#shared/db/tenant-scope.js';
import { getI18n } from '#shared/i18n/index.js';
import { doneOfEach } from '#shared/jobs/run-result.js';
import type { AppDeps, BackgroundJob } from '#shared/module.js';
import { parseMasterKey } from '#shared/files/index.js';
import { convertPhotos } from './convert.js';
import * as jobs from './maintenance.repository.js';
import { enqueueInfectedAlert, enqueueInfectedNotice } from './mails.js';
import { worstScanStatus } from './receipt.js';
import * as repo from './upload.repository.js';

/** Temporary files younger than this may belong to a request still running. */
export const defaultCleanupAgeMs = 15 * 60_000;

export interface ScanRun {
  clean: number;
  infected: number;
  /** Still waiting because clamd gave no verdict. */
  pending: number;
}

/** Scans files kept in quarantine because clamd was unavailable at upload time. */
export async function scanQuarantined(deps: AppDeps, limit = 20): Promise<ScanRun> {
  const run: ScanRun = { clean: 0, infected: 0, pending: 0 };
  if (!deps.config.clamd) return run;
  const store = deps.fileStore;
  const scanner = deps.scanner;
  const masterKey = parseMasterKey(deps.config.filesMasterKey);
  for (const file of await jobs.filesAwaitingScan(deps.database.db, limit)) {
    const content = await store.openDecrypted(file.tenantId, file.id, Buffer.from(file.wrappedKey, 'base64'), masterKey).catch(() => undefined);
    if (!content) {
      // Not on disk (yet): the cleanup job decides; the file stays in quarantine meanwhile.
      run.pending++;
      continue;
    }
    const verdict = await scanner.scan(content);
    if (verdict.status === 'pending' || verdict.status === 'unscanned') {
      run.pending++;
      // clamd is still away: no point in trying the other files now.
      break;
    }
    await recordVerdict(deps, file, verdict.status === 'infected' ? verdict.signature : null);
    run[verdict.status]++;
  }
  return run;
}

async function recordVerdict(deps: AppDeps, file: jobs.FileRef, signature: string | null) {
  const now = deps.clock.now();
  const tenant = await jobs.tenantById(deps.database.db, file.tenantId);
  if (!tenant) return;
  await new TenantDb(deps.database.db, file.tenantId).transaction(async (tx) => {
    await jobs.recordScan(tx, file.id, { status: signature ? 'infected' : 'clean', signature, at: now });
    const deleteAfter = signature ? { deleteAfter: new Date(now.getTime() + deps.config.upload.retentionDays * 86_400_000) } : {};
    const upload = await jobs.refreshUploadScanStatus(tx, file.uploadId, worstScanStatus, deleteAfter);
    if (!upload || !signature) return;
    const t = getI18n().getFixedT(upload.lang);
    await enqueueInfectedAlert(tx, getI18n().getFixedT(tenant.languages[0] ?? 'de'), tenant, upload.reference, signature);
    if (upload.email) {
      const link = `${deps.config.publicUrl}/t/${tenant.slug}/unterlagen`;
      await enqueueInfectedNotice(tx, t, upload.email, upload.reference, link, tenant.name);
    }
  });
  if (signature) deps.logger.warn({ fileId: file.id, signature }, 'quarantined upload found infected');
}

export interface CleanupRun {
  /** Files held for a refused form whose time ran out. */
  heldExpired: number;
  incomingRemoved: number;
  stagedRemoved: number;
  rolledForward: number;
  missing: number;
  deleted: number;
}

/**
 * Repairs what a crash (kill -9) can leave behind, in the order the upload writes things:
 * plaintext temp files are removed; a staged file without a row was never committed and is removed;
 * a committed row whose file is still staged is moved into place; a row whose file is nowhere is
 * marked 'missing' (and logged) so nobody is shown a document that does not exist. Files held for a refused
 * form stay staged until they expire, then go with their row.
 */
export async function cleanupStorage(deps: AppDeps, olderThanMs = defaultCleanupAgeMs): Promise<CleanupRun> {
  const run: CleanupRun = { heldExpired: 0, incomingRemoved: 0, stagedRemoved: 0, rolledForward: 0, missing: 0, deleted: 0 };
  const db = deps.database.db;
  const store = deps.fileStore;
  // File ages come from the file system's clock, row ages from the business clock.
  const fileCutoff = Date.now() - olderThanMs;
  const rowCutoff = new Date(deps.clock.now().getTime() - olderThanMs);

  // Row first: a crash between the two leaves a staged file without a row, which the next loop removes.
  for (const held of await jobs.expiredHeldFiles(db, deps.clock.now())) {
    await repo.deleteHeldFiles(new TenantDb(db, held.tenantId), [held.id]);
    await store.remove(held.tenantId, held.id);
    run.heldExpired++;
  }

  for (const entry of await store.listIncoming()) {
    if (entry.modifiedAt.getTime() > fileCutoff) continue;
    await rm(entry.path, { force: true });
    run.incomingRemoved++;
  }

  for (const entry of await store.listStaged()) {
    if (entry.modifiedAt.getTime() > fileCutoff) continue;
    const row = await jobs.fileRef(db, entry.tenantId, entry.fileId);
    if (!row && (await jobs.isHeldFile(db, entry.tenantId, entry.fileId))) continue;
    // A PDF of photos not (yet) written: what a crashed conversion staged; the next run stages it anew.
    if (!row || row.storageState === 'deleting' || row.storageState === 'converting' || row.storageState === 'conversion-failed') {
      await store.remove(entry.tenantId, entry.fileId);
      run.stagedRemoved++;
    } else if (row.storageState === 'stored') {
      // Marked stored but never moved (an older release marked a whole upload at once): move it now.
      await store.commit(entry.tenantId, entry.fileId);
      run.rolledForward++;
    }
  }

  for (const row of await jobs.filesInState(db, 'staged', rowCutoff)) {
    const where = await store.locate(row.tenantId, row.id);
    if (where === 'none') {
      await jobs.setStorageState(db, row.tenantId, [row.id], 'missing');
      deps.logger.error({ fileId: row.id, uploadId: row.uploadId }, 'stored upload file is missing');
      run.missing++;
      continue;
    }
    if (where === 'staged') await store.commit(row.tenantId, row.id);
    await jobs.setStorageState(db, row.tenantId, [row.id], 'stored');
    run.rolledForward++;
  }

  // Deletions interrupted between marking and removing the rows.
  for (const row of await jobs.filesInState(db, 'deleting')) {
    await store.remove(row.tenantId, row.id);
    await jobs.deleteFileRow(new TenantDb(db, row.tenantId), row.id);
    run.deleted++;
  }
  return run;
}

/**
 * Retention: submissions are deleted `UPLOAD_RETENTION_DAYS` after they were processed (reviewed, or
 * found infected); requests for documents that long after their code expired.
 */
export async function applyRetention(deps: AppDeps): Promise<{ uploads: number; aufforderungen: number }> {
  const db = deps.database.db;
  const now = deps.clock.now();
  const store = deps.fileStore;
  let uploadCount = 0;
  for (const due of await jobs.uploadsDueForDeletion(db, now)) {
    const tdb = new TenantDb(db, due.tenantId);
    const fileIds = await jobs.markUploadFilesDeleting(tdb, due.id);
    for (const fileId of fileIds) await store.remove(due.tenantId, fileId);
    await tdb.transaction((tx) => jobs.deleteUpload(tx, due.id));
    uploadCount++;
  }
  let aufforderungCount = 0;
  const expiredBefore = new Date(now.getTime() - deps.config.upload.retentionDays * 86_400_000);
  for (const due of await jobs.aufforderungenDueForDeletion(db, expiredBefore)) {
    await new TenantDb(db, due.tenantId).transaction((tx) => jobs.deleteAufforderung(tx, due.id));
    aufforderungCount++;
  }
  return { uploads: uploadCount, aufforderungen: aufforderungCount };
}

export const unterlagenJobs: BackgroundJob[] = [
  // Often: a citizen's photos should reach the caseworker as one PDF within seconds.
  {
    name: 'unterlagen.convert',
    everyMs: 5_000,
    run: async (deps) => {
      const run = await convertPhotos(deps, 3);
      return { done: run.converted, ...run };
    },
  },
  {
    name: 'unterlagen.scan',
    everyMs: 30_000,
    run: async (deps) => {
      const run = await scanQuarantined(deps);
      return { done: run.clean + run.infected, ...run };
    },
  },
  { name: 'unterlagen.cleanup', everyMs: 5 * 60_000, run: async (deps) => doneOfEach({ ...(await cleanupStorage(deps)) }) },
  { name: 'unterlagen.retention', everyMs: 3_600_000, run: async (deps) => doneOfEach(await applyRetention(deps)) },
];
