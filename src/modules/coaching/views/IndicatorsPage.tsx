import { Button, ButtonLink, DateField, TableScroll } from '#shared/html/components.js';
import { errorsOf, ErrorSummary } from '#shared/html/form-errors.js';
import { useT, useView } from '#shared/html/context.js';
import type { FieldError } from '#shared/http/errors.js';
import { StaffLayout } from '../../staff/index.js';
import { austrittsgruende } from '../coaching.tables.js';
import type { IndicatorReport } from '../indicators.service.js';
import { formatDayShort } from '#shared/time.js';
import { MIN_GROUP } from '../rules.js';
import { CoachingAssets } from './parts.js';

/** Horizontal bars of exits by reason; the table below carries the same numbers for screen readers. */
function ExitChart({ report }: { report: IndicatorReport }) {
  const t = useT();
  const max = Math.max(1, ...austrittsgruende.map((g) => report.exits[g]));
  const rowHeight = 28;
  const labelWidth = 340;
  const width = 720;
  return (
    <svg class="ww-chart" viewBox={`0 0 ${width} ${austrittsgruende.length * rowHeight + 8}`} role="img" aria-labelledby="chart-title">
      <title id="chart-title">{t('coaching:indicators.chartTitle')}</title>
      {austrittsgruende.map((g, i) => {
        const barWidth = ((width - labelWidth - 48) * report.exits[g]) / max;
        const y = i * rowHeight + 4;
        return (
          <g key={g}>
            <text x={labelWidth - 8} y={y + 17} text-anchor="end" class="ww-chart__label">
              {t(`coaching:exit.reasons.${g}`)}
            </text>
            <rect x={labelWidth} y={y + 4} width={barWidth} height={rowHeight - 10} class={`ww-chart__bar ww-chart__bar--${g}`} />
            <text x={labelWidth + barWidth + 6} y={y + 17} class="ww-chart__value">
              {report.exits[g]}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function IndicatorsPage({ report, errors, base }: { report: IndicatorReport; errors: FieldError[]; base: string }) {
  const t = useT();
  const { lang } = useView();
  const title = t('coaching:indicators.title');
  const pct = (v: number | null) => (v === null ? t('coaching:indicators.withheld') : `${v.toLocaleString(lang)} %`);
  const showExits = report.exitsTotal >= MIN_GROUP;
  return (
    <StaffLayout title={title} wide>
      <CoachingAssets />
      <h1 class="kern-heading-large">{title}</h1>
      <p class="kern-body">{t(report.scope === 'own' ? 'coaching:indicators.scopeOwn' : 'coaching:indicators.scopeTenant')}</p>
      <ErrorSummary errors={errors} />
      <form method="get" action={`${base}/kennzahlen`} class="ww-filter">
        <DateField name="from" label={t('coaching:indicators.from')} value={report.from} error={errorsOf(errors, 'from')} />
        <DateField name="to" label={t('coaching:indicators.to')} value={report.to} error={errorsOf(errors, 'to')} />
        <Button variant="secondary">{t('coaching:indicators.apply')}</Button>
      </form>
      {report.suppressed ? <p class="kern-body">{t('coaching:indicators.suppressedHint', { min: MIN_GROUP })}</p> : null}
      <TableScroll>
        <table class="kern-table">
          <caption class="kern-title">{t('coaching:indicators.tableCaption', { from: formatDayShort(report.from, lang), to: formatDayShort(report.to, lang) })}</caption>
          <tbody class="kern-table__body">
            {[
              [t('coaching:indicators.entries'), String(report.entries)],
              [t('coaching:indicators.active'), String(report.active)],
              [t('coaching:indicators.exits'), String(report.exitsTotal)],
              ...austrittsgruende.map((g) => [`– ${t(`coaching:exit.reasons.${g}`)}`, showExits ? String(report.exits[g]) : t('coaching:indicators.withheld')]),
              [t('coaching:indicators.integrationRate'), pct(report.integrationRate)],
              [t('coaching:indicators.medianDays'), report.medianDaysToIntegration === null ? t('coaching:indicators.withheld') : String(report.medianDaysToIntegration)],
              [t('coaching:indicators.stillEmployed'), pct(report.stillEmployedRate)],
            ].map(([k, v]) => (
              <tr class="kern-table__row" key={k}>
                <th scope="row" class="kern-table__header">
                  {k}
                </th>
                <td class="kern-table__cell">{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {showExits ? <ExitChart report={report} /> : null}
      <div class="ww-actions">
        <ButtonLink href={`${base}/kennzahlen.csv?from=${report.from}&to=${report.to}`} variant="secondary">
          {t('coaching:indicators.csv')}
        </ButtonLink>
      </div>
    </StaffLayout>
  );
}
