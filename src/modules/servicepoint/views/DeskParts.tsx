// Parts of the desk's day view: the row actions, the appointment row and what this desk's counter has in hand.
// Forms marked data-desk are sent by desk.js without a page load; call, done and no-show can be taken back for a
// while (doc/adr/0305-desk-undo-on-the-server.md). Without JavaScript every form is an ordinary POST.
import { CsrfField } from '#shared/html/components.js';
import { useT, useTenantBase, useView } from '#shared/html/context.js';
import type { DayRow, DayView } from '../desk.service.js';
import { ticketLabel } from '../queue.js';
import type { Visit } from '../servicepoint.tables.js';
import { localizedList, localizedText } from '../termine.adapter.js';
import { berlinTime } from '#shared/time.js';

export type DayPageView = DayView & { today: string };

interface ActionProps {
  action: string;
  label: string;
  fields?: Record<string, string>;
  variant?: 'primary' | 'secondary' | 'tertiary';
  srLabel?: string | undefined;
  /** Stable name of the button across updates of the list (focus is put back on it). */
  focusKey?: string;
  shortcut?: string;
  /** Kind of form for the script. */
  kind?: string;
}

/** A small POST form with one button (state changes never go through links). */
export function ActionForm({ action, label, fields = {}, variant = 'secondary', srLabel, focusKey, shortcut, kind }: ActionProps) {
  const { csrfToken } = useView();
  return (
    <form method="post" action={action} class="sp-inline-form" data-desk={kind ?? ''}>
      <CsrfField token={csrfToken} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button class={`kern-btn kern-btn--${variant}`} type="submit" data-focus-key={focusKey} data-shortcut={shortcut} aria-keyshortcuts={shortcut}>
        <span class="kern-label">
          {label}
          {srLabel ? <span class="kern-sr-only"> {srLabel}</span> : null}
        </span>
      </button>
    </form>
  );
}

export function VisitActions({ visit, who, shortcuts = false }: { visit: Visit; who: string; shortcuts?: boolean }) {
  const t = useT();
  const base = useTenantBase();
  const url = (action: string) => `${base}/staff/servicepoint/besuche/${visit.id}/${action}`;
  const key = (action: string) => `${action}-${visit.id}${shortcuts ? '-current' : ''}`;
  const done = <ActionForm action={url('done')} label={t('servicepoint:actions.done')} srLabel={who} variant="primary" focusKey={key('done')} shortcut={shortcuts ? 'e' : undefined} />;
  if (visit.status === 'called') {
    return (
      <>
        {done}
        <ActionForm action={url('no_show')} label={t('servicepoint:actions.noShow')} srLabel={who} focusKey={key('no_show')} shortcut={shortcuts ? 'x' : undefined} />
        <ActionForm action={url('start')} label={t('servicepoint:actions.start')} srLabel={who} variant="tertiary" focusKey={key('start')} />
        <ActionForm action={url('requeue')} label={t('servicepoint:actions.requeue')} srLabel={who} variant="tertiary" focusKey={key('requeue')} kind="requeue" />
      </>
    );
  }
  if (visit.status === 'in_progress') return done;
  return null;
}

function BringList({ items }: { items: string[] }) {
  return (
    <ul class="kern-list sp-bring">
      {items.map((b) => (
        <li key={b}>{b}</li>
      ))}
    </ul>
  );
}

