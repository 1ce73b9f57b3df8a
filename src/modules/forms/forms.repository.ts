// All SQL of the form-flow engine: drafts, submissions and their timeline. Tenant data goes
// through TenantDb; the two cross-tenant jobs (reminders, purge) get the plain database.
import { and, arrayContains, asc, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '#shared/db/client.js';
import { preparedForTenant, preparedScope, type TenantDb } from '#shared/db/tenant-scope.js';
import { tenants } from '#shared/tenancy/tenants.tables.js';
import {
  formDrafts,
  formSubmissionEvents,
  formSubmissions,
  type FormDraft,
  type FormSubmission,
  type FormSubmissionEvent,
  type SubmissionStatus,
} from './forms.tables.js';
import type { Sealed } from './crypto.js';

type NewDraft = Omit<typeof formDrafts.$inferInsert, 'tenantId'>;
type NewSubmission = Omit<typeof formSubmissions.$inferInsert, 'tenantId'>;
type NewEvent = Omit<typeof formSubmissionEvents.$inferInsert, 'tenantId'>;

export const insertDraft = (tdb: TenantDb, values: NewDraft) => tdb.insert(formDrafts, values);

// The two statements of every page save (read the draft, write it back) are prepared once (ADR 0285).
const draftByTokenStatement = preparedForTenant<{ flowId: string; tokenHash: string }, FormDraft[]>('forms_draft_by_token', (db) =>
  db
    .select()
    .from(formDrafts)
    .where(preparedScope(formDrafts, eq(formDrafts.flowId, sql.placeholder('flowId')), eq(formDrafts.tokenHash, sql.placeholder('tokenHash'))))
    .limit(1),
);

export const draftByToken = async (tdb: TenantDb, flowId: string, tokenHash: string): Promise<FormDraft | undefined> =>
  (await draftByTokenStatement(tdb, { flowId, tokenHash }))[0];

export const draftByResumeToken = (tdb: TenantDb, flowId: string, resumeTokenHash: string) =>
  tdb.first(formDrafts, eq(formDrafts.flowId, flowId), eq(formDrafts.resumeTokenHash, resumeTokenHash));

export const draftById = (tdb: TenantDb, id: string) => tdb.first(formDrafts, eq(formDrafts.id, id));

/** What a save writes: the sealed state and the new times; the reminder is due again. */
export interface DraftSave {
  data: Sealed;
  updatedAt: Date;
  expiresAt: Date;
}

/** A placeholder where drizzle's `set` expects a column value; it is filled (and encoded by the column) on execute. */
const param = (name: string) => sql.placeholder(name) as unknown as SQL;

const saveDraftStatement = preparedForTenant<DraftSave & { id: string; version: number; newVersion: number }, { version: number }[]>('forms_save_draft', (db) =>
  db
    .update(formDrafts)
    .set({ data: param('data'), version: param('newVersion'), updatedAt: param('updatedAt'), expiresAt: param('expiresAt'), reminderSentAt: null })
    .where(preparedScope(formDrafts, eq(formDrafts.id, sql.placeholder('id')), eq(formDrafts.version, sql.placeholder('version')), isNull(formDrafts.submittedAt)))
    .returning({ version: formDrafts.version }),
);

/**
 * A page save: writes only if nobody else saved in between and the draft is not submitted; returns whether it
 * wrote. Returns only the version: the caller has everything else (sending the ciphertext back costs time).
 */
export async function saveDraft(tdb: TenantDb, id: string, version: number, save: DraftSave): Promise<boolean> {
  return (await saveDraftStatement(tdb, { ...save, id, version, newVersion: version + 1 })).length > 0;
}

/** Any other change of a draft under the same version check as `saveDraft`; returns whether it wrote. */
export async function updateDraftIfVersion(tdb: TenantDb, id: string, version: number, set: Partial<NewDraft>): Promise<boolean> {
  const rows = await tdb.db
    .update(formDrafts)
    .set({ ...set, version: version + 1 })
    .where(tdb.scope(formDrafts, eq(formDrafts.id, id), eq(formDrafts.version, version), isNull(formDrafts.submittedAt)))
    .returning({ version: formDrafts.version });
  return rows.length > 0;
}

export const updateDraft = (tdb: TenantDb, id: string, set: Partial<NewDraft>) => tdb.update(formDrafts, set, eq(formDrafts.id, id));

/** Claims the draft for submission; only the first of concurrent submits gets the row. */
export async function claimDraftForSubmission(tdb: TenantDb, id: string, now: Date): Promise<FormDraft | undefined> {
  const rows = await tdb.update(formDrafts, { submittedAt: now }, eq(formDrafts.id, id), isNull(formDrafts.submittedAt));
  return rows[0];
}

/** Drafts whose reminder is due: a resume address, not submitted, expiring within `until`. */
export async function dueReminders(db: Executor, now: Date, until: Date, limit = 50) {
  return db
    .select({ draft: formDrafts, slug: tenants.slug, tenantName: tenants.name })
    .from(formDrafts)
    .innerJoin(tenants, eq(tenants.id, formDrafts.tenantId))
    .where(
      and(
        eq(formDrafts.hasResumeEmail, true),
        isNull(formDrafts.submittedAt),
        isNull(formDrafts.reminderSentAt),
        lte(formDrafts.expiresAt, until),
        gte(formDrafts.expiresAt, now),
      ),
    )
    .orderBy(asc(formDrafts.expiresAt))
    .limit(limit);
}

/** Deletes expired drafts (abandoned ones and tombstones of submitted ones) across tenants. */
export async function deleteExpiredDrafts(db: Executor, now: Date): Promise<number> {
  const rows = await db.delete(formDrafts).where(lt(formDrafts.expiresAt, now)).returning({ id: formDrafts.id });
  return rows.length;
}

export interface SubmissionFilter {
  flowId?: string | undefined;
  status?: SubmissionStatus | undefined;
  reference?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** blind-index hashes of searched name words; a submission matches when its index holds all of them */
  nameHashes?: string[] | undefined;
  limit?: number;
}

export const insertSubmission = (tdb: TenantDb, values: NewSubmission) => tdb.insert(formSubmissions, values);

export const submissionById = (tdb: TenantDb, id: string) => tdb.first(formSubmissions, eq(formSubmissions.id, id));

export const submissionByDraft = (tdb: TenantDb, draftId: string) => tdb.first(formSubmissions, eq(formSubmissions.draftId, draftId));

export const submissionByReference = (tdb: TenantDb, reference: string) => tdb.first(formSubmissions, eq(formSubmissions.reference, reference));

export const submissionByStatusToken = (tdb: TenantDb, statusTokenHash: string) => tdb.first(formSubmissions, eq(formSubmissions.statusTokenHash, statusTokenHash));

export async function listSubmissions(tdb: TenantDb, filter: SubmissionFilter): Promise<Omit<FormSubmission, 'data' | 'pdf' | 'nameIndex'>[]> {
  return tdb.db
    .select({
      tenantId: formSubmissions.tenantId,
      id: formSubmissions.id,
      flowId: formSubmissions.flowId,
      draftId: formSubmissions.draftId,
      reference: formSubmissions.reference,
      statusTokenHash: formSubmissions.statusTokenHash,
      facets: formSubmissions.facets,
      lang: formSubmissions.lang,
      status: formSubmissions.status,
      submittedAt: formSubmissions.submittedAt,
      statusChangedAt: formSubmissions.statusChangedAt,
    })
    .from(formSubmissions)
    .where(tdb.scope(formSubmissions, ...submissionConditions(filter)))
    .orderBy(desc(formSubmissions.submittedAt))
    .limit(filter.limit ?? 200);
}

export interface SubmissionSort {
  column: 'submitted' | 'reference' | 'flow' | 'status';
  direction: 'asc' | 'desc';
}

function submissionConditions(filter: SubmissionFilter): (SQL | undefined)[] {
  return [
    filter.flowId ? eq(formSubmissions.flowId, filter.flowId) : undefined,
    filter.status ? eq(formSubmissions.status, filter.status) : undefined,
    filter.reference ? eq(formSubmissions.reference, filter.reference) : undefined,
    filter.from ? gte(formSubmissions.submittedAt, filter.from) : undefined,
    filter.to ? lt(formSubmissions.submittedAt, filter.to) : undefined,
    filter.nameHashes?.length ? arrayContains(formSubmissions.nameIndex, filter.nameHashes) : undefined,
  ];
}

function submissionOrder(sort: SubmissionSort): SQL[] {
  const column = { submitted: formSubmissions.submittedAt, reference: formSubmissions.reference, flow: formSubmissions.flowId, status: formSubmissions.status }[sort.column];
  // The id breaks ties, so pages and "next" see one fixed order.
  return sort.direction === 'asc' ? [asc(column), asc(formSubmissions.id)] : [desc(column), desc(formSubmissions.id)];
}

/** One page of submissions (without answers) in the chosen order, with the number of all matching (one statement). */
export async function pageSubmissions(tdb: TenantDb, filter: SubmissionFilter, sort: SubmissionSort, page: { limit: number; offset: number }) {
  const rows = await tdb.db
    .select({
      id: formSubmissions.id,
      flowId: formSubmissions.flowId,
      reference: formSubmissions.reference,
      facets: formSubmissions.facets,
      status: formSubmissions.status,
      submittedAt: formSubmissions.submittedAt,
      total: sql<number>`count(*) over ()`,
    })
    .from(formSubmissions)
    .where(tdb.scope(formSubmissions, ...submissionConditions(filter)))
    .orderBy(...submissionOrder(sort))
    .limit(page.limit)
    .offset(page.offset);
  let total = rows[0] ? Number(rows[0].total) : 0;
  if (!rows[0] && page.offset > 0) {
    const [count] = await tdb.db.select({ n: sql<number>`count(*)::int` }).from(formSubmissions).where(tdb.scope(formSubmissions, ...submissionConditions(filter)));
    total = Number(count?.n ?? 0);
  }
  return { rows: rows.map(({ total: _total, ...row }) => row), total };
}

/** The submission after `currentId` in the list's order under the filter (the current one kept in the order). */
export async function nextSubmission(tdb: TenantDb, filter: SubmissionFilter, sort: SubmissionSort, currentId: string): Promise<string | undefined> {
  const matches = and(...submissionConditions(filter)) ?? sql`true`;
  const rows = await tdb.db
    .select({ id: formSubmissions.id, matches: sql<boolean>`${matches}` })
    .from(formSubmissions)
    .where(tdb.scope(formSubmissions, or(matches, eq(formSubmissions.id, currentId))))
    .orderBy(...submissionOrder(sort))
    .limit(5000);
  const at = rows.findIndex((r) => r.id === currentId);
  const candidates = at < 0 ? rows : [...rows.slice(at + 1), ...rows.slice(0, at)];
  return candidates.find((r) => r.matches && r.id !== currentId)?.id;
}

/** The sealed answers of the given submissions (one page of a list), for the names shown per row. */
export async function sealedAnswersOf(tdb: TenantDb, ids: string[]) {
  if (ids.length === 0) return [];
  return tdb.db
    .select({ id: formSubmissions.id, flowId: formSubmissions.flowId, data: formSubmissions.data })
    .from(formSubmissions)
    .where(tdb.scope(formSubmissions, inArray(formSubmissions.id, ids)));
}

/** Submissions without a name index yet, across tenants, in id order after `afterId` (the backfill's cursor). */
export async function unindexedSubmissions(db: Executor, afterId: string | undefined, limit: number) {
  return db
    .select({ tenantId: formSubmissions.tenantId, id: formSubmissions.id, flowId: formSubmissions.flowId, data: formSubmissions.data, submittedAt: formSubmissions.submittedAt })
    .from(formSubmissions)
    .where(and(isNull(formSubmissions.nameIndex), afterId ? gt(formSubmissions.id, afterId) : undefined))
    .orderBy(asc(formSubmissions.id))
    .limit(limit);
}

/** Writes a submission's name index if it has none yet (a concurrent run or a newer write wins). */
export async function setNameIndexIfMissing(tdb: TenantDb, id: string, nameIndex: string[]): Promise<boolean> {
  const rows = await tdb.update(formSubmissions, { nameIndex }, eq(formSubmissions.id, id), isNull(formSubmissions.nameIndex));
  return rows.length > 0;
}

export async function setSubmissionStatus(tdb: TenantDb, id: string, status: SubmissionStatus, now: Date) {
  const rows = await tdb.update(formSubmissions, { status, statusChangedAt: now }, eq(formSubmissions.id, id));
  return rows[0];
}

export const insertEvent = (tdb: TenantDb, values: NewEvent) => tdb.insert(formSubmissionEvents, values);

export async function events(tdb: TenantDb, submissionId: string, onlyStatus = false): Promise<FormSubmissionEvent[]> {
  return tdb.db
    .select()
    .from(formSubmissionEvents)
    .where(
      tdb.scope(
        formSubmissionEvents,
        eq(formSubmissionEvents.submissionId, submissionId),
        onlyStatus ? isNotNull(formSubmissionEvents.status) : undefined,
      ),
    )
    .orderBy(asc(formSubmissionEvents.at));
}
