// Public pages of the newsroom and the figures: list, release, figures page with its chart and CSV. Pages are
// never kept in the shared page cache: what is visible changes when an embargo ends.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { chartSizeOf } from '#shared/chart.js';
import { parseInput } from '#shared/http/validation.js';
import type { AppDeps } from '#shared/module.js';
import { rateChartSvg } from './figures.chart.js';
import { figuresView } from './figures.service.js';
import { figuresCsv } from './figures.csv.js';
import { formatDateLong } from '#shared/time.js';
import { renderRelease } from './markdown.js';
import { pdfImages } from './media.service.js';
import { runningNumber } from './format.js';
import { releasePdf } from './release.pdf.js';
import { newsroom, publicRelease } from './newsroom.service.js';
import { newsroomQuery } from './presse.schemas.js';
import { FiguresPage } from './views/Figures.js';
import { NewsroomPage } from './views/Newsroom.js';
import { ReleasePage } from './views/ReleasePage.js';

type RefRequest = FastifyRequest<{ Params: { ref: string } }>;

export function registerPublicRoutes(app: FastifyInstance, deps: AppDeps) {
  const p = publicHandlers(deps);
  app.get('/presse', p.newsroomPage);
  app.get<{ Params: { ref: string } }>('/presse/:ref', p.releasePage);
  app.get<{ Params: { ref: string } }>('/presse/:ref/pdf', p.releasePdfDownload);
  app.get('/arbeitsmarkt', p.figuresPage);
  app.get('/arbeitsmarkt.svg', p.figuresChart);
  app.get('/arbeitsmarkt.csv', p.figuresCsvDownload);
}

function publicHandlers(deps: AppDeps) {
  async function newsroomPage(request: FastifyRequest, reply: FastifyReply) {
    const query = parseInput(newsroomQuery, request.query ?? {});
    const data = await newsroom(request.tdb, deps.clock.now(), query);
    return reply.render(h(NewsroomPage, { ...data, query }));
  }

  async function releasePage(request: RefRequest, reply: FastifyReply) {
    const found = await publicRelease(request.tdb, request.tenant, deps.clock.now(), request.params.ref);
    const bodyHtml = renderRelease(found.release.dateline, found.release.body, `/t/${request.tenant.slug}/arbeitsmarkt.svg`);
    return reply.render(h(ReleasePage, { ...found, bodyHtml }));
  }

  async function releasePdfDownload(request: RefRequest, reply: FastifyReply) {
    const { release, contact, images } = await publicRelease(request.tdb, request.tenant, deps.clock.now(), request.params.ref);
    const t = request.t;
    const url = `${deps.config.publicUrl}/t/${request.tenant.slug}/presse/${request.params.ref}`;
    const labels = { number: runningNumber(release, t) ?? '', contact: t('presse:release.contact'), correction: t('presse:release.correction', { date: release.correctedAt ? formatDateLong(release.correctedAt, request.lang) : '' }), withdrawn: t('presse:release.withdrawn'), online: t('presse:list.mail.online') };
    const pdf = await releasePdf(release, contact, labels, url, await pdfImages(request.tdb, images, t));
    return reply.type('application/pdf').header('content-disposition', `inline; filename="pressemitteilung-${request.params.ref}.pdf"`).send(pdf);
  }

  async function figuresPage(request: FastifyRequest, reply: FastifyReply) {
    return reply.render(h(FiguresPage, { view: await figuresView(request.tdb, request.tenant) }));
  }

  async function figuresChart(request: FastifyRequest, reply: FastifyReply) {
    const size = chartSizeOf(request.query);
    const view = await figuresView(request.tdb, request.tenant);
    const t = request.t;
    const labels = { title: t('presse:figures.chartTitle'), month: t('presse:figures.columns.month'), rate: t('presse:figures.rateAxis'), region: t('presse:figures.region') };
    const svg = await rateChartSvg(view, labels, size);
    return reply.type('image/svg+xml').header('cache-control', 'public, max-age=300').send(svg);
  }

  async function figuresCsvDownload(request: FastifyRequest, reply: FastifyReply) {
    const view = await figuresView(request.tdb, request.tenant);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="arbeitsmarkt-${request.tenant.slug}.csv"`)
      .send(figuresCsv(view, request.t));
  }

  return { newsroomPage, releasePage, releasePdfDownload, figuresPage, figuresChart, figuresCsvDownload };
}
