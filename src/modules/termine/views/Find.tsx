// "Find my appointment": booking code and e-mail address; the answer never says whether they matched.
import type { FieldError } from '#shared/http/errors.js';
import { Alert, BackLink, Button, TextField } from '#shared/html/components.js';
import { errorsOf, ErrorSummary } from '#shared/html/form-errors.js';
import { useTenantBase, useView } from '#shared/html/context.js';
import { Layout } from '#shared/html/Layout.js';
import { pageTitle } from './JourneySteps.js';
import { TermineAssets } from './parts.js';


export function FindPage(props: { values: { bookingCode?: string; email?: string }; errors: FieldError[]; sent: boolean }) {
  const { t } = useView();
  const base = useTenantBase();
  const title = t('termine:find.title');
  return (
    <Layout title={pageTitle(t, title, props.errors)}>
      <TermineAssets />
      <BackLink href={`${base}/termine`} />
      <h1 class="kern-heading-large">{title}</h1>
      {props.sent ? (
        <Alert type="info" title={t('termine:find.sentTitle')}>
          <p class="kern-body">{t('termine:find.sentText')}</p>
        </Alert>
      ) : null}
      <ErrorSummary errors={props.errors} />
      <p class="kern-body">{t('termine:find.intro')}</p>
      <form method="post" action={`${base}/termine/finden`} novalidate>
        <TextField name="bookingCode" label={t('termine:find.bookingCode')} hint={t('termine:find.bookingCodeHint')} spellcheck={false} autocomplete="off" value={props.values.bookingCode} error={errorsOf(props.errors, 'bookingCode')} />
        <TextField name="email" type="email" label={t('termine:contact.email')} autocomplete="email" spellcheck={false} value={props.values.email} error={errorsOf(props.errors, 'email')} />
        <Button>{t('termine:find.submit')}</Button>
      </form>
      <p class="kern-body">{t('termine:find.noCode')}</p>
    </Layout>
  );
}
