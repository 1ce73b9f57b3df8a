import { Alert, BackLink, Button, ChoiceGroup, CsrfField, SelectField, SummaryList } from '#shared/html/components.js';
import { errorsOf, ErrorSummary } from '#shared/html/form-errors.js';
import { useT, useView } from '#shared/html/context.js';
import type { FieldError } from '#shared/http/errors.js';
import { formatDayShort, localDateIn } from '#shared/time.js';
import { StaffLayout } from '../../staff/index.js';
import type { SlotPicker } from '../termin.service.js';
import { TerminEntry } from './DossierTermine.js';
import { CoachingAssets } from './parts.js';

export interface TerminPageProps {
  picker: SlotPicker;
  base: string;
  errors?: FieldError[] | undefined;
}

/**
 * The slot picker: the free times of the coaching concern at the coach's location (staff channel: all seats). A
 * GET form chooses place and day, a POST form books or moves; no JavaScript needed.
 */
export function TerminPage({ picker: p, base, errors = [] }: TerminPageProps) {
  const t = useT();
  const { lang, csrfToken } = useView();
  const name = `${p.tn.givenName} ${p.tn.familyName}`;
  const dossier = `${base}/${p.tn.id}`;
  const title = p.moving ? t('coaching:termin.moveTitle', { name }) : t('coaching:termin.bookTitle', { name });
  const weekday = (date: string) => localDateIn(date, lang).toFormat('ccc');
  return (
    <StaffLayout title={title}>
      <CoachingAssets />
      <BackLink href={`${dossier}#termine`} />
      <h1 class="kern-heading-large">{title}</h1>
      <ErrorSummary errors={errors} labels={{ ort: t('coaching:termin.place'), datum: t('coaching:termin.day') }} />
      {p.moving ? (
        <SummaryList rows={[{ key: t('coaching:termin.current'), value: <TerminEntry eintrag={p.moving} /> }]} />
      ) : null}
      {!p.anliegen || !p.ort ? (
        <Alert type="info" title={t('coaching:termin.noConcern')} />
      ) : (
        <>
          <p class="kern-body">{t('coaching:termin.concern', { concern: p.anliegen.name[lang] ?? p.anliegen.name.de })}</p>
          <form method="get" action={`${dossier}/termin`} class="ww-termin-filter">
            {p.moving ? <input type="hidden" name="verschieben" value={p.moving.aktivitaetId} /> : null}
            {p.anliegen.orte.length > 1 && !p.moving ? (
              <SelectField name="ort" label={t('coaching:termin.place')} value={p.ort.id} options={p.anliegen.orte.map((o) => ({ value: o.id, label: o.name }))} />
            ) : (
              <p class="kern-body">
                {t('coaching:termin.place')}: <strong>{p.ort.name}</strong>
              </p>
            )}
            {p.days.length ? (
              <>
                <SelectField
                  name="datum"
                  label={t('coaching:termin.day')}
                  value={p.date}
                  options={p.days.map((d) => ({ value: d.date, label: t('coaching:termin.dayOption', { day: `${weekday(d.date)} ${formatDayShort(d.date, lang)}`, count: d.freeTimes }) }))}
                />
                <Button variant="secondary">{t('coaching:termin.showTimes')}</Button>
              </>
            ) : null}
          </form>
          {p.days.length === 0 ? <Alert type="info" title={t('coaching:termin.noDays')} /> : null}
          {p.date && p.times.length ? (
            <form method="post" action={p.moving ? `${base}/${p.tn.id}/termine/${p.moving.aktivitaetId}/verschieben` : `${dossier}/termin`} class="ww-termin-times" novalidate>
              <CsrfField token={csrfToken} />
              <input type="hidden" name="ort" value={p.ort.id} />
              <input type="hidden" name="datum" value={p.date} />
              <ChoiceGroup
                name="startsAt"
                legend={t('coaching:termin.times', { day: `${weekday(p.date)} ${formatDayShort(p.date, lang)}` })}
                options={p.times.map((time) => ({ value: time.startsAt, label: time.time }))}
                error={errorsOf(errors, 'startsAt')}
              />
              <p class="kern-body">{p.tn.email ? t('coaching:termin.mailHint', { email: p.tn.email }) : t('coaching:termin.noMailHint')}</p>
              <Button>{p.moving ? t('coaching:termin.confirmMove') : t('coaching:termin.confirmBook')}</Button>
            </form>
          ) : null}
        </>
      )}
    </StaffLayout>
  );
}
