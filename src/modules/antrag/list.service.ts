// The application inbox's list: filters in the address (reference, service, status, dates: no personal data), sort
// order, pages, saved filters per caseworker (doc/adr/0230) and "save and next" in that order. A name is searched
// through the blind index of the forms module and reaches the list only as a stored search row's id; the list shows
// the applicant's name, decrypted for the rows of the page only (doc/adr/0300).
import { z } from 'zod';
import { uuidString } from '#shared/ids.js';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { textInput } from '#shared/http/text.js';
import { recordAudit } from '#shared/audit/index.js';
import type { AppDeps } from '#shared/module.js';
import { deleteNamedFilter, filterById, namedFilters, saveNamedFilter, storeSearch, type FilterOwner, type SaveResult } from '#shared/saved-filters/index.js';
import { optionalLocalDateInput } from '#shared/http/validation.js';
import { fromBerlinIso } from '#shared/time.js';
import { applicantNames, nameSearchHashes, nextSubmission, pageSubmissions, submissionStatuses, type SubmissionFilter, type SubmissionSort } from '../forms/index.js';
import type { StaffPrincipal } from '../staff/index.js';
import { antragFlows } from './flows/index.js';

const isoDay = optionalLocalDateInput('common:validation.format');
export const applicationSortColumns = ['submitted', 'reference', 'flow', 'status'] as const;
export const pageSizes = ['25', '50', '100'] as const;

const filterShape = {
  status: z.enum(submissionStatuses).optional().catch(undefined),
  flow: z.enum(['erstantrag', 'bankverbindung']).optional().catch(undefined),
  from: isoDay.optional().catch(undefined),
  to: isoDay.optional().catch(undefined),
  reference: textInput({ max: 40 }).toUpperCase().optional().catch(undefined),
  sort: z.enum(applicationSortColumns).optional().catch(undefined),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
  size: z.enum(pageSizes).optional().catch(undefined),
};
/** A search or saved filter as stored: the address's filters and the name searched for, which never is in an address. */
const storedFilter = z.object({ ...filterShape, person: textInput({ max: 100 }).optional().catch(undefined) });
/** The search form (POST): everything it sends is stored as this person's search row. */
export const searchForm = storedFilter;
/** The list's address. */
export const listQuery = z.object({ ...filterShape, f: uuidString.optional().catch(undefined), page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined) });
export type ListQuery = z.output<typeof listQuery>;

const owner = (staff: StaffPrincipal): FilterOwner => ({ userId: staff.userId, inbox: 'antraege' });

/** The query string of the list's address ('' without any). */
export function listQueryString(query: ListQuery, change: Partial<Record<keyof ListQuery, string | number | undefined>> = {}): string {
  const merged: Record<string, unknown> = { ...query, ...change };
  const params = new URLSearchParams();
  for (const key of Object.keys(listQuery.shape)) {
    const value = merged[key];
    if ((typeof value === 'string' && value !== '') || typeof value === 'number') params.set(key, String(value));
  }
  if (params.get('page') === '1') params.delete('page');
  return params.size ? `?${params.toString()}` : '';
}

/** A saved filter (`f`) with the address's own parameters on top. */
async function resolve(tdb: TenantDb, staff: StaffPrincipal, query: ListQuery) {
  const row = query.f ? await filterById(tdb, owner(staff), query.f) : undefined;
  const own = Object.fromEntries(Object.entries(query).filter(([k, v]) => v !== undefined && k !== 'f' && k !== 'page'));
  return { ...(row ? storedFilter.parse(row.params) : {}), ...own } as Search;
}

type Search = z.output<typeof storedFilter>;
const dayStart = (day: string | undefined, plusDays = 0) => (day ? fromBerlinIso(day).plus({ days: plusDays }).toJSDate() : undefined);
// A name without a word of two letters finds nothing: '' is never a hash, so the index cannot contain it.
const nameHashes = (deps: AppDeps, tdb: TenantDb, name: string | undefined) => {
  if (!name) return undefined;
  const hashes = nameSearchHashes(deps.config.secretKey, tdb.tenantId, name);
  return hashes.length ? hashes : [''];
};
const filterOf = (deps: AppDeps, tdb: TenantDb, s: Search): SubmissionFilter => ({
  status: s.status,
  flowId: s.flow,
  reference: s.reference,
  from: dayStart(s.from),
  to: dayStart(s.to, 1),
  nameHashes: nameHashes(deps, tdb, s.person),
});
const sortOf = (s: Search): SubmissionSort => ({ column: s.sort ?? 'submitted', direction: s.dir ?? (s.sort && s.sort !== 'submitted' ? 'asc' : 'desc') });

/**
 * One page of the list with the applicant's name per row (decrypted for these rows only). Each view is audited: the
 * audit row names the filters used, never their values.
 */
export async function listApplicationsPage(deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, query: ListQuery) {
  return tdb.transaction(async (tx) => {
    const search = await resolve(tx, staff, query);
    const size = Number(search.size ?? '25');
    const page = query.page ?? 1;
    const { rows, total } = await pageSubmissions(tx, filterOf(deps, tx, search), sortOf(search), { limit: size, offset: (page - 1) * size });
    const names = await applicantNames(deps.config.secretKey, tx, antragFlows, rows.map((r) => r.id));
    const saved = await namedFilters(tx, owner(staff));
    const used = Object.entries(search).filter(([, v]) => v !== undefined).map(([k]) => k);
    const at = deps.clock.now();
    await recordAudit(tx, { actorId: staff.userId, actorRoles: staff.roles, action: 'antrag.inbox.view', objectType: 'applications', objectId: null, purpose: used.length ? `filter=${used.join(',')}` : undefined, at });
    return { rows: rows.map((r) => ({ ...r, name: names.get(r.id) })), total, page, size, sort: sortOf(search), search, saved };
  });
}

export async function nextApplication(deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, query: ListQuery, id: string): Promise<string | undefined> {
  const search = await resolve(tdb, staff, query);
  return nextSubmission(tdb, filterOf(deps, tdb, search), sortOf(search), id);
}

/** Stores the search form's values as this person's search and returns the id for the address. */
export async function storeApplicationSearch(deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, form: Search): Promise<string> {
  return storeSearch(tdb, owner(staff), form, deps.clock.now());
}

export async function saveApplicationFilter(deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, name: string, query: ListQuery): Promise<SaveResult> {
  return saveNamedFilter(tdb, owner(staff), name, await resolve(tdb, staff, query), deps.clock.now());
}

export const deleteApplicationFilter = (tdb: TenantDb, staff: StaffPrincipal, id: string) => deleteNamedFilter(tdb, owner(staff), id);
