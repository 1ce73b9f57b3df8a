// The training office's reports (/staff/seminare/berichte, permission seminare.manage): a page with a chart and a
// data table per report, year and team filters, each report as SVG chart and as CSV download.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { z } from 'zod';
import { uuidString } from '#shared/ids.js';
import { chartSizeOf } from '#shared/chart.js';
import { safeParseForm } from '#shared/http/validation.js';
import type { AppDeps } from '#shared/module.js';
import { requirePermission } from '../staff/index.js';
import { actorOf, ctxOf } from './http.js';
import { reportChartSvg } from './reports.chart.js';
import { reportCsv } from './reports.format.js';
import { reportIds, type ReportId } from './reports.js';
import { seminarReport, seminarReports, type ReportUse } from './reports.service.js';
import { ReportsPage } from './views/ReportsPage.js';

const blank = (v: unknown) => (v === '' ? undefined : v);
const filterSchema = z.object({
  jahr: z.preprocess(blank, z.coerce.number().int().min(2000).max(2100).optional()),
  team: z.preprocess(blank, uuidString.optional()),
});
type One = FastifyRequest<{ Params: { report: string } }>;

export function registerSeminareReportRoutes(app: FastifyInstance, deps: AppDeps) {
  const manage = { onRequest: requirePermission(deps, 'seminare.manage') };
  const filterOf = (request: FastifyRequest) => {
    const parsed = safeParseForm(filterSchema, request.query ?? {});
    return parsed.ok ? { year: parsed.data.jahr, teamId: parsed.data.team } : {};
  };
  const load = (request: FastifyRequest) => seminarReports(ctxOf(request, deps), actorOf(request), filterOf(request), request.t('seminare:reports.noTeam'));
  /**
   * One report's chart or CSV computes that report only (the page shows seven charts, each its own request). A CSV
   * is audited as an export; a chart is not: it draws what the audited page shows (ADR 0350).
   */
  const one = (request: One, use: ReportUse) =>
    reportIds.includes(request.params.report as ReportId)
      ? seminarReport(ctxOf(request, deps), actorOf(request), filterOf(request), request.t('seminare:reports.noTeam'), request.params.report as ReportId, use)
      : undefined;

  app.get('/staff/seminare/berichte', manage, async (request, reply) => reply.render(h(ReportsPage, { view: await load(request), query: queryOf(request) })));

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
function queryOf(request: FastifyRequest): string {
  const parsed = safeParseForm(filterSchema, request.query ?? {});
  if (!parsed.ok) return '';
  const params = new URLSearchParams();
  if (parsed.data.jahr) params.set('jahr', String(parsed.data.jahr));
  if (parsed.data.team) params.set('team', parsed.data.team);
  return params.toString();
}
