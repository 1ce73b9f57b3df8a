import { Alert, Button, ButtonLink, SelectField, TextField } from '#shared/html/components.js';
import { errorsOf, ErrorSummary } from '#shared/html/form-errors.js';
import { useTenantBase, useView } from '#shared/html/context.js';
import { Layout } from '#shared/html/Layout.js';
import type { FieldError } from '#shared/http/errors.js';
import { formatMonthYear } from '#shared/time.js';
import { EstimateView, type HouseholdEstimate } from '../../antrag/index.js';
import { FURTHER_PEOPLE, FURTHER_ROLES, type FormValues } from '../rechner.form.js';
import { EDUCATION, INCOME_KINDS, RESIDENCE } from '../rechner.schemas.js';
import { FeedbackLink } from '../../feedback/index.js';

export interface RechnerPageProps {
  values: FormValues;
  errors: FieldError[];
  /** months the form offers, YYYY-MM */
  months: string[];
  estimate?: HouseholdEstimate | undefined;
  /** the documents to bring, i18n keys below rechner:documents */
  documents?: string[] | undefined;
}

function useField(values: FormValues, errors: FieldError[]) {
  const { t } = useView();
  return {
    text: (name: string, labelKey: string, opts: { hint?: string; inputmode?: 'decimal' | 'numeric'; required?: boolean } = {}) => (
      <TextField
        name={name}
        label={t(labelKey)}
        hint={opts.hint ? t(opts.hint) : undefined}
        value={values[name]}
        error={errorsOf(errors, name)}
        inputmode={opts.inputmode}
        optional={opts.required !== true}
      />
    ),
    select: (name: string, labelKey: string, options: { value: string; labelKey: string }[]) => (
      <SelectField
        name={name}
        label={t(labelKey)}
        value={values[name]}
        error={errorsOf(errors, name)}
        options={options.map((o) => ({ value: o.value, label: t(o.labelKey) }))}
      />
    ),
    check: (name: string, labelKey: string) => (
      <div class="kern-form-check ww-check">
        <input class="kern-form-check__checkbox" type="checkbox" id={`f-${name.replace('.', '-')}`} name={name} value="yes" checked={values[name] === 'yes'} />
        <label class="kern-label" for={`f-${name.replace('.', '-')}`}>
          {t(labelKey)}
        </label>
      </div>
    ),
  };
}

function PersonFields({ slot, values, errors }: { slot: number; values: FormValues; errors: FieldError[] }) {
  const f = useField(values, errors);
  const p = `m${slot}.`;
  return (
    <>
      {f.text(`${p}birthDate`, 'rechner:form.birthDate', { hint: 'rechner:form.birthDateHint', required: slot === 0 })}
      {f.text(`${p}gross`, 'rechner:form.gross', { hint: 'rechner:form.grossHint', inputmode: 'decimal' })}
      {f.text(`${p}net`, 'rechner:form.net', { inputmode: 'decimal' })}
      {f.select(`${p}incomeKind`, 'rechner:form.incomeKind', INCOME_KINDS.map((k) => ({ value: k, labelKey: `rechner:income.${k}` })))}
      {f.text(`${p}income`, 'rechner:form.income', { hint: slot === 0 ? 'rechner:form.incomeHintApplicant' : 'rechner:form.incomeHint', inputmode: 'decimal' })}
      {f.text(`${p}pregnancyWeek`, 'rechner:form.pregnancyWeek', { inputmode: 'numeric' })}
      {f.check(`${p}disability`, 'rechner:form.disability')}
      {f.check(`${p}inEducation`, 'rechner:form.inEducation')}
    </>
  );
}

