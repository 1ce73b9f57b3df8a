// Tenant-scoped SQL of the staff side: the inbox (filter, order, pages, "next"), bulk actions, decisions on an
// upload, the open items and the numbers of the start page. Every query goes through TenantDb, so the tenant
// condition cannot be forgotten.
import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { normalizeBgNummer } from './bg-nummer.js';
import {
  mitwirkungItems,
  mitwirkungsaufforderungen,
  uploadFiles,
  uploads,
  type MitwirkungItem,
  type Mitwirkungsaufforderung,
  type ReviewStatus,
  type Upload,
  type UploadFile,
} from './unterlagen.tables.js';

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

/** The documents of an upload (photos kept until their PDF is written are no documents of their own). */
export const fileCount = sql<number>`(select count(*)::int from ${uploadFiles} where ${uploadFiles.tenantId} = ${uploads.tenantId} and ${uploadFiles.uploadId} = ${uploads.id} and ${uploadFiles.partOf} is null)`;

/** One page of the inbox in the chosen order, and the number of all matching uploads (one statement). */
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
