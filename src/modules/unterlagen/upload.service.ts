// createUpload as a use case: check the fields and every file by content, scan, encrypt, commit, and answer
// with the receipt. Photos are stored as sent; the job in convert.ts joins them into one PDF after the answer.
// Used by the HTML form and the JSON API alike.
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { ValidationError, type FieldError } from '#shared/http/errors.js';
import type { AppDeps } from '#shared/module.js';
import { parseMasterKey } from '#shared/files/index.js';
import { inspectFile, sanitizeName, type FileKind } from './files/index.js';
import { discardTaken, holdFiles, releaseHeldFiles, takeHeldFiles, UploadRefused } from './held-files.js';
import type { Intake, ReceivedFile, StagedCopy, Stager } from './intake.js';
import type { UploadContext } from './upload-context.js';
import { resolveTarget, type RequestedItem, type Target } from './upload-target.js';
import { enqueueInfectedAlert, enqueueReceiptMail, receiptLink } from './mails.js';
import { receiptPdf } from './pdf.js';
import { buildReceipt, receiptStatus, worstScanStatus, type Receipt } from './receipt.js';
import { itemById, setItemStatus } from './aufforderung.repository.js';
import * as repo from './upload.repository.js';
import type { DocumentType } from './unterlagen.schemas.js';
import type { ScanStatus, SourceFile, Upload } from './unterlagen.tables.js';
import type { ScanVerdict } from '#shared/files/index.js';
import { hashToken, isToken, newToken } from '#shared/crypto.js';
import { newReference } from './tokens.js';
import { isUniqueViolation } from '#shared/db/errors.js';
import { berlinDateTime } from '#shared/time.js';

export type { UploadContext } from './upload-context.js';

export interface UploadResult {
  id: string;
  reference: string;
  receiptToken: string;
  receivedAt: Date;
  status: 'received' | 'quarantined';
  files: SourceFile[];
}

/** Receipt tokens work for a year; the receipt PDF is the lasting proof. */
const receiptValidityDays = 365;
const maxFiles = 20;

/** What receiveMultipart needs: the configured limits, and the scanner it streams every file to while it arrives. */
export const uploadLimits = (deps: AppDeps) => ({ ...deps.config.upload, maxFiles, scanner: deps.scanner });

/**
 * What receiveMultipart needs to encrypt every file of a tenant's request to the staging name while it arrives
 * (ADR 0340): the upload takes the copy over instead of reading the plaintext again; a copy it does not take (a
 * refused file) is removed at the end of the request, and one a crash leaves behind by the cleanup job.
 */
export function stagingFor(deps: AppDeps, tenantId: string): Stager {
  const masterKey = parseMasterKey(deps.config.filesMasterKey);
  return (plaintext) => {
    const fileId = randomUUID();
    // receiveMultipart hashes these very bytes while they pass: no second hash (ADR 0380).
    const encrypted = deps.fileStore.stage(tenantId, fileId, plaintext, masterKey, { digest: false });
    // Awaited by the upload that takes the copy, or by discardIntake.
    encrypted.catch(() => undefined);
    return { fileId, encrypted, taken: false, remove: () => deps.fileStore.remove(tenantId, fileId) };
  };
}

interface AcceptedFile {
  file: ReceivedFile;
  kind: FileKind;
  safeName: string;
  pages: number | undefined;
}

interface Document {
  name: string;
  /** The bytes to store; none for a PDF still to be made from photos. */
  path: string | undefined;
  pages: number | null;
  sources: SourceFile[];
  documentType: DocumentType;
  /** Verdict of the scan while receiving, when these are the bytes as sent. */
  scan?: Promise<ScanVerdict> | undefined;
  /** The encrypted copy written while receiving, when these are the bytes as sent. */
  staged?: StagedCopy | undefined;
  /** A photo kept as sent until the PDF it becomes part of is written. */
  partOf?: Document | undefined;
}

