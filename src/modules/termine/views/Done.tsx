// After booking: confirmation page, the personal link's page (view, confirm, move, cancel) and short notices.
import { useTenantBase, useView } from '#shared/html/context.js';
import { Alert, Button, ButtonLink, SummaryList } from '#shared/html/components.js';
import { Layout } from '#shared/html/Layout.js';
import { formatDayFull } from '#shared/time.js';
import { formatTime, localized } from '../format.js';
import type { Appointment, TerminLocation, TerminService } from '../termine.tables.js';
import { Address, appointmentWhen, AppointmentSummary, BringList, journeyHref, TermineAssets } from './parts.js';
import { FeedbackLink } from '../../feedback/index.js';

interface ViewProps {
  appointment: Appointment;
  location: TerminLocation;
  services: TerminService[];
  bookingCode: string;
}

/** The code for the Servicepoint check-in; only a booked appointment can be checked in. */
function BookingCode({ code }: { code: string }) {
  const { t } = useView();
  return (
    <section class="ww-section" aria-labelledby="booking-code-heading">
      <h2 class="kern-heading-small" id="booking-code-heading">
        {t('termine:bookingCode.label')}
      </h2>
      <p class="kern-body">
        <strong>{code}</strong>
      </p>
      <p class="kern-body">{t('termine:bookingCode.hint')}</p>
    </section>
  );
}

function PlaceDetails({ location }: { location: TerminLocation }) {
  const { t, lang } = useView();
  return (
    <section class="ww-section" aria-labelledby="place-heading">
      <h2 class="kern-heading-small" id="place-heading">
        {t('termine:summary.directions')}
      </h2>
      <Address location={location} />
      <p class="kern-body">{localized(location.directions, lang)}</p>
      <p class="kern-body">
        <strong>{t('termine:summary.accessibility')}:</strong> {localized(location.accessibility, lang)}
      </p>
    </section>
  );
}

export function ConfirmationPage(props: ViewProps) {
  const { t } = useView();
  const base = useTenantBase();
  const pending = props.appointment.status === 'pending';
  const title = pending ? t('termine:done.pendingTitle') : t('termine:done.title');
  return (
    <Layout title={title}>
      <TermineAssets />
      <div class={`kern-alert kern-alert--${pending ? 'warning' : 'success'}`} role="status">
        <div class="kern-alert__header">
          <span class={`kern-icon kern-icon--${pending ? 'warning' : 'success'}`} aria-hidden="true"></span>
          <h1 class="kern-title kern-title--large">{title}</h1>
        </div>
        <div class="kern-alert__body">
          <p class="kern-body">
            {pending
              ? t('termine:done.pendingText', { email: props.appointment.email, time: formatTime(props.appointment.confirmBy ?? new Date()) })
              : t('termine:done.text', { email: props.appointment.email })}
          </p>
        </div>
      </div>
      <AppointmentSummary appointment={props.appointment} location={props.location} services={props.services} />
      {pending ? null : <BookingCode code={props.bookingCode} />}
      <BringList services={props.services} />
      <PlaceDetails location={props.location} />
      {pending ? null : (
        <p class="kern-body">
          <a class="kern-link" href={`${base}/termine/gebucht/termin.ics`} download="termin.ics">
            {t('termine:done.ics')}
          </a>
        </p>
      )}
      <p class="kern-body">{t('termine:done.manageHint')}</p>
      <p class="kern-body">
        <a class="kern-link" href={base}>
          {t('termine:done.home')}
        </a>
      </p>
      <FeedbackLink service="termine" />
    </Layout>
  );
}

export type ManageNotice = 'cancelled' | 'moved' | 'confirmed' | undefined;

