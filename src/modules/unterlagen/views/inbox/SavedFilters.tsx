import { useTenantBase } from '#shared/html/context.js';
import { SavedFilters as SavedFilterList } from '#shared/html/saved-filters.js';
import type { StaffListFilter } from '#shared/saved-filters/index.js';
import type { InboxQuery } from '../../inbox.service.js';

/** The person's saved filters of the upload inbox (open, delete) and "save this filter" under a name. */
export function SavedFilters({ saved, query }: { saved: StaffListFilter[]; query: InboxQuery }) {
  return <SavedFilterList base={`${useTenantBase()}/staff/unterlagen`} saved={saved} current={query.f} keep={query} />;
}
