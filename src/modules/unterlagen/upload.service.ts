// createUpload as a use case: check the fields and every file by content, turn photos into one PDF,
// scan, encrypt, commit, and answer with the receipt. Used by the HTML form and the JSON API alike.
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { ValidationError, type FieldError } from '#shared/http/errors.js';
import type { TFunction } from '#shared/i18n/index.js';
import { safeParseForm } from '#shared/http/validation.js';
import type { AppDeps } from '#shared/module.js';
import type { Tenant } from '#shared/tenancy/index.js';
import { isValidBgNummer, normalizeBgNummer } from './bg-nummer.js';
import { parseMasterKey } from '#shared/files/index.js';
import { ImageConversionError, inspectFile, sanitizeName, writeImagesPdf, type FileKind } from './files/index.js';
import type { Intake, ReceivedFile } from './intake.js';
import { enqueueInfectedAlert, enqueueReceiptMail, receiptLink } from './mails.js';
import { receiptPdf } from './pdf.js';
import { buildReceipt, receiptStatus, worstScanStatus, type Receipt } from './receipt.js';
import * as repo from './unterlagen.repository.js';
import { freeUploadFields, requestUploadFields, type DocumentType } from './unterlagen.schemas.js';
import type { MitwirkungItem, Mitwirkungsaufforderung, ScanStatus, SourceFile, Upload } from './unterlagen.tables.js';
import type { ScanVerdict } from '#shared/files/index.js';
import { hashToken, isToken, newToken } from '#shared/crypto.js';
import { newReference, normalizeAccessCode } from './tokens.js';
import { isUniqueViolation } from '#shared/db/errors.js';
import { berlinDateTime } from '#shared/time.js';

export interface UploadContext {
  deps: AppDeps;
  tenant: Tenant;
  tdb: TenantDb;
  lang: string;
  t: TFunction;
}

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

export const uploadLimits = (deps: AppDeps) => ({ ...deps.config.upload, maxFiles });

type Target = {
  bgNummer: string;
  lastName: string | null;
  birthDate: string | null;
  documentType: DocumentType;
  email: string | undefined;
  aufforderung: Mitwirkungsaufforderung | null;
  item: MitwirkungItem | null;
};

interface AcceptedFile {
  file: ReceivedFile;
  kind: FileKind;
  safeName: string;
  pages: number | undefined;
}

interface Document {
  name: string;
  path: string;
  pages: number | null;
  sources: SourceFile[];
}

const fileError = (message: string, params: Record<string, unknown> = {}): FieldError => ({ field: 'file', message, params });

/** The item of a Mitwirkungsaufforderung an upload is for, as the citizen pages load it once from the code in the path. */
export interface RequestedItem {
  aufforderung: Mitwirkungsaufforderung;
  item: MitwirkungItem;
}

/**
 * The one entry for an upload. `requested`: the item the route already loaded from the code in its path (the
 * HTML pages); without it, `requestCode` and `item` in the fields name it (the JSON API), or the fields are a free upload.
 */
export async function submitUpload(ctx: UploadContext, intake: Intake, requested?: RequestedItem): Promise<UploadResult> {
  const target = await resolveTarget(ctx, intake.fields, requested);
  const files = await checkFiles(ctx, intake);
  if (!target.ok || !files.ok) {
    throw new ValidationError([...(target.ok ? [] : target.errors), ...(files.ok ? [] : files.errors)]);
  }

  const store = ctx.deps.fileStore;
  const converted: string[] = [];
  try {
    const documents = await buildDocuments(ctx, files.accepted, () => {
      const path = store.incomingPath();
      converted.push(path);
      return path;
    });
    const scanner = ctx.deps.scanner;
    const verdicts: ScanVerdict[] = [];
    for (const document of documents) verdicts.push(await scanner.scan(createReadStream(document.path)));

    const infected = documents.filter((_d, i) => verdicts[i]!.status === 'infected');
    if (infected.length > 0) {
      await storeSubmission(ctx, target.value, documents, verdicts, { quarantineOnly: true });
      throw new ValidationError(infected.flatMap((d) => d.sources.map((s) => fileError('unterlagen:refused.infected', { name: s.name }))));
    }
    return await storeSubmission(ctx, target.value, documents, verdicts, { quarantineOnly: false });
  } finally {
    await Promise.all(converted.map((path) => rm(path, { force: true })));
  }
}

