import { Button, ButtonLink, ChoiceGroup, TextArea } from '#shared/html/components.js';
import { errorsOf, ErrorSummary } from '#shared/html/form-errors.js';
import { useT, useTenantBase } from '#shared/html/context.js';
import { Layout } from '#shared/html/Layout.js';
import type { FieldError } from '#shared/http/errors.js';
import { COMMENT_MAX, type FeedbackService } from '../feedback.schemas.js';

/** One question (satisfaction 1–5) and an optional comment, with the hint to leave out personal data. */
export function FeedbackFormPage({ service, values, errors }: { service: FeedbackService; values: { rating?: string; comment?: string }; errors: FieldError[] }) {
  const t = useT();
  const base = useTenantBase();
  const title = t('feedback:form.title');
  return (
    <Layout title={errors.length ? t('feedback:form.errorTitle', { title }) : title}>
      <ErrorSummary errors={errors} />
      <h1 class="kern-heading-large">{title}</h1>
      <p class="kern-body">{t('feedback:form.intro', { service: t(`feedback:services.${service}`) })}</p>
      <form method="post" action={`${base}/rueckmeldung`} class="ww-feedback-form" novalidate>
        <input type="hidden" name="dienst" value={service} />
        <ChoiceGroup
          name="rating"
          legend={t('feedback:form.rating')}
          value={values.rating}
          error={errorsOf(errors, 'rating')}
          options={[5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: t(`feedback:rating.${n}`) }))}
        />
        <TextArea
          name="comment"
          label={t('feedback:form.comment')}
          hint={t('feedback:form.commentHint', { max: COMMENT_MAX })}
          value={values.comment}
          error={errorsOf(errors, 'comment')}
          optional
          rows={4}
        />
        <div class="ww-actions">
          <Button>{t('feedback:form.send')}</Button>
        </div>
      </form>
    </Layout>
  );
}

export function FeedbackThanksPage() {
  const t = useT();
  const base = useTenantBase();
  return (
    <Layout title={t('feedback:thanks.title')}>
      <h1 class="kern-heading-large">{t('feedback:thanks.title')}</h1>
      <p class="kern-body">{t('feedback:thanks.text')}</p>
      <ButtonLink href={`${base}/`} variant="secondary">
        {t('feedback:thanks.home')}
      </ButtonLink>
    </Layout>
  );
}
