// The caseworker's upload inbox: filters, search, sort order, pages and saved filters (doc/adr/0230). The
// search words (BG-Nummer, surname, reference) are personal data: they are stored as the staff member's search
// row and the list's address carries only that row's id.
import type { z } from 'zod';
import type { TenantDb } from '#shared/db/tenant-scope.js';
import type { AppDeps } from '#shared/module.js';
import { recordAudit } from '#shared/audit/index.js';
import { deleteNamedFilter, filterById, namedFilters, saveNamedFilter, storeSearch, type FilterOwner, type SaveResult } from '#shared/saved-filters/index.js';
import { berlinDate, fromBerlinIso } from '#shared/time.js';
import { staffWithRole, type StaffPrincipal } from '../staff/index.js';
import * as repo from './inbox.repository.js';
import type { inboxSearchForm} from './unterlagen.schemas.js';
import { inboxQuery, storedInboxFilter } from './unterlagen.schemas.js';

export type InboxQuery = z.output<typeof inboxQuery>;
export type InboxSearch = z.output<typeof storedInboxFilter>;
/** The list's address (filters, stored search id, sort order, page), carried to an upload and back. */
export type InboxFilterInput = InboxQuery;

const owner = (staff: StaffPrincipal): FilterOwner => ({ userId: staff.userId, inbox: 'unterlagen' });

/** Deadline filter as the last local date included: overdue = due before today; week = due within 7 days. */
function dueLimit(due: InboxSearch['due'], today: string): string | undefined {
  const day = fromBerlinIso(today);
  if (due === 'overdue') return day.minus({ days: 1 }).toISODate()!;
  if (due === 'week') return day.plus({ days: 7 }).toISODate()!;
  return undefined;
}

/** The query string of the list's address ('' without any): filters, stored search id, sort, size, page. */
export function filterQuery(query: InboxQuery, change: Partial<Record<keyof InboxQuery, string | number | undefined>> = {}): string {
  const merged: Record<string, unknown> = { ...query, ...change };
  const params = new URLSearchParams();
  for (const key of Object.keys(inboxQuery.shape)) {
    const value = merged[key];
    if ((typeof value === 'string' && value !== '') || typeof value === 'number') params.set(key, String(value));
  }
  if (params.get('page') === '1') params.delete('page');
  return params.size ? `?${params.toString()}` : '';
}

/** The search in force: a stored search or saved filter (`f`), with the address's own filters on top. */
export async function resolveSearch(tdb: TenantDb, staff: StaffPrincipal, query: InboxQuery): Promise<{ search: InboxSearch; stored: boolean }> {
  const row = query.f ? await filterById(tdb, owner(staff), query.f) : undefined;
  const fromRow = row ? storedInboxFilter.parse(row.params) : {};
  const own = Object.fromEntries(Object.entries(query).filter(([k, v]) => v !== undefined && k !== 'f' && k !== 'page'));
  return { search: { ...fromRow, ...own }, stored: Boolean(row) };
}

function criteria(search: InboxSearch, staff: StaffPrincipal, today: string): repo.InboxFilter {
  return {
    status: search.status,
    documentType: search.type,
    dueOnOrBefore: dueLimit(search.due, today),
    receivedFrom: search.from ? fromBerlinIso(search.from).toJSDate() : undefined,
    receivedBefore: search.to ? fromBerlinIso(search.to).plus({ days: 1 }).toJSDate() : undefined,
    assignedTo: search.assigned === 'me' ? staff.userId : search.assigned === 'none' ? null : undefined,
    search: search.q,
  };
}

const sortOf = (search: InboxSearch): repo.InboxSort => ({
  column: search.sort ?? 'received',
  direction: search.dir ?? (search.sort && search.sort !== 'received' && search.sort !== 'due' ? 'asc' : 'desc'),
});

export async function loadInbox(deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, query: InboxQuery) {
  const now = deps.clock.now();
  const today = berlinDate(now);
  return tdb.transaction(async (tx) => {
    const { search, stored } = await resolveSearch(tx, staff, query);
    const size = Number(search.size ?? '25');
    const page = query.page ?? 1;
    const { rows, total } = await repo.listInbox(tx, criteria(search, staff, today), sortOf(search), { limit: size, offset: (page - 1) * size });
    const openItems = await repo.listOpenItems(tx, dueLimit(search.due, today));
    const infected = await repo.countInfectedUnreviewed(tx);
    const saved = await namedFilters(tx, owner(staff));
    const colleagues = await staffWithRole(tx, 'sachbearbeitung');
    // The audit names the filters used, never the search words.
    const used = Object.entries(search).filter(([, v]) => v !== undefined).map(([k]) => k);
    await recordAudit(tx, { actorId: staff.userId, actorRoles: staff.roles, action: 'unterlagen.inbox.view', objectType: 'uploads', objectId: null, purpose: used.length ? `filter=${used.join(',')}` : undefined, at: now });
    return { rows, total, page, size, sort: sortOf(search), search, staleSearch: Boolean(query.f) && !stored, openItems, infected, today, savedFilters: saved, colleagues };
  });
}

export type InboxPage = Awaited<ReturnType<typeof loadInbox>>;

/** Stores the filter form's values as this person's search and returns the id for the address. */
export async function storeInboxSearch(deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, form: z.output<typeof inboxSearchForm>): Promise<string> {
  return storeSearch(tdb, owner(staff), form, deps.clock.now());
}

/** Saves the search in force (including its sort order) under a name. */
export async function saveInboxFilter(deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, name: string, query: InboxQuery): Promise<SaveResult> {
  const { search } = await resolveSearch(tdb, staff, query);
  return saveNamedFilter(tdb, owner(staff), name, search, deps.clock.now());
}

export async function deleteInboxFilter(tdb: TenantDb, staff: StaffPrincipal, id: string): Promise<boolean> {
  return deleteNamedFilter(tdb, owner(staff), id);
}

/** For "save and next": the upload below `id` in the list the caseworker came from (same filter and order). */
export async function nextInFilter(deps: AppDeps, tdb: TenantDb, staff: StaffPrincipal, query: InboxQuery, id: string): Promise<string | undefined> {
  const { search } = await resolveSearch(tdb, staff, query);
  return repo.nextInOrder(tdb, criteria(search, staff, berlinDate(deps.clock.now())), sortOf(search), id);
}
