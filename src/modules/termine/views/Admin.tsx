// Tenant administration pages: overview with settings, Servicepoint form (hours, closures), concern form.
import { useTenantBase, useView } from '#shared/html/context.js';
import { Alert, Button, ButtonLink, ChoiceGroup, CsrfField, DataTable, DateField, SelectField, TextArea, TextField } from '#shared/html/components.js';
import { errorsOf, ErrorSummary } from '#shared/html/form-errors.js';
import type { FieldError } from '#shared/http/errors.js';
import { StaffLayout } from '../../staff/index.js';
import { formatDayFull } from '#shared/time.js';
import { formatTime, localized } from '../format.js';
import type { SettingsValues } from '../config.service.js';
import type { TerminClosure, TerminLocation, TerminService } from '../termine.tables.js';

export type FormValues = Record<string, string | string[] | undefined>;
const str = (v: FormValues, k: string) => (Array.isArray(v[k]) ? (v[k] as string[])[0] : (v[k] as string | undefined)) ?? '';

function Checkbox({ name, legend, label, checked }: { name: string; legend: string; label: string; checked: boolean }) {
  return <ChoiceGroup name={name} legend={legend} multiple options={[{ value: 'on', label }]} value={checked ? ['on'] : []} />;
}

export function AdminOverviewPage(props: {
  settings: SettingsValues;
  locations: TerminLocation[];
  services: TerminService[];
  pairs: { locationId: string; serviceId: string }[];
  values?: FormValues | undefined;
  errors: FieldError[];
  notice?: string | undefined;
}) {
  const { t, lang, csrfToken } = useView();
  const base = `${useTenantBase()}/staff/termine`;
  const v: FormValues = props.values ?? Object.fromEntries(Object.entries(props.settings).map(([k, x]) => [k, String(x)]));
  const num = (name: string, hintKey?: string) => (
    <TextField name={name} label={t(`termine:admin.settings.${name}`)} hint={hintKey ? t(hintKey) : undefined} inputmode="numeric" width={4} value={str(v, name)} error={errorsOf(props.errors, name)} />
  );
  const policies = ['closed', 'morning', 'open'].map((p) => ({ value: p, label: t(`termine:admin.settings.policy.${p}`) }));
  return (
    <StaffLayout title={t('termine:admin.title')} wide>
      <h1 class="kern-heading-large">{t('termine:admin.title')}</h1>
      {props.notice ? <Alert type="success" title={t(`termine:admin.notice.${props.notice}`)} /> : null}
      <ErrorSummary errors={props.errors} />
      <h2 class="kern-heading-medium">{t('termine:admin.locations')}</h2>
      <DataTable
        head={[t('termine:admin.location.name'), t('termine:summary.location'), t('termine:admin.seats'), t('termine:admin.status')]}
        rows={props.locations}
        rowKey={(l) => l.id}
        cells={(l) => [
          <a class="kern-link" href={`${base}/standorte/${l.id}`}>
            {l.name}
          </a>,
          `${l.street}, ${l.postalCode} ${l.city}`,
          t('termine:admin.seatsValue', { online: l.seatsOnline, total: l.seatsTotal }),
          l.active ? t('termine:admin.active') : t('termine:admin.inactive'),
        ]}
      />
      <p class="kern-body">
        <ButtonLink href={`${base}/standorte/neu`} variant="secondary">
          {t('termine:admin.newLocation')}
        </ButtonLink>
      </p>
      <h2 class="kern-heading-medium">{t('termine:admin.services')}</h2>
      <DataTable
        head={[t('termine:admin.service.nameDe'), t('termine:admin.service.durationMinutes'), t('termine:admin.service.onlineBookable'), t('termine:admin.locations')]}
        rows={props.services}
        rowKey={(s) => s.id}
        cells={(s) => [
          <>
            <a class="kern-link" href={`${base}/anliegen/${s.id}`}>
              {localized(s.name, lang)}
            </a>
            {s.active ? null : ` (${t('termine:admin.inactive')})`}
          </>,
          s.durationMinutes,
          s.onlineBookable ? t('common:form.yes') : t('common:form.no'),
          props.pairs.filter((p) => p.serviceId === s.id).length,
        ]}
      />
      <p class="kern-body">
        <ButtonLink href={`${base}/anliegen/neu`} variant="secondary">
          {t('termine:admin.newService')}
        </ButtonLink>
      </p>
      <h2 class="kern-heading-medium" id="einstellungen">
        {t('termine:admin.settings.title')}
      </h2>
      <form method="post" action={`${base}/einstellungen`} novalidate class="ww-main--narrow">
        <CsrfField token={csrfToken} />
        {num('holdMinutes')}
        <Checkbox name="doubleOptIn" legend={t('termine:admin.settings.doubleOptInLegend')} label={t('termine:admin.settings.doubleOptIn')} checked={str(v, 'doubleOptIn') === 'true' || str(v, 'doubleOptIn') === 'on'} />
        {num('confirmMinutes')}
        {num('reminderHours', 'termine:admin.settings.reminderHint')}
        {num('maxFutureAppointmentsPerEmail')}
        {num('retentionDays')}
        {num('holdsPerIpHour')}
        {num('bookingsPerIpHour')}
        {num('bookingsPerEmailDay')}
        <SelectField name="heiligabend" label={t('termine:admin.settings.heiligabend')} options={policies} value={str(v, 'heiligabend')} error={errorsOf(props.errors, 'heiligabend')} />
        <SelectField name="silvester" label={t('termine:admin.settings.silvester')} options={policies} value={str(v, 'silvester')} error={errorsOf(props.errors, 'silvester')} />
        <Button>{t('common:form.save')}</Button>
      </form>
    </StaffLayout>
  );
}

