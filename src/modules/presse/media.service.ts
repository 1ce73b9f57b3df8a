// Use cases of a release's images and attachments: add (check by content, scan, resize, then one transaction with
// its audit row), reorder and remove — only while the release is a draft, like its text.
import { Readable } from 'node:stream';
import { recordAudit, type AuditActionAfter } from '#shared/audit/index.js';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { ConflictError, NotFoundError, ValidationError, type FieldError } from '#shared/http/errors.js';
import type { UploadedFile } from '#shared/http/multipart.js';
import { safeParseForm } from '#shared/http/validation.js';
import type { AppDeps } from '#shared/module.js';
import { checkPdf, fallbackWidth, mediaLimits, prepareImage, type MediaRefusal } from './media.js';
import * as repo from './media.repository.js';
import { attachmentForm, imageForm } from './media.schemas.js';
import { pressAttachments, pressImages } from './presse.tables.js';
import type { Actor } from './release.service.js';
import { lockRelease } from './release.repository.js';

export interface MediaContext {
  tdb: TenantDb;
  deps: Pick<AppDeps, 'clock' | 'scanner'>;
}


const limitParams = {
  maxMb: mediaLimits.imageBytes / 1024 / 1024,
  maxMegapixels: mediaLimits.imageMegapixels,
  maxPdfMb: mediaLimits.attachmentBytes / 1024 / 1024,
  maxPages: mediaLimits.attachmentPages,
  maxImages: mediaLimits.imagesPerRelease,
  maxAttachments: mediaLimits.attachmentsPerRelease,
};

const refused = (field: string, reason: MediaRefusal | 'infected' | 'scan-unavailable' | 'too-many'): FieldError => ({ field, message: `presse:media.refused.${reason}`, params: limitParams });

/**
 * The virus scan of the bytes as received. Fail closed: without a verdict (clamd down) nothing is stored and the
 * press office is asked to try again; the file is still on their computer.
 */
async function scan(deps: MediaContext['deps'], field: string, bytes: Buffer): Promise<FieldError | undefined> {
  const verdict = await deps.scanner.scan(Readable.from([bytes]));
  if (verdict.status === 'infected') return refused(field, 'infected');
  if (verdict.status === 'pending') return refused(field, 'scan-unavailable');
  return undefined;
}

async function audit(tdb: TenantDb, actor: Actor, action: AuditActionAfter<'presse.release.'>, releaseId: string, at: Date) {
  await recordAudit(tdb, { actorId: actor.userId, actorRoles: actor.roles, action: `presse.release.${action}`, objectType: 'press_release', objectId: releaseId, at });
}

/** Runs `change` with the release locked, if it is still a draft. */
async function inDraft<R>(ctx: MediaContext, releaseId: string, change: (tx: TenantDb) => Promise<R>): Promise<R> {
  return ctx.tdb.transaction(async (tx) => {
    const release = await lockRelease(tx, releaseId);
    if (!release) throw new NotFoundError();
    if (release.status !== 'draft') throw new ConflictError('presse:errors.wrongStatus', { status: release.status });
    return change(tx);
  });
}

export async function addImage(ctx: MediaContext, actor: Actor, releaseId: string, fields: Record<string, string>, file: UploadedFile | undefined) {
  const parsed = safeParseForm(imageForm, fields);
  const errors = parsed.ok ? [] : [...parsed.errors];
  if (!file || file.bytes.length === 0) errors.push({ field: 'image', message: 'presse:media.errors.imageRequired' });
  if (!parsed.ok || !file || errors.length > 0) throw new ValidationError(errors);
  const prepared = await prepareImage(file.bytes);
  if (!prepared.ok) throw new ValidationError([refused('image', prepared.reason)]);
  const virus = await scan(ctx.deps, 'image', file.bytes);
  if (virus) throw new ValidationError([virus]);
  const { image } = prepared;
  const now = ctx.deps.clock.now();
  return inDraft(ctx, releaseId, async (tx) => {
    if ((await repo.countOf(tx, pressImages, releaseId)) >= mediaLimits.imagesPerRelease) throw new ValidationError([refused('image', 'too-many')]);
    const row = await repo.insertImage(tx, releaseId, { ...parsed.data, width: image.width, height: image.height, hash: image.hash }, image.variants, now);
    await audit(tx, actor, 'image.add', releaseId, now);
    return row;
  });
}

