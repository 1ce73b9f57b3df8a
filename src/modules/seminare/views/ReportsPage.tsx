import { Alert, Button, DataTable, SelectField } from '#shared/html/components.js';
import { ErrorSummary, errorsOf } from '#shared/html/form-errors.js';
import { ChartPicture } from '#shared/html/chart-picture.js';
import { useT, useTenantBase, useView } from '#shared/html/context.js';
import type { FieldError } from '#shared/http/errors.js';
import { StaffLayout } from '../../staff/index.js';
import { MIN_PERSONS, type Report } from '../reports.js';
import { formatValue } from '../reports.format.js';
import type { ReportsView } from '../reports.service.js';

function ReportSection({ report, query }: { report: Report; query: string }) {
  const t = useT();
  const { lang } = useView();
  const base = `${useTenantBase()}/staff/seminare/berichte/${report.id}`;
  const suffix = query ? `?${query}` : '';
  const title = t(`seminare:reports.${report.id}.title`);
  const shown = report.rows.filter((r) => !r.suppressed && r.values[report.chartColumn] !== null);
  // A chart of nothing but zeros says less than the table and draws an axis of '0,000000': the table alone then.
  const charted = shown.some((r) => r.values[report.chartColumn]! > 0);
  return (
    <section class="ww-report" aria-labelledby={`r-${report.id}`}>
      <h2 class="kern-heading-medium" id={`r-${report.id}`}>
        {title}
      </h2>
      <p class="kern-body">{t(`seminare:reports.${report.id}.explain`)}</p>
      {report.rows.length === 0 ? (
        <p class="kern-body">{t('seminare:reports.empty')}</p>
      ) : (
        <div class="ww-report__body">
          {charted ? (
            <figure class="ww-report__chart">
              <ChartPicture src={`${base}.svg${suffix}`} alt={t('seminare:reports.chartAlt', { title })} />
            </figure>
          ) : null}
          <DataTable
            label={title}
            head={[t(`seminare:reports.${report.id}.row`), ...report.columns.map((c) => t(`seminare:reports.columns.${c.key}`))]}
            rows={report.rows}
            rowKey={(r) => r.label}
            cells={(r) => [r.label, ...(r.suppressed ? report.columns.map((_, i) => (i === 0 ? t('seminare:reports.fewer') : '–')) : r.values.map((v, i) => formatValue(v, report.columns[i]!.kind, lang)))]}
          />
        </div>
      )}
      <p class="kern-body">
        <a class="kern-link" href={`${base}.csv${suffix}`} download>
          {t('seminare:reports.csv')}
          <span class="kern-sr-only">: {title}</span>
        </a>
      </p>
    </section>
  );
}

/** `errors`: filter fields that were wrong and are not applied (the page shows the rest of the filter). */
export function ReportsPage({ view, query, errors }: { view: ReportsView; query: string; errors: FieldError[] }) {
  const t = useT();
  const base = useTenantBase();
  const team = view.teams.find((x) => x.id === view.teamId);
  return (
    <StaffLayout title={t('seminare:reports.title')} wide>
      <h1 class="kern-heading-large">{t('seminare:reports.title')}</h1>
      <ErrorSummary errors={errors} labels={{ jahr: t('seminare:reports.year'), team: t('seminare:reports.team') }} />
      <form method="get" action={`${base}/staff/seminare/berichte`} class="ww-seminar-filter">
        <SelectField name="jahr" label={t('seminare:reports.year')} error={errorsOf(errors, 'jahr')} value={String(view.year)} options={view.years.map((y) => ({ value: String(y), label: String(y) }))} />
        <SelectField
          name="team"
          label={t('seminare:reports.team')}
          error={errorsOf(errors, 'team')}
          value={view.teamId ?? ''}
          options={[{ value: '', label: t('seminare:reports.allTeams') }, ...view.teams.map((x) => ({ value: x.id, label: x.name }))]}
        />
        <div class="ww-actions">
          <Button variant="secondary">{t('seminare:reports.show')}</Button>
        </div>
      </form>
      <p class="kern-body" role="status">
        {team ? t('seminare:reports.showingTeam', { year: view.year, team: team.name }) : t('seminare:reports.showing', { year: view.year })}
      </p>
      <Alert type="info" title={t('seminare:reports.privacyTitle')}>
        <p class="kern-body">{t('seminare:reports.privacy', { min: MIN_PERSONS })}</p>
      </Alert>
      {view.reports.map((r) => (
        <ReportSection report={r} query={query} key={r.id} />
      ))}
    </StaffLayout>
  );
}
