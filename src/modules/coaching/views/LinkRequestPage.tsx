import { Alert, Button, TextField } from '#shared/html/components.js';
import { errorsOf, ErrorSummary } from '#shared/html/form-errors.js';
import { useT } from '#shared/html/context.js';
import { Layout } from '#shared/html/Layout.js';
import type { FieldError } from '#shared/http/errors.js';

export interface LinkRequestPageProps {
  action: string;
  /** Opened through a link that is not (or no longer) valid. */
  invalid?: boolean;
  sent?: boolean;
  email?: string | undefined;
  errors: FieldError[];
}

/** The participant asks for a new personal link; the answer is the same whether the address is known or not. */
export function LinkRequestPage({ action, invalid, sent, email, errors }: LinkRequestPageProps) {
  const t = useT();
  return (
    <Layout title={t('coaching:linkRequest.title')}>
      <h1 class="kern-heading-large">{t('coaching:linkRequest.title')}</h1>
      {invalid ? <Alert type="warning" title={t('coaching:participant.linkInvalid')} /> : null}
      {sent ? <Alert type="success" title={t('coaching:linkRequest.sent')} /> : null}
      <ErrorSummary errors={errors} />
      <p class="kern-body">{t('coaching:linkRequest.lead')}</p>
      <form method="post" action={action} novalidate>
        <TextField name="email" type="email" autocomplete="email" label={t('coaching:linkRequest.email')} hint={t('coaching:linkRequest.emailHint')} value={sent ? '' : email} error={errorsOf(errors, 'email')} />
        <Button>{t('coaching:linkRequest.submit')}</Button>
      </form>
      <p class="kern-body kern-body--small">{t('coaching:linkRequest.noMail')}</p>
    </Layout>
  );
}