export async function moveImage(ctx: MediaContext, actor: Actor, releaseId: string, imageId: string, direction: 'up' | 'down') {
  const now = ctx.deps.clock.now();
  await inDraft(ctx, releaseId, async (tx) => {
    if (await repo.moveImage(tx, releaseId, imageId, direction === 'up' ? -1 : 1)) await audit(tx, actor, 'image.move', releaseId, now);
  });
}

export async function removeImage(ctx: MediaContext, actor: Actor, releaseId: string, imageId: string) {
  const now = ctx.deps.clock.now();
  await inDraft(ctx, releaseId, async (tx) => {
    if (!(await repo.removeImage(tx, releaseId, imageId))) throw new NotFoundError();
    await audit(tx, actor, 'image.remove', releaseId, now);
  });
}

export async function addAttachment(ctx: MediaContext, actor: Actor, releaseId: string, fields: Record<string, string>, file: UploadedFile | undefined) {
  const parsed = safeParseForm(attachmentForm, fields);
  const errors = parsed.ok ? [] : [...parsed.errors];
  if (!file || file.bytes.length === 0) errors.push({ field: 'attachment', message: 'presse:media.errors.attachmentRequired' });
  if (!parsed.ok || !file || errors.length > 0) throw new ValidationError(errors);
  const checked = await checkPdf(file.bytes);
  if (!checked.ok) throw new ValidationError([refused('attachment', checked.reason)]);
  const virus = await scan(ctx.deps, 'attachment', file.bytes);
  if (virus) throw new ValidationError([virus]);
  const now = ctx.deps.clock.now();
  return inDraft(ctx, releaseId, async (tx) => {
    if ((await repo.countOf(tx, pressAttachments, releaseId)) >= mediaLimits.attachmentsPerRelease) throw new ValidationError([refused('attachment', 'too-many')]);
    const row = await repo.insertAttachment(
      tx,
      releaseId,
      { title: parsed.data.attachmentTitle, fileName: pdfName(file.filename), size: file.bytes.length, pages: checked.pages, sha256: checked.sha256, pdf: file.bytes },
      now,
    );
    await audit(tx, actor, 'attachment.add', releaseId, now);
    return row;
  });
}

export async function removeAttachment(ctx: MediaContext, actor: Actor, releaseId: string, attachmentId: string) {
  const now = ctx.deps.clock.now();
  await inDraft(ctx, releaseId, async (tx) => {
    if (!(await repo.removeAttachment(tx, releaseId, attachmentId))) throw new NotFoundError();
    await audit(tx, actor, 'attachment.remove', releaseId, now);
  });
}

/** A download name from the upload's name: letters, digits, dot, dash and underscore, ending in .pdf. */
export function pdfName(filename: string): string {
  const stem = filename
    .replace(/\.pdf$/i, '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\w.-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  return `${stem || 'anhang'}.pdf`;
}

export const imagesOf = (tdb: TenantDb, releaseId: string) => repo.imagesOf(tdb, releaseId);
export const attachmentsOf = (tdb: TenantDb, releaseId: string) => repo.attachmentsOf(tdb, releaseId);
export const staffVariant = repo.variantOf;
export const publicVariant = repo.visibleVariant;
export const attachmentFile = repo.attachmentFile;

/** The images as the release PDF prints them: the JPEG the page falls back to, caption and credit in one line. */
export async function pdfImages(tdb: TenantDb, images: repo.ImageWithVariants[], t: (key: string, params?: Record<string, unknown>) => string) {
  const jpegs = await repo.variantsOf(tdb, new Map(images.map((image) => [image.id, fallbackWidth(image)])), 'jpeg');
  const printed = [];
  for (const image of images) {
    const jpeg = jpegs.get(image.id);
    const credit = t('presse:media.creditLine', { credit: image.credit });
    if (jpeg) printed.push({ jpeg, caption: image.caption ? `${image.caption} – ${credit}` : credit });
  }
  return printed;
}

export type { AttachmentInfo, ImageWithVariants } from './media.repository.js';