const fileError = (message: string, params: Record<string, unknown> = {}): FieldError => ({ field: 'file', message, params });

export type { RequestedItem } from './upload-target.js';

/**
 * The one entry for an upload. `requested`: the item the route already loaded from the code in its path (the
 * HTML pages); without it, `requestCode` and `item` in the fields name it (the JSON API), or the fields are a free upload.
 * `holdFor` (the HTML forms): after a refusal the files that were fine are held for that form (UploadRefused.holding),
 * and the held files the fields name are part of this submission.
 */
export async function submitUpload(ctx: UploadContext, intake: Intake, requested?: RequestedItem, holdFor?: string): Promise<UploadResult> {
  const store = ctx.deps.fileStore;
  const taken = holdFor ? await takeHeldFiles(ctx, holdFor, intake.fields, () => store.incomingPath()) : { token: undefined, files: [] };
  // The files that were fine when the form is refused; they are held for the next attempt.
  const fine: ReceivedFile[] = [];
  try {
    const result = await submitChecked(ctx, { ...intake, files: [...taken.files, ...intake.files] }, requested, fine);
    await releaseHeldFiles(ctx, taken);
    return result;
  } catch (error) {
    if (!holdFor || !(error instanceof ValidationError)) throw error;
    const fresh = fine.filter((f) => !taken.files.some((t) => t.path === f.path));
    throw new UploadRefused(error.fields, await holdFiles(ctx, holdFor, taken, fresh));
  } finally {
    await discardTaken(taken.files);
  }
}

async function submitChecked(ctx: UploadContext, intake: Intake, requested: RequestedItem | undefined, fine: ReceivedFile[]): Promise<UploadResult> {
  const target = await resolveTarget(ctx, intake.fields, intake.files, requested);
  const files = await checkFiles(ctx, intake);
  fine.push(...files.accepted.map((a) => a.file));
  if (!target.ok || files.errors.length > 0) {
    throw new ValidationError([...(target.ok ? [] : target.errors), ...files.errors]);
  }
  fine.length = 0;

  const documents = buildDocuments(ctx, files.accepted, target.value.documentTypes);
  const verdicts = await scanDocuments(ctx, documents);
  // The photos name the files, not the PDF still to be made from them.
  const infected = documents.filter((d, i) => d.path !== undefined && verdicts[i]!.status === 'infected');
  if (infected.length > 0) {
    await storeSubmission(ctx, target.value, documents, verdicts, { quarantineOnly: true });
    throw new ValidationError(infected.flatMap((d) => d.sources.map((s) => fileError('unterlagen:refused.infected', { name: s.name }))));
  }
  return storeSubmission(ctx, target.value, documents, verdicts, { quarantineOnly: false });
}

/** The verdict on every document; a PDF still to be made from photos has the worst of its photos'. */
async function scanDocuments(ctx: UploadContext, documents: Document[]): Promise<ScanVerdict[]> {
  const verdicts = new Map<Document, ScanVerdict>();
  for (const document of documents) {
    if (document.path !== undefined) verdicts.set(document, await (document.scan ?? ctx.deps.scanner.scan(createReadStream(document.path))));
  }
  return documents.map((document) => {
    const own = verdicts.get(document);
    if (own) return own;
    const ofPhotos = documents.filter((d) => d.partOf === document).map((d) => verdicts.get(d)!);
    const worst = worstScanStatus(ofPhotos.map(scanStatusOf));
    return ofPhotos.find((v) => scanStatusOf(v) === worst)!;
  });
}

const scanStatusOf = (verdict: ScanVerdict): ScanStatus => verdict.status;

/** The form field of a file group: `file`, `file.2`, … (errors about a file are shown at its own field). */
const fileField = (group: number) => (group === 1 ? 'file' : `file.${group}`);

