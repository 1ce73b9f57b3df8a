import { Alert, BackLink, DataTable } from '#shared/html/components.js';
import { useT, useView } from '#shared/html/context.js';
import { StaffLayout } from '../../staff/index.js';
import { formatDayShort } from '#shared/time.js';
import type { FeedbackService } from '../feedback.schemas.js';
import type { CommentPage } from '../feedback.service.js';

/** Tenant admins: the comments on one service, newest first, 25 a page; the texts are escaped by JSX. */
export function FeedbackCommentsPage({ base, service, data }: { base: string; service: FeedbackService; data: CommentPage }) {
  const t = useT();
  const { lang } = useView();
  const title = t('feedback:comments.title', { service: t(`feedback:services.${service}`) });
  const pageLink = (n: number) => `${base}/staff/rueckmeldungen/${service}?seite=${n}`;
  return (
    <StaffLayout title={title} wide>
      <BackLink href={`${base}/staff/rueckmeldungen`} />
      <h1 class="kern-heading-large">{title}</h1>
      <Alert type="warning" title={t('feedback:comments.warningTitle')}>
        <p class="kern-body">{t('feedback:comments.warning')}</p>
      </Alert>
      <p class="kern-body">{t('feedback:comments.count', { count: data.total })}</p>
      {data.comments.length > 0 ? (
        <DataTable
          label={title}
          head={[t('feedback:comments.day'), t('feedback:comments.rating'), t('feedback:comments.comment')]}
          rows={data.comments}
          rowKey={(c) => c.id}
          cells={(c) => [formatDayShort(c.day, lang), t(`feedback:rating.${c.rating}`), c.comment]}
        />
      ) : null}
      {data.pages > 1 ? (
        <nav aria-label={t('feedback:comments.pages')}>
          <p class="kern-body">
            {data.page > 1 ? <a class="kern-link" href={pageLink(data.page - 1)}>{t('feedback:comments.previous')}</a> : null}{' '}
            {t('feedback:comments.pageOf', { page: data.page, pages: data.pages })}{' '}
            {data.page < data.pages ? <a class="kern-link" href={pageLink(data.page + 1)}>{t('feedback:comments.next')}</a> : null}
          </p>
        </nav>
      ) : null}
    </StaffLayout>
  );
}
