import { Button, ButtonLink, CsrfField, TextField } from '#shared/html/components.js';
import { errorsOf, ErrorSummary } from '#shared/html/form-errors.js';
import { useT, useTenantBase, useView } from '#shared/html/context.js';
import type { FieldError } from '#shared/http/errors.js';
import { StaffLayout } from './StaffLayout.js';

export function EnrolPage({ errors, qrDataUrl, secret }: { errors: FieldError[]; qrDataUrl: string; secret: string }) {
  const t = useT();
  const base = useTenantBase();
  const { csrfToken } = useView();
  return (
    <StaffLayout title={t('staff:enrol.title')}>
      <h1 class="kern-heading-large">{t('staff:enrol.title')}</h1>
      <ErrorSummary errors={errors} />
      <p class="kern-body">{t('staff:enrol.intro')}</p>
      <ol class="kern-list kern-list--number">
        <li>{t('staff:enrol.step1')}</li>
        <li>{t('staff:enrol.step2')}</li>
        <li>{t('staff:enrol.step3')}</li>
      </ol>
      <p>
        <img class="ww-qr" src={qrDataUrl} alt={t('staff:enrol.qrAlt')} width={200} height={200} />
      </p>
      <p class="kern-body">
        {t('staff:enrol.manual')} <code class="ww-secret">{secret.match(/.{1,4}/g)!.join(' ')}</code>
      </p>
      <form method="post" action={`${base}/staff/setup/totp`} novalidate>
        <CsrfField token={csrfToken} />
        <TextField name="code" label={t('staff:code.label')} autocomplete="one-time-code" inputmode="numeric" spellcheck={false} width={4} error={errorsOf(errors, 'code')} />
        <div class="ww-actions">
          <Button>{t('staff:enrol.submit')}</Button>
        </div>
      </form>
    </StaffLayout>
  );
}

/** Shown exactly once, right after enrolment; only hashes are stored. */
export function RecoveryCodesPage({ codes }: { codes: string[] }) {
  const t = useT();
  const base = useTenantBase();
  return (
    <StaffLayout title={t('staff:recovery.title')}>
      <h1 class="kern-heading-large">{t('staff:recovery.title')}</h1>
      <p class="kern-body">{t('staff:recovery.intro')}</p>
      <ul class="kern-list ww-recovery-codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <p class="kern-body">{t('staff:recovery.once')}</p>
      <div class="ww-actions">
        <ButtonLink href={`${base}/staff`}>{t('staff:recovery.continue')}</ButtonLink>
      </div>
    </StaffLayout>
  );
}