// Below 1025 px the row is a grid (servicepoint.css): the data on one line, the actions on their own line below, and
// "what to bring" as a disclosure under the name instead of its column. A row or cell whose CSS display is not a
// table's loses its table role in some screen readers, so the roles are spelled out (doc/adr/0320-desk-row-on-a-tablet.md).
export function AppointmentRow({ row, view }: { row: DayRow; view: DayPageView }) {
  const t = useT();
  const { lang } = useView();
  const base = useTenantBase();
  const a = row.appointment;
  const services = view.services.filter((s) => a.serviceIds.includes(s.id));
  const bring = [...new Set(services.flatMap((s) => localizedList(s.bringList, lang)))];
  const who = `${berlinTime(a.startsAt)} ${a.name ?? ''}`;
  const locBase = `${base}/staff/servicepoint/${view.location.id}`;
  return (
    <tr role="row">
      <td role="cell">{berlinTime(a.startsAt)}</td>
      <td role="cell">
        {a.name ?? '–'}
        <br />
        <span class="kern-body--small sp-code">{row.code}</span>
        {row.duplicateOf ? (
          <>
            <br />
            <strong class="sp-duplicate">{t('servicepoint:day.duplicateOf', { code: row.duplicateOf })}</strong>
          </>
        ) : null}
        {bring.length > 0 ? (
          <details class="sp-bring-more">
            <summary class="kern-link">{t('servicepoint:day.bringCount', { count: bring.length })}</summary>
            <BringList items={bring} />
          </details>
        ) : null}
      </td>
      <td role="cell">{services.map((s) => localizedText(s.name, lang)).join(', ')}</td>
      <td role="cell">{a.persons}</td>
      <td role="cell">
        <span class={`sp-status sp-status--${a.status}`}>{t(`servicepoint:status.${a.status}`)}</span>
        {row.visit ? (
          <>
            <br />
            {t('servicepoint:day.ticket', { ticket: ticketLabel(row.visit.ticket) })}
            {row.visit.counter ? ` · ${t('servicepoint:day.atCounter', { counter: row.visit.counter })}` : ''}
          </>
        ) : null}
      </td>
      <td role="cell" class="sp-col-bring">{bring.length > 0 ? <BringList items={bring} /> : '–'}</td>
      <td role="cell" class="sp-no-print sp-col-actions">
        <div class="sp-actions">
          {a.status === 'booked' && view.day === view.today ? (
            <>
              <ActionForm action={`${locBase}/checkin`} fields={{ appointmentId: a.id }} label={t('servicepoint:actions.checkIn')} variant="primary" srLabel={who} focusKey={`checkin-${a.id}`} />
              <ActionForm action={`${locBase}/noshow`} fields={{ appointmentId: a.id }} label={t('servicepoint:actions.noShow')} srLabel={who} focusKey={`noshow-${a.id}`} />
            </>
          ) : null}
          {row.visit ? <VisitActions visit={row.visit} who={who} /> : null}
          {a.status === 'booked' || a.status === 'pending' ? (
            <a class="kern-link sp-change" href={`${locBase}/termine/${a.id}?date=${view.day}`}>
              {t('servicepoint:actions.change')}
              <span class="kern-sr-only"> {who}</span>
            </a>
          ) : null}
        </div>
      </td>
    </tr>
  );
}

/** What the counter of this device has in hand: the called number with done / no-show / back to the queue. */
export function CurrentAtCounter({ view, counter }: { view: DayPageView; counter: string }) {
  const t = useT();
  return (
    <section class="sp-current" aria-labelledby="sp-current-title">
      <h2 class="kern-heading-small" id="sp-current-title">
        {t('servicepoint:current.title', { counter })}
      </h2>
      {view.current.length === 0 ? (
        <p class="kern-body">{t('servicepoint:current.nobody')}</p>
      ) : (
        view.current.map(({ visit, row }, i) => {
          const who = `${t('servicepoint:day.ticket', { ticket: ticketLabel(visit.ticket) })}${row?.appointment.name ? ` ${row.appointment.name}` : ''}`;
          return (
            <div key={visit.id} class="sp-current__visit" data-ticket={ticketLabel(visit.ticket)}>
              <p class="kern-body sp-current__who">
                <span class="sp-current__number">{ticketLabel(visit.ticket)}</span> {row?.appointment.name ?? t('servicepoint:current.walkIn')}
                {row ? ` · ${berlinTime(row.appointment.startsAt)}` : ''} · {t(`servicepoint:visitStatus.${visit.status}`)}
              </p>
              <div class="sp-actions">
                <VisitActions visit={visit} who={who} shortcuts={i === 0} />
              </div>
            </div>
          );
        })
      )}
    </section>
  );
}
