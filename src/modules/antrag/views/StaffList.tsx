import type { SubmissionStatus, SubmissionSort } from '../../forms/index.js';
import { submissionStatuses } from '../../forms/index.js';
import { Alert, Button, CsrfField, DateField, SelectField, TextField, TableScroll } from '#shared/html/components.js';
import { useT, useTenantBase, useView } from '#shared/html/context.js';
import { Pager, SortHeader, type SortDirection } from '#shared/html/list-controls.js';
import { SavedFilters } from '#shared/html/saved-filters.js';
import { StaffLayout } from '../../staff/index.js';
import { berlinDateTime } from '#shared/time.js';
import { listQueryString, pageSizes, type ListQuery } from '../list.service.js';

export interface StaffListRow {
  id: string;
  reference: string;
  flowId: string;
  status: SubmissionStatus;
  submittedAt: Date;
  facets: Record<string, string | number | boolean>;
  /** the applicant's name, decrypted for the rows of this page only */
  name?: string | undefined;
}

export interface StaffListProps {
  rows: StaffListRow[];
  total: number;
  page: number;
  size: number;
  sort: SubmissionSort;
  /** The filter in force (a stored search or saved filter with the address's parameters on top). */
  search: Omit<ListQuery, 'f' | 'page'> & { person?: string | undefined };
  saved: { id: string; name: string | null }[];
  query: ListQuery;
  notice?: string | undefined;
}

/**
 * Submitted applications: search and filters, sortable columns, pages, saved filters. The form is sent by POST: a
 * name is stored as this person's search and never appears in the address (doc/adr/0230, doc/adr/0300). The name
 * column cannot be sorted (the names are encrypted).
 */
export function StaffList({ rows, total, page, size, sort, search, saved, query, notice }: StaffListProps) {
  const t = useT();
  const { csrfToken } = useView();
  const { person: _person, ...keep } = search;
  const base = `${useTenantBase()}/staff/antraege`;
  const filtered = Boolean(search.status || search.flow || search.from || search.to || search.reference || search.person);
  const sortHref = (column: string, dir: SortDirection) => `${base}${listQueryString(query, { sort: column, dir, page: undefined })}`;
  const header = (column: SubmissionSort['column'], label: string) => (
    <SortHeader label={label} column={column} current={sort.column} direction={sort.direction} defaultDirection={column === 'submitted' ? 'desc' : 'asc'} hrefFor={sortHref} />
  );
  return (
    <StaffLayout title={t('antrag:staff.listTitle')} wide>
      <link rel="stylesheet" href="/assets/inbox.css" />
      <h1 class="kern-heading-large">{t('antrag:staff.listTitle')}</h1>
      {notice ? <Alert type={notice === 'limit' || notice === 'nameMissing' ? 'warning' : 'success'} title={notice === 'noneLeft' ? t('antrag:staff.noneLeft') : t(`common:savedFilters.notice.${notice}`)} /> : null}
      <form method="post" action={`${base}/suche`} class="ww-filter ww-inbox-search" role="search" aria-label={t('antrag:staff.searchLabel')} novalidate>
        <CsrfField token={csrfToken} />
        <TextField name="person" label={t('antrag:staff.name')} hint={t('antrag:staff.nameHint')} value={search.person} optional spellcheck={false} />
        <TextField name="reference" label={t('antrag:staff.reference')} value={search.reference} optional spellcheck={false} />
        <SelectField
          name="status"
          label={t('antrag:staff.status')}
          value={search.status ?? ''}
          options={[{ value: '', label: t('antrag:staff.all') }, ...submissionStatuses.map((s) => ({ value: s, label: t(`forms:status.values.${s}`) }))]}
        />
        <SelectField
          name="flow"
          label={t('antrag:staff.flow')}
          value={search.flow ?? ''}
          options={[{ value: '', label: t('antrag:staff.all') }, { value: 'erstantrag', label: t('antrag:title') }, { value: 'bankverbindung', label: t('antrag:bank.title') }]}
        />
        <DateField name="from" label={t('antrag:staff.from')} value={search.from} optional />
        <DateField name="to" label={t('antrag:staff.to')} value={search.to} optional />
        {search.sort ? <input type="hidden" name="sort" value={search.sort} /> : null}
        {search.dir ? <input type="hidden" name="dir" value={search.dir} /> : null}
        {search.size ? <input type="hidden" name="size" value={search.size} /> : null}
        <div class="ww-actions">
          <Button variant="secondary">{t('antrag:staff.filter')}</Button>
          <a class="kern-link" href={base}>
            {t('antrag:staff.resetFilter')}
          </a>
        </div>
      </form>
      <SavedFilters base={base} saved={saved} current={query.f} keep={{ ...keep, f: query.f }} />
      <p class="kern-body" role="status">
        {t('antrag:staff.count', { count: total })}
        {total === 0 ? ` ${t(filtered ? 'antrag:staff.noneFiltered' : 'antrag:staff.noneYet')}` : null}
      </p>
      {rows.length > 0 ? (
        <TableScroll label={t('antrag:staff.listTitle')}>
          <table class="kern-table kern-table--small">
            <caption class="ww-visually-hidden">{t('antrag:staff.listTitle')}</caption>
            <thead class="kern-table__head">
              <tr class="kern-table__row">
                {header('reference', t('antrag:staff.reference'))}
                <th class="kern-table__header" scope="col">
                  {t('antrag:staff.name')}
                </th>
                {header('flow', t('antrag:staff.flow'))}
                {header('submitted', t('antrag:staff.submitted'))}
                {header('status', t('antrag:staff.status'))}
                <th class="kern-table__header kern-table__header--numeric" scope="col">
                  {t('antrag:staff.household')}
                </th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {rows.map((row) => (
                <tr class="kern-table__row" key={row.id}>
                  <td class="kern-table__cell">
                    <a class="kern-link" href={`${base}/${row.id}${listQueryString(query)}`}>
                      {row.reference}
                    </a>
                  </td>
                  <td class="kern-table__cell">{row.name ?? '–'}</td>
                  <td class="kern-table__cell">{row.flowId === 'erstantrag' ? t('antrag:title') : t('antrag:bank.title')}</td>
                  <td class="kern-table__cell">{berlinDateTime(row.submittedAt).toFormat('dd.MM.yyyy HH:mm')}</td>
                  <td class="kern-table__cell">{t(`forms:status.values.${row.status}`)}</td>
                  <td class="kern-table__cell kern-table__cell--numeric">{typeof row.facets.householdSize === 'number' ? row.facets.householdSize : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      <Pager page={page} size={size} total={total} sizes={pageSizes} hrefFor={(p) => `${base}${listQueryString(query, { page: p })}`} action={base} keep={query} label={t('antrag:staff.pagesLabel')} />
    </StaffLayout>
  );
}