/** Every file by content; `accepted` holds the files that were fine even when others were refused. */
async function checkFiles(ctx: UploadContext, intake: Intake): Promise<{ accepted: AcceptedFile[]; errors: FieldError[] }> {
  const { maxFileBytes, maxTotalBytes } = ctx.deps.config.upload;
  const limits = { maxMb: maxFileBytes / 1024 / 1024, maxTotalMb: maxTotalBytes / 1024 / 1024, maxFiles };
  // Held files count toward the limits of the submission they join.
  const total = intake.files.reduce((sum, f) => sum + f.size, 0);
  if (intake.tooManyFiles || intake.files.length > maxFiles) return { accepted: [], errors: [fileError('unterlagen:refused.too-many-files', limits)] };
  if (intake.overTotal || total > maxTotalBytes) return { accepted: [], errors: [fileError('unterlagen:refused.total-too-large', limits)] };

  const errors: FieldError[] = [];
  if (!intake.files.some((f) => f.group === 1)) errors.push(fileError('unterlagen:errors.fileRequired'));
  const accepted: AcceptedFile[] = [];
  for (const file of intake.files) {
    const name = sanitizeName(file.originalName);
    const field = fileField(file.group);
    if (file.tooLarge) {
      errors.push({ field, message: 'unterlagen:refused.too-large', params: { ...limits, name } });
      continue;
    }
    const input = file.edges ? { path: file.path, size: file.size, ...file.edges } : file.path;
    const result = await inspectFile(input, file.originalName, { maxBytes: maxFileBytes });
    if (!result.ok) errors.push({ field, message: `unterlagen:refused.${result.reason}`, params: { ...limits, name } });
    else accepted.push({ file, kind: result.kind, safeName: result.safeName, pages: result.pages });
  }
  return { accepted, errors };
}

const source = (a: AcceptedFile): SourceFile => ({ name: a.safeName, size: a.file.size, sha256: a.file.sha256 });

/**
 * PDFs stay as they are; the photos of a file group are to become one PDF, pages in the order they were sent, at
 * the group's first photo's place. Until the conversion job has written it, that PDF is a document without bytes
 * and its photos are stored as sent (after all other documents, in their order). Each document carries its
 * group's type (a request's item has one group).
 */
function buildDocuments(ctx: UploadContext, accepted: AcceptedFile[], types: Map<number, DocumentType>): Document[] {
  // A group without a type of its own (only crafted requests send one) joins group 1.
  const groupOf = (a: AcceptedFile) => (types.has(a.file.group) ? a.file.group : 1);
  const documents: Document[] = [];
  const photos: Document[] = [];
  for (const a of accepted) {
    const documentType = types.get(groupOf(a))!;
    const images = accepted.filter((other) => other.kind !== 'pdf' && groupOf(other) === groupOf(a));
    if (a.kind === 'pdf') documents.push({ name: a.safeName, path: a.file.path, pages: a.pages ?? null, sources: [source(a)], documentType, scan: a.file.scan, staged: a.file.staged });
    else if (a === images[0]) {
      const pdf: Document = {
        name: sanitizeName(ctx.t('unterlagen:files.photosName', { count: images.length })),
        path: undefined,
        pages: images.length,
        sources: images.map(source),
        documentType,
      };
      documents.push(pdf);
      for (const image of images) photos.push({ name: image.safeName, path: image.file.path, pages: 1, sources: [source(image)], documentType, scan: image.file.scan, staged: image.file.staged, partOf: pdf });
    }
  }
  return [...documents, ...photos];
}

/**
 * Encrypts every document under a staging name, commits the rows (and mails) in one transaction,
 * then moves the files into place. With `quarantineOnly` just the infected documents are kept, as
 * evidence for staff; the citizen gets no receipt for them.
 */
