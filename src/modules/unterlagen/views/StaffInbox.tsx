import { Alert, Button, ButtonLink, SelectField, TableScroll } from '#shared/html/components.js';
import { useT, useTenantBase, useView } from '#shared/html/context.js';
import { StaffLayout } from '../../staff/index.js';
import { filterQuery, type InboxFilterInput, type InboxRow, type OpenItemRow } from '../review.service.js';
import { formatBerlinDateTime, formatLocalDate } from '../receipt.js';
import { documentTypes } from '../unterlagen.schemas.js';
import { reviewStatuses } from '../unterlagen.tables.js';
import { Badge, ItemStatusBadge, ReviewBadge, ScanBadge } from './parts.js';

export interface StaffInboxProps {
  rows: InboxRow[];
  openItems: OpenItemRow[];
  infected: number;
  today: string;
  filter: InboxFilterInput;
  /** The last review was saved and nothing is left in this filter. */
  saved?: boolean;
}

/** Incoming documents with filters, and the requested items still missing (overdue ones marked). */
export function StaffInbox({ rows, openItems, infected, today, filter, saved = false }: StaffInboxProps) {
  const t = useT();
  const { lang } = useView();
  const base = `${useTenantBase()}/staff/unterlagen`;
  return (
    <StaffLayout title={t('unterlagen:staff.inboxTitle')} wide>
      <h1 class="kern-heading-large">{t('unterlagen:staff.inboxTitle')}</h1>
      {saved ? <Alert type="success" title={t('unterlagen:staff.savedNoneLeft')} /> : null}
      {infected > 0 ? (
        <Alert type="danger" title={t('unterlagen:staff.infectedAlert', { count: infected })}>
          <p class="kern-body">{t('unterlagen:staff.infectedHint')}</p>
        </Alert>
      ) : null}
      <div class="ww-actions">
        <ButtonLink href={`${base}/aufforderungen/neu`} variant="secondary">
          {t('unterlagen:staff.newRequest')}
        </ButtonLink>
      </div>

      <form method="get" action={base} class="ww-filter">
        <SelectField
          name="status"
          label={t('unterlagen:staff.filterStatus')}
          value={filter.status}
          options={[{ value: '', label: t('unterlagen:staff.all') }, ...reviewStatuses.map((s) => ({ value: s, label: t(`unterlagen:review.${s}`) }))]}
        />
        <SelectField
          name="type"
          label={t('unterlagen:staff.filterType')}
          value={filter.type}
          options={[{ value: '', label: t('unterlagen:staff.all') }, ...documentTypes.map((d) => ({ value: d, label: t(`unterlagen:documentTypes.${d}`) }))]}
        />
        <SelectField
          name="due"
          label={t('unterlagen:staff.filterDue')}
          value={filter.due}
          options={[
            { value: '', label: t('unterlagen:staff.all') },
            { value: 'overdue', label: t('unterlagen:staff.dueOverdue') },
            { value: 'week', label: t('unterlagen:staff.dueWeek') },
          ]}
        />
        <Button variant="secondary">{t('unterlagen:staff.applyFilter')}</Button>
      </form>

      <h2 class="kern-heading-medium">{t('unterlagen:staff.incomingHeading', { count: rows.length })}</h2>
      {rows.length === 0 ? (
        <p class="kern-body">{t('unterlagen:staff.noUploads')}</p>
      ) : (
        <TableScroll>
          <table class="kern-table">
            <caption class="kern-sr-only">{t('unterlagen:staff.incomingHeading', { count: rows.length })}</caption>
            <thead class="kern-table__header">
              <tr class="kern-table__row">
                <th class="kern-table__header" scope="col">{t('unterlagen:receipt.receivedAt')}</th>
                <th class="kern-table__header" scope="col">{t('unterlagen:receipt.reference')}</th>
                <th class="kern-table__header" scope="col">{t('unterlagen:receipt.bgNummer')}</th>
                <th class="kern-table__header" scope="col">{t('unterlagen:form.lastName')}</th>
                <th class="kern-table__header" scope="col">{t('unterlagen:receipt.documentType')}</th>
                <th class="kern-table__header" scope="col">{t('unterlagen:request.due')}</th>
                <th class="kern-table__header" scope="col">{t('unterlagen:staff.check')}</th>
                <th class="kern-table__header" scope="col">{t('unterlagen:staff.status')}</th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {rows.map(({ upload, item }) => (
                <tr class="kern-table__row" key={upload.id}>
                  <td class="kern-table__cell">{formatBerlinDateTime(upload.receivedAt, lang)}</td>
                  <td class="kern-table__cell">
                    <a class="kern-link" href={`${base}/${upload.id}${filterQuery(filter)}`}>
                      {upload.reference}
                    </a>
                  </td>
                  <td class="kern-table__cell">{upload.bgNummer}</td>
                  <td class="kern-table__cell">{upload.lastName ?? '–'}</td>
                  <td class="kern-table__cell">
                    {t(`unterlagen:documentTypes.${upload.documentType}`)}
                    {item ? ` (${t('unterlagen:staff.itemShort', { number: item.position })})` : ''}
                  </td>
                  <td class="kern-table__cell">{item ? formatLocalDate(item.dueDate, lang) : '–'}</td>
                  <td class="kern-table__cell">
                    <ScanBadge status={upload.scanStatus} />
                  </td>
                  <td class="kern-table__cell">
                    <ReviewBadge status={upload.reviewStatus} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}

      <h2 class="kern-heading-medium">{t('unterlagen:staff.openHeading', { count: openItems.length })}</h2>
      {openItems.length === 0 ? (
        <p class="kern-body">{t('unterlagen:staff.noOpenItems')}</p>
      ) : (
        <TableScroll>
          <table class="kern-table">
            <caption class="kern-sr-only">{t('unterlagen:staff.openHeading', { count: openItems.length })}</caption>
            <thead class="kern-table__header">
              <tr class="kern-table__row">
                <th class="kern-table__header" scope="col">{t('unterlagen:request.due')}</th>
                <th class="kern-table__header" scope="col">{t('unterlagen:letter.reference')}</th>
                <th class="kern-table__header" scope="col">{t('unterlagen:receipt.bgNummer')}</th>
                <th class="kern-table__header" scope="col">{t('unterlagen:form.lastName')}</th>
                <th class="kern-table__header" scope="col">{t('unterlagen:receipt.item')}</th>
                <th class="kern-table__header" scope="col">{t('unterlagen:staff.status')}</th>
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {openItems.map(({ item, aufforderung }) => {
                const overdue = item.dueDate < today;
                return (
                  <tr class={`kern-table__row${overdue ? ' ww-overdue' : ''}`} key={item.id}>
                    <td class="kern-table__cell">
                      {formatLocalDate(item.dueDate, lang)} {overdue ? <Badge kind="warning">{t('unterlagen:request.overdue')}</Badge> : null}
                    </td>
                    <td class="kern-table__cell">
                      <a class="kern-link" href={`${base}/aufforderungen/${aufforderung.id}`}>
                        {aufforderung.reference}
                      </a>
                    </td>
                    <td class="kern-table__cell">{aufforderung.bgNummer}</td>
                    <td class="kern-table__cell">
                      {item.position}. {t(`unterlagen:documentTypes.${item.documentType}`)} – {item.description}
                    </td>
                    <td class="kern-table__cell">
                      <ItemStatusBadge status={item.status} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </StaffLayout>
  );
}
