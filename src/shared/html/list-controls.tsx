// Sortable column headers and paging of staff lists (both caseworker inboxes). Plain links and a GET form, so
// sorting and paging work by keyboard and without JavaScript; the sorted column carries aria-sort.
import { useT } from './context.js';
import { Button, SelectField } from './components.js';

export type SortDirection = 'asc' | 'desc';

/**
 * A column header that sorts by its column: a link to the list sorted by it (the same column again reverses the
 * order). `hrefFor` builds the address for a column and direction.
 */
export function SortHeader({
  label,
  column,
  current,
  direction,
  defaultDirection = 'asc',
  hrefFor,
  numeric = false,
  cellClass,
  role,
}: {
  label: string;
  column: string;
  current: string;
  direction: SortDirection;
  defaultDirection?: SortDirection;
  hrefFor: (column: string, direction: SortDirection) => string;
  numeric?: boolean;
  /** Extra classes on the `<th>` (a table that places its cells by class on a tablet). */
  cellClass?: string;
  /** Spelled out where the table's rows are not laid out as table rows (doc/adr/0320-desk-row-on-a-tablet.md). */
  role?: 'columnheader';
}) {
  const t = useT();
  const active = column === current;
  const next: SortDirection = active ? (direction === 'asc' ? 'desc' : 'asc') : defaultDirection;
  return (
    <th class={`kern-table__header${numeric ? ' kern-table__header--numeric' : ''}${cellClass ? ` ${cellClass}` : ''}`} scope="col" role={role} aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : undefined}>
      <a class="kern-link ww-sort" href={hrefFor(column, next)}>
        {label}
        <span class="kern-sr-only">, {t(next === 'asc' ? 'common:list.sortAsc' : 'common:list.sortDesc')}</span>
        <span class="ww-sort__mark" aria-hidden="true">
          {active ? (direction === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </a>
    </th>
  );
}

/**
 * Page links and the page size (25/50/100). `hrefFor(page)` is the address of a page; `keep` are the list's other
 * address parameters, sent again by the page-size form.
 */
export function Pager({
  page,
  size,
  total,
  sizes,
  hrefFor,
  action,
  keep,
  label,
}: {
  page: number;
  size: number;
  total: number;
  sizes: readonly string[];
  hrefFor: (page: number) => string;
  action: string;
  keep: Record<string, string | number | undefined>;
  label: string;
}) {
  const t = useT();
  // An empty list has nothing to page through; the list says itself that it is empty.
  if (total === 0) return null;
  const pages = Math.max(1, Math.ceil(total / size));
  const first = total === 0 ? 0 : (page - 1) * size + 1;
  const last = Math.min(total, page * size);
  return (
    <div class="ww-pager">
      <nav aria-label={label} class="ww-pager__nav">
        <p class="kern-body" aria-live="polite">
          {t('common:list.showing', { first, last, total, page: Math.min(page, pages), pages })}
        </p>
        <ul class="ww-pager__links">
          {page > 1 ? (
            <li>
              <a class="kern-link" href={hrefFor(page - 1)} rel="prev">
                {t('common:list.previous')}
              </a>
            </li>
          ) : null}
          {page < pages ? (
            <li>
              <a class="kern-link" href={hrefFor(page + 1)} rel="next">
                {t('common:list.next')}
              </a>
            </li>
          ) : null}
        </ul>
      </nav>
      <form method="get" action={action} class="ww-pager__size">
        {Object.entries(keep).map(([name, value]) => (value !== undefined && value !== '' && name !== 'size' && name !== 'page' ? <input key={name} type="hidden" name={name} value={String(value)} /> : null))}
        <SelectField name="size" label={t('common:list.pageSize')} value={String(size)} options={sizes.map((s) => ({ value: s, label: s }))} />
        <Button variant="secondary">{t('common:list.show')}</Button>
      </form>
    </div>
  );
}