async function resolveTarget(
  ctx: UploadContext,
  fields: Record<string, string>,
  requested: RequestedItem | undefined,
): Promise<{ ok: true; value: Target } | { ok: false; errors: FieldError[] }> {
  if (requested || (fields.requestCode ?? '').trim() !== '') {
    const parsed = safeParseForm(requestUploadFields, fields);
    if (!parsed.ok) return parsed;
    const found = requested ? { ok: true as const, value: requested } : await requestedItem(ctx, parsed.data);
    if (!found.ok) return found;
    const { aufforderung, item } = found.value;
    if (item.status === 'accepted') return { ok: false, errors: [{ field: 'item', message: 'unterlagen:errors.itemClosed' }] };
    return {
      ok: true,
      value: {
        bgNummer: aufforderung.bgNummer,
        lastName: null,
        birthDate: null,
        documentType: item.documentType as DocumentType,
        email: parsed.data.email,
        aufforderung,
        item,
      },
    };
  }
  const parsed = safeParseForm(freeUploadFields, fields);
  const format = await repo.bgNummerFormat(ctx.tdb);
  const errors = parsed.ok ? [] : [...parsed.errors];
  const bgNummer = fields.bgNummer ?? '';
  if (bgNummer.trim() !== '' && !isValidBgNummer(bgNummer, format) && !errors.some((e) => e.field === 'bgNummer')) {
    errors.unshift({ field: 'bgNummer', message: 'unterlagen:errors.bgNummer', params: { example: format.example } });
  }
  if (!parsed.ok || errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      bgNummer: normalizeBgNummer(parsed.data.bgNummer),
      lastName: parsed.data.lastName,
      birthDate: parsed.data.birthDate,
      documentType: parsed.data.documentType,
      email: parsed.data.email,
      aufforderung: null,
      item: null,
    },
  };
}

/** The item named by `requestCode` and `item` (position or id) of the fields; an unknown or expired code is one answer. */
async function requestedItem(
  ctx: UploadContext,
  fields: { requestCode: string; item: string },
): Promise<{ ok: true; value: RequestedItem } | { ok: false; errors: FieldError[] }> {
  const code = normalizeAccessCode(fields.requestCode);
  const aufforderung = code ? await repo.aufforderungByCodeHash(ctx.tdb, hashToken(code), ctx.deps.clock.now()) : undefined;
  if (!aufforderung) return { ok: false, errors: [{ field: 'requestCode', message: 'unterlagen:errors.codeUnknown' }] };
  const items = await repo.itemsOf(ctx.tdb, aufforderung.id);
  const wanted = fields.item;
  const item = items.find((i) => (/^\d+$/.test(wanted) ? i.position === Number(wanted) : i.id === wanted));
  if (!item) return { ok: false, errors: [{ field: 'item', message: 'unterlagen:errors.itemUnknown' }] };
  return { ok: true, value: { aufforderung, item } };
}

async function checkFiles(ctx: UploadContext, intake: Intake): Promise<{ ok: true; accepted: AcceptedFile[] } | { ok: false; errors: FieldError[] }> {
  const { maxFileBytes, maxTotalBytes } = ctx.deps.config.upload;
  const limits = { maxMb: maxFileBytes / 1024 / 1024, maxTotalMb: maxTotalBytes / 1024 / 1024, maxFiles };
  if (intake.tooManyFiles) return { ok: false, errors: [fileError('unterlagen:refused.too-many-files', limits)] };
  if (intake.files.length === 0) return { ok: false, errors: [fileError('unterlagen:errors.fileRequired')] };
  if (intake.overTotal) return { ok: false, errors: [fileError('unterlagen:refused.total-too-large', limits)] };

  const errors: FieldError[] = [];
  const accepted: AcceptedFile[] = [];
  for (const file of intake.files) {
    const name = sanitizeName(file.originalName);
    if (file.tooLarge) {
      errors.push(fileError('unterlagen:refused.too-large', { ...limits, name }));
      continue;
    }
    const result = await inspectFile(file.path, file.originalName, { maxBytes: maxFileBytes });
    if (!result.ok) errors.push(fileError(`unterlagen:refused.${result.reason}`, { ...limits, name }));
    else accepted.push({ file, kind: result.kind, safeName: result.safeName, pages: result.pages });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, accepted };
}

const source = (a: AcceptedFile): SourceFile => ({ name: a.safeName, size: a.file.size, sha256: a.file.sha256 });

/** PDFs stay as they are; all photos become one PDF, pages in the order they were sent, at the first photo's place. */
async function buildDocuments(ctx: UploadContext, accepted: AcceptedFile[], tempPath: () => string): Promise<Document[]> {
  const images = accepted.filter((a) => a.kind !== 'pdf');
  const documents: Document[] = [];
  for (const a of accepted) {
    if (a.kind === 'pdf') documents.push({ name: a.safeName, path: a.file.path, pages: a.pages ?? null, sources: [source(a)] });
    else if (a === images[0]) documents.push(await photosToPdf(ctx, images, tempPath()));
  }
  return documents;
}

