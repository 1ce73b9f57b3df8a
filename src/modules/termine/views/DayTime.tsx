// Choosing a day (month view with the next free date at the top) and a time; also "this time was just taken".
// Used by the booking journey and by "move my appointment" (different actions, same pages).
import type { ComponentChildren } from 'preact';
import { useView } from '#shared/html/context.js';
import { Alert, BackLink, Button, ChoiceGroup, TableScroll } from '#shared/html/components.js';
import { errorsOf, ErrorSummary } from '#shared/html/form-errors.js';
import { Layout } from '#shared/html/Layout.js';
import type { FieldError } from '#shared/http/errors.js';
import type { AvailableDay, FreeTime } from '../availability.js';
import { formatDayFull } from '#shared/time.js';
import type { LocalDate } from '../holidays.js';
import { pageTitle } from './JourneySteps.js';
import { appointmentWhen, MonthCalendar, StepIndicator, TermineAssets } from './parts.js';

export interface DayPageProps {
  /** Step number in the booking journey; absent when moving an appointment. */
  step?: number | undefined;
  heading: string;
  backHref: string;
  month: string;
  days: AvailableDay[];
  nextFree: (FreeTime & { date: LocalDate }) | null;
  hrefForDay: (date: LocalDate) => string;
  prevMonthHref?: string | undefined;
  nextMonthHref?: string | undefined;
  /** Form that takes a start time (hold or move). */
  action: string;
  hidden: ComponentChildren;
  /** When moving: the appointment being moved, told under the heading so the new day can be chosen against it. */
  current?: { startsAt: Date; endsAt: Date } | undefined;
}

export function ChooseDay(props: DayPageProps) {
  const { t, lang } = useView();
  return (
    <Layout title={props.heading} wide>
      <TermineAssets />
      <BackLink href={props.backHref} />
      {props.step ? <StepIndicator step={props.step} /> : null}
      <h1 class="kern-heading-large">{props.heading}</h1>
      {props.current ? <p class="kern-body kern-body--large">{t('termine:move.currentIs', { when: appointmentWhen(t, lang, props.current.startsAt, props.current.endsAt) })}</p> : null}
      {props.nextFree ? (
        <section class="kern-card ww-next-free" aria-labelledby="next-free-heading">
          <div class="kern-card__container">
            <div class="kern-card__header">
              <h2 class="kern-title" id="next-free-heading">
                {t('termine:day.nextFree')}
              </h2>
            </div>
            <div class="kern-card__body">
              <p class="kern-body kern-body--large">
                {t('termine:day.nextFreeAt', { date: formatDayFull(props.nextFree.date, lang), time: props.nextFree.time })}
              </p>
              <form method="post" action={props.action} class="ww-actions">
                {props.hidden}
                <input type="hidden" name="startsAt" value={props.nextFree.startsAt} />
                <Button>{t('termine:day.takeNextFree')}</Button>
                <a class="kern-link" href={props.hrefForDay(props.nextFree.date)}>
                  {t('termine:day.otherTimesThatDay')}
                </a>
              </form>
            </div>
          </div>
        </section>
      ) : (
        <Alert type="warning" title={t('termine:day.noneTitle')}>
          <p class="kern-body">{t('termine:day.noneText')}</p>
        </Alert>
      )}
      <h2 class="kern-heading-medium">{t('termine:day.calendarHeading')}</h2>
      <p class="kern-body">{t('termine:day.calendarHint')}</p>
      <TableScroll>
        <MonthCalendar month={props.month} days={props.days} hrefFor={props.hrefForDay} />
      </TableScroll>
      <nav class="ww-actions" aria-label={t('termine:day.monthNav')}>
        {props.prevMonthHref ? (
          <a class="kern-link" href={props.prevMonthHref}>
            {t('termine:day.prevMonth')}
          </a>
        ) : null}
        {props.nextMonthHref ? (
          <a class="kern-link" href={props.nextMonthHref}>
            {t('termine:day.nextMonth')}
          </a>
        ) : null}
      </nav>
    </Layout>
  );
}

export function ChooseTime(props: {
  step?: number | undefined;
  date: LocalDate;
  times: FreeTime[];
  action: string;
  hidden: ComponentChildren;
  backHref: string;
  errors: FieldError[];
  /** Replaces the booking journey's hint (which promises to hold the time while details are entered). */
  hint?: string;
}) {
  const { t, lang } = useView();
  const heading = t('termine:time.question', { date: formatDayFull(props.date, lang) });
  return (
    <Layout title={pageTitle(t, heading, props.errors)}>
      <TermineAssets />
      <BackLink href={props.backHref} />
      {props.step ? <StepIndicator step={props.step} /> : null}
      <ErrorSummary errors={props.errors} />
      {props.times.length === 0 ? (
        <>
          <h1 class="kern-heading-large">{heading}</h1>
          <p class="kern-body">{t('termine:time.none')}</p>
          <p class="kern-body">
            <a class="kern-link" href={props.backHref}>
              {t('termine:time.otherDay')}
            </a>
          </p>
        </>
      ) : (
        <form method="post" action={props.action} novalidate>
          {props.hidden}
          <ChoiceGroup
            name="startsAt"
            legend={heading}
            legendAsHeading
            hint={props.hint ?? t('termine:time.hint')}
            error={errorsOf(props.errors, 'startsAt')}
            options={props.times.map((time) => ({ value: time.startsAt, label: t('termine:time.option', { time: time.time }) }))}
          />
          <Button>{t('termine:time.choose')}</Button>
        </form>
      )}
    </Layout>
  );
}

/** 409: the seat went to someone else a moment ago; the next free times are offered at once. */
export function SlotTaken(props: { nextTimes: (FreeTime & { date: LocalDate })[]; action: string; hidden: ComponentChildren; dayHref: string }) {
  const { t, lang } = useView();
  return (
    <Layout title={t('termine:taken.title')}>
      <TermineAssets />
      <h1 class="kern-heading-large">{t('termine:taken.title')}</h1>
      <p class="kern-body kern-body--large">{t('termine:taken.text')}</p>
      {props.nextTimes.length > 0 ? (
        <form method="post" action={props.action} novalidate>
          {props.hidden}
          <ChoiceGroup
            name="startsAt"
            legend={t('termine:taken.question')}
            options={props.nextTimes.map((time) => ({
              value: time.startsAt,
              label: t('termine:taken.option', { date: formatDayFull(time.date, lang), time: time.time }),
            }))}
            value={props.nextTimes[0]!.startsAt}
          />
          <Button>{t('termine:time.choose')}</Button>
        </form>
      ) : (
        <p class="kern-body">{t('termine:day.noneText')}</p>
      )}
      <p class="kern-body">
        <a class="kern-link" href={props.dayHref}>
          {t('termine:taken.otherDay')}
        </a>
      </p>
    </Layout>
  );
}
