// SQL of a release's images (with their variants) and PDF attachments. Lists never load the bytes; the public
// readers join the release and filter with `visibleAt(now)`, so an embargoed release's files do not exist.
import { asc, eq, getTableColumns, inArray, max } from 'drizzle-orm';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import type { Variant } from './media.js';
import { pressAttachments, pressImages, pressImageVariants, pressReleases, type ImageFormat, type PressAttachment, type PressImage } from './presse.tables.js';
import { visibleAt } from './release.repository.js';

export type ImageVariantInfo = { width: number; height: number; format: ImageFormat; size: number };
export type ImageWithVariants = PressImage & { variants: ImageVariantInfo[] };
export type AttachmentInfo = Omit<PressAttachment, 'pdf'>;

const { pdf: _pdf, ...attachmentColumns } = getTableColumns(pressAttachments);

export async function imagesOf(tdb: TenantDb, releaseId: string): Promise<ImageWithVariants[]> {
  const images = await tdb.db.select().from(pressImages).where(tdb.scope(pressImages, eq(pressImages.releaseId, releaseId))).orderBy(asc(pressImages.position));
  if (images.length === 0) return [];
  const variants = await tdb.db
    .select({ imageId: pressImageVariants.imageId, width: pressImageVariants.width, height: pressImageVariants.height, format: pressImageVariants.format, size: pressImageVariants.size })
    .from(pressImageVariants)
    .innerJoin(pressImages, tdb.scope(pressImages, eq(pressImages.id, pressImageVariants.imageId)))
    .where(tdb.scope(pressImageVariants, eq(pressImages.releaseId, releaseId)))
    .orderBy(asc(pressImageVariants.width));
  return images.map((image) => ({ ...image, variants: variants.filter((v) => v.imageId === image.id).map(({ imageId: _id, ...v }) => v) }));
}

/** The first image of each release (feeds: enclosure), with its variants. */
export async function leadImages(tdb: TenantDb, releaseIds: string[]): Promise<Map<string, ImageWithVariants>> {
  if (releaseIds.length === 0) return new Map();
  const rows = await tdb.db
    .select({ image: pressImages, width: pressImageVariants.width, height: pressImageVariants.height, format: pressImageVariants.format, size: pressImageVariants.size })
    .from(pressImages)
    .innerJoin(pressImageVariants, tdb.scope(pressImageVariants, eq(pressImageVariants.imageId, pressImages.id)))
    .where(tdb.scope(pressImages, inArray(pressImages.releaseId, releaseIds)))
    .orderBy(asc(pressImages.position), asc(pressImageVariants.width));
  const lead = new Map<string, ImageWithVariants>();
  for (const { image, ...variant } of rows) {
    const current = lead.get(image.releaseId) ?? { ...image, variants: [] };
    if (current.id !== image.id) continue;
    current.variants.push(variant);
    lead.set(image.releaseId, current);
  }
  return lead;
}

export function attachmentsOf(tdb: TenantDb, releaseId: string): Promise<AttachmentInfo[]> {
  return tdb.db
    .select(attachmentColumns)
    .from(pressAttachments)
    .where(tdb.scope(pressAttachments, eq(pressAttachments.releaseId, releaseId)))
    .orderBy(asc(pressAttachments.position));
}

async function nextPosition(tdb: TenantDb, table: typeof pressImages | typeof pressAttachments, releaseId: string): Promise<number> {
  const [row] = await tdb.db.select({ last: max(table.position) }).from(table).where(tdb.scope(table, eq(table.releaseId, releaseId)));
  return (row?.last ?? 0) + 1;
}

export async function countOf(tdb: TenantDb, table: typeof pressImages | typeof pressAttachments, releaseId: string): Promise<number> {
  return (await tdb.select(table, eq(table.releaseId, releaseId))).length;
}

export async function insertImage(
  tx: TenantDb,
  releaseId: string,
  values: Pick<PressImage, 'alt' | 'credit' | 'caption' | 'width' | 'height' | 'hash'>,
  variants: Variant[],
  now: Date,
): Promise<PressImage> {
  const image = await tx.insert(pressImages, { ...values, releaseId, position: await nextPosition(tx, pressImages, releaseId), createdAt: now });
  await tx.insertMany(
    pressImageVariants,
    variants.map((v) => ({ imageId: image.id, width: v.width, height: v.height, format: v.format, bytes: v.bytes, size: v.bytes.length })),
  );
  return image;
}