async function photosToPdf(ctx: UploadContext, images: AcceptedFile[], path: string): Promise<Document> {
  try {
    await writeImagesPdf(
      images.map((i) => ({ kind: i.kind as 'jpeg' | 'png' | 'heic', data: i.file.path })),
      createWriteStream(path, { mode: 0o600 }),
      { title: ctx.t('unterlagen:files.photosTitle'), now: () => ctx.deps.clock.now() },
    );
  } catch (error) {
    if (error instanceof ImageConversionError) {
      throw new ValidationError([fileError(`unterlagen:refused.${error.reason}`, { name: images[error.index]!.safeName })]);
    }
    throw error;
  }
  return {
    name: sanitizeName(ctx.t('unterlagen:files.photosName', { count: images.length })),
    path,
    pages: images.length,
    sources: images.map(source),
  };
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
  const keep = allDocuments.map((_d, i) => !quarantineOnly || allVerdicts[i]!.status === 'infected');
  const documents = allDocuments.filter((_d, i) => keep[i]);
  const verdicts = allVerdicts.filter((_v, i) => keep[i]);
  const store = deps.fileStore;
  const masterKey = parseMasterKey(deps.config.filesMasterKey);
  const now = deps.clock.now();
  const uploadId = randomUUID();
  const receiptToken = newToken();
  const scanStatuses: ScanStatus[] = verdicts.map((v) => (v.status === 'pending' ? 'pending' : v.status));
  const scanStatus = worstScanStatus(scanStatuses);

  const staged: { fileId: string; wrappedKey: Buffer; sha256: string; size: number }[] = [];
  let committed = false;
  try {
    for (const document of documents) {
      const fileId = randomUUID();
      const encrypted = await store.stage(tenant.id, fileId, createReadStream(document.path), masterKey);
      staged.push({ fileId, ...encrypted });
    }
    const fileRows = documents.map((d, i) => ({
      id: staged[i]!.fileId,
      uploadId,
      position: i + 1,
      name: d.name,
      size: staged[i]!.size,
      sha256: staged[i]!.sha256,
      pages: d.pages,
      sources: d.sources,
      wrappedKey: staged[i]!.wrappedKey.toString('base64'),
      scanStatus: scanStatuses[i]!,
      scanSignature: verdicts[i]!.status === 'infected' ? verdicts[i]!.signature : null,
      scannedAt: verdicts[i]!.status === 'clean' || verdicts[i]!.status === 'infected' ? now : null,
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
        lastName: target.lastName,
        birthDate: target.birthDate,
        documentType: target.documentType,
        email: target.email ?? null,
        lang: ctx.lang,
        receivedAt: now,
        scanStatus,
        // Quarantined evidence is processed at once; it is kept for the retention period only.
        deleteAfter: quarantineOnly ? new Date(now.getTime() + deps.config.upload.retentionDays * 86_400_000) : null,
      };
      const receipt = buildReceipt(tenant, { ...uploadRow, reviewStatus: 'new', reviewReason: null, reviewNote: null, reviewedBy: null, reviewedAt: null, assignedTo: null, tenantId: tenant.id }, fileRows, target.item);
      const pdf = target.email && !quarantineOnly ? await receiptPdf(t, receipt, now) : undefined;
      try {
        await tdb.transaction(async (tx) => {
          await repo.insertUpload(tx, uploadRow, fileRows);
          if (target.item && !quarantineOnly) await repo.setItemStatus(tx, target.item.id, 'submitted', {}, ['open', 'rejected']);
          if (target.email && pdf) await enqueueReceiptMail(tx, t, target.email, receipt, receiptLink(deps.config.publicUrl, tenant.slug, receiptToken), pdf);
          if (quarantineOnly) {
            const signature = verdicts.map((v) => (v.status === 'infected' ? v.signature : '')).filter(Boolean).join(', ');
            await enqueueInfectedAlert(tx, t, tenant, reference, signature);
          }
        });
        committed = true;
        await moveIntoPlace(ctx, uploadId, staged.map((s) => s.fileId));
        return { id: uploadId, reference, receiptToken, receivedAt: now, status: receiptStatus(scanStatus) === 'quarantined' ? 'quarantined' : 'received', files: documents.flatMap((d) => d.sources) };
      } catch (error) {
        if (!committed && isUniqueViolation(error) && attempt < 4) continue;
        throw error;
      }
    }
  } finally {
    if (!committed) await Promise.all(staged.map((s) => store.remove(tenant.id, s.fileId)));
  }
}

/** After the commit; a failure here is repaired by the cleanup job, so the upload still counts. */
async function moveIntoPlace(ctx: UploadContext, uploadId: string, fileIds: string[]): Promise<void> {
  try {
    const store = ctx.deps.fileStore;
    for (const fileId of fileIds) await store.commit(ctx.tenant.id, fileId);
    await repo.markFilesStored(ctx.tdb, uploadId);
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

/** getUploadReceipt: the id must match the token, so a token opens exactly one receipt. */
export async function receiptById(ctx: Pick<UploadContext, 'deps' | 'tenant' | 'tdb'>, id: string, token: string): Promise<Receipt | undefined> {
  const receipt = await receiptByToken(ctx, token);
  return receipt?.id === id ? receipt : undefined;
}

async function receiptOf(ctx: Pick<UploadContext, 'tenant' | 'tdb'>, upload: Upload): Promise<Receipt> {
  const files = await repo.filesOf(ctx.tdb, upload.id);
  const item = upload.itemId ? await repo.itemById(ctx.tdb, upload.itemId) : null;
  return buildReceipt(ctx.tenant, upload, files, item);
}