export const weekdayKeys = [1, 2, 3, 4, 5, 6, 7] as const;

export function LocationFormPage(props: { location?: TerminLocation | undefined; values: FormValues; errors: FieldError[]; closures: TerminClosure[]; closureValues: FormValues; closureErrors: FieldError[]; notice?: string | undefined }) {
  const { t, lang, csrfToken } = useView();
  const base = `${useTenantBase()}/staff/termine`;
  const action = props.location ? `${base}/standorte/${props.location.id}` : `${base}/standorte/neu`;
  const title = props.location ? props.location.name : t('termine:admin.newLocation');
  const field = (name: string, extra: { hint?: string; numeric?: boolean; optional?: boolean } = {}) => (
    <TextField
      name={name}
      label={t(`termine:admin.location.${name}`)}
      hint={extra.hint}
      inputmode={extra.numeric ? 'numeric' : undefined}
      width={extra.numeric ? 4 : undefined}
      optional={extra.optional}
      value={str(props.values, name)}
      error={errorsOf(props.errors, name)}
    />
  );
  return (
    <StaffLayout title={title}>
      <p class="ww-back">
        <a class="kern-link" href={base}>
          {t('termine:admin.back')}
        </a>
      </p>
      <h1 class="kern-heading-large">{title}</h1>
      {props.notice ? <Alert type="success" title={t(`termine:admin.notice.${props.notice}`)} /> : null}
      <ErrorSummary errors={[...props.errors, ...props.closureErrors]} />
      <form method="post" action={action} novalidate>
        <CsrfField token={csrfToken} />
        {field('name')}
        {field('street')}
        {field('postalCode', { numeric: true })}
        {field('city')}
        {field('phone', { optional: true })}
        <TextArea name="directionsDe" label={t('termine:admin.location.directionsDe')} rows={3} optional value={str(props.values, 'directionsDe')} error={errorsOf(props.errors, 'directionsDe')} />
        <TextArea name="directionsEn" label={t('termine:admin.location.directionsEn')} rows={3} optional value={str(props.values, 'directionsEn')} />
        <TextArea name="accessibilityDe" label={t('termine:admin.location.accessibilityDe')} rows={3} optional value={str(props.values, 'accessibilityDe')} error={errorsOf(props.errors, 'accessibilityDe')} />
        <TextArea name="accessibilityEn" label={t('termine:admin.location.accessibilityEn')} rows={3} optional value={str(props.values, 'accessibilityEn')} />
        {field('slotMinutes', { numeric: true, hint: t('termine:admin.location.slotHint') })}
        {field('seatsTotal', { numeric: true })}
        {field('seatsOnline', { numeric: true, hint: t('termine:admin.location.seatsOnlineHint') })}
        {field('horizonDays', { numeric: true })}
        <SelectField
          name="minNoticeKind"
          label={t('termine:admin.location.minNoticeKind')}
          value={str(props.values, 'minNoticeKind')}
          options={[
            { value: 'nextWorkingDay', label: t('termine:admin.location.nextWorkingDay') },
            { value: 'hours', label: t('termine:admin.location.hoursAhead') },
          ]}
        />
        {field('minNoticeHours', { numeric: true })}
        <fieldset class="kern-fieldset" aria-describedby="hours-hint">
          <legend class="kern-label">{t('termine:admin.location.hours')}</legend>
          <div class="kern-hint" id="hours-hint">
            {t('termine:admin.location.hoursHint')}
          </div>
          {weekdayKeys.map((d) => (
            <TextField key={d} name={`hours${d}`} label={t(`termine:admin.weekday.${d}`)} optional value={str(props.values, `hours${d}`)} error={errorsOf(props.errors, `hours${d}`) ?? (d === 1 ? errorsOf(props.errors, 'hours') : undefined)} />
          ))}
        </fieldset>
        <Checkbox name="active" legend={t('termine:admin.status')} label={t('termine:admin.activeLabel')} checked={str(props.values, 'active') === 'on' || str(props.values, 'active') === 'true'} />
        <Button>{t('common:form.save')}</Button>
      </form>
      {props.location ? (
        <section class="ww-section" aria-labelledby="closures-heading">
          <h2 class="kern-heading-medium" id="closures-heading">
            {t('termine:admin.closures.title')}
          </h2>
          {props.closures.length === 0 ? (
            <p class="kern-body">{t('termine:admin.closures.none')}</p>
          ) : (
            <ul class="kern-list kern-list--bullet">
              {props.closures.map((c) => (
                <li key={c.id}>
                  {t('termine:admin.closures.item', { date: formatDayFull(c.startsAt, lang), from: formatTime(c.startsAt), to: formatTime(c.endsAt), reason: c.reason || '–' })}{' '}
                  <form method="post" action={`${action}/schliessungen/${c.id}/loeschen`} class="ww-inline-form">
                    <CsrfField token={csrfToken} />
                    <Button variant="tertiary">{t('termine:admin.closures.remove')}</Button>
                  </form>
                </li>
              ))}
            </ul>
          )}
          <h3 class="kern-heading-small">{t('termine:admin.closures.add')}</h3>
          <p class="kern-body">{t('termine:admin.closures.hint')}</p>
          <form method="post" action={`${action}/schliessungen`} novalidate>
            <CsrfField token={csrfToken} />
            <DateField name="date" label={t('termine:admin.closures.date')} value={str(props.closureValues, 'date')} error={errorsOf(props.closureErrors, 'date')} />
            <TextField name="from" label={t('termine:admin.closures.from')} optional width={4} value={str(props.closureValues, 'from')} error={errorsOf(props.closureErrors, 'from')} />
            <TextField name="to" label={t('termine:admin.closures.to')} optional width={4} value={str(props.closureValues, 'to')} error={errorsOf(props.closureErrors, 'to')} />
            <TextField name="reason" label={t('termine:admin.closures.reason')} optional value={str(props.closureValues, 'reason')} />
            <Button>{t('termine:admin.closures.submit')}</Button>
          </form>
        </section>
      ) : null}
    </StaffLayout>
  );
}

