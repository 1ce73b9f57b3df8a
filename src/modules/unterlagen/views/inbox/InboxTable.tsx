import type { ComponentChildren } from 'preact';
import { formatDateTime, formatDayShort } from '#shared/time.js';
import { Button, CsrfField, SelectField, TableScroll } from '#shared/html/components.js';
import { useT, useTenantBase, useView } from '#shared/html/context.js';
import { Pager, SortHeader, type SortDirection } from '#shared/html/list-controls.js';
import { filterQuery, type InboxPage, type InboxQuery } from '../../inbox.service.js';
import { pageSizes, type InboxSortColumn } from '../../unterlagen.schemas.js';
import { ConversionBadge, ReviewBadge, ScanBadge } from '../parts.js';

type Props = InboxPage & { query: InboxQuery };

/**
 * A cell that goes to a row's second line on a tablet, where its column header is far away: there it shows its own
 * label. Screen readers skip the label, they announce the column header (doc/adr/0370-upload-inbox-row-on-a-tablet.md).
 */
function SecondLine({ column, label, children }: { column: string; label: string; children: ComponentChildren }) {
  return (
    <td class={`kern-table__cell ww-col-${column}`} role="cell">
      <span class="ww-inbox-table__label" aria-hidden="true">
        {label}
      </span>
      {children}
    </td>
  );
}

/**
 * One page of incoming documents: sortable columns, page links and the bulk actions. The table sits in one form
 * (POST …/sammel): tick rows (or "all on this page"), then mark as reviewed, assign or export; works without JS.
 */
