import type { FieldError } from '#shared/http/errors.js';
import { Alert, BackLink, Button, CsrfField, TextArea, TextField } from '#shared/html/components.js';
import { errorsOf, ErrorSummary } from '#shared/html/form-errors.js';
import { useT, useTenantBase, useView } from '#shared/html/context.js';
import { StaffLayout } from '../../staff/index.js';
import type { FormValues } from '../editor.js';

export interface SettingsProps {
  values: FormValues;
  errors: FieldError[];
  preset: FormValues;
  presetErrors: FieldError[];
  /** Years whose count has started (a number was given or the start was set): year → next number. */
  counters: { year: number; next: number }[];
  notice?: string | undefined;
}

/** Dateline, contact block and the figures page's regions; where a year's count starts (once, before its first number). */
export function SettingsPage({ values, errors, preset, presetErrors, counters, notice }: SettingsProps) {
  const t = useT();
  const { csrfToken } = useView();
  const base = `${useTenantBase()}/staff/presse`;
  const err = (f: string) => errorsOf(errors, f);
  const presetErr = (f: string) => errorsOf(presetErrors, f);
  return (
    <StaffLayout title={t('presse:settings.title')}>
      <BackLink href={base} />
      <h1 class="kern-heading-large">{t('presse:settings.title')}</h1>
      {notice ? <Alert type="success" title={t(`presse:settings.notices.${notice}`)} /> : null}
      <form method="post" action={`${base}/einstellungen`} class="pr-form" novalidate>
        <CsrfField token={csrfToken} />
        <ErrorSummary
          errors={errors}
          labels={{ dateline: t('presse:editor.dateline'), contact: t('presse:release.contact'), districtRegion: t('presse:settings.districtRegion'), comparisonRegion: t('presse:settings.comparisonRegion') }}
        />
        <TextField name="dateline" label={t('presse:editor.dateline')} hint={t('presse:settings.datelineHint')} value={values.dateline} error={err('dateline')} />
        <TextArea name="contact" label={t('presse:release.contact')} hint={t('presse:settings.contactHint')} value={values.contact} error={err('contact')} rows={7} />
        <TextField name="districtRegion" label={t('presse:settings.districtRegion')} hint={t('presse:settings.regionHint')} value={values.districtRegion} error={err('districtRegion')} width={4} />
        <TextField name="comparisonRegion" label={t('presse:settings.comparisonRegion')} hint={t('presse:settings.regionHint')} value={values.comparisonRegion} error={err('comparisonRegion')} width={4} />
        <div class="ww-actions">
          <Button>{t('presse:settings.save')}</Button>
        </div>
      </form>
      <section class="ww-section" aria-labelledby="pr-counter">
        <h2 id="pr-counter" class="kern-heading-medium">
          {t('presse:settings.counterTitle')}
        </h2>
        <p class="kern-body">{t('presse:settings.counterIntro')}</p>
        {counters.length > 0 ? (
          <ul class="kern-list kern-list--bullet">
            {counters.map((c) => (
              <li key={c.year}>{t('presse:settings.counterState', { year: c.year, next: c.next })}</li>
            ))}
          </ul>
        ) : null}
        <form method="post" action={`${base}/einstellungen/nummer`} class="pr-form" novalidate>
          <CsrfField token={csrfToken} />
          <ErrorSummary errors={presetErrors} labels={{ year: t('presse:settings.year'), next: t('presse:settings.next') }} />
          <TextField name="year" label={t('presse:settings.year')} value={preset.year} error={presetErr('year')} width={4} inputmode="numeric" />
          <TextField name="next" label={t('presse:settings.next')} hint={t('presse:settings.nextHint')} value={preset.next} error={presetErr('next')} width={4} inputmode="numeric" />
          <div class="ww-actions">
            <Button variant="secondary">{t('presse:settings.preset')}</Button>
          </div>
        </form>
      </section>
    </StaffLayout>
  );
}
