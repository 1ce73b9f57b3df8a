import { Button, ChoiceGroup, CsrfField, DateField, SelectField, TextField } from '#shared/html/components.js';
import { errorsOf, ErrorSummary } from '#shared/html/form-errors.js';
import { useT, useTenantBase, useView } from '#shared/html/context.js';
import type { FieldError } from '#shared/http/errors.js';
import { StaffLayout } from '../../staff/index.js';
import type { Rechtsgrundlage } from '../coaching.tables.js';

export interface IntakePageProps {
  mode: 'intake' | 'referral';
  action: string;
  values: Record<string, string>;
  errors: FieldError[];
  rechtsgrundlagen: Rechtsgrundlage[];
  coaches: { id: string; displayName: string }[];
  consentVersion: string;
  today: string;
}

/** Intake by a coach or referral by a caseworker: person, legal basis, start, coach, informed consent. */
export function IntakePage(p: IntakePageProps) {
  const t = useT();
  const { csrfToken } = useView();
  const base = useTenantBase();
  const v = p.values;
  const err = (field: string) => errorsOf(p.errors, field);
  const title = t(p.mode === 'intake' ? 'coaching:intake.title' : 'coaching:intake.referralTitle');
  return (
    <StaffLayout title={title}>
      <p class="ww-back">
        <a class="kern-link" href={`${base}/staff${p.mode === 'intake' ? '/coaching' : ''}`}>
          {t('common:form.back')}
        </a>
      </p>
      <h1 class="kern-heading-large">{title}</h1>
      <p class="kern-body">{t('coaching:intake.lead')}</p>
      <ErrorSummary errors={p.errors} labels={intakeLabels(t)} />
      <form method="post" action={p.action} novalidate>
        <CsrfField token={csrfToken} />
        <h2 class="kern-heading-medium">{t('coaching:intake.person')}</h2>
        <TextField name="givenName" label={t('coaching:intake.givenName')} value={v.givenName} error={err('givenName')} autocomplete="off" />
        <TextField name="familyName" label={t('coaching:intake.familyName')} value={v.familyName} error={err('familyName')} autocomplete="off" />
        <DateField name="birthDate" label={t('coaching:intake.birthDate')} value={v.birthDate} error={err('birthDate')} />
        <TextField name="email" type="email" label={t('coaching:intake.email')} hint={t('coaching:intake.emailHint')} value={v.email} error={err('email')} optional />
        <TextField name="phone" type="tel" label={t('coaching:intake.phone')} value={v.phone} error={err('phone')} optional />
        <TextField name="languages" label={t('coaching:intake.languages')} hint={t('coaching:intake.languagesHint')} value={v.languages} error={err('languages')} />
        <ChoiceGroup
          name="mailLanguage"
          legend={t('coaching:intake.mailLanguage')}
          hint={t('coaching:intake.mailLanguageHint')}
          value={v.mailLanguage || 'de'}
          error={err('mailLanguage')}
          options={[
            { value: 'de', label: 'Deutsch' },
            { value: 'en', label: 'English' },
          ]}
        />
        <TextField name="bgNummer" label={t('coaching:intake.bgNummer')} value={v.bgNummer} error={err('bgNummer')} optional />
        <h2 class="kern-heading-medium">{t('coaching:intake.coaching')}</h2>
        <SelectField
          name="rechtsgrundlageId"
          label={t('coaching:intake.rechtsgrundlage')}
          value={v.rechtsgrundlageId}
          error={err('rechtsgrundlageId')}
          options={[{ value: '', label: t('coaching:intake.choose') }, ...p.rechtsgrundlagen.map((r) => ({ value: r.id, label: r.label }))]}
        />
        <DateField name="startOn" label={t('coaching:intake.startOn')} value={v.startOn ?? p.today} error={err('startOn')} />
        {p.mode === 'intake' ? (
          <input type="hidden" name="coachId" value={p.coaches[0]?.id} />
        ) : (
          <SelectField
            name="coachId"
            label={t('coaching:intake.coach')}
            value={v.coachId}
            error={err('coachId')}
            options={[{ value: '', label: t('coaching:intake.choose') }, ...p.coaches.map((c) => ({ value: c.id, label: c.displayName }))]}
          />
        )}
        <h2 class="kern-heading-medium">{t('coaching:intake.consentHeading')}</h2>
        <div class="ww-consent" id="consent-text">
          <p class="kern-body">{t('coaching:intake.consentText')}</p>
          <p class="kern-body kern-body--small">{t('coaching:intake.consentVersion', { version: p.consentVersion })}</p>
        </div>
        <ChoiceGroup
          name="consent"
          legend={t('coaching:intake.consentLegend')}
          multiple
          options={[{ value: 'on', label: t('coaching:intake.consentLabel') }]}
          value={v.consent}
          error={err('consent')}
        />
        <Button>{t(p.mode === 'intake' ? 'coaching:intake.submit' : 'coaching:intake.submitReferral')}</Button>
      </form>
    </StaffLayout>
  );
}

/** The intake's field labels, so each entry of the error summary names its field. */
function intakeLabels(t: (key: string) => string): Record<string, string> {
  const keys: Record<string, string> = {
    givenName: 'givenName',
    familyName: 'familyName',
    birthDate: 'birthDate',
    email: 'email',
    phone: 'phone',
    languages: 'languages',
    mailLanguage: 'mailLanguage',
    bgNummer: 'bgNummer',
    rechtsgrundlageId: 'rechtsgrundlage',
    startOn: 'startOn',
    coachId: 'coach',
  };
  return Object.fromEntries(Object.entries(keys).map(([field, key]) => [field, t(`coaching:intake.${key}`)]));
}
