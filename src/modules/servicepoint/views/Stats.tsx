import { BackLink, Button, DateField, SelectField } from '#shared/html/components.js';
import { useT, useTenantBase } from '#shared/html/context.js';
import { StaffLayout } from '../../staff/index.js';
import type { DayFigures } from '../stats.js';
import type { DeskLocation } from '../termine.adapter.js';

const pct = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)} %`);
const min = (v: number | null) => (v === null ? '–' : `${v} min`);

export function StatsPage({ location, period, date, from, to, days, total }: { location: DeskLocation; period: string; date: string; from: string; to: string; days: DayFigures[]; total: Omit<DayFigures, 'day'> }) {
  const t = useT();
  const base = `${useTenantBase()}/staff/servicepoint/${location.id}`;
  const query = `period=${period}&date=${date}`;
  const title = t('servicepoint:stats.heading', { location: location.name });
  const cells = (d: Omit<DayFigures, 'day'>) => [d.booked, d.online, d.staff, d.walkIn, d.noShow, pct(d.noShowRate), min(d.avgWaitMinutes), pct(d.utilisation)];
  return (
    <StaffLayout title={title} wide>
      <BackLink href={base} />
      <h1 class="kern-heading-large">{title}</h1>
      <form method="get" action={`${base}/statistik`} class="sp-filter">
        <SelectField name="period" label={t('servicepoint:stats.period')} options={(['day', 'week', 'month'] as const).map((p) => ({ value: p, label: t(`servicepoint:stats.periods.${p}`) }))} value={period} />
        <DateField name="date" label={t('servicepoint:day.dateField')} value={date} />
        <Button variant="secondary">{t('servicepoint:day.apply')}</Button>
      </form>
      <p class="kern-body">{t('servicepoint:stats.range', { from, to })}</p>
      <p class="kern-body">
        <a class="kern-link" href={`${base}/statistik.csv?${query}`} download>
          {t('servicepoint:stats.csv')}
        </a>
      </p>
      <div class="sp-stats">
        <figure class="sp-chart">
          <img src={`${base}/statistik.svg?${query}`} alt={t('servicepoint:stats.chartAlt')} width="640" height="300" />
          <figcaption class="kern-body--small">{t('servicepoint:stats.chartCaption')}</figcaption>
        </figure>
        <div class="sp-table-wrap">
          <table class="kern-table sp-table">
            <caption class="kern-body">{t('servicepoint:stats.tableCaption')}</caption>
            <thead>
              <tr>
                {['day', 'booked', 'online', 'staff', 'walkIn', 'noShow', 'noShowRate', 'avgWait', 'utilisation'].map((k) => (
                  <th scope="col" key={k}>
                    {t(`servicepoint:stats.columns.${k}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {days.map((d) => (
                <tr key={d.day}>
                  <th scope="row">{d.day}</th>
                  {cells(d).map((c, i) => (
                    <td key={i}>{c}</td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('servicepoint:stats.total')}</th>
                {cells(total).map((c, i) => (
                  <td key={i}>{c}</td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
      </div>
    </StaffLayout>
  );
}
