import type { FieldError } from '#shared/http/errors.js';
import { Alert, BackLink, Button, CsrfField, DateField, SelectField, SummaryList, TextArea, TextField, type Option } from '#shared/html/components.js';
import { errorsOf, ErrorSummary } from '#shared/html/form-errors.js';
import { useT, useTenantBase, useView } from '#shared/html/context.js';
import type { Appointment } from '../../termine/index.js';
import { StaffLayout } from '../../staff/index.js';
import { ticketLabel } from '../queue.js';
import type { Visit } from '../servicepoint.tables.js';
import type { DeskLocation } from '../termine.adapter.js';
import type { WaitEstimate } from '../queue.js';
import { berlinDate, berlinTime } from '#shared/time.js';

type Values = Record<string, string | undefined>;

/** The printable ticket: number, location and the estimated wait (or that no seats are left today). */
export function TicketPage({ visit, location, estimate }: { visit: Visit; location: DeskLocation; estimate: WaitEstimate }) {
  const t = useT();
  const base = useTenantBase();
  return (
    <StaffLayout title={t('servicepoint:ticket.title', { ticket: ticketLabel(visit.ticket) })}>
      <BackLink href={`${base}/staff/servicepoint/${location.id}`} />
      <div class="sp-ticket">
        <p class="kern-body">{location.name}</p>
        <h1 class="sp-ticket__number">
          <span class="kern-sr-only">{t('servicepoint:ticket.numberLabel')} </span>
          {ticketLabel(visit.ticket)}
        </h1>
        <p class="kern-body">{t('servicepoint:ticket.arrived', { time: berlinTime(visit.arrivedAt) })}</p>
        {visit.status === 'waiting' ? (
          <p class="kern-body sp-ticket__wait">{estimate.fromMinutes === 0 ? t('servicepoint:ticket.waitUpTo', { to: estimate.toMinutes }) : t('servicepoint:ticket.wait', { from: estimate.fromMinutes, to: estimate.toMinutes })}</p>
        ) : (
          <p class="kern-body">{t(`servicepoint:visitStatus.${visit.status}`)}</p>
        )}
        {estimate.noSeatsLeft && visit.channel === 'walk_in' ? <p class="kern-body sp-ticket__full">{t('servicepoint:ticket.noSeatsLeft')}</p> : null}
        <p class="kern-body">{t('servicepoint:ticket.watchScreen')}</p>
      </div>
      <button class="kern-btn kern-btn--secondary sp-no-print" type="button" data-print hidden>
        <span class="kern-label">{t('servicepoint:ticket.print')}</span>
      </button>
      <script src="/assets/servicepoint.js" defer></script>
    </StaffLayout>
  );
}

export function AppointmentPage({ appointment, location, values = {}, errors = [] }: { appointment: Appointment; location: DeskLocation; values?: Values; errors?: FieldError[] }) {
  const t = useT();
  const { csrfToken } = useView();
  const base = `${useTenantBase()}/staff/servicepoint/${location.id}`;
  const day = berlinDate(appointment.startsAt);
  return (
    <StaffLayout title={t('servicepoint:change.title')}>
      <BackLink href={`${base}?date=${day}`} />
      <h1 class="kern-heading-large">{t('servicepoint:change.title')}</h1>
      <ErrorSummary errors={errors} />
      <SummaryList
        rows={[
          { key: t('servicepoint:day.name'), value: appointment.name ?? '–' },
          { key: t('servicepoint:day.time'), value: `${day} ${berlinTime(appointment.startsAt)}` },
          { key: t('servicepoint:day.persons'), value: String(appointment.persons) },
        ]}
      />
      <form method="post" action={`${base}/termine/${appointment.id}/verschieben`} novalidate>
        <h2 class="kern-heading-medium">{t('servicepoint:change.move')}</h2>
        <CsrfField token={csrfToken} />
        <DateField name="date" label={t('servicepoint:change.newDate')} value={values.date ?? day} error={errorsOf(errors, 'date')} />
        <TextField name="time" label={t('servicepoint:change.newTime')} hint={t('servicepoint:change.timeHint')} value={values.time} error={errorsOf(errors, 'time') ?? errorsOf(errors, 'startsAt')} width={4} />
        <TextArea name="reason" label={t('servicepoint:change.reason')} hint={t('servicepoint:change.reasonHint')} value={values.reason} error={errorsOf(errors, 'reason')} rows={2} />
        <Button>{t('servicepoint:change.moveSubmit')}</Button>
      </form>
      <form method="post" action={`${base}/termine/${appointment.id}/absagen`} novalidate>
        <h2 class="kern-heading-medium">{t('servicepoint:change.cancel')}</h2>
        <CsrfField token={csrfToken} />
        <TextArea name="reason" label={t('servicepoint:change.reason')} hint={t('servicepoint:change.reasonHint')} value={values.cancelReason} error={errorsOf(errors, 'cancelReason')} rows={2} />
        <Button variant="secondary">{t('servicepoint:change.cancelSubmit')}</Button>
      </form>
    </StaffLayout>
  );
}

