// The background job that joins the photos of an upload into the one PDF the caseworker sees, after the citizen
// has had the receipt (doc/adr/0290-photo-conversion-job.md). One PDF at a time, each in a child process that exits
// afterwards and so gives its memory back (ADR 0345), one photo at a time in it (images-to-pdf.ts); the photos stay
// stored until the PDF is, so a run killed half-way loses nothing.
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { TenantDb } from '#shared/db/tenant-scope.js';
import { parseMasterKey } from '#shared/files/index.js';
import { getI18n } from '#shared/i18n/index.js';
import type { AppDeps } from '#shared/module.js';
import * as conversions from './conversion.repository.js';
import { ImageConversionError, writeImagesPdfInChild } from './files/index.js';
import { worstScanStatus } from './receipt.js';
import * as jobs from './maintenance.repository.js';
import * as repo from './upload.repository.js';
import type { UploadFile } from './unterlagen.tables.js';

/** How long one run holds a PDF; a run killed before (kill -9) is taken again after it. */
export const conversionLeaseMs = 10 * 60_000;
/** Runs begun (crashed ones count) before a PDF is given up and its photos kept as they are. */
export const maxConversionAttempts = 3;

export interface ConversionRun {
  converted: number;
  failed: number;
  /** Left for a later run: the photos are still in quarantine, or the run broke off for a passing reason. */
  later: number;
}

/** Makes up to `limit` PDFs from photos, one after the other. */
export async function convertPhotos(deps: AppDeps, limit = 5): Promise<ConversionRun> {
  const run: ConversionRun = { converted: 0, failed: 0, later: 0 };
  const now = deps.clock.now();
  for (const pdf of await conversions.pdfsAwaitingConversion(deps.database.db, now, limit)) {
    const tdb = new TenantDb(deps.database.db, pdf.tenantId);
    const photos = await conversions.photosOf(tdb, pdf.uploadId, pdf.id);
    // A photo still waiting for the virus scan is not opened; the scan job decides first.
    if (photos.some((p) => p.scanStatus === 'pending')) {
      run.later++;
      continue;
    }
    const attempts = await conversions.claimConversion(tdb, pdf.id, now, new Date(now.getTime() + conversionLeaseMs));
    if (attempts === undefined) continue;
    const refusal = photos.length === 0 || photos.some((p) => p.scanStatus === 'infected') ? 'no clean photos' : attempts > maxConversionAttempts ? 'too many attempts' : undefined;
    if (refusal) {
      await markFailed(deps, tdb, pdf, refusal);
      run.failed++;
      continue;
    }
    try {
      await convertOne(deps, tdb, pdf, photos);
      run.converted++;
    } catch (error) {
      if (error instanceof ImageConversionError) {
        await markFailed(deps, tdb, pdf, error.reason);
        run.failed++;
      } else {
        deps.logger.warn({ err: error, uploadId: pdf.uploadId }, 'photo conversion broke off; the next run tries again');
        await conversions.releaseConversion(tdb, pdf.id);
        run.later++;
      }
    }
  }
  return run;
}

async function markFailed(deps: AppDeps, tdb: TenantDb, pdf: conversions.PendingPdf, reason: string): Promise<void> {
  await tdb.transaction(async (tx) => {
    await conversions.recordConversionFailed(tx, pdf.uploadId, pdf.id);
    await jobs.refreshUploadScanStatus(tx, pdf.uploadId, worstScanStatus);
  });
  deps.logger.warn({ uploadId: pdf.uploadId, reason }, 'photos could not be joined into a PDF; they are kept as sent');
}

/** Decrypts the photos into temporary files, writes and scans the PDF, stores it, then lets the photos go. */
async function convertOne(deps: AppDeps, tdb: TenantDb, pdf: conversions.PendingPdf, photos: UploadFile[]): Promise<void> {
  const store = deps.fileStore;
  const masterKey = parseMasterKey(deps.config.filesMasterKey);
  const upload = await repo.uploadById(tdb, pdf.uploadId);
  if (!upload) return;
  const temporary: string[] = [];
  const tempPath = () => {
    const path = store.incomingPath();
    temporary.push(path);
    return path;
  };
  try {
    const files: { path: string; name: string }[] = [];
    for (const photo of photos) {
      const path = tempPath();
      await pipeline(await store.openDecrypted(tdb.tenantId, photo.id, Buffer.from(photo.wrappedKey, 'base64'), masterKey), createWriteStream(path, { mode: 0o600 }));
      files.push({ path, name: photo.name });
    }
    const pdfPath = tempPath();
    const t = getI18n().getFixedT(upload.lang);
    // Checked by content again and converted in a child process (ADR 0345): this process never loads libvips.
    await writeImagesPdfInChild({ photos: files, maxBytes: deps.config.upload.maxFileBytes, output: pdfPath, title: t('unterlagen:files.photosTitle'), createdAt: deps.clock.now().toISOString() });
    const verdict = await deps.scanner.scan(createReadStream(pdfPath));
    const encrypted = await store.stage(tdb.tenantId, pdf.id, createReadStream(pdfPath), masterKey);
    const now = deps.clock.now();
    const written = await tdb.transaction(async (tx) => {
      const done = await conversions.recordPdf(tx, pdf.uploadId, pdf.id, {
        size: encrypted.size,
        sha256: encrypted.sha256,
        wrappedKey: encrypted.wrappedKey.toString('base64'),
        scanStatus: verdict.status,
        scanSignature: verdict.status === 'infected' ? verdict.signature : null,
        scannedAt: verdict.status === 'clean' || verdict.status === 'infected' ? now : null,
      });
      if (done) await jobs.refreshUploadScanStatus(tx, pdf.uploadId, worstScanStatus);
      return done;
    });
    if (!written) return;
    // After the commit; a crash here is finished by the cleanup job (staged → stored, deleting → removed).
    await store.commit(tdb.tenantId, pdf.id);
    await repo.markFilesStored(tdb, [pdf.id]);
    for (const photo of photos) {
      await store.remove(tdb.tenantId, photo.id);
      await jobs.deleteFileRow(tdb, photo.id);
    }
  } finally {
    await Promise.all(temporary.map((path) => rm(path, { force: true })));
  }
}