export async function insertAttachment(tx: TenantDb, releaseId: string, values: Omit<PressAttachment, 'tenantId' | 'id' | 'releaseId' | 'position' | 'createdAt'>, now: Date): Promise<AttachmentInfo> {
  const { pdf: _bytes, ...row } = await tx.insert(pressAttachments, { ...values, releaseId, position: await nextPosition(tx, pressAttachments, releaseId), createdAt: now });
  return row;
}

export async function removeImage(tx: TenantDb, releaseId: string, imageId: string): Promise<boolean> {
  return (await tx.delete(pressImages, eq(pressImages.releaseId, releaseId), eq(pressImages.id, imageId))) > 0;
}

export async function removeAttachment(tx: TenantDb, releaseId: string, attachmentId: string): Promise<boolean> {
  return (await tx.delete(pressAttachments, eq(pressAttachments.releaseId, releaseId), eq(pressAttachments.id, attachmentId))) > 0;
}

/** Swaps the image with its neighbour before (`-1`) or after (`+1`); false at either end or for an unknown image. */
export async function moveImage(tx: TenantDb, releaseId: string, imageId: string, direction: -1 | 1): Promise<boolean> {
  const images = await tx.db.select().from(pressImages).where(tx.scope(pressImages, eq(pressImages.releaseId, releaseId))).orderBy(asc(pressImages.position));
  const at = images.findIndex((i) => i.id === imageId);
  const other = images[at + direction];
  if (at < 0 || !other) return false;
  const image = images[at]!;
  await tx.update(pressImages, { position: other.position }, eq(pressImages.id, image.id));
  await tx.update(pressImages, { position: image.position }, eq(pressImages.id, other.id));
  return true;
}

/** One variant's bytes, for the press office (any state of the release). */
export async function variantOf(tdb: TenantDb, imageId: string, hash: string, width: number, format: ImageFormat): Promise<Buffer | undefined> {
  const [row] = await tdb.db
    .select({ bytes: pressImageVariants.bytes })
    .from(pressImageVariants)
    .innerJoin(pressImages, tdb.scope(pressImages, eq(pressImages.id, pressImageVariants.imageId)))
    .where(tdb.scope(pressImageVariants, eq(pressImages.id, imageId), eq(pressImages.hash, hash), eq(pressImageVariants.width, width), eq(pressImageVariants.format, format)));
  return row?.bytes;
}

/** The bytes of one variant of each image (`widths`: image id → width), in one query; keyed by image id. */
export async function variantsOf(tdb: TenantDb, widths: Map<string, number>, format: ImageFormat): Promise<Map<string, Buffer>> {
  if (widths.size === 0) return new Map();
  const v = pressImageVariants;
  const rows = await tdb.db
    .select({ imageId: v.imageId, width: v.width, bytes: v.bytes })
    .from(v)
    .where(tdb.scope(v, inArray(v.imageId, [...widths.keys()]), eq(v.format, format)));
  return new Map(rows.filter((r) => widths.get(r.imageId) === r.width).map((r) => [r.imageId, r.bytes]));
}

/** One variant's bytes for the public: only while its release is visible (published and past its embargo). */
export async function visibleVariant(tdb: TenantDb, now: Date, imageId: string, hash: string, width: number, format: ImageFormat): Promise<Buffer | undefined> {
  const [row] = await tdb.db
    .select({ bytes: pressImageVariants.bytes })
    .from(pressImageVariants)
    .innerJoin(pressImages, tdb.scope(pressImages, eq(pressImages.id, pressImageVariants.imageId)))
    .innerJoin(pressReleases, tdb.scope(pressReleases, eq(pressReleases.id, pressImages.releaseId)))
    .where(tdb.scope(pressImageVariants, visibleAt(now), eq(pressImages.id, imageId), eq(pressImages.hash, hash), eq(pressImageVariants.width, width), eq(pressImageVariants.format, format)));
  return row?.bytes;
}

/** An attachment with its bytes, of a release the caller has already found (visible or, for staff, any). */
export function attachmentFile(tdb: TenantDb, releaseId: string, attachmentId: string): Promise<PressAttachment | undefined> {
  return tdb.first(pressAttachments, eq(pressAttachments.releaseId, releaseId), eq(pressAttachments.id, attachmentId));
}
