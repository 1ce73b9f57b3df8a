import { Alert, Button, CsrfField, TextField } from '#shared/html/components.js';
import { errorsOf, ErrorSummary } from '#shared/html/form-errors.js';
import { useT, useView } from '#shared/html/context.js';
import type { FieldError } from '#shared/http/errors.js';
import { PASSWORD_MIN_LENGTH } from '../password.js';
import { StaffLayout } from './StaffLayout.js';

/** New password twice: first login, invitation and reset links, and the own account. */
export function NewPasswordPage(props: { titleKey: string; introKey?: string; action: string; errors: FieldError[]; askCurrent?: boolean }) {
  const t = useT();
  const { csrfToken } = useView();
  const title = t(props.titleKey);
  return (
    <StaffLayout title={title}>
      <h1 class="kern-heading-large">{title}</h1>
      <ErrorSummary errors={props.errors} />
      {props.introKey ? <p class="kern-body">{t(props.introKey)}</p> : null}
      <form method="post" action={props.action} novalidate>
        <CsrfField token={csrfToken} />
        {props.askCurrent ? (
          <TextField name="current" type="password" label={t('staff:password.current')} autocomplete="current-password" error={errorsOf(props.errors, 'current')} />
        ) : null}
        <TextField
          name="password"
          type="password"
          label={t('staff:password.new')}
          hint={t('staff:password.hint', { minimum: PASSWORD_MIN_LENGTH })}
          autocomplete="new-password"
          error={errorsOf(props.errors, 'password')}
        />
        <TextField name="confirm" type="password" label={t('staff:password.confirm')} autocomplete="new-password" error={errorsOf(props.errors, 'confirm')} />
        <div class="ww-actions">
          <Button>{t('staff:password.submit')}</Button>
        </div>
      </form>
    </StaffLayout>
  );
}

export function ForgotPasswordPage({ action, errors, email, sent }: { action: string; errors: FieldError[]; email?: string | undefined; sent?: boolean }) {
  const t = useT();
  const { csrfToken } = useView();
  return (
    <StaffLayout title={t('staff:forgot.title')}>
      <h1 class="kern-heading-large">{t('staff:forgot.title')}</h1>
      {sent ? (
        <Alert type="success" title={t('staff:forgot.sentTitle')}>
          <p class="kern-body">{t('staff:forgot.sentText')}</p>
        </Alert>
      ) : (
        <>
          <ErrorSummary errors={errors} />
          <p class="kern-body">{t('staff:forgot.intro')}</p>
          <form method="post" action={action} novalidate>
            <CsrfField token={csrfToken} />
            <TextField name="email" type="email" label={t('staff:login.email')} value={email} autocomplete="username" spellcheck={false} error={errorsOf(errors, 'email')} />
            <div class="ww-actions">
              <Button>{t('staff:forgot.submit')}</Button>
            </div>
          </form>
        </>
      )}
    </StaffLayout>
  );
}
