// The training office's reports (/staff/seminare/berichte, permission seminare.manage): a page with a chart and a
// data table per report, year and team filters, each report as SVG chart and as CSV download.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { z } from 'zod';
import { uuidField } from '#shared/ids.js';
import { chartSizeOf } from '#shared/chart.js';
import { parseFilter, parseInput } from '#shared/http/validation.js';
import type { AppDeps } from '#shared/module.js';
import { requirePermission } from '../staff/index.js';
import { actorOf, ctxOf } from './http.js';
import { reportChartSvg } from './reports.chart.js';
import { reportCsv } from './reports.format.js';
import { reportIds, type ReportId } from './reports.js';
import { seminarReport, seminarReports, type ReportUse } from './reports.service.js';
import { ReportsPage } from './views/ReportsPage.js';

const blank = (v: unknown) => (v === '' ? undefined : v);
const year = 'seminare:reports.yearFilter';
const filterSchema = z.object({
  jahr: z.preprocess(blank, z.coerce.number({ error: year }).int({ error: year }).min(2000, { error: year }).max(2100, { error: year }).optional()),
  team: z.preprocess(blank, uuidField('seminare:reports.teamFilter').optional()),
});
type Filter = z.output<typeof filterSchema>;
type One = FastifyRequest<{ Params: { report: string } }>;

const filterOf = (query: Partial<Filter>) => ({ year: query.jahr, teamId: query.team });

export function registerSeminareReportRoutes(app: FastifyInstance, deps: AppDeps) {
  const manage = { onRequest: requirePermission(deps, 'seminare.manage') };
  /**
   * One report's chart or CSV computes that report only (the page shows seven charts, each its own request). A CSV
   * is audited as an export; a chart is not: it draws what the audited page shows (ADR 0350). The page links them
   * with its valid filter only; a wrong one in their address is refused (422), not dropped.
   */
  const one = (request: One, use: ReportUse) =>
    reportIds.includes(request.params.report as ReportId)
      ? seminarReport(ctxOf(request, deps), actorOf(request), filterOf(parseInput(filterSchema, request.query ?? {})), request.t('seminare:reports.noTeam'), request.params.report as ReportId, use)
      : undefined;

  // A wrong year or team (malformed, or not this jobcenter's) is named on the page, the rest of the filter still applies.
  app.get('/staff/seminare/berichte', manage, async (request, reply) => {
    const { data, errors } = parseFilter(filterSchema, request.query ?? {});
    const view = await seminarReports(ctxOf(request, deps), actorOf(request), filterOf(data), request.t('seminare:reports.noTeam'));
    if (view.unknownTeam) errors.push({ field: 'team', message: 'seminare:reports.teamFilter' });
    const shown = { ...data, team: view.teamId };
    return reply.status(errors.length ? 422 : 200).render(h(ReportsPage, { view, query: queryOf(shown), errors }));
  });

  app.get<{ Params: { report: string } }>('/staff/seminare/berichte/:report.svg', manage, async (request, reply) => {
    const size = chartSizeOf(request.query);
    const found = await one(request, 'chart');
    if (!found) return reply.callNotFound();
    const { report } = found;
    const column = report.columns[report.chartColumn]!;
    const rows = report.rows.filter((r) => !r.suppressed && r.values[report.chartColumn] !== null).map((r) => ({ label: r.label, value: column.kind === 'euro' ? r.values[report.chartColumn]! / 100 : r.values[report.chartColumn]! }));
    const t = request.t;
    const kind = column.kind === 'percent' ? 'percent' : column.kind === 'euro' ? 'amount' : 'count';
    const svg = await reportChartSvg(rows, { title: t(`seminare:reports.${report.id}.title`), row: t(`seminare:reports.${report.id}.row`), value: t(`seminare:reports.columns.${column.key}`) + (column.kind === 'euro' ? ' (€)' : ''), kind }, size);
    return reply.type('image/svg+xml').send(svg);
  });

  app.get<{ Params: { report: string } }>('/staff/seminare/berichte/:report.csv', manage, async (request, reply) => {
    const found = await one(request, 'csv');
    if (!found) return reply.callNotFound();
    const { report, year } = found;
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="seminare-${report.id}-${year}.csv"`)
      .send(reportCsv(report, request.t, request.lang));
  });
}

/** The filter as a query string for the chart and CSV links (only validated values). */
function queryOf(filter: Partial<Filter>): string {
  const params = new URLSearchParams();
  if (filter.jahr) params.set('jahr', String(filter.jahr));
  if (filter.team) params.set('team', filter.team);
  return params.toString();
}