export function PhoneBookingPage({
  location,
  services,
  values = {},
  errors = [],
  booked,
  times,
}: {
  location: DeskLocation;
  services: Option[];
  values?: Values;
  errors?: FieldError[];
  booked?: { code: string; day: string; time: string } | undefined;
  /** Free times of the chosen service, persons and day; undefined until those are chosen. */
  times?: Option[] | undefined;
}) {
  const t = useT();
  const { csrfToken } = useView();
  const base = `${useTenantBase()}/staff/servicepoint/${location.id}`;
  return (
    <StaffLayout title={t('servicepoint:phone.title')}>
      <BackLink href={base} />
      <h1 class="kern-heading-large">{t('servicepoint:phone.title')}</h1>
      {booked ? (
        <Alert type="success" title={t('servicepoint:phone.booked', booked)}>
          <p class="kern-body">{t('servicepoint:phone.tellCode', { code: booked.code })}</p>
        </Alert>
      ) : null}
      <ErrorSummary errors={errors} />
      <form method="get" action={`${base}/telefon`} class="sp-filter">
        <h2 class="kern-heading-small sp-filter__title">{t('servicepoint:phone.step1')}</h2>
        <SelectField name="serviceId" label={t('servicepoint:day.service')} options={services} value={values.serviceId} error={errorsOf(errors, 'serviceId') ?? errorsOf(errors, 'service')} />
        <SelectField name="persons" label={t('servicepoint:day.persons')} options={['1', '2', '3'].map((n) => ({ value: n, label: n }))} value={values.persons} error={errorsOf(errors, 'persons')} />
        <DateField name="date" label={t('servicepoint:change.newDate')} value={values.date} error={errorsOf(errors, 'date')} />
        <Button variant="secondary">{t('servicepoint:phone.showTimes')}</Button>
      </form>
      {times === undefined ? null : times.length === 0 ? (
        <p class="kern-body">{t('servicepoint:phone.noTimes')}</p>
      ) : (
        <form method="post" action={`${base}/telefon`} novalidate>
          <h2 class="kern-heading-small">{t('servicepoint:phone.step2')}</h2>
          <CsrfField token={csrfToken} />
          {(['serviceId', 'persons', 'date'] as const).map((name) => (
            <input key={name} type="hidden" name={name} value={values[name] ?? ''} />
          ))}
          <SelectField name="time" label={t('servicepoint:change.newTime')} options={times} value={values.time} error={errorsOf(errors, 'time') ?? errorsOf(errors, 'startsAt')} />
          <TextField name="name" label={t('servicepoint:phone.name')} value={values.name} error={errorsOf(errors, 'name')} autocomplete="off" />
          <TextField name="email" type="email" label={t('servicepoint:phone.email')} hint={t('servicepoint:phone.emailHint')} value={values.email} error={errorsOf(errors, 'email')} optional autocomplete="off" />
          <TextField name="phone" type="tel" label={t('servicepoint:phone.phone')} value={values.phone} error={errorsOf(errors, 'phone')} optional autocomplete="off" />
          <Button>{t('servicepoint:phone.submit')}</Button>
        </form>
      )}
    </StaffLayout>
  );
}

export function ClosurePage({ location, values = {}, errors = [], result }: { location: DeskLocation; values?: Values; errors?: FieldError[]; result?: { affected: Appointment[] } | undefined }) {
  const t = useT();
  const { csrfToken } = useView();
  const base = `${useTenantBase()}/staff/servicepoint/${location.id}`;
  return (
    <StaffLayout title={t('servicepoint:closure.title')}>
      <BackLink href={base} />
      <h1 class="kern-heading-large">{t('servicepoint:closure.title')}</h1>
      {result ? (
        <Alert type="success" title={t('servicepoint:closure.done', { count: result.affected.length })}>
          {result.affected.length > 0 ? (
            <ul class="kern-list kern-list--bullet">
              {result.affected.map((a) => (
                <li key={a.id}>
                  {berlinTime(a.startsAt)} {a.name ?? '–'} {a.email ? t('servicepoint:closure.mailed') : t('servicepoint:closure.noMail')}
                </li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      <ErrorSummary errors={errors} />
      <form method="post" action={`${base}/schliessung`} novalidate>
        <CsrfField token={csrfToken} />
        <DateField name="date" label={t('servicepoint:closure.date')} value={values.date} error={errorsOf(errors, 'date') ?? errorsOf(errors, 'day')} />
        <TextField name="from" label={t('servicepoint:closure.from')} hint={t('servicepoint:closure.hoursHint')} value={values.from} error={errorsOf(errors, 'from')} optional width={4} />
        <TextField name="until" label={t('servicepoint:closure.until')} value={values.until} error={errorsOf(errors, 'until')} optional width={4} />
        <TextArea name="reason" label={t('servicepoint:closure.reason')} hint={t('servicepoint:closure.reasonHint')} value={values.reason} error={errorsOf(errors, 'reason')} rows={2} />
        <Button>{t('servicepoint:closure.submit')}</Button>
      </form>
    </StaffLayout>
  );
}
