// Tenant-scoped SQL of Unterlagen nachreichen. Every query goes through TenantDb, so the tenant
// condition cannot be forgotten; cross-tenant jobs use maintenance.repository.ts.
import { and, asc, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { baFormat, normalizeBgNummer, type BgNummerFormat } from './bg-nummer.js';
import {
  heldUploadFiles,
  mitwirkungItems,
  mitwirkungsaufforderungen,
  unterlagenSettings,
  uploadFiles,
  uploads,
  type HeldUploadFile,
  type ItemStatus,
  type MitwirkungItem,
  type Mitwirkungsaufforderung,
  type ReviewStatus,
  type ScanStatus,
  type Upload,
  type UploadFile,
} from './unterlagen.tables.js';

type NewUpload = Omit<typeof uploads.$inferInsert, 'tenantId'>;
type NewUploadFile = Omit<typeof uploadFiles.$inferInsert, 'tenantId'>;
type NewAufforderung = Omit<typeof mitwirkungsaufforderungen.$inferInsert, 'tenantId'>;
type NewItem = Omit<typeof mitwirkungItems.$inferInsert, 'tenantId' | 'aufforderungId'>;

export interface InboxFilter {
  status?: ReviewStatus | undefined;
  documentType?: string | undefined;
  /** Only uploads answering an item due on or before this date (YYYY-MM-DD). */
  dueOnOrBefore?: string | undefined;
  /** Received at or after this instant, and before the other. */
  receivedFrom?: Date | undefined;
  receivedBefore?: Date | undefined;
  /** A staff user id, or null for "nobody". */
  assignedTo?: string | null | undefined;
  /** Reference or BG-Nummer (exact) or the start of the surname (any case). */
  search?: string | undefined;
}

export interface InboxSort {
  column: 'received' | 'reference' | 'bgNummer' | 'name' | 'type' | 'due' | 'status';
  direction: 'asc' | 'desc';
}

export interface InboxRow {
  upload: Upload;
  item: MitwirkungItem | null;
  fileCount: number;
}

export async function bgNummerFormat(tdb: TenantDb): Promise<BgNummerFormat> {
  const row = await tdb.first(unterlagenSettings);
  return row ? { pattern: row.bgNummerPattern, example: row.bgNummerExample } : baFormat;
}

export async function saveBgNummerFormat(tdb: TenantDb, format: BgNummerFormat): Promise<void> {
  await tdb.db
    .insert(unterlagenSettings)
    .values({ tenantId: tdb.tenantId, bgNummerPattern: format.pattern, bgNummerExample: format.example })
    .onConflictDoUpdate({ target: unterlagenSettings.tenantId, set: { bgNummerPattern: format.pattern, bgNummerExample: format.example } });
}

export async function insertAufforderung(tdb: TenantDb, row: NewAufforderung, items: NewItem[]): Promise<Mitwirkungsaufforderung> {
  const created = await tdb.insert(mitwirkungsaufforderungen, row);
  await tdb.insertMany(
    mitwirkungItems,
    items.map((item) => ({ ...item, aufforderungId: created.id })),
  );
  return created;
}

export async function aufforderungByCodeHash(tdb: TenantDb, codeHash: string, now: Date): Promise<Mitwirkungsaufforderung | undefined> {
  return tdb.first(mitwirkungsaufforderungen, eq(mitwirkungsaufforderungen.codeHash, codeHash), gt(mitwirkungsaufforderungen.expiresAt, now));
}

export async function aufforderungById(tdb: TenantDb, id: string): Promise<Mitwirkungsaufforderung | undefined> {
  return tdb.first(mitwirkungsaufforderungen, eq(mitwirkungsaufforderungen.id, id));
}

export async function itemsOf(tdb: TenantDb, aufforderungId: string): Promise<MitwirkungItem[]> {
  return tdb.db
    .select()
    .from(mitwirkungItems)
    .where(tdb.scope(mitwirkungItems, eq(mitwirkungItems.aufforderungId, aufforderungId)))
    .orderBy(asc(mitwirkungItems.position));
}

export async function itemById(tdb: TenantDb, id: string): Promise<MitwirkungItem | undefined> {
  return tdb.first(mitwirkungItems, eq(mitwirkungItems.id, id));
}

export async function setItemStatus(
  tdb: TenantDb,
  itemId: string,
  status: ItemStatus,
  review: { reason?: string | null; note?: string | null } = {},
  onlyFrom?: ItemStatus[],
): Promise<void> {
  await tdb.update(
    mitwirkungItems,
    { status, reviewReason: review.reason ?? null, reviewNote: review.note ?? null },
    eq(mitwirkungItems.id, itemId),
    onlyFrom ? inArray(mitwirkungItems.status, onlyFrom) : undefined,
  );
}

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

/** Uploads answering one item, newest first (the citizen's page and the staff view show them). */
export async function uploadsForItems(tdb: TenantDb, itemIds: string[]): Promise<Upload[]> {
  if (itemIds.length === 0) return [];
  return tdb.db
    .select()
    .from(uploads)
    .where(tdb.scope(uploads, inArray(uploads.itemId, itemIds)))
    .orderBy(desc(uploads.receivedAt));
}

/** Escapes LIKE wildcards so a typed "%" or "_" matches itself. */
const likePrefix = (text: string) => `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function inboxConditions(filter: InboxFilter): (SQL | undefined)[] {
  const q = filter.search?.trim();
  const search = q
    ? or(
        eq(uploads.reference, q.toUpperCase()),
        eq(uploads.bgNummer, normalizeBgNummer(q)),
        sql`lower(${uploads.lastName}) like ${likePrefix(q.toLowerCase())}`,
      )
    : undefined;
  return [
    filter.status ? eq(uploads.reviewStatus, filter.status) : undefined,
    filter.documentType ? eq(uploads.documentType, filter.documentType) : undefined,
    filter.dueOnOrBefore ? lte(mitwirkungItems.dueDate, filter.dueOnOrBefore) : undefined,
    filter.receivedFrom ? gte(uploads.receivedAt, filter.receivedFrom) : undefined,
    filter.receivedBefore ? lt(uploads.receivedAt, filter.receivedBefore) : undefined,
    filter.assignedTo === null ? isNull(uploads.assignedTo) : filter.assignedTo ? eq(uploads.assignedTo, filter.assignedTo) : undefined,
    search,
  ];
}

const sortColumns = {
  received: uploads.receivedAt,
  reference: uploads.reference,
  bgNummer: uploads.bgNummer,
  name: sql`lower(${uploads.lastName})`,
  type: uploads.documentType,
  due: mitwirkungItems.dueDate,
  status: uploads.reviewStatus,
} as const;

function inboxOrder(sort: InboxSort): SQL[] {
  const column = sortColumns[sort.column];
  const direction = sort.direction === 'asc' ? sql`asc nulls last` : sql`desc nulls last`;
  // The id breaks ties, so paging and "next" see one fixed order.
  return [sql`${column} ${direction}`, sort.direction === 'asc' ? asc(uploads.id) : desc(uploads.id)];
}

/** One page of the inbox in the chosen order, and the number of all matching uploads (one statement). */
/** The documents of an upload (photos kept until their PDF is written are no documents of their own). */
const fileCount = sql<number>`(select count(*)::int from ${uploadFiles} where ${uploadFiles.tenantId} = ${uploads.tenantId} and ${uploadFiles.uploadId} = ${uploads.id} and ${uploadFiles.partOf} is null)`;

export async function listInbox(
  tdb: TenantDb,
  filter: InboxFilter,
  sort: InboxSort = { column: 'received', direction: 'desc' },
  page: { limit: number; offset: number } = { limit: 200, offset: 0 },
): Promise<{ rows: InboxRow[]; total: number }> {
  const rows = await tdb.db
    .select({ upload: uploads, item: mitwirkungItems, fileCount, total: sql<number>`count(*) over ()` })
    .from(uploads)
    .leftJoin(mitwirkungItems, tdb.scope(mitwirkungItems, eq(mitwirkungItems.id, uploads.itemId)))
    .where(tdb.scope(uploads, ...inboxConditions(filter)))
    .orderBy(...inboxOrder(sort))
    .limit(page.limit)
    .offset(page.offset);
  const total = rows[0] ? Number(rows[0].total) : page.offset > 0 ? await countInbox(tdb, filter) : 0;
  return { rows: rows.map((r) => ({ upload: r.upload, item: r.item, fileCount: Number(r.fileCount) })), total };
}

async function countInbox(tdb: TenantDb, filter: InboxFilter): Promise<number> {
  const [row] = await tdb.db
    .select({ n: sql<number>`count(*)::int` })
    .from(uploads)
    .leftJoin(mitwirkungItems, tdb.scope(mitwirkungItems, eq(mitwirkungItems.id, uploads.itemId)))
    .where(tdb.scope(uploads, ...inboxConditions(filter)));
  return Number(row?.n ?? 0);
}

/**
 * The upload after `currentId` in the inbox order under the filter. The current one is kept in the ordering even
 * when the decision just saved took it out of the filter (e.g. "new" only), so "next" is the one that stood below it.
 */
export async function nextInOrder(tdb: TenantDb, filter: InboxFilter, sort: InboxSort, currentId: string): Promise<string | undefined> {
  const matches = and(...inboxConditions(filter)) ?? sql`true`;
  const rows = await tdb.db
    .select({ id: uploads.id, matches: sql<boolean>`${matches}` })
    .from(uploads)
    .leftJoin(mitwirkungItems, tdb.scope(mitwirkungItems, eq(mitwirkungItems.id, uploads.itemId)))
    .where(tdb.scope(uploads, or(matches, eq(uploads.id, currentId))))
    .orderBy(...inboxOrder(sort))
    .limit(5000);
  const at = rows.findIndex((r) => r.id === currentId);
  const candidates = at < 0 ? rows : [...rows.slice(at + 1), ...rows.slice(0, at)];
  return candidates.find((r) => r.matches && r.id !== currentId)?.id;
}

/** Uploads by id (the bulk actions' selection), only those of this tenant. */
export async function uploadsByIds(tdb: TenantDb, ids: readonly string[]): Promise<Upload[]> {
  if (ids.length === 0) return [];
  return tdb.db.select().from(uploads).where(tdb.scope(uploads, inArray(uploads.id, [...ids]))).orderBy(desc(uploads.receivedAt), desc(uploads.id));
}

/** The files of several uploads in one statement, in upload then file order. */
export async function filesOfUploads(tdb: TenantDb, uploadIds: readonly string[]): Promise<UploadFile[]> {
  if (uploadIds.length === 0) return [];
  return tdb.db
    .select()
    .from(uploadFiles)
    .where(tdb.scope(uploadFiles, inArray(uploadFiles.uploadId, [...uploadIds])))
    .orderBy(asc(uploadFiles.uploadId), asc(uploadFiles.position));
}

export async function assignUploads(tdb: TenantDb, ids: readonly string[], assignedTo: string | null): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await tdb.update(uploads, { assignedTo }, inArray(uploads.id, [...ids]));
  return rows.length;
}

export interface OpenItemRow {
  item: MitwirkungItem;
  aufforderung: Mitwirkungsaufforderung;
}

/** Items still waiting for the citizen (open or rejected), earliest deadline first. */
export async function listOpenItems(tdb: TenantDb, dueOnOrBefore?: string, limit = 200): Promise<OpenItemRow[]> {
  return tdb.db
    .select({ item: mitwirkungItems, aufforderung: mitwirkungsaufforderungen })
    .from(mitwirkungItems)
    .innerJoin(mitwirkungsaufforderungen, tdb.scope(mitwirkungsaufforderungen, eq(mitwirkungsaufforderungen.id, mitwirkungItems.aufforderungId)))
    .where(
      tdb.scope(
        mitwirkungItems,
        or(eq(mitwirkungItems.status, 'open'), eq(mitwirkungItems.status, 'rejected')),
        dueOnOrBefore ? lte(mitwirkungItems.dueDate, dueOnOrBefore) : undefined,
      ),
    )
    .orderBy(asc(mitwirkungItems.dueDate))
    .limit(limit);
}

export async function countInfectedUnreviewed(tdb: TenantDb): Promise<number> {
  const rows = await tdb.db
    .select({ n: sql<number>`count(*)::int` })
    .from(uploads)
    .where(tdb.scope(uploads, eq(uploads.scanStatus, 'infected'), eq(uploads.reviewStatus, 'new')));
  return Number(rows[0]?.n ?? 0);
}

export async function updateReview(
  tdb: TenantDb,
  uploadId: string,
  review: { status: ReviewStatus; reason: string | null; note: string | null; by: string; at: Date; deleteAfter: Date | null },
): Promise<Upload | undefined> {
  const rows = await tdb.update(
    uploads,
    {
      reviewStatus: review.status,
      reviewReason: review.reason,
      reviewNote: review.note,
      reviewedBy: review.by,
      reviewedAt: review.at,
      deleteAfter: review.deleteAfter,
    },
    eq(uploads.id, uploadId),
  );
  return rows[0];
}

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

/** Numbers for the staff start page. */
export async function inboxCounts(tdb: TenantDb, today: string): Promise<{ new: number; infected: number; overdue: number }> {
  const [uploadCounts] = await tdb.db
    .select({
      new: sql<number>`count(*) filter (where ${uploads.reviewStatus} = 'new' and ${uploads.scanStatus} <> 'infected')::int`,
      infected: sql<number>`count(*) filter (where ${uploads.reviewStatus} = 'new' and ${uploads.scanStatus} = 'infected')::int`,
    })
    .from(uploads)
    .where(tdb.scope(uploads));
  const [itemCounts] = await tdb.db
    .select({ overdue: sql<number>`count(*)::int` })
    .from(mitwirkungItems)
    .where(tdb.scope(mitwirkungItems, inArray(mitwirkungItems.status, ['open', 'rejected']), lt(mitwirkungItems.dueDate, today)));
  return { new: Number(uploadCounts?.new ?? 0), infected: Number(uploadCounts?.infected ?? 0), overdue: Number(itemCounts?.overdue ?? 0) };
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

// ---- one case: an online application with its requests and uploads ----

/** The Mitwirkungsaufforderungen created for an application, oldest first. */
export async function aufforderungenOfApplication(tdb: TenantDb, applicationId: string): Promise<Mitwirkungsaufforderung[]> {
  return tdb.db
    .select()
    .from(mitwirkungsaufforderungen)
    .where(tdb.scope(mitwirkungsaufforderungen, eq(mitwirkungsaufforderungen.applicationId, applicationId)))
    .orderBy(asc(mitwirkungsaufforderungen.createdAt));
}

/** Applications a BG-Nummer was used for (through their requests): an upload with that number belongs to them. */
export async function applicationIdsOfBgNummer(tdb: TenantDb, bgNummer: string): Promise<string[]> {
  if (!bgNummer) return [];
  const rows = await tdb.db
    .selectDistinct({ id: mitwirkungsaufforderungen.applicationId })
    .from(mitwirkungsaufforderungen)
    .where(tdb.scope(mitwirkungsaufforderungen, eq(mitwirkungsaufforderungen.bgNummer, bgNummer), isNotNull(mitwirkungsaufforderungen.applicationId)));
  return rows.map((r) => r.id).filter((id): id is string => id !== null);
}

export interface CaseUploadRow {
  upload: Upload;
  fileCount: number;
}

/** Uploads of one case: tied to the application, answering one of its requests, or carrying one of its BG-Nummern. */
export async function uploadsOfCase(tdb: TenantDb, applicationId: string, aufforderungIds: string[], bgNummern: string[]): Promise<CaseUploadRow[]> {
  const rows = await tdb.db
    .select({ upload: uploads, fileCount })
    .from(uploads)
    .where(
      tdb.scope(
        uploads,
        or(
          eq(uploads.applicationId, applicationId),
          aufforderungIds.length ? inArray(uploads.aufforderungId, aufforderungIds) : undefined,
          bgNummern.length ? inArray(uploads.bgNummer, bgNummern) : undefined,
        ),
      ),
    )
    .orderBy(asc(uploads.receivedAt))
    .limit(200);
  return rows.map((r) => ({ upload: r.upload, fileCount: Number(r.fileCount) }));
}
