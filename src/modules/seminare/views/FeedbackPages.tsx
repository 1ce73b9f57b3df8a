import { Alert, BackLink, Button, ChoiceGroup, CsrfField, DataTable, TextArea } from '#shared/html/components.js';
import { errorsOf, ErrorSummary } from '#shared/html/form-errors.js';
import { useT, useTenantBase, useView } from '#shared/html/context.js';
import type { FieldError } from '#shared/http/errors.js';
import { StaffLayout } from '../../staff/index.js';
import { MIN_ANSWERS, RATINGS, type FeedbackResults } from '../feedback.service.js';
import { formatDays } from '../format.js';
import type { SeminarSessionDay } from '../seminare.tables.js';

/** The survey after a seminar: rating and free text, anonymous. */
export function SurveyPage(props: { enrolmentId: string; title: string; days: SeminarSessionDay[]; errors: FieldError[]; values: { rating?: string | undefined; comment?: string | undefined } }) {
  const t = useT();
  const base = useTenantBase();
  const { csrfToken, lang } = useView();
  const error = (field: string) => errorsOf(props.errors, field);
  return (
    <StaffLayout title={t('seminare:feedback.title')}>
      <BackLink href={`${base}/staff/seminare/meine`} />
      <h1 class="kern-heading-large">{t('seminare:feedback.title')}</h1>
      <p class="kern-body">
        <strong>{props.title}</strong>
        <br />
        {formatDays(props.days, lang)}
      </p>
      <ErrorSummary errors={props.errors} />
      <Alert type="info" title={t('seminare:feedback.anonymousTitle')}>
        <p class="kern-body">{t('seminare:feedback.anonymous', { min: MIN_ANSWERS })}</p>
      </Alert>
      <form method="post" action={`${base}/staff/seminare/anmeldungen/${props.enrolmentId}/rueckmeldung`} novalidate>
        <CsrfField token={csrfToken} />
        <ChoiceGroup
          name="rating"
          legend={t('seminare:feedback.rating')}
          options={RATINGS.map((r) => ({ value: String(r), label: t(`seminare:feedback.ratings.${r}`) }))}
          value={props.values.rating}
          error={error('rating')}
        />
        <TextArea name="comment" label={t('seminare:feedback.comment')} hint={t('seminare:feedback.commentHint')} rows={5} optional value={props.values.comment} error={error('comment')} />
        <div class="ww-actions">
          <Button>{t('seminare:feedback.send')}</Button>
        </div>
      </form>
    </StaffLayout>
  );
}

/** The aggregate of a seminar's feedback: nothing but the count below MIN_ANSWERS answers. */
export function FeedbackResultsPage({ results }: { results: FeedbackResults }) {
  const t = useT();
  const base = useTenantBase();
  const { lang } = useView();
  const number = (n: number) => n.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const title = t('seminare:feedback.resultsTitle', { title: results.seminar.title });
  return (
    <StaffLayout title={title}>
      <BackLink href={`${base}/staff/seminare`} />
      <h1 class="kern-heading-large">{title}</h1>
      <p class="kern-body">{t('seminare:feedback.count', { count: results.count })}</p>
      {!results.enough ? (
        <Alert type="info" title={t('seminare:feedback.tooFew')}>
          <p class="kern-body">{t('seminare:feedback.tooFewText', { min: MIN_ANSWERS })}</p>
        </Alert>
      ) : (
        <>
          <p class="kern-body">
            <strong>{t('seminare:feedback.average', { value: number(results.average!) })}</strong>
          </p>
          <DataTable
            label={t('seminare:feedback.distribution')}
            head={[t('seminare:feedback.rating'), t('seminare:feedback.answers')]}
            rows={results.distribution!}
            rowKey={(r) => String(r.rating)}
            cells={(r) => [t(`seminare:feedback.ratings.${r.rating}`), String(r.count)]}
          />
          <h2 class="kern-heading-medium">{t('seminare:feedback.comments')}</h2>
          {results.comments!.length ? (
            <ul class="kern-list kern-list--bullet">
              {results.comments!.map((c, i) => (
                <li key={i} class="ww-answer">
                  {c}
                </li>
              ))}
            </ul>
          ) : (
            <p class="kern-body">{t('seminare:feedback.noComments')}</p>
          )}
        </>
      )}
    </StaffLayout>
  );
}
