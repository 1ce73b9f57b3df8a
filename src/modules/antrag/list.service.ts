// The application inbox's list: filters in the address (reference, service, status, dates: no personal data), sort
// order, pages, saved filters per caseworker (doc/adr/0230) and "save and next" in that order.
import { z } from 'zod';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { textInput } from '#shared/http/text.js';
import type { AppDeps } from '#shared/module.js';
import { deleteNamedFilter, filterById, namedFilters, saveNamedFilter, type FilterOwner, type SaveResult } from '#shared/saved-filters/index.js';
import { optionalLocalDateInput } from '#shared/http/validation.js';
import { fromBerlinIso } from '#shared/time.js';
import { nextSubmission, pageSubmissions, submissionStatuses, type SubmissionFilter, type SubmissionSort } from '../forms/index.js';
import type { StaffPrincipal } from '../staff/index.js';

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
/** A saved filter as stored. */
const storedFilter = z.object(filterShape);
/** The list's address. */
export const listQuery = z.object({ ...filterShape, f: z.uuid().optional().catch(undefined), page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined) });
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
  return { ...(row ? storedFilter.parse(row.params) : {}), ...own } as z.output<typeof storedFilter>;
}

const dayStart = (day: string | undefined, plusDays = 0) => (day ? fromBerlinIso(day).plus({ days: plusDays }).toJSDate() : undefined);
const filterOf = (s: z.output<typeof storedFilter>): SubmissionFilter => ({ status: s.status, flowId: s.flow, reference: s.reference, from: dayStart(s.from), to: dayStart(s.to, 1) });
const sortOf = (s: z.output<typeof storedFilter>): SubmissionSort => ({ column: s.sort ?? 'submitted', direction: s.dir ?? (s.sort && s.sort !== 'submitted' ? 'asc' : 'desc') });

/** The list shows reference, service, status and household facts only: no personal data, no audit row. */
export async function listApplicationsPage(tdb: TenantDb, staff: StaffPrincipal, query: ListQuery) {
  const search = await resolve(tdb, staff, query);
  const size = Number(search.size ?? '25');
  const page = query.page ?? 1;
  const { rows, total } = await pageSubmissions(tdb, filterOf(search), sortOf(search), { limit: size, offset: (page - 1) * size });
  const saved = await namedFilters(tdb, owner(staff));
  return { rows, total, page, size, sort: sortOf(search), search, saved };
}

export async function nextApplication(tdb: TenantDb, staff: StaffPrincipal, query: ListQuery, id: string): Promise<string | undefined> {
  const search = await resolve(tdb, staff, query);
  return nextSubmission(tdb, filterOf(search), sortOf(search), id);
}

export async function saveApplicationFilter(deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, name: string, query: ListQuery): Promise<SaveResult> {
  return saveNamedFilter(tdb, owner(staff), name, await resolve(tdb, staff, query), deps.clock.now());
}

export const deleteApplicationFilter = (tdb: TenantDb, staff: StaffPrincipal, id: string) => deleteNamedFilter(tdb, owner(staff), id);
