import { Button, CsrfField, DateField, SelectField, TextField } from '#shared/html/components.js';
import { useT, useTenantBase, useView } from '#shared/html/context.js';
import type { InboxSearch } from '../../inbox.service.js';
import { documentTypes } from '../../unterlagen.schemas.js';
import { reviewStatuses } from '../../unterlagen.tables.js';

/**
 * Search and filters of the upload inbox. Sent by POST: the search words (a BG-Nummer, a surname) are stored as
 * this person's search and never appear in the address (doc/adr/0230-inbox-search-without-personal-data-in-urls.md).
 */
export function InboxFilters({ search }: { search: InboxSearch }) {
  const t = useT();
  const { csrfToken } = useView();
  const base = `${useTenantBase()}/staff/unterlagen`;
  const all = { value: '', label: t('unterlagen:staff.all') };
  return (
    <form method="post" action={`${base}/suche`} class="ww-filter ww-inbox-search" role="search" aria-label={t('unterlagen:staff.searchLabel')} novalidate>
      <CsrfField token={csrfToken} />
      <TextField name="q" label={t('unterlagen:staff.search')} hint={t('unterlagen:staff.searchHint')} value={search.q} optional spellcheck={false} />
      <SelectField name="status" label={t('unterlagen:staff.filterStatus')} value={search.status} options={[all, ...reviewStatuses.map((s) => ({ value: s, label: t(`unterlagen:review.${s}`) }))]} />
      <SelectField name="type" label={t('unterlagen:staff.filterType')} value={search.type} options={[all, ...documentTypes.map((d) => ({ value: d, label: t(`unterlagen:documentTypes.${d}`) }))]} />
      <SelectField
        name="due"
        label={t('unterlagen:staff.filterDue')}
        value={search.due}
        options={[all, { value: 'overdue', label: t('unterlagen:staff.dueOverdue') }, { value: 'week', label: t('unterlagen:staff.dueWeek') }]}
      />
      <DateField name="from" label={t('unterlagen:staff.receivedFrom')} value={search.from} optional />
      <DateField name="to" label={t('unterlagen:staff.receivedTo')} value={search.to} optional />
      <SelectField
        name="assigned"
        label={t('unterlagen:staff.filterAssigned')}
        value={search.assigned}
        options={[all, { value: 'me', label: t('unterlagen:staff.assignedMe') }, { value: 'none', label: t('unterlagen:staff.assignedNone') }]}
      />
      <div class="ww-actions">
        <Button variant="secondary">{t('unterlagen:staff.applyFilter')}</Button>
        <a class="kern-link" href={base}>
          {t('unterlagen:staff.resetFilter')}
        </a>
      </div>
    </form>
  );
}