async function storeSubmission(
  ctx: UploadContext,
  target: Target,
  allDocuments: Document[],
  allVerdicts: ScanVerdict[],
  { quarantineOnly }: { quarantineOnly: boolean },
): Promise<UploadResult> {
  const { deps, tenant, tdb, t } = ctx;
  // Quarantined evidence is kept as sent: infected photos, not a PDF to be made from them.
  const keep = allDocuments.map((d, i) => !quarantineOnly || (d.path !== undefined && allVerdicts[i]!.status === 'infected'));
  const documents = allDocuments.filter((_d, i) => keep[i]);
  const verdicts = allVerdicts.filter((_v, i) => keep[i]);
  const store = deps.fileStore;
  const masterKey = parseMasterKey(deps.config.filesMasterKey);
  const now = deps.clock.now();
  const uploadId = randomUUID();
  const receiptToken = newToken();
  const scanStatuses: ScanStatus[] = verdicts.map((v) => (v.status === 'pending' ? 'pending' : v.status));
  const scanStatus = worstScanStatus(scanStatuses);

  const fileIds = new Map(documents.map((d) => [d, d.staged?.fileId ?? randomUUID()]));
  // A PDF still to be made has no bytes yet: nothing staged, the conversion job writes it.
  const noBytes = { wrappedKey: Buffer.alloc(0), sha256: '', size: 0 };
  const staged: { fileId: string; wrappedKey: Buffer; sha256: string; size: number }[] = [];
  let committed = false;
  try {
    for (const document of documents) {
      const fileId = fileIds.get(document)!;
      if (document.path === undefined) staged.push({ fileId, ...noBytes });
      else if (document.staged) staged.push({ fileId, ...(await takeStaged(document.staged, document.sources[0]!)) });
      else staged.push({ fileId, ...(await store.stage(tenant.id, fileId, createReadStream(document.path), masterKey)) });
    }
    const fileRows = documents.map((d, i) => ({
      id: staged[i]!.fileId,
      uploadId,
      position: i + 1,
      name: d.name,
      size: staged[i]!.size,
      sha256: staged[i]!.sha256,
      pages: d.pages,
      documentType: d.documentType,
      sources: d.sources,
      wrappedKey: staged[i]!.wrappedKey.toString('base64'),
      scanStatus: scanStatuses[i]!,
      scanSignature: verdicts[i]!.status === 'infected' ? verdicts[i]!.signature : null,
      scannedAt: verdicts[i]!.status === 'clean' || verdicts[i]!.status === 'infected' ? now : null,
      storageState: d.path === undefined ? ('converting' as const) : ('staged' as const),
      partOf: (d.partOf && fileIds.get(d.partOf)) ?? null,
      conversionAttempts: 0,
      conversionLeasedUntil: null,
      createdAt: now,
    }));

    for (let attempt = 0; ; attempt++) {
      const reference = newReference('UN', berlinDateTime(now).year);
      const uploadRow = {
        id: uploadId,
        reference,
        receiptTokenHash: hashToken(receiptToken),
        receiptExpiresAt: new Date(now.getTime() + receiptValidityDays * 86_400_000),
        aufforderungId: target.aufforderung?.id ?? null,
        itemId: target.item?.id ?? null,
        bgNummer: target.bgNummer,
        applicationId: target.applicationId,
        applicationReference: target.applicationReference,
        lastName: target.lastName,
        birthDate: target.birthDate,
        documentType: target.documentTypes.get(1)!,
        email: target.email ?? null,
        lang: ctx.lang,
        receivedAt: now,
        scanStatus,
        conversion: documents.some((d) => d.path === undefined) ? ('pending' as const) : null,
        // Quarantined evidence is processed at once; it is kept for the retention period only.
        deleteAfter: quarantineOnly ? new Date(now.getTime() + deps.config.upload.retentionDays * 86_400_000) : null,
      };
      const receipt = buildReceipt(tenant, { ...uploadRow, reviewStatus: 'new', reviewReason: null, reviewNote: null, reviewedBy: null, reviewedAt: null, assignedTo: null, tenantId: tenant.id }, fileRows, target.item);
      const pdf = target.email && !quarantineOnly ? await receiptPdf(t, receipt, now) : undefined;
      try {
        await tdb.transaction(async (tx) => {
          await repo.insertUpload(tx, uploadRow, fileRows);
          if (target.item && !quarantineOnly) await setItemStatus(tx, target.item.id, 'submitted', {}, ['open', 'rejected']);
          if (target.email && pdf) await enqueueReceiptMail(tx, t, target.email, receipt, receiptLink(deps.config.publicUrl, tenant.slug, receiptToken), pdf);
          if (quarantineOnly) {
            const signature = verdicts.map((v) => (v.status === 'infected' ? v.signature : '')).filter(Boolean).join(', ');
            await enqueueInfectedAlert(tx, t, tenant, reference, signature);
          }
        });
        committed = true;
        await moveIntoPlace(ctx, uploadId, documents.filter((d) => d.path !== undefined).map((d) => fileIds.get(d)!));
        return { id: uploadId, reference, receiptToken, receivedAt: now, status: receiptStatus(scanStatus) === 'quarantined' ? 'quarantined' : 'received', files: documents.filter((d) => !d.partOf).flatMap((d) => d.sources) };
      } catch (error) {
        if (!committed && isUniqueViolation(error) && attempt < 4) continue;
        throw error;
      }
    }
  } finally {
    if (!committed) await Promise.all(staged.map((s) => store.remove(tenant.id, s.fileId)));
  }
}

