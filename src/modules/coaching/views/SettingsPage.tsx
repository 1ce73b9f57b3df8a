import { Alert, Button, CsrfField, TextField } from '#shared/html/components.js';
import { errorsOf, ErrorSummary } from '#shared/html/form-errors.js';
import { useT, useTenantBase, useView } from '#shared/html/context.js';
import type { FieldError } from '#shared/http/errors.js';
import { StaffLayout } from '../../staff/index.js';

export interface SettingsPageProps {
  settings: { retentionMonths: number; restrictedRetentionMonths: number };
  values?: Record<string, string> | undefined;
  errors: FieldError[];
  saved: boolean;
}

/** Retention of the coaching (tenant admin): months after the end until everything, and the restricted notes, are deleted. */
export function SettingsPage({ settings, values, errors, saved }: SettingsPageProps) {
  const t = useT();
  const { csrfToken } = useView();
  const err = (field: string) => errorsOf(errors, field);
  const value = (field: 'retentionMonths' | 'restrictedRetentionMonths') => values?.[field] ?? String(settings[field]);
  return (
    <StaffLayout title={t('coaching:settings.title')}>
      <h1 class="kern-heading-large">{t('coaching:settings.title')}</h1>
      {saved ? <Alert type="success" title={t('coaching:settings.saved')} /> : null}
      <ErrorSummary errors={errors} labels={{ retentionMonths: t('coaching:settings.retentionMonths'), restrictedRetentionMonths: t('coaching:settings.restrictedMonths') }} />
      <p class="kern-body">{t('coaching:settings.lead')}</p>
      <form method="post" novalidate>
        <CsrfField token={csrfToken} />
        <TextField name="retentionMonths" type="number" inputmode="numeric" width={4} label={t('coaching:settings.retentionMonths')} hint={t('coaching:settings.retentionHint')} value={value('retentionMonths')} error={err('retentionMonths')} />
        <TextField name="restrictedRetentionMonths" type="number" inputmode="numeric" width={4} label={t('coaching:settings.restrictedMonths')} hint={t('coaching:settings.restrictedHint')} value={value('restrictedRetentionMonths')} error={err('restrictedRetentionMonths')} />
        <Button>{t('coaching:settings.save')}</Button>
      </form>
      <p class="kern-body">
        <a class="kern-link" href={`${useTenantBase()}/staff/coaching/berufe`}>
          {t('coaching:settings.kldbLink')}
        </a>
      </p>
    </StaffLayout>
  );
}
