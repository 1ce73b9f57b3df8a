import { Alert, Button, CsrfField, SelectField, TextField } from '../../../shared/html/components.js';
import { useT, useTenantBase, useView } from '../../../shared/html/context.js';
import { StaffLayout } from '../../staff/index.js';
import type { DayRow, DayView } from '../desk.service.js';
import { ticketLabel } from '../queue.js';
import type { Visit } from '../servicepoint.tables.js';
import { localizedList, localizedText, type DeskLocation } from '../termine.adapter.js';
import { berlinTime } from '../../../shared/time.js';

export function LocationList({ locations }: { locations: DeskLocation[] }) {
  const t = useT();
  const base = useTenantBase();
  return (
    <StaffLayout title={t('servicepoint:desk.title')}>
      <h1 class="kern-heading-large">{t('servicepoint:desk.title')}</h1>
      <ul class="kern-list">
        {locations.map((l) => (
          <li key={l.id}>
            <a class="kern-link" href={`${base}/staff/servicepoint/${l.id}`}>
              {l.name}
            </a>
          </li>
        ))}
      </ul>
    </StaffLayout>
  );
}

/** A small POST form with one button (state changes never go through links). */
export function ActionForm({ action, label, fields = {}, variant = 'secondary', srLabel }: { action: string; label: string; fields?: Record<string, string>; variant?: 'primary' | 'secondary' | 'tertiary'; srLabel?: string }) {
  const { csrfToken } = useView();
  return (
    <form method="post" action={action} class="sp-inline-form">
      <CsrfField token={csrfToken} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button class={`kern-btn kern-btn--${variant}`} type="submit">
        <span class="kern-label">
          {label}
          {srLabel ? <span class="kern-sr-only"> {srLabel}</span> : null}
        </span>
      </button>
    </form>
  );
}

function VisitActions({ visit, who }: { visit: Visit; who: string }) {
  const t = useT();
  const base = useTenantBase();
  const url = (action: string) => `${base}/staff/servicepoint/besuche/${visit.id}/${action}`;
  if (visit.status === 'called') {
    return (
      <>
        <ActionForm action={url('start')} label={t('servicepoint:actions.start')} srLabel={who} />
        <ActionForm action={url('done')} label={t('servicepoint:actions.done')} srLabel={who} />
        <ActionForm action={url('no_show')} label={t('servicepoint:actions.noShow')} srLabel={who} />
        <ActionForm action={url('requeue')} label={t('servicepoint:actions.requeue')} srLabel={who} variant="tertiary" />
      </>
    );
  }
  if (visit.status === 'in_progress') return <ActionForm action={url('done')} label={t('servicepoint:actions.done')} srLabel={who} />;
  return null;
}

