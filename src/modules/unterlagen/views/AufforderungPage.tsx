import { formatDateTime, formatDayShort } from '#shared/time.js';
import { SummaryList } from '#shared/html/components.js';
import { useT, useTenantBase, useView } from '#shared/html/context.js';
import { Layout } from '#shared/html/Layout.js';
import type { AufforderungForCitizen } from '../aufforderung.service.js';
import { Badge, ItemStatusBadge, Paragraphs } from './parts.js';

/** The citizen's view of a request: every item with its deadline, what is still open, and a way to upload. */
export function AufforderungPage({ data, today }: { data: AufforderungForCitizen; today: string }) {
  const t = useT();
  const { lang } = useView();
  const base = useTenantBase();
  const open = data.items.filter((i) => i.status === 'open' || i.status === 'rejected').length;
  return (
    <Layout title={t('unterlagen:request.title')}>
      <h1 class="kern-heading-large">{t('unterlagen:request.title')}</h1>
      <SummaryList rows={[{ key: t('unterlagen:letter.reference'), value: data.aufforderung.reference }]} />
      {data.aufforderung.message ? <Paragraphs text={data.aufforderung.message} /> : null}
      <p class="kern-body">{open === 0 ? t('unterlagen:request.allSent') : t('unterlagen:request.openCount', { count: open })}</p>
      <h2 class="kern-heading-medium">{t('unterlagen:request.itemsHeading')}</h2>
      <ol class="ww-item-list">
        {data.items.map((item) => {
          const overdue = item.dueDate < today && (item.status === 'open' || item.status === 'rejected');
          const headingId = `item-${item.position}`;
          return (
            <li class="ww-item" key={item.id} aria-labelledby={headingId}>
              <h3 class="kern-heading-small" id={headingId}>
                {item.position}. {t(`unterlagen:documentTypes.${item.documentType}`)}
              </h3>
              <p class="kern-body">{item.description}</p>
              <p class="kern-body">
                {t('unterlagen:request.dueOn', { date: formatDayShort(item.dueDate, lang) })}{' '}
                {overdue ? <Badge kind="warning">{t('unterlagen:request.overdue')}</Badge> : null}
              </p>
              <p class="kern-body">
                <ItemStatusBadge status={item.status} />
              </p>
              {item.status === 'rejected' && item.reviewReason ? (
                <p class="kern-body">{t('unterlagen:request.rejectedBecause', { reason: t(`unterlagen:reasons.${item.reviewReason}`) })}</p>
              ) : null}
              {item.uploads.length ? (
                <ul class="kern-list kern-list--bullet">
                  {item.uploads.map((u) => (
                    <li key={u.reference}>
                      {t('unterlagen:request.sentOn', { reference: u.reference, date: formatDateTime(u.receivedAt, lang) })}{' '}
                      <a class="kern-link" href={`${base}/unterlagen/a/${data.code}/quittung/${u.reference}`}>
                        {t('unterlagen:request.receiptLink', { reference: u.reference })}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
              {item.status === 'accepted' ? null : (
                <p class="kern-body">
                  <a class="kern-link" href={`${base}/unterlagen/a/${data.code}/${item.position}`}>
                    {item.uploads.length ? t('unterlagen:request.uploadMore') : t('unterlagen:request.upload')}
                    <span class="kern-sr-only"> – {t(`unterlagen:documentTypes.${item.documentType}`)}</span>
                  </a>
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </Layout>
  );
}
