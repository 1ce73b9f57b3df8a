// Pieces shared by the pages of the booking journey and the personal link.
import { useT, useTenantBase, useView } from '#shared/html/context.js';
import { SummaryList } from '#shared/html/components.js';
import type { AvailableDay } from '../availability.js';
import { formatDayFull, formatMonthYear } from '#shared/time.js';
import { formatTime, localized, localizedList } from '../format.js';
import type { LocalDate } from '../holidays.js';
import type { Appointment, TerminLocation, TerminService } from '../termine.tables.js';
import { fromBerlinIso, localDateIn } from '#shared/time.js';

/** The journey's choices so far, carried in GET links (ids and numbers only, never personal data). */
export interface JourneyQuery {
  service: string[];
  location?: string | undefined;
  persons?: number | undefined;
}

export function journeyHref(base: string, path: string, q: JourneyQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const id of q.service) params.append('service', id);
  if (q.location) params.set('location', q.location);
  if (q.persons) params.set('persons', String(q.persons));
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return `${base}/termine${path}?${params.toString()}`;
}

export function HiddenJourney({ q }: { q: JourneyQuery }) {
  return (
    <>
      {q.service.map((id) => (
        <input type="hidden" name="service" value={id} key={id} />
      ))}
      {q.location ? <input type="hidden" name="location" value={q.location} /> : null}
      {q.persons ? <input type="hidden" name="persons" value={String(q.persons)} /> : null}
    </>
  );
}

/** Module stylesheet and script (progressive enhancement: countdown, captcha solving). */
export function TermineAssets() {
  return (
    <>
      <link rel="stylesheet" href="/assets/termine.css" />
      <script src="/assets/termine.js" defer></script>
    </>
  );
}

export function StepIndicator({ step }: { step: number }) {
  const t = useT();
  return <p class="kern-body kern-body--small ww-step">{t('termine:journey.step', { step, total: 7 })}</p>;
}

/** "08:30 bis 09:00 Uhr": an appointment's time span in Berlin time. */
function appointmentTime(t: ReturnType<typeof useT>, from: Date, to: Date): string {
  return t('termine:summary.timeRange', { from: formatTime(from), to: formatTime(to) });
}

/** "Dienstag, 8. Dezember 2026, 08:30 bis 09:00 Uhr": an appointment's day and time span in one line. */
export function appointmentWhen(t: ReturnType<typeof useT>, lang: string, from: Date, to: Date): string {
  return `${formatDayFull(from, lang)}, ${appointmentTime(t, from, to)}`;
}

export function personsLabel(t: ReturnType<typeof useT>, persons: number): string {
  return t('termine:persons.count', { count: persons });
}

export function BringList({ services, headingLevel = 2 }: { services: TerminService[]; headingLevel?: 2 | 3 }) {
  const { t, lang } = useView();
  const items = [...new Set(services.flatMap((s) => localizedList(s.bringList, lang)))];
  if (items.length === 0) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section class="ww-section" aria-labelledby="bring-heading">
      <Heading class="kern-heading-small" id="bring-heading">
        {t('termine:summary.bring')}
      </Heading>
      <ul class="kern-list kern-list--bullet">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </section>
  );
}

export function Address({ location }: { location: TerminLocation }) {
  return (
    <address class="kern-body">
      {location.name}
      <br />
      {location.street}
      <br />
      {location.postalCode} {location.city}
    </address>
  );
}

/** Date, time, place, concerns and persons of an appointment (or a hold), with optional change links. */
export function AppointmentSummary(props: {
  appointment: Pick<Appointment, 'startsAt' | 'endsAt' | 'persons'>;
  location: TerminLocation;
  services: TerminService[];
  change?: Partial<Record<'services' | 'location' | 'persons' | 'date', string>>;
}) {
  const { t, lang } = useView();
  const { appointment: a, location, services, change } = props;
  const link = (key: keyof NonNullable<typeof change>) => (change?.[key] ? { href: change[key]!, label: t('common:form.change') } : undefined);
  return (
    <SummaryList
      rows={[
        { key: t('termine:summary.services'), value: services.map((s) => localized(s.name, lang)).join(', '), change: link('services') },
        {
          key: t('termine:summary.location'),
          value: `${location.name}, ${location.street}, ${location.postalCode} ${location.city}`,
          change: link('location'),
        },
        { key: t('termine:summary.persons'), value: personsLabel(t, a.persons), change: link('persons') },
        { key: t('termine:summary.date'), value: formatDayFull(a.startsAt, lang), change: link('date') },
        { key: t('termine:summary.time'), value: appointmentTime(t, a.startsAt, a.endsAt), change: link('date') },
      ]}
    />
  );
}