export function InboxTable({ rows, total, page, size, sort, query, colleagues }: Props) {
  const t = useT();
  const { lang, csrfToken } = useView();
  const base = `${useTenantBase()}/staff/unterlagen`;
  const names = new Map(colleagues.map((c) => [c.id, c.displayName]));
  const sortHref = (column: string, dir: SortDirection) => `${base}${filterQuery(query, { sort: column, dir, page: undefined })}`;
  const header = (column: InboxSortColumn, label: string, cellClass: string) => (
    <SortHeader
      label={label}
      column={column}
      current={sort.column}
      direction={sort.direction}
      defaultDirection={column === 'received' || column === 'due' ? 'desc' : 'asc'}
      hrefFor={sortHref}
      cellClass={cellClass}
      role="columnheader"
    />
  );
  const labels = {
    received: t('unterlagen:receipt.receivedAt'),
    reference: t('unterlagen:receipt.reference'),
    bgNummer: t('unterlagen:receipt.bgNummer'),
    name: t('unterlagen:form.lastName'),
    type: t('unterlagen:receipt.documentType'),
    due: t('unterlagen:request.due'),
    check: t('unterlagen:staff.check'),
    status: t('unterlagen:staff.status'),
    assigned: t('unterlagen:staff.assignedTo'),
  };
  const heading = t('unterlagen:staff.incomingHeading', { count: total });
  return (
    <section aria-labelledby="incoming">
      <h2 class="kern-heading-medium" id="incoming">
        {heading}
      </h2>
      {rows.length === 0 ? (
        <p class="kern-body">{t('unterlagen:staff.noUploads')}</p>
      ) : (
        <form method="post" action={`${base}/sammel`} class="ww-bulk" data-bulk>
          <CsrfField token={csrfToken} />
          {Object.entries(query).map(([name, value]) => (value !== undefined ? <input key={name} type="hidden" name={name} value={String(value)} /> : null))}
          <div class="kern-form-check ww-bulk__all">
            <input class="kern-form-check__checkbox" type="checkbox" id="bulk-all" name="allOnPage" value="1" data-bulk-all />
            <label class="kern-label" for="bulk-all">
              {t('unterlagen:staff.bulk.allOnPage', { count: rows.length })}
            </label>
          </div>
          {rows.map(({ upload }) => (
            <input key={upload.id} type="hidden" name="pageIds" value={upload.id} />
          ))}
          <TableScroll label={heading}>
            <table class="kern-table kern-table--small ww-inbox-table" role="table">
              <caption class="kern-sr-only">{heading}</caption>
              <thead class="kern-table__head" role="rowgroup">
                <tr class="kern-table__row" role="row">
                  <th class="kern-table__header ww-col-pick" scope="col" role="columnheader">
                    <span class="kern-sr-only">{t('unterlagen:staff.bulk.select')}</span>
                  </th>
                  {header('received', labels.received, 'ww-col-received')}
                  {header('reference', labels.reference, 'ww-col-reference')}
                  {header('bgNummer', labels.bgNummer, 'ww-col-bg')}
                  {header('name', labels.name, 'ww-col-name')}
                  {header('type', labels.type, 'ww-col-type')}
                  {header('due', labels.due, 'ww-col-due')}
                  <th class="kern-table__header ww-col-check" scope="col" role="columnheader">
                    {labels.check}
                  </th>
                  {header('status', labels.status, 'ww-col-status')}
                  <th class="kern-table__header ww-col-assigned" scope="col" role="columnheader">
                    {labels.assigned}
                  </th>
                </tr>
              </thead>
              <tbody class="kern-table__body" role="rowgroup">
                {rows.map(({ upload, item }) => (
                  <tr class="kern-table__row" role="row" key={upload.id}>
                    <td class="kern-table__cell ww-col-pick" role="cell">
                      <label class="ww-bulk__pick">
                        <input class="ww-bulk__check" type="checkbox" name="ids" value={upload.id} id={`pick-${upload.id}`} aria-label={t('unterlagen:staff.bulk.pick', { reference: upload.reference })} />
                      </label>
                    </td>
                    <td class="kern-table__cell ww-col-received" role="cell">
                      {formatDateTime(upload.receivedAt, lang)}
                    </td>
                    <td class="kern-table__cell ww-col-reference" role="cell">
                      <a class="kern-link ww-inbox-table__open" href={`${base}/${upload.id}${filterQuery(query)}`}>
                        {upload.reference}
                      </a>
                    </td>
                    <SecondLine column="bg" label={labels.bgNummer}>
                      {upload.bgNummer}
                    </SecondLine>
                    <td class="kern-table__cell ww-col-name" role="cell">
                      {upload.lastName ?? '–'}
                    </td>
                    <td class="kern-table__cell ww-col-type" role="cell">
                      {t(`unterlagen:documentTypes.${upload.documentType}`)}
                      {item ? ` (${t('unterlagen:staff.itemShort', { number: item.position })})` : ''}
                    </td>
                    <SecondLine column="due" label={labels.due}>
                      {item ? formatDayShort(item.dueDate, lang) : '–'}
                    </SecondLine>
                    <SecondLine column="check" label={labels.check}>
                      <ScanBadge status={upload.scanStatus} /> <ConversionBadge state={upload.conversion} />
                    </SecondLine>
                    <td class="kern-table__cell ww-col-status" role="cell">
                      <ReviewBadge status={upload.reviewStatus} />
                    </td>
                    <SecondLine column="assigned" label={labels.assigned}>
                      {upload.assignedTo ? (names.get(upload.assignedTo) ?? '–') : '–'}
                    </SecondLine>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <fieldset class="kern-fieldset ww-bulk__actions">
            <legend class="kern-label">{t('unterlagen:staff.bulk.legend')}</legend>
            <div class="ww-actions">
              <Button variant="secondary" name="action" value="accept">
                {t('unterlagen:staff.bulk.accept')}
              </Button>
              <Button variant="secondary" name="action" value="export">
                {t('unterlagen:staff.bulk.export')}
              </Button>
            </div>
            <div class="ww-filter">
              <SelectField
                name="assignee"
                label={t('unterlagen:staff.bulk.assignee')}
                optional
                options={[{ value: '', label: t('unterlagen:staff.bulk.nobody') }, ...colleagues.map((c) => ({ value: c.id, label: c.displayName }))]}
              />
              <div class="ww-actions">
                <Button variant="secondary" name="action" value="assign">
                  {t('unterlagen:staff.bulk.assign')}
                </Button>
              </div>
            </div>
          </fieldset>
        </form>
      )}
      <Pager
        page={page}
        size={size}
        total={total}
        sizes={pageSizes}
        hrefFor={(p) => `${base}${filterQuery(query, { page: p })}`}
        action={base}
        keep={query}
        label={t('unterlagen:staff.pagesLabel')}
      />
    </section>
  );
}
