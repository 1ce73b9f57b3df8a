import { formatDayShort } from '#shared/time.js';
import { TableScroll } from '#shared/html/components.js';
import { useT, useTenantBase, useView } from '#shared/html/context.js';
import type { OpenItemRow } from '../../review.service.js';
import { Badge, ItemStatusBadge } from '../parts.js';

/** The requested items still missing, earliest deadline first (overdue ones marked). */
export function OpenItems({ openItems, today }: { openItems: OpenItemRow[]; today: string }) {
  const t = useT();
  const { lang } = useView();
  const base = `${useTenantBase()}/staff/unterlagen`;
  return (
    <>
      <h2 class="kern-heading-medium">{t('unterlagen:staff.openHeading', { count: openItems.length })}</h2>
      {openItems.length === 0 ? (
        <p class="kern-body">{t('unterlagen:staff.noOpenItems')}</p>
      ) : (
        <TableScroll>
          <table class="kern-table">
            <caption class="kern-sr-only">{t('unterlagen:staff.openHeading', { count: openItems.length })}</caption>
            <thead class="kern-table__head">
              <tr class="kern-table__row">
                <th class="kern-table__header" scope="col">{t('unterlagen:request.due')}</th>
                <th class="kern-table__header" scope="col">{t('unterlagen:letter.reference')}</th>
                <th class="kern-table__header" scope="col">{t('unterlagen:receipt.bgNummer')}</th>
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
                      {formatDayShort(item.dueDate, lang)} {overdue ? <Badge kind="warning">{t('unterlagen:request.overdue')}</Badge> : null}
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
    </>
  );
}
