import type { FieldError } from '#shared/http/errors.js';
import { Alert, Button, CsrfField, DateField, SelectField, TextField } from '#shared/html/components.js';
import { errorsOf, ErrorSummary } from '#shared/html/form-errors.js';
import { useT, useTenantBase, useView } from '#shared/html/context.js';
import { StaffLayout } from '../../staff/index.js';
import type { DayFilter } from '../desk.service.js';
import { ticketLabel } from '../queue.js';
import { localizedText, type DeskLocation } from '../termine.adapter.js';
import { berlinTime, formatDayLong } from '#shared/time.js';
import { AppointmentRow, CurrentAtCounter, VisitActions, type DayPageView } from './DeskParts.js';

export { ActionForm } from './DeskParts.js';

export function LocationList({ locations }: { locations: DeskLocation[] }) {
  const t = useT();
  const base = useTenantBase();
  return (
    <StaffLayout title={t('servicepoint:desk.title')}>
      <h1 class="kern-heading-large">{t('servicepoint:desk.title')}</h1>
      <ul class="kern-list kern-list--bullet">
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

/** The counter of this device: shown once chosen, changed in a disclosure; a text field while none is chosen. */
function CounterBar({ locBase, myCounter, errors }: { locBase: string; myCounter: string | undefined; errors: FieldError[] }) {
  const t = useT();
  const { csrfToken } = useView();
  const error = errorsOf(errors, 'counter');
  if (!myCounter) return null;
  return (
    <div class="sp-counterbar sp-no-print">
      <p class="kern-body">
        {t('servicepoint:counter.yours')} <strong class="sp-counterbar__value">{myCounter}</strong>
      </p>
      <details class="sp-counterbar__change" open={Boolean(error)}>
        <summary class="kern-link">{t('servicepoint:counter.change')}</summary>
        <form method="post" action={`${locBase}/schalter`} class="sp-counterbar__form" novalidate>
          <CsrfField token={csrfToken} />
          <TextField name="counter" label={t('servicepoint:counter.field')} hint={t('servicepoint:counter.hint')} value={myCounter} width={4} error={error} />
          <Button variant="secondary">{t('servicepoint:counter.save')}</Button>
        </form>
      </details>
    </div>
  );
}

/** Active filters as removable chips: a filter never hides rows without saying so. */
function ActiveFilters({ locBase, view, filter }: { locBase: string; view: DayPageView; filter: DayFilter }) {
  const t = useT();
  const { lang } = useView();
  const params: [string, string, string][] = [];
  if (view.day !== view.today) params.push(['date', view.day, `${t('servicepoint:day.dateField')}: ${formatDayLong(view.day, lang)}`]);
  const service = view.services.find((s) => s.id === filter.serviceId);
  if (service) params.push(['service', service.id, `${t('servicepoint:day.service')}: ${localizedText(service.name, lang)}`]);
  if (filter.counter) params.push(['schalter', filter.counter, `${t('servicepoint:day.counter')}: ${filter.counter}`]);
  // The search term is in the address only as the id of its stored search (`f`).
  if (filter.q && filter.searchId) params.push(['f', filter.searchId, `${t('servicepoint:day.search')}: ${filter.q}`]);
  if (params.length === 0) return null;
  const without = (name: string) => {
    const rest = new URLSearchParams(params.filter(([n]) => n !== name).map(([n, v]) => [n, v]));
    return rest.size ? `${locBase}?${rest.toString()}` : locBase;
  };
  return (
    <div class="sp-chips sp-no-print">
      <p class="kern-body" id="sp-active-filters">
        {t('servicepoint:filters.active')}
      </p>
      <ul class="sp-chips__list" aria-labelledby="sp-active-filters">
        {params.map(([name, , label]) => (
          <li key={name}>
            <a class="sp-chip" href={without(name)}>
              {label}
              <span aria-hidden="true"> ×</span>
              <span class="kern-sr-only"> {t('servicepoint:filters.remove')}</span>
            </a>
          </li>
        ))}
      </ul>
      <a class="kern-link" href={locBase}>
        {t('servicepoint:filters.clear')}
      </a>
    </div>
  );
}

function CallPanel({ locBase, myCounter, errors }: { locBase: string; myCounter: string | undefined; errors: FieldError[] }) {
  const t = useT();
  const { csrfToken } = useView();
  return (
    <form method="post" action={`${locBase}/aufruf`} class="sp-panel" data-desk={myCounter ? "call" : undefined} novalidate>
      <h2 class="kern-heading-small">{t('servicepoint:call.title')}</h2>
      <CsrfField token={csrfToken} />
      {myCounter ? null : <TextField name="counter" label={t('servicepoint:call.counter')} hint={t('servicepoint:counter.hint')} width={4} error={errorsOf(errors, 'counter')} />}
      <button class="kern-btn kern-btn--primary" type="submit" data-focus-key="call" data-shortcut="n" aria-keyshortcuts="n">
        <span class="kern-label">{myCounter ? t('servicepoint:call.submitTo', { counter: myCounter }) : t('servicepoint:call.submit')}</span>
      </button>
    </form>
  );
}

function Shortcuts() {
  const t = useT();
  return (
    <details class="sp-shortcuts sp-no-print" data-shortcuts hidden>
      <summary class="kern-link">{t('servicepoint:shortcuts.title')}</summary>
      <ul class="kern-list kern-list--bullet">
        {(['call', 'done', 'noShow', 'undo'] as const).map((k) => (
          <li key={k}>{t(`servicepoint:shortcuts.${k}`)}</li>
        ))}
      </ul>
      <p class="kern-body--small">{t('servicepoint:shortcuts.hint')}</p>
    </details>
  );
}

/** "Rückgängig" for the last call, done or no-show while its window is open (a form: works without JavaScript). */
function UndoForm({ locBase, undo }: { locBase: string; undo: PendingUndo }) {
  const t = useT();
  const { csrfToken } = useView();
  return (
    <form method="post" action={`${locBase}/rueckgaengig`} class="sp-undo-form sp-no-print" data-desk="undo">
      <CsrfField token={csrfToken} />
      <input type="hidden" name="undo" value={undo.token} />
      <p class="kern-body">{t('servicepoint:undo.until', { time: undo.until })}</p>
      <button class="kern-btn kern-btn--secondary" type="submit" data-focus-key="undo" data-shortcut="z" aria-keyshortcuts="z">
        <span class="kern-label">{t('servicepoint:undo.button')}</span>
      </button>
    </form>
  );
}

export interface PendingUndo {
  token: string;
  /** Local time until which the action can be taken back. */
  until: string;
}

interface DayViewProps {
  view: DayPageView;
  filter: DayFilter;
  notice?: string | undefined;
  /** Why an undo was refused (too late, changed since, not yours). */
  refused?: string | undefined;
  undo?: PendingUndo | undefined;
  myCounter?: string | undefined;
  errors?: FieldError[];
}

export function DayViewPage({ view, filter, notice, refused, undo, myCounter, errors = [] }: DayViewProps) {
  const t = useT();
  const { lang, csrfToken } = useView();
  const base = useTenantBase();
  const locBase = `${base}/staff/servicepoint/${view.location.id}`;
  const serviceOptions = [{ value: '', label: t('servicepoint:day.allServices') }, ...view.services.filter((s) => s.locationIds.includes(view.location.id)).map((s) => ({ value: s.id, label: localizedText(s.name, lang) }))];
  const title = t('servicepoint:day.title', { location: view.location.name });
  const isToday = view.day === view.today;
  return (
    <StaffLayout title={title} wide>
      <ErrorSummary errors={errors} />
      <div class="sp-head">
        <h1 class="kern-heading-large">{title}</h1>
        <CounterBar locBase={locBase} myCounter={myCounter} errors={errors} />
      </div>
      <nav class="sp-no-print" aria-label={t('servicepoint:day.toolsNav')}>
        <ul class="ww-inline-list">
          <li><a class="kern-link" href={`${base}/servicepoint/anzeige/${view.location.id}`}>{t('servicepoint:day.displayLink')}</a></li>
          <li><a class="kern-link" href={`${base}/servicepoint/kiosk/${view.location.id}`}>{t('servicepoint:day.kioskLink')}</a></li>
          <li><a class="kern-link" href={`${locBase}/telefon`}>{t('servicepoint:phone.title')}</a></li>
          <li><a class="kern-link" href={`${locBase}/schliessung`}>{t('servicepoint:closure.title')}</a></li>
          <li><a class="kern-link" href={`${locBase}/statistik`}>{t('servicepoint:stats.title')}</a></li>
        </ul>
      </nav>
      <Shortcuts />
      <div class="sp-undo sp-no-print" data-undo-bar role="status" aria-live="polite" data-label-undo={t('servicepoint:undo.button')} data-label-seconds={t('servicepoint:undo.seconds')} data-label-failed={t('servicepoint:undo.failed')}></div>
      <div data-desk-live="top" data-events={isToday ? `${locBase}/events` : undefined}>
        <p class="kern-body">
          {formatDayLong(view.day, lang)} · {t('servicepoint:day.freeSeats', { count: view.freeSeats })}
          {isToday ? ` · ${t('servicepoint:day.waiting', { count: view.waiting })}` : ''}
        </p>
        {notice || refused ? (
          <div data-notice>
            <Alert type={refused ? 'warning' : 'success'} title={refused ?? notice ?? ''} />
          </div>
        ) : null}
        {undo ? <UndoForm locBase={locBase} undo={undo} /> : null}
        {isToday ? (
          <div class="sp-desk-actions sp-no-print">
            {myCounter ? <CurrentAtCounter view={view} counter={myCounter} /> : null}
            <CallPanel locBase={locBase} myCounter={myCounter} errors={errors} />
            <form method="post" action={`${locBase}/spontan`} class="sp-panel">
              <h2 class="kern-heading-small">{t('servicepoint:walkIn.title')}</h2>
              <CsrfField token={csrfToken} />
              <SelectField name="serviceId" label={t('servicepoint:walkIn.service')} options={serviceOptions.slice(1)} />
              <Button variant="secondary">{t('servicepoint:walkIn.submit')}</Button>
            </form>
          </div>
        ) : null}
      </div>
      {/* Posted: a name searched for must not end up in the address, the logs or the browser history. */}
      <form method="post" action={`${locBase}/suche`} class="sp-filter sp-no-print" role="search" aria-label={t('servicepoint:day.filter')}>
        <h2 class="kern-heading-small sp-filter__title">{t('servicepoint:day.filter')}</h2>
        <CsrfField token={csrfToken} />
        <DateField name="date" label={t('servicepoint:day.dateField')} value={view.day} />
        <SelectField name="service" label={t('servicepoint:day.service')} options={serviceOptions} value={filter.serviceId ?? ''} />
        <SelectField name="schalter" label={t('servicepoint:day.counter')} options={[{ value: '', label: t('servicepoint:day.allCounters') }, ...view.counters.map((c) => ({ value: c, label: c }))]} value={filter.counter ?? ''} />
        <TextField name="q" type="search" label={t('servicepoint:day.search')} hint={t('servicepoint:day.searchHint')} value={filter.q ?? ''} optional />
        <Button variant="secondary">{t('servicepoint:day.apply')}</Button>
        <button class="kern-btn kern-btn--tertiary" type="button" data-print hidden>
          <span class="kern-label">{t('servicepoint:day.print')}</span>
        </button>
      </form>
      <div data-desk-live="list">
        <ActiveFilters locBase={locBase} view={view} filter={filter} />
        <h2 class="kern-heading-medium">{t('servicepoint:day.appointments')}</h2>
        {view.rows.length === 0 ? (
          <p class="kern-body">{t('servicepoint:day.none')}</p>
        ) : (
          <div class="sp-table-wrap">
            <table class="kern-table sp-table sp-table--day" role="table">
              <caption class="kern-sr-only">{title}</caption>
              <thead role="rowgroup">
                <tr role="row">
                  <th scope="col" role="columnheader">{t('servicepoint:day.time')}</th>
                  <th scope="col" role="columnheader">{t('servicepoint:day.name')}</th>
                  <th scope="col" role="columnheader">{t('servicepoint:day.service')}</th>
                  <th scope="col" role="columnheader">{t('servicepoint:day.persons')}</th>
                  <th scope="col" role="columnheader">{t('servicepoint:day.status')}</th>
                  <th scope="col" role="columnheader" class="sp-col-bring">{t('servicepoint:day.bring')}</th>
                  <th scope="col" role="columnheader" class="sp-no-print sp-col-actions">{t('servicepoint:day.actions')}</th>
                </tr>
              </thead>
              <tbody role="rowgroup">
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
          <div class="sp-table-wrap">
            <table class="kern-table sp-table sp-table--walkins" role="table">
              <caption class="kern-sr-only">{t('servicepoint:day.walkIns')}</caption>
              <thead role="rowgroup">
                <tr role="row">
                  <th scope="col" role="columnheader">{t('servicepoint:day.ticketCol')}</th>
                  <th scope="col" role="columnheader">{t('servicepoint:day.arrived')}</th>
                  <th scope="col" role="columnheader">{t('servicepoint:day.status')}</th>
                  <th scope="col" role="columnheader" class="sp-no-print sp-col-actions">{t('servicepoint:day.actions')}</th>
                </tr>
              </thead>
              <tbody role="rowgroup">
                {view.walkIns.map((v) => (
                  <tr key={v.id} role="row">
                    <td role="cell">{ticketLabel(v.ticket)}</td>
                    <td role="cell">{berlinTime(v.arrivedAt)}</td>
                    <td role="cell">
                      {t(`servicepoint:visitStatus.${v.status}`)}
                      {v.counter ? ` · ${t('servicepoint:day.atCounter', { counter: v.counter })}` : ''}
                    </td>
                    <td role="cell" class="sp-no-print sp-col-actions">
                      <div class="sp-actions">
                        <VisitActions visit={v} who={ticketLabel(v.ticket)} />
                        <a class="kern-link sp-change" href={`${base}/staff/servicepoint/besuche/${v.id}`}>
                          {t('servicepoint:ticket.show')}
                          <span class="kern-sr-only"> {ticketLabel(v.ticket)}</span>
                        </a>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
      <script src="/assets/servicepoint.js" defer></script>
      <script src="/assets/desk.js" defer></script>
    </StaffLayout>
  );
}
