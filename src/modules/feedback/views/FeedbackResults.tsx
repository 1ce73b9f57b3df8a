import { DataTable } from '#shared/html/components.js';
import { useT, useView } from '#shared/html/context.js';
import { StaffLayout } from '../../staff/index.js';
import type { ServiceResults } from '../feedback.service.js';

/** Tenant admins: answers per service and rating (counts only; the answers are anonymous). */
export function FeedbackResultsPage({ base, results }: { base: string; results: ServiceResults[] }) {
  const t = useT();
  const { lang } = useView();
  const number = new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return (
    <StaffLayout title={t('feedback:results.title')} wide>
      <h1 class="kern-heading-large">{t('feedback:results.title')}</h1>
      <p class="kern-body">{t('feedback:results.intro')}</p>
      <DataTable
        label={t('feedback:results.title')}
        head={[t('feedback:results.service'), ...[5, 4, 3, 2, 1].map((n) => t(`feedback:rating.${n}`)), t('feedback:results.total'), t('feedback:results.average'), t('feedback:results.comments')]}
        rows={results}
        rowKey={(r) => r.service}
        cells={(r) => [t(`feedback:services.${r.service}`), ...[4, 3, 2, 1, 0].map((i) => r.byRating[i]), r.total, r.average === undefined ? '–' : number.format(r.average), r.comments]}
      />
      <h2 class="kern-heading-medium">{t('feedback:comments.link')}</h2>
      <ul class="kern-list kern-list--bullet">
        {results.map((r) => (
          <li key={r.service}>
            <a class="kern-link" href={`${base}/staff/rueckmeldungen/${r.service}`}>
              {t(`feedback:services.${r.service}`)}
            </a>{' '}
            ({t('feedback:comments.count', { count: r.comments })})
          </li>
        ))}
      </ul>
    </StaffLayout>
  );
}