/** Calendar grid of one month; days with free times link to their times (a plain data table). */
export function MonthCalendar(props: { month: string; days: AvailableDay[]; hrefFor: (date: LocalDate) => string }) {
  const { t, lang } = useView();
  const free = new Map(props.days.map((d) => [d.date, d.freeTimes]));
  const first = fromBerlinIso(`${props.month}-01`);
  const cells: (LocalDate | null)[] = Array.from({ length: first.weekday - 1 }, () => null);
  for (let d = first; d.month === first.month; d = d.plus({ days: 1 })) cells.push(d.toISODate() as LocalDate);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
  const weekdayNames = Array.from({ length: 7 }, (_, i) => localDateIn(first.set({ weekday: (i + 1) as 1 }), lang));
  return (
    <table class="kern-table ww-calendar">
      <caption class="kern-title">{formatMonthYear(props.month, lang)}</caption>
      <thead class="kern-table__head">
        <tr class="kern-table__row">
          {weekdayNames.map((d) => (
            <th scope="col" class="kern-table__header" key={d.weekday}>
              <abbr title={d.toFormat('cccc')}>{d.toFormat('ccc')}</abbr>
            </th>
          ))}
        </tr>
      </thead>
      <tbody class="kern-table__body">
        {weeks.map((week, i) => (
          <tr class="kern-table__row" key={i}>
            {week.map((date, j) => {
              if (!date) return <td class="kern-table__cell" key={j}></td>;
              const count = free.get(date);
              const day = Number(date.slice(8));
              return (
                <td class={`kern-table__cell${count ? ' ww-calendar__free' : ''}`} key={j}>
                  {count ? (
                    <a class="kern-link" href={props.hrefFor(date)}>
                      <span aria-hidden="true">{day}</span>
                      <span class="kern-sr-only">{t('termine:day.freeDay', { date: formatDayFull(date, lang), count })}</span>
                    </a>
                  ) : (
                    <span class="ww-calendar__none">
                      <span aria-hidden="true">{day}</span>
                      <span class="kern-sr-only">{t('termine:day.noFreeDay', { date: formatDayFull(date, lang) })}</span>
                    </span>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "We keep this time for you until 10:23" with a live countdown (termine.js) and a button to extend. */
export function HoldNotice(props: { expiresAt: Date; canExtend: boolean; returnTo: string; now: Date }) {
  const t = useT();
  const base = useTenantBase();
  const minutes = Math.max(0, Math.ceil((props.expiresAt.getTime() - props.now.getTime()) / 60_000));
  return (
    <div
      class="kern-alert kern-alert--info ww-hold"
      role="status"
      data-hold-expires={props.expiresAt.toISOString()}
      data-hold-now={props.now.toISOString()}
      data-msg-one={t('termine:hold.remaining', { count: 1 })}
      data-msg-other={t('termine:hold.remaining', { count: 99 }).replace('99', '{n}')}
      data-msg-soon={t('termine:hold.soon')}
      data-msg-over={t('termine:hold.over')}
    >
      <div class="kern-alert__header">
        <span class="kern-icon kern-icon--info" aria-hidden="true"></span>
        <h2 class="kern-title">{t('termine:hold.title')}</h2>
      </div>
      <div class="kern-alert__body">
        <p class="kern-body">
          {t('termine:hold.until', { time: formatTime(props.expiresAt) })}{' '}
          <span data-hold-remaining>{t('termine:hold.remaining', { count: minutes })}</span>
        </p>
        <p class="kern-body" data-hold-live aria-live="polite"></p>
        {props.canExtend ? (
          <form method="post" action={`${base}/termine/verlaengern`} class="ww-inline-form">
            <input type="hidden" name="returnTo" value={props.returnTo} />
            <button class="kern-btn kern-btn--secondary" type="submit">
              <span class="kern-label">{t('termine:hold.extend')}</span>
            </button>
          </form>
        ) : null}
      </div>
    </div>
  );
}

