import { ChartPicture } from '#shared/html/chart-picture.js';
import { BackLink, Button, DateField, SelectField, TableScroll } from '#shared/html/components.js';
import { useT, useTenantBase, useView } from '#shared/html/context.js';
import { formatDayShort } from '#shared/time.js';
import { StaffLayout } from '../../staff/index.js';
import type { DayFigures } from '../stats.js';
import type { DeskLocation } from '../termine.adapter.js';

const pct = (v: number | null, lang: string) => (v === null ? '–' : `${new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v * 100)} %`);
const min = (v: number | null) => (v === null ? '–' : `${v} min`);

export function StatsPage({ location, period, date, from, to, days, total }: { location: DeskLocation; period: string; date: string; from: string; to: string; days: DayFigures[]; total: Omit<DayFigures, 'day'> }) {
  const t = useT();
  const { lang } = useView();
  const base = `${useTenantBase()}/staff/servicepoint/${location.id}`;
  const query = `period=${period}&date=${date}`;
  const title = t('servicepoint:stats.heading', { location: location.name });
  const cells = (d: Omit<DayFigures, 'day'>) => [d.booked, d.online, d.staff, d.walkIn, d.noShow, pct(d.noShowRate, lang), min(d.avgWaitMinutes), pct(d.utilisation, lang)];
  return (
    <StaffLayout title={title} wide>
      <BackLink href={base} />
      <h1 class="kern-heading-large">{title}</h1>
      <form method="get" action={`${base}/statistik`} class="sp-filter">
        <SelectField name="period" label={t('servicepoint:stats.period')} options={(['day', 'week', 'month'] as const).map((p) => ({ value: p, label: t(`servicepoint:stats.periods.${p}`) }))} value={period} />
        <DateField name="date" label={t('servicepoint:day.dateField')} value={date} />
        <Button variant="secondary">{t('servicepoint:day.apply')}</Button>
      </form>
      <p class="kern-body">{t('servicepoint:stats.range', { from: formatDayShort(from, lang), to: formatDayShort(to, lang) })}</p>
      <p class="kern-body">
        <a class="kern-link" href={`${base}/statistik.csv?${query}`} download>
          {t('servicepoint:stats.csv')}
        </a>
      </p>
      <div class="sp-stats">
        <figure class="sp-chart">
          <ChartPicture src={`${base}/statistik.svg?${query}`} alt={t('servicepoint:stats.chartAlt')} />
          <figcaption class="kern-body--small">{t('servicepoint:stats.chartCaption')}</figcaption>
        </figure>
        {/* A table in its scroll region, not the desk's grid (.sp-table): its nine columns fit a tablet and scroll sideways on a phone. */}
        <TableScroll labelledBy="sp-stats-caption">
          <table class="kern-table kern-table--small">
            <caption id="sp-stats-caption" class="kern-title">{t('servicepoint:stats.tableCaption')}</caption>
            <thead class="kern-table__head">
              <tr class="kern-table__row">
                {['day', 'booked', 'online', 'staff', 'walkIn', 'noShow', 'noShowRate', 'avgWait', 'utilisation'].map((k) => (
                  <th scope="col" class="kern-table__header" key={k}>
                    {t(`servicepoint:stats.columns.${k}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody class="kern-table__body">
              {days.map((d) => (
                <tr class="kern-table__row" key={d.day}>
                  <th scope="row" class="kern-table__header">{formatDayShort(d.day, lang)}</th>
                  {cells(d).map((c, i) => (
                    <td class="kern-table__cell" key={i}>{c}</td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot class="kern-table__footer">
              <tr class="kern-table__row">
                <th scope="row" class="kern-table__header">{t('servicepoint:stats.total')}</th>
                {cells(total).map((c, i) => (
                  <td class="kern-table__cell" key={i}>{c}</td>
                ))}
              </tr>
            </tfoot>
          </table>
        </TableScroll>
      </div>
    </StaffLayout>
  );
}
