import { Alert, Button, CsrfField, TextField } from '#shared/html/components.js';
import { errorsOf, ErrorSummary } from '#shared/html/form-errors.js';
import { useT, useTenantBase, useView } from '#shared/html/context.js';
import type { FieldError } from '#shared/http/errors.js';
import { StaffLayout } from './StaffLayout.js';

export interface LoginPageProps {
  errors: FieldError[];
  email?: string | undefined;
  next?: string | undefined;
  expired?: boolean;
  /** Local time (Europe/Berlin) until which sign-in is paused. */
  pausedUntil?: string | undefined;
  notice?: 'passwordSet' | 'loggedOut' | undefined;
}

export function LoginPage(props: LoginPageProps) {
  const t = useT();
  const base = useTenantBase();
  const { csrfToken } = useView();
  return (
    <StaffLayout title={t('staff:login.title')}>
      <h1 class="kern-heading-large">{t('staff:login.title')}</h1>
      <ErrorSummary errors={props.errors} />
      {props.pausedUntil ? (
        <Alert type="warning" title={t('staff:login.pausedTitle')}>
          <p class="kern-body">{t('staff:login.pausedText', { time: props.pausedUntil })}</p>
        </Alert>
      ) : null}
      {props.expired ? <Alert type="info" title={t('staff:login.expired')} /> : null}
      {props.notice ? <Alert type="success" title={t(`staff:login.notice.${props.notice}`)} /> : null}
      <form method="post" action={`${base}/staff/login`} novalidate>
        <CsrfField token={csrfToken} />
        {props.next ? <input type="hidden" name="next" value={props.next} /> : null}
        <TextField name="email" type="email" label={t('staff:login.email')} value={props.email} autocomplete="username" spellcheck={false} error={errorsOf(props.errors, 'email')} />
        <TextField name="password" type="password" label={t('staff:login.password')} autocomplete="current-password" error={errorsOf(props.errors, 'password')} />
        <div class="ww-actions">
          <Button>{t('staff:login.submit')}</Button>
          <a class="kern-link" href={`${base}/staff/password/forgot`}>
            {t('staff:login.forgot')}
          </a>
        </div>
      </form>
    </StaffLayout>
  );
}

export function CodePage({ errors, next, pausedUntil }: { errors: FieldError[]; next?: string | undefined; pausedUntil?: string | undefined }) {
  const t = useT();
  const base = useTenantBase();
  const { csrfToken } = useView();
  return (
    <StaffLayout title={t('staff:code.title')}>
      <h1 class="kern-heading-large">{t('staff:code.title')}</h1>
      <ErrorSummary errors={errors} />
      {pausedUntil ? (
        <Alert type="warning" title={t('staff:login.pausedTitle')}>
          <p class="kern-body">{t('staff:login.pausedText', { time: pausedUntil })}</p>
        </Alert>
      ) : null}
      <form method="post" action={`${base}/staff/login/code`} novalidate>
        <CsrfField token={csrfToken} />
        {next ? <input type="hidden" name="next" value={next} /> : null}
        <TextField
          name="code"
          label={t('staff:code.label')}
          hint={t('staff:code.hint')}
          autocomplete="one-time-code"
          inputmode="numeric"
          spellcheck={false}
          width={4}
          error={errorsOf(errors, 'code')}
        />
        <div class="ww-actions">
          <Button>{t('staff:code.submit')}</Button>
        </div>
      </form>
    </StaffLayout>
  );
}
