// Statistics per location and day/week/month: page with chart and data table, CSV export, the chart as SVG.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { z } from 'zod';
import { chartSizeOf } from '#shared/chart.js';
import { optionalLocalDateInput, parseInput } from '#shared/http/validation.js';
import type { AppDeps } from '#shared/module.js';
import { bookingsChartSvg } from './chart.js';
import { requireLocation, type DeskContext } from './desk.service.js';
import { figures } from './stats.service.js';
import { toCsv, totals } from './stats.js';
import { StatsPage } from './views/Stats.js';
import { berlinDate, formatDayMonth, fromBerlinIso } from '#shared/time.js';

type Loc = { Params: { loc: string } };
export const periods = ['day', 'week', 'month'] as const;
const statsQuery = z.object({ period: z.enum(periods).default('week'), date: optionalLocalDateInput('servicepoint:errors.date').catch(undefined) });

function range(period: (typeof periods)[number], date: string): { from: string; to: string } {
  const d = fromBerlinIso(date);
  const unit = period === 'day' ? 'day' : period === 'week' ? 'week' : 'month';
  return { from: d.startOf(unit).toISODate()!, to: d.endOf(unit).toISODate()! };
}

export function registerStatsRoutes(app: FastifyInstance, deps: AppDeps) {
  const ctx = (request: FastifyRequest): DeskContext => ({ tdb: request.tdb, tenant: request.tenant, deps, staff: request.staff });
  const load = async (request: FastifyRequest<Loc>, audited = true) => {
    const query = parseInput(statsQuery, request.query);
    const date = query.date ?? berlinDate(deps.clock.now());
    const { from, to } = range(query.period, date);
    return { period: query.period, date, from, to, days: await figures(ctx(request), request.params.loc, from, to, { audited }) };
  };
  const header = (request: FastifyRequest) =>
    ['day', 'booked', 'online', 'staff', 'walkIn', 'noShow', 'noShowRate', 'avgWait', 'utilisation'].map((k) => request.t(`servicepoint:stats.columns.${k}`));

  app.get<Loc>('/staff/servicepoint/:loc/statistik', async (request, reply) => {
    const location = await requireLocation(ctx(request), request.params.loc);
    const data = await load(request);
    return reply.render(h(StatsPage, { location, ...data, total: totals(data.days) }));
  });

  app.get<Loc>('/staff/servicepoint/:loc/statistik.csv', async (request, reply) => {
    const data = await load(request);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="servicepoint-${data.from}-${data.to}.csv"`)
      .send(toCsv(data.days, header(request)));
  });

  app.get<Loc>('/staff/servicepoint/:loc/statistik.svg', async (request, reply) => {
    const size = chartSizeOf(request.query);
    const data = await load(request, false);
    const t = request.t;
    const rows = data.days.flatMap((d) => {
      const day = formatDayMonth(d.day, request.lang);
      return [
        { day, kind: t('servicepoint:stats.columns.online'), count: d.online },
        { day, kind: t('servicepoint:stats.columns.staff'), count: d.staff },
        { day, kind: t('servicepoint:stats.columns.walkIn'), count: d.walkIn },
      ];
    });
    const svg = await bookingsChartSvg(rows, { day: t('servicepoint:stats.columns.day'), count: t('servicepoint:stats.count'), kind: t('servicepoint:stats.channel'), title: t('servicepoint:stats.chartTitle') }, size);
    return reply.type('image/svg+xml').send(svg);
  });
}