/**
 * The copy written while receiving; from here on this upload commits or removes it. `received` is the file as the
 * intake hashed it: the copy holds exactly those bytes (the intake's tee sits behind its hash), so that digest is the copy's.
 */
async function takeStaged(copy: StagedCopy, received: SourceFile) {
  const encrypted = await copy.encrypted;
  copy.taken = true;
  if (encrypted.size !== received.size) throw new Error('staged copy and received file differ in size');
  return { ...encrypted, sha256: received.sha256 };
}

/** After the commit; a failure here is repaired by the cleanup job, so the upload still counts. */
async function moveIntoPlace(ctx: UploadContext, uploadId: string, fileIds: string[]): Promise<void> {
  try {
    const store = ctx.deps.fileStore;
    for (const fileId of fileIds) await store.commit(ctx.tenant.id, fileId);
    await repo.markFilesStored(ctx.tdb, fileIds);
  } catch (err) {
    ctx.deps.logger.warn({ err, uploadId }, 'upload committed but not yet moved into place; the cleanup job will finish it');
  }
}

/** The receipt behind a receipt link (HTML). */
export async function receiptByToken(ctx: Pick<UploadContext, 'deps' | 'tenant' | 'tdb'>, token: string): Promise<Receipt | undefined> {
  if (!isToken(token)) return undefined;
  const upload = await repo.uploadByReceiptHash(ctx.tdb, hashToken(token), ctx.deps.clock.now());
  return upload ? receiptOf(ctx, upload) : undefined;
}

/** The receipt of an upload answering the request the citizen opened with its code (not for infected ones). */
export async function receiptForAufforderung(ctx: Pick<UploadContext, 'deps' | 'tenant' | 'tdb'>, aufforderungId: string, reference: string): Promise<Receipt | undefined> {
  const upload = await repo.uploadOfAufforderung(ctx.tdb, aufforderungId, reference);
  return upload && upload.scanStatus !== 'infected' ? receiptOf(ctx, upload) : undefined;
}

/** getUploadReceipt: the id must match the token, so a token opens exactly one receipt. */
export async function receiptById(ctx: Pick<UploadContext, 'deps' | 'tenant' | 'tdb'>, id: string, token: string): Promise<Receipt | undefined> {
  const receipt = await receiptByToken(ctx, token);
  return receipt?.id === id ? receipt : undefined;
}

async function receiptOf(ctx: Pick<UploadContext, 'tenant' | 'tdb'>, upload: Upload): Promise<Receipt> {
  const files = await repo.filesOf(ctx.tdb, upload.id);
  const item = upload.itemId ? await itemById(ctx.tdb, upload.itemId) : null;
  return buildReceipt(ctx.tenant, upload, files, item);
}