export function ManagePage(props: ViewProps & { actions: { confirm: boolean; cancel: boolean; move: boolean }; linkBase: string; notice: ManageNotice }) {
  const { t, lang } = useView();
  const a = props.appointment;
  const state =
    a.status === 'cancelled' ? (a.cancelReason === 'closure' ? 'closure' : 'cancelled') : a.status === 'pending' ? 'pending' : a.status === 'expired' ? 'expired' : 'booked';
  return (
    <Layout title={t('termine:manage.title')}>
      <TermineAssets />
      <h1 class="kern-heading-large">{t('termine:manage.title')}</h1>
      {props.notice ? <Alert type="success" title={t(`termine:manage.notice.${props.notice}`)} /> : null}
      <Alert type={state === 'booked' ? 'info' : 'warning'} title={t(`termine:manage.state.${state}`)}>
        {state === 'booked' ? <p class="kern-body">{t('termine:manage.bookedText', { date: formatDayFull(a.startsAt, lang), time: formatTime(a.startsAt) })}</p> : null}
        {state === 'pending' ? <p class="kern-body">{t('termine:manage.pendingText', { time: formatTime(a.confirmBy ?? a.startsAt) })}</p> : null}
        {state === 'closure' ? <p class="kern-body">{t('termine:manage.closureText')}</p> : null}
        {state === 'cancelled' || state === 'expired' ? <p class="kern-body">{t('termine:manage.endedText')}</p> : null}
      </Alert>
      <AppointmentSummary appointment={a} location={props.location} services={props.services} />
      {a.status === 'booked' ? <BookingCode code={props.bookingCode} /> : null}
      {props.actions.confirm ? (
        <form method="post" action={`${props.linkBase}/bestaetigen`}>
          <Button>{t('termine:manage.confirm')}</Button>
        </form>
      ) : null}
      {props.actions.move || props.actions.cancel ? (
        <div class="ww-actions">
          {props.actions.move ? (
            <ButtonLink href={`${props.linkBase}/verschieben`} variant={state === 'closure' ? 'primary' : 'secondary'}>
              {state === 'closure' ? t('termine:manage.rebook') : t('termine:manage.move')}
            </ButtonLink>
          ) : null}
          {props.actions.cancel ? (
            <ButtonLink href={`${props.linkBase}/absagen`} variant="secondary">
              {t('termine:manage.cancel')}
            </ButtonLink>
          ) : null}
        </div>
      ) : null}
      {state === 'cancelled' || state === 'expired' ? <BookAgain appointment={a} /> : null}
      {a.status === 'booked' || a.status === 'pending' ? (
        <>
          <BringList services={props.services} />
          <PlaceDetails location={props.location} />
        </>
      ) : null}
      {props.notice === 'moved' || props.notice === 'cancelled' || props.notice === 'confirmed' ? <FeedbackLink service="termine" /> : null}
    </Layout>
  );
}

/** After a cancellation: the same concerns, place and persons, straight to the choice of a day. */
function BookAgain({ appointment: a }: { appointment: Appointment }) {
  const { t } = useView();
  const base = useTenantBase();
  return (
    <section class="ww-section" aria-labelledby="book-again-heading">
      <h2 class="kern-heading-small" id="book-again-heading">
        {t('termine:manage.bookAgainHeading')}
      </h2>
      <p class="kern-body">{t('termine:manage.bookAgainText')}</p>
      <div class="ww-actions">
        <ButtonLink href={journeyHref(base, '/tag', { service: a.serviceIds, location: a.locationId, persons: a.persons })}>{t('termine:manage.bookAgain')}</ButtonLink>
        <a class="kern-link" href={`${base}/termine`}>
          {t('termine:manage.bookOther')}
        </a>
      </div>
    </section>
  );
}

export function ConfirmCancelPage(props: ViewProps & { linkBase: string }) {
  const { t } = useView();
  return (
    <Layout title={t('termine:cancel.title')}>
      <TermineAssets />
      <h1 class="kern-heading-large">{t('termine:cancel.title')}</h1>
      <AppointmentSummary appointment={props.appointment} location={props.location} services={props.services} />
      <p class="kern-body">{t('termine:cancel.text')}</p>
      <form method="post" action={`${props.linkBase}/absagen`} class="ww-actions">
        <Button>{t('termine:cancel.confirm')}</Button>
        <a class="kern-link" href={props.linkBase}>
          {t('termine:cancel.keep')}
        </a>
      </form>
    </Layout>
  );
}

/** Moving is a change to a booked appointment: the current one, the new time, and a button that makes the move. */
export function ConfirmMovePage(props: ViewProps & { linkBase: string; newStartsAt: Date; newEndsAt: Date; date: string }) {
  const { t, lang } = useView();
  const a = props.appointment;
  const when = (from: Date, to: Date) => appointmentWhen(t, lang, from, to);
  return (
    <Layout title={t('termine:move.confirmTitle')}>
      <TermineAssets />
      <h1 class="kern-heading-large">{t('termine:move.confirmTitle')}</h1>
      <SummaryList
        rows={[
          { key: t('termine:move.current'), value: when(a.startsAt, a.endsAt) },
          { key: t('termine:move.new'), value: when(props.newStartsAt, props.newEndsAt) },
        ]}
      />
      <p class="kern-body">{t('termine:move.confirmText', { location: props.location.name })}</p>
      <form method="post" action={`${props.linkBase}/verschieben/bestaetigen`} class="ww-actions" novalidate>
        <input type="hidden" name="startsAt" value={props.newStartsAt.toISOString()} />
        <input type="hidden" name="date" value={props.date} />
        <Button>{t('termine:move.confirm')}</Button>
        <a class="kern-link" href={`${props.linkBase}/verschieben/zeit?date=${props.date}`}>
          {t('termine:move.otherTime')}
        </a>
      </form>
    </Layout>
  );
}

/** A short page for a journey that cannot go on (reservation expired, link unknown). */
export function JourneyMessage(props: { titleKey: string; textKey: string; params?: Record<string, unknown> }) {
  const { t } = useView();
  const base = useTenantBase();
  return (
    <Layout title={t(props.titleKey)}>
      <TermineAssets />
      <h1 class="kern-heading-large">{t(props.titleKey)}</h1>
      <p class="kern-body">{t(props.textKey, props.params ?? {})}</p>
      <p class="kern-body">
        <ButtonLink href={`${base}/termine`}>{t('termine:journey.startAgain')}</ButtonLink>
      </p>
    </Layout>
  );
}
