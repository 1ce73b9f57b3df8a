// Public JSON API of the newsroom and the labour-market figures (operationIds listPressReleases, getPressRelease,
// listLabourMarketFigures are a contract). Releases are read through visibleAt(now): the API knows nothing of a
// release before its embargo, nor of its images. Rates are numbers in percent (4.1), counts may be null when not
// published.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { NotFoundError } from '#shared/http/errors.js';
import { fixedT } from '#shared/i18n/index.js';
import { operation, typed } from '#shared/http/operation.js';
import { textInput } from '#shared/http/text.js';
import type { AppDeps } from '#shared/module.js';
import { figureSeries } from './figures.service.js';
import { renderRelease } from './markdown.js';
import { fallbackWidth, publicImageUrl } from './media.js';
import { newsroom, publicRelease, releaseRef } from './newsroom.service.js';
import { imageFormats, type PressRelease } from './presse.tables.js';
import { runningNumber } from './format.js';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'common:validation.format' }).meta({ example: '2020-11' });

const summary = z
  .object({
    ref: z.string().meta({ description: 'Year and running number, e.g. `2020-530`', example: '2020-530' }),
    runningNumber: z.string().meta({ example: 'Lfd. Nr. 530 / 2020' }),
    year: z.number().int(),
    number: z.number().int(),
    title: z.string(),
    subtitle: z.string(),
    dateline: z.string(),
    categories: z.array(z.string()),
    publishedAt: z.string().meta({ format: 'date-time' }),
    correctedAt: z.string().meta({ format: 'date-time' }).nullable(),
    status: z.enum(['published', 'withdrawn']),
    url: z.string().meta({ format: 'uri' }),
  })
  .meta({ id: 'PressReleaseSummary' });

const pressImage = z
  .object({
    url: z.string().meta({ format: 'uri', description: 'JPEG variant for use without srcset (960 px wide where there is one)' }),
    alt: z.string(),
    caption: z.string().meta({ description: 'Empty when the image has none' }),
    credit: z.string(),
    width: z.number().int().meta({ description: 'Pixels of the largest variant' }),
    height: z.number().int().meta({ description: 'Pixels of the largest variant' }),
    variants: z.array(
      z.object({ url: z.string().meta({ format: 'uri' }), width: z.number().int(), height: z.number().int(), format: z.enum(imageFormats), size: z.number().int() }).meta({ id: 'PressImageVariant' }),
    ),
  })
  .meta({ id: 'PressImage' });

const full = summary
  .extend({
    images: z.array(pressImage).meta({ description: 'In the order of the page; the first is the lead image' }),
    body: z.string().meta({ description: 'Markdown (safe subset, no HTML)' }),
    bodyHtml: z.string().meta({ description: 'The body rendered to HTML, dateline first' }),
    correction: z.string().nullable(),
    contact: z.string(),
  })
  .meta({ id: 'PressRelease' });

const listQuery = z.object({
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  category: textInput({ max: 80 }).optional(),
  q: textInput({ max: 100 }).optional(),
  page: z.coerce.number().int().min(1).max(1000).optional(),
});

const figureMonth = z
  .object({
    month,
    unemployed: z.number().int().nullable(),
    unemployedSgb2: z.number().int().nullable(),
    unemployedSgb3: z.number().int().nullable(),
    rate: z.number().meta({ description: 'Unemployment rate on all civilian labour force, in percent', example: 4.1 }),
    rateChangePreviousMonth: z.number().nullable().meta({ description: 'Own calculation, percentage points' }),
    rateChangePreviousYear: z.number().nullable().meta({ description: 'Own calculation, percentage points' }),
    source: z.enum(['ba', 'manual', 'demo']).meta({ description: '`demo`: a fictitious demo value' }),
  })
  .meta({ id: 'LabourMarketMonth' });

const figuresOut = z
  .object({ region: z.string(), name: z.string(), attribution: z.string(), months: z.array(figureMonth) })
  .meta({ id: 'LabourMarketFigures' });

export const presseOperations = {
  listPressReleases: operation({
    operationId: 'listPressReleases',
    summary: 'Published press releases, newest first (20 per page)',
    tags: ['presse'],
    access: 'public',
    querystring: listQuery,
    response: { 200: z.object({ items: z.array(summary), page: z.number().int(), hasMore: z.boolean() }).meta({ id: 'PressReleaseList' }) },
  }),
  getPressRelease: operation({
    operationId: 'getPressRelease',
    summary: 'One published press release by year and running number',
    tags: ['presse'],
    access: 'public',
    params: { ref: z.string().max(12).meta({ example: '2020-530' }) },
    response: { 200: full },
  }),
  listLabourMarketFigures: operation({
    operationId: 'listLabourMarketFigures',
    summary: 'Monthly labour-market figures of a region (official code, e.g. 06431, or a named region)',
    tags: ['presse'],
    access: 'public',
    querystring: z.object({ region: textInput({ min: 1, max: 40 }).default('06431'), from: month.optional(), to: month.optional() }),
    response: { 200: figuresOut },
  }),
};

export function registerPresseApi(app: FastifyInstance, deps: AppDeps) {
  const r = typed(app);
  const origin = deps.config.publicUrl;
  const summaryOf = (slug: string, x: PressRelease) => ({
    ref: releaseRef(x),
    runningNumber: runningNumber(x, fixedT('de'))!,
    year: x.year!,
    number: x.number!,
    title: x.title,
    subtitle: x.subtitle,
    dateline: x.dateline,
    categories: x.categories,
    publishedAt: x.visibleFrom!.toISOString(),
    correctedAt: x.correctedAt?.toISOString() ?? null,
    status: x.status === 'withdrawn' ? ('withdrawn' as const) : ('published' as const),
    url: `${origin}/t/${slug}/presse/${releaseRef(x)}`,
  });

  r.get('/press-releases', { schema: presseOperations.listPressReleases }, async function listPressReleases(request) {
    const q = request.query;
    const data = await newsroom(request.tdb, deps.clock.now(), { jahr: q.year, kategorie: q.category, q: q.q, seite: q.page });
    return { items: data.releases.map((x) => summaryOf(request.tenant.slug, x)), page: data.page, hasMore: data.hasMore };
  });

  r.get('/press-releases/:ref', { schema: presseOperations.getPressRelease }, async function getPressRelease(request) {
    const { release, contact, images } = await publicRelease(request.tdb, request.tenant, deps.clock.now(), request.params.ref);
    const imageUrl = publicImageUrl(`${origin}/t/${request.tenant.slug}`);
    return {
      ...summaryOf(request.tenant.slug, release),
      images: images.map((image) => ({
        url: imageUrl(image, fallbackWidth(image), 'jpeg'),
        alt: image.alt,
        caption: image.caption,
        credit: image.credit,
        width: image.width,
        height: image.height,
        variants: image.variants.map((v) => ({ url: imageUrl(image, v.width, v.format), width: v.width, height: v.height, format: v.format, size: v.size })),
      })),
      body: release.body,
      bodyHtml: renderRelease(release.dateline, release.body, `${origin}/t/${request.tenant.slug}/arbeitsmarkt.svg`),
      correction: release.correction,
      contact,
    };
  });

  r.get('/labour-market', { schema: presseOperations.listLabourMarketFigures }, async function listLabourMarketFigures(request) {
    const { region, from, to } = request.query;
    const series = await figureSeries(request.tdb, region, from, to);
    if (!series) throw new NotFoundError();
    return { ...series, attribution: 'Quelle: Statistik der Bundesagentur für Arbeit; Veränderungen: eigene Berechnung' };
  });
}