export function ServiceFormPage(props: { service?: TerminService | undefined; locations: TerminLocation[]; values: FormValues; errors: FieldError[]; notice?: string | undefined }) {
  const { t, lang, csrfToken } = useView();
  const base = `${useTenantBase()}/staff/termine`;
  const action = props.service ? `${base}/anliegen/${props.service.id}` : `${base}/anliegen/neu`;
  const title = props.service ? localized(props.service.name, lang) : t('termine:admin.newService');
  const textField = (name: string, optional = false) => (
    <TextField name={name} label={t(`termine:admin.service.${name}`)} optional={optional} value={str(props.values, name)} error={errorsOf(props.errors, name)} />
  );
  const area = (name: string, hint?: string) => (
    <TextArea name={name} label={t(`termine:admin.service.${name}`)} hint={hint} optional rows={4} value={str(props.values, name)} error={errorsOf(props.errors, name)} />
  );
  const selected = props.values.locationIds;
  return (
    <StaffLayout title={title}>
      <p class="ww-back">
        <a class="kern-link" href={base}>
          {t('termine:admin.back')}
        </a>
      </p>
      <h1 class="kern-heading-large">{title}</h1>
      {props.notice ? <Alert type="success" title={t(`termine:admin.notice.${props.notice}`)} /> : null}
      <ErrorSummary errors={props.errors} />
      <form method="post" action={action} novalidate>
        <CsrfField token={csrfToken} />
        {textField('nameDe')}
        {textField('nameEn', true)}
        {area('descriptionDe')}
        {area('descriptionEn')}
        <TextField name="durationMinutes" label={t('termine:admin.service.durationMinutes')} inputmode="numeric" width={4} value={str(props.values, 'durationMinutes')} error={errorsOf(props.errors, 'durationMinutes')} />
        {area('bringDe', t('termine:admin.service.bringHint'))}
        {area('bringEn', t('termine:admin.service.bringHint'))}
        <ChoiceGroup
          name="locationIds"
          legend={t('termine:admin.service.locations')}
          multiple
          optional
          error={errorsOf(props.errors, 'locationIds')}
          value={Array.isArray(selected) ? selected : selected ? [selected] : []}
          options={props.locations.map((l) => ({ value: l.id, label: l.name }))}
        />
        <Checkbox name="onlineBookable" legend={t('termine:admin.service.onlineBookable')} label={t('termine:admin.service.onlineBookableLabel')} checked={str(props.values, 'onlineBookable') === 'on'} />
        <Checkbox name="active" legend={t('termine:admin.status')} label={t('termine:admin.activeLabel')} checked={str(props.values, 'active') === 'on'} />
        <Button>{t('common:form.save')}</Button>
      </form>
    </StaffLayout>
  );
}
