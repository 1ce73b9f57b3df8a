// Steps 1–3 of the booking journey: concern(s), Servicepoint, number of persons. GET forms: the choices are
// ids in the query string, so the back button and bookmarks work without JavaScript.
import { useTenantBase, useView } from '#shared/html/context.js';
import { BackLink, Button, ChoiceGroup } from '#shared/html/components.js';
import { errorsOf, ErrorSummary } from '#shared/html/form-errors.js';
import { Layout } from '#shared/html/Layout.js';
import type { FieldError } from '#shared/http/errors.js';
import { MAX_PERSONS } from '../availability.js';
import { localized } from '../format.js';
import type { TerminLocation, TerminService } from '../termine.tables.js';
import { HiddenJourney, journeyHref, personsLabel, StepIndicator, TermineAssets, type JourneyQuery } from './parts.js';

export function pageTitle(t: (k: string) => string, title: string, errors: FieldError[]): string {
  return errors.length > 0 ? `${t('termine:journey.errorPrefix')} ${title}` : title;
}

export function ChooseServices(props: { services: TerminService[]; selected: string[]; errors: FieldError[] }) {
  const { t, lang } = useView();
  const base = useTenantBase();
  return (
    <Layout title={pageTitle(t, t('termine:services.title'), props.errors)}>
      <TermineAssets />
      <StepIndicator step={1} />
      <ErrorSummary errors={props.errors} />
      <form method="get" action={`${base}/termine/standort`} novalidate>
        <ChoiceGroup
          name="service"
          legend={t('termine:services.question')}
          legendAsHeading
          multiple
          hint={t('termine:services.hint')}
          error={errorsOf(props.errors, 'service')}
          value={props.selected}
          options={props.services.map((s) => ({
            value: s.id,
            label: localized(s.name, lang),
            hint: `${localized(s.description, lang)} ${t('termine:services.duration', { minutes: s.durationMinutes })}`,
          }))}
        />
        <Button>{t('common:form.continue')}</Button>
      </form>
      <section class="ww-section">
        <h2 class="kern-heading-small">{t('termine:services.manageHeading')}</h2>
        <p class="kern-body">{t('termine:services.manageText')}</p>
        <p class="kern-body">
          <a class="kern-link" href={`${base}/termine/finden`}>
            {t('termine:services.findLink')}
          </a>
        </p>
      </section>
    </Layout>
  );
}

export function ChooseLocation(props: {
  q: JourneyQuery;
  locations: TerminLocation[];
  errors: FieldError[];
}) {
  const { t, lang } = useView();
  const base = useTenantBase();
  return (
    <Layout title={pageTitle(t, t('termine:location.title'), props.errors)}>
      <TermineAssets />
      <BackLink href={journeyHref(base, '', { service: props.q.service })} />
      <StepIndicator step={2} />
      <ErrorSummary errors={props.errors} />
      {props.locations.length === 0 ? (
        <>
          <h1 class="kern-heading-large">{t('termine:location.title')}</h1>
          <p class="kern-body">{t('termine:location.none')}</p>
          <p class="kern-body">
            <a class="kern-link" href={journeyHref(base, '', { service: props.q.service })}>
              {t('termine:location.changeServices')}
            </a>
          </p>
        </>
      ) : (
        <form method="get" action={`${base}/termine/personen`} novalidate>
          <HiddenJourney q={{ service: props.q.service }} />
          <ChoiceGroup
            name="location"
            legend={t('termine:location.question')}
            legendAsHeading
            error={errorsOf(props.errors, 'location')}
            value={props.q.location}
            options={props.locations.map((l) => ({
              value: l.id,
              label: l.name,
              hint: `${l.street}, ${l.postalCode} ${l.city}. ${localized(l.accessibility, lang)}`,
            }))}
          />
          <Button>{t('common:form.continue')}</Button>
        </form>
      )}
    </Layout>
  );
}

export function ChoosePersons(props: { q: JourneyQuery; minutes: number; errors: FieldError[] }) {
  const { t } = useView();
  const base = useTenantBase();
  const options = Array.from({ length: MAX_PERSONS }, (_, i) => ({
    value: String(i + 1),
    label: personsLabel(t, i + 1),
    hint: t('termine:persons.minutes', { minutes: props.minutes * (i + 1) }),
  }));
  return (
    <Layout title={pageTitle(t, t('termine:persons.title'), props.errors)}>
      <TermineAssets />
      <BackLink href={journeyHref(base, '/standort', { service: props.q.service, location: props.q.location })} />
      <StepIndicator step={3} />
      <ErrorSummary errors={props.errors} />
      <form method="get" action={`${base}/termine/tag`} novalidate>
        <HiddenJourney q={{ service: props.q.service, location: props.q.location }} />
        <ChoiceGroup
          name="persons"
          legend={t('termine:persons.question')}
          legendAsHeading
          hint={t('termine:persons.hint')}
          error={errorsOf(props.errors, 'persons')}
          value={String(props.q.persons ?? 1)}
          options={options}
        />
        <Button>{t('common:form.continue')}</Button>
      </form>
    </Layout>
  );
}