function AppointmentRow({ row, view }: { row: DayRow; view: DayView & { today: string } }) {
  const t = useT();
  const { lang } = useView();
  const base = useTenantBase();
  const a = row.appointment;
  const services = view.services.filter((s) => a.serviceIds.includes(s.id));
  const bring = [...new Set(services.flatMap((s) => localizedList(s.bringList, lang)))];
  const who = `${berlinTime(a.startsAt)} ${a.name ?? ''}`;
  const locBase = `${base}/staff/servicepoint/${view.location.id}`;
  return (
    <tr>
      <td>{berlinTime(a.startsAt)}</td>
      <td>
        {a.name ?? '–'}
        <br />
        <span class="kern-body--small sp-code">{row.code}</span>
      </td>
      <td>{services.map((s) => localizedText(s.name, lang)).join(', ')}</td>
      <td>{a.persons}</td>
      <td>
        <span class={`sp-status sp-status--${a.status}`}>{t(`servicepoint:status.${a.status}`)}</span>
        {row.visit ? (
          <>
            <br />
            {t('servicepoint:day.ticket', { ticket: ticketLabel(row.visit.ticket) })}
            {row.visit.counter ? ` · ${t('servicepoint:day.atCounter', { counter: row.visit.counter })}` : ''}
          </>
        ) : null}
      </td>
      <td>
        {bring.length > 0 ? (
          <ul class="kern-list sp-bring">
            {bring.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        ) : (
          '–'
        )}
      </td>
      <td class="sp-no-print">
        {a.status === 'booked' && view.day === view.today ? (
          <>
            <ActionForm action={`${locBase}/checkin`} fields={{ appointmentId: a.id }} label={t('servicepoint:actions.checkIn')} variant="primary" srLabel={who} />
            <ActionForm action={`${locBase}/noshow`} fields={{ appointmentId: a.id }} label={t('servicepoint:actions.noShow')} srLabel={who} />
          </>
        ) : null}
        {row.visit ? <VisitActions visit={row.visit} who={who} /> : null}
        {a.status === 'booked' || a.status === 'pending' ? (
          <a class="kern-link" href={`${locBase}/termine/${a.id}?date=${view.day}`}>
            {t('servicepoint:actions.change')}
            <span class="kern-sr-only"> {who}</span>
          </a>
        ) : null}
      </td>
    </tr>
  );
}

export function DayViewPage({ view, filter, notice }: { view: DayView & { today: string }; filter: { serviceId?: string | undefined; counter?: string | undefined; q?: string | undefined }; notice?: string | undefined }) {
  const t = useT();
  const { lang, csrfToken } = useView();
  const base = useTenantBase();
  const locBase = `${base}/staff/servicepoint/${view.location.id}`;
  const serviceOptions = [{ value: '', label: t('servicepoint:day.allServices') }, ...view.services.filter((s) => s.locationIds.includes(view.location.id)).map((s) => ({ value: s.id, label: localizedText(s.name, lang) }))];
  const title = t('servicepoint:day.title', { location: view.location.name });
  return (
    <StaffLayout title={title} wide>
      <h1 class="kern-heading-large">{title}</h1>
      <p class="kern-body">
        {t('servicepoint:day.date', { date: view.day })} · {t('servicepoint:day.freeSeats', { count: view.freeSeats })}
      </p>
      {notice ? <Alert type="success" title={notice} /> : null}
      <nav class="sp-no-print" aria-label={t('servicepoint:day.toolsNav')}>
        <ul class="ww-inline-list">
          <li><a class="kern-link" href={`${base}/servicepoint/anzeige/${view.location.id}`}>{t('servicepoint:day.displayLink')}</a></li>
          <li><a class="kern-link" href={`${base}/servicepoint/kiosk/${view.location.id}`}>{t('servicepoint:day.kioskLink')}</a></li>
          <li><a class="kern-link" href={`${locBase}/telefon`}>{t('servicepoint:phone.title')}</a></li>
          <li><a class="kern-link" href={`${locBase}/schliessung`}>{t('servicepoint:closure.title')}</a></li>
          <li><a class="kern-link" href={`${locBase}/statistik`}>{t('servicepoint:stats.title')}</a></li>
        </ul>
      </nav>
      {view.day === view.today ? (
        <div class="sp-desk-actions sp-no-print">
          <form method="post" action={`${locBase}/aufruf`} class="sp-panel">
            <h2 class="kern-heading-small">{t('servicepoint:call.title')}</h2>
            <CsrfField token={csrfToken} />
            <TextField name="counter" label={t('servicepoint:call.counter')} value={filter.counter ?? ''} width={4} />
            <Button>{t('servicepoint:call.submit')}</Button>
          </form>
          <form method="post" action={`${locBase}/spontan`} class="sp-panel">
            <h2 class="kern-heading-small">{t('servicepoint:walkIn.title')}</h2>
            <CsrfField token={csrfToken} />
            <SelectField name="serviceId" label={t('servicepoint:walkIn.service')} options={serviceOptions.slice(1)} />
            <Button variant="secondary">{t('servicepoint:walkIn.submit')}</Button>
          </form>
        </div>
      ) : null}
      <form method="get" action={locBase} class="sp-filter sp-no-print" role="search" aria-label={t('servicepoint:day.filter')}>
        <TextField name="date" type="date" label={t('servicepoint:day.dateField')} value={view.day} />
        <SelectField name="service" label={t('servicepoint:day.service')} options={serviceOptions} value={filter.serviceId ?? ''} />
        <SelectField name="counter" label={t('servicepoint:day.counter')} options={[{ value: '', label: t('servicepoint:day.allCounters') }, ...view.counters.map((c) => ({ value: c, label: c }))]} value={filter.counter ?? ''} />
        <TextField name="q" type="search" label={t('servicepoint:day.search')} hint={t('servicepoint:day.searchHint')} value={filter.q ?? ''} optional />
        <Button variant="secondary">{t('servicepoint:day.apply')}</Button>
        <button class="kern-btn kern-btn--tertiary" type="button" data-print hidden>
          <span class="kern-label">{t('servicepoint:day.print')}</span>
        </button>
      </form>
      <h2 class="kern-heading-medium">{t('servicepoint:day.appointments')}</h2>
      {view.rows.length === 0 ? (
        <p class="kern-body">{t('servicepoint:day.none')}</p>
      ) : (
        <div class="sp-table-wrap">
          <table class="kern-table sp-table">
            <caption class="kern-sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('servicepoint:day.time')}</th>
                <th scope="col">{t('servicepoint:day.name')}</th>
                <th scope="col">{t('servicepoint:day.service')}</th>
                <th scope="col">{t('servicepoint:day.persons')}</th>
                <th scope="col">{t('servicepoint:day.status')}</th>
                <th scope="col">{t('servicepoint:day.bring')}</th>
                <th scope="col" class="sp-no-print">{t('servicepoint:day.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {view.rows.map((row) => (
                <AppointmentRow key={row.appointment.id} row={row} view={view} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2 class="kern-heading-medium">{t('servicepoint:day.walkIns')}</h2>
      {view.walkIns.length === 0 ? (
        <p class="kern-body">{t('servicepoint:day.noWalkIns')}</p>
      ) : (
        <table class="kern-table sp-table">
          <thead>
            <tr>
              <th scope="col">{t('servicepoint:day.ticketCol')}</th>
              <th scope="col">{t('servicepoint:day.arrived')}</th>
              <th scope="col">{t('servicepoint:day.status')}</th>
              <th scope="col" class="sp-no-print">{t('servicepoint:day.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {view.walkIns.map((v) => (
              <tr key={v.id}>
                <td>{ticketLabel(v.ticket)}</td>
                <td>{berlinTime(v.arrivedAt)}</td>
                <td>
                  {t(`servicepoint:visitStatus.${v.status}`)}
                  {v.counter ? ` · ${t('servicepoint:day.atCounter', { counter: v.counter })}` : ''}
                </td>
                <td class="sp-no-print">
                  <VisitActions visit={v} who={ticketLabel(v.ticket)} />
                  <a class="kern-link" href={`${base}/staff/servicepoint/besuche/${v.id}`}>
                    {t('servicepoint:ticket.show')}
                    <span class="kern-sr-only"> {ticketLabel(v.ticket)}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <script src="/assets/servicepoint.js" defer></script>
    </StaffLayout>
  );
}