function RechnerForm({ values, errors, months }: Pick<RechnerPageProps, 'values' | 'errors' | 'months'>) {
  const { t, lang } = useView();
  const base = useTenantBase();
  const f = useField(values, errors);
  return (
    <form method="post" action={`${base}/rechner`} class="ww-no-print" novalidate>
      <SelectField name="month" label={t('rechner:form.month')} value={values.month} error={errorsOf(errors, 'month')} options={months.map((m) => ({ value: m, label: formatMonthYear(m, lang) }))} />
      <h2 class="kern-heading-medium" id="f-members" tabindex={-1}>
        {t('rechner:form.you')}
      </h2>
      <PersonFields slot={0} values={values} errors={errors} />
      {f.select('m0.ableToWork', 'rechner:form.ableToWork', [
        { value: 'yes', labelKey: 'rechner:form.yes' },
        { value: 'no', labelKey: 'rechner:form.no' },
      ])}
      {f.select('m0.education', 'rechner:form.education', EDUCATION.map((e) => ({ value: e, labelKey: `rechner:education.${e}` })))}
      {f.select('m0.residence', 'rechner:form.residence', RESIDENCE.map((r) => ({ value: r, labelKey: `rechner:residence.${r}` })))}
      {f.check('m0.oldAgePension', 'rechner:form.oldAgePension')}
      {f.check('m0.inInstitution', 'rechner:form.inInstitution')}
      {f.check('m0.minorChildElsewhere', 'rechner:form.minorChildElsewhere')}

      <h2 class="kern-heading-medium">{t('rechner:form.household')}</h2>
      <p class="kern-body">{t('rechner:form.householdIntro')}</p>
      {Array.from({ length: FURTHER_PEOPLE }, (_, k) => k + 1).map((slot) => {
        const filled = (values[`m${slot}.role`] ?? '') !== '';
        const hasError = errors.some((e) => e.field.startsWith(`m${slot}.`));
        return (
          <details class="ww-rechner-person" key={slot} open={filled || hasError || slot === 1}>
            <summary>{t('rechner:person', { n: slot + 1 })}</summary>
            {f.select(`m${slot}.role`, 'rechner:form.role', [{ value: '', labelKey: 'rechner:form.nobody' }, ...FURTHER_ROLES.map((r) => ({ value: r, labelKey: `rechner:role.${r}` }))])}
            <PersonFields slot={slot} values={values} errors={errors} />
          </details>
        );
      })}

      <h2 class="kern-heading-medium">{t('rechner:form.housing')}</h2>
      {f.text('rent', 'rechner:form.rent', { hint: 'rechner:form.rentHint', inputmode: 'decimal' })}
      {f.text('heating', 'rechner:form.heating', { inputmode: 'decimal' })}
      {f.check('hotWater', 'rechner:form.hotWater')}
      {f.select('firstYear', 'rechner:form.firstYear', [
        { value: 'yes', labelKey: 'rechner:form.yes' },
        { value: 'no', labelKey: 'rechner:form.no' },
      ])}
      <h2 class="kern-heading-medium">{t('rechner:form.assetsHeading')}</h2>
      {f.text('assets', 'rechner:form.assets', { hint: 'rechner:form.assetsHint', inputmode: 'decimal' })}
      <div class="ww-actions">
        <Button>{t('rechner:form.submit')}</Button>
      </div>
    </form>
  );
}

/** The public Bürgergeld-Rechner: the form, and after sending it the estimate above the form (nothing is stored). */
const LABELLED_FIELDS = new Set(['month', 'birthDate', 'gross', 'net', 'incomeKind', 'income', 'pregnancyWeek', 'ableToWork', 'education', 'residence', 'role', 'rent', 'heating', 'firstYear', 'assets']);

/** In the error summary each message names its field ("Person 2 – Bruttolohn: …"): the same message can stand for several people's amounts. */
function namedErrors(errors: FieldError[], t: (key: string, params?: Record<string, unknown>) => string): FieldError[] {
  return errors.map((error) => {
    const member = /^m(\d+)\.(\w+)$/.exec(error.field);
    const name = member ? member[2]! : error.field;
    if (!LABELLED_FIELDS.has(name)) return error;
    const label = member ? `${t('rechner:person', { n: Number(member[1]) + 1 })} – ${t(`rechner:form.${name}`)}` : t(`rechner:form.${name}`);
    return { ...error, message: 'rechner:errors.named', params: { label, text: t(error.message, error.params ?? {}) } };
  });
}

export function RechnerPage({ values, errors, months, estimate, documents }: RechnerPageProps) {
  const { t } = useView();
  const base = useTenantBase();
  return (
    <Layout title={t('rechner:title')}>
      <h1 class="kern-heading-large">{t(estimate ? 'rechner:resultTitle' : 'rechner:title')}</h1>
      <ErrorSummary errors={namedErrors(errors, t)} />
      <Alert type="info" title={t('rechner:nonBindingTitle')}>
        <p class="kern-body">{t('rechner:nonBinding')}</p>
      </Alert>
      {estimate ? (
        <EstimateView
          result={estimate.result}
          limits={estimate.limits}
          bgSize={estimate.bgSize}
          next={
            <section>
              <h2 class="kern-heading-medium">{t('rechner:next.heading')}</h2>
              <p class="kern-body">{t('rechner:next.apply')}</p>
              <p class="ww-actions ww-no-print">
                <ButtonLink href={`${base}/antrag`}>{t('rechner:next.applyLink')}</ButtonLink>
                <ButtonLink href={`${base}/termine`} variant="secondary">
                  {t('rechner:next.appointmentLink')}
                </ButtonLink>
              </p>
              <h3 class="kern-heading-small">{t('rechner:next.documents')}</h3>
              <ul class="kern-list kern-list--bullet">
                {(documents ?? []).map((d) => (
                  <li key={d}>{t(`rechner:documents.${d}`)}</li>
                ))}
              </ul>
              <p class="kern-body ww-no-print">{t('rechner:next.print')}</p>
              <div class="ww-no-print">
                <FeedbackLink service="rechner" />
              </div>
              <h2 class="kern-heading-medium ww-no-print">{t('rechner:change')}</h2>
            </section>
          }
        />
      ) : (
        <p class="kern-body">{t('rechner:intro')}</p>
      )}
      <RechnerForm values={values} errors={errors} months={months} />
    </Layout>
  );
}
