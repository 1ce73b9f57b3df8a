// RSS 2.0 and Atom feeds of the newsroom (all releases or one category) and the sitemap of its pages. They read
// through `latest`, i.e. visibleAt(now): an embargoed release appears in no feed before its time. An item's first
// image is its enclosure.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Feed } from 'feed';
import { parseInput } from '#shared/http/validation.js';
import type { AppDeps } from '#shared/module.js';
import { plainText, renderRelease } from './markdown.js';
import { fallbackWidth, publicImageUrl } from './media.js';
import { leadImages } from './media.repository.js';
import { latest, releaseRef } from './newsroom.service.js';
import { feedQuery } from './presse.schemas.js';
import { runningNumber } from './format.js';

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function registerFeedRoutes(app: FastifyInstance, deps: AppDeps) {
  const f = feedHandlers(deps);
  app.get('/presse/feed.rss', f.rssFeed);
  app.get('/presse/feed.atom', f.atomFeed);
  app.get('/presse/sitemap.xml', f.sitemap);
}

function feedHandlers(deps: AppDeps) {
  const origin = deps.config.publicUrl;

  async function build(request: FastifyRequest): Promise<Feed> {
    const { kategorie } = parseInput(feedQuery, request.query ?? {});
    const tenant = request.tenant;
    const base = `${origin}/t/${tenant.slug}`;
    const suffix = kategorie ? `?kategorie=${encodeURIComponent(kategorie)}` : '';
    const releases = (await latest(request.tdb, deps.clock.now(), { category: kategorie, limit: 50 })).filter((r) => r.status === 'published');
    const feed = new Feed({
      title: kategorie ? request.t('presse:newsroom.feedCategoryTitle', { tenant: tenant.name, category: kategorie }) : request.t('presse:newsroom.feedTitle', { tenant: tenant.name }),
      id: `${base}/presse${suffix}`,
      link: `${base}/presse${suffix}`,
      language: request.lang,
      copyright: tenant.name,
      updated: releases[0]?.visibleFrom ?? new Date(0),
      generator: false,
      feedLinks: { rss: `${base}/presse/feed.rss${suffix}`, atom: `${base}/presse/feed.atom${suffix}` },
      author: { name: tenant.name, email: tenant.email },
    });
    const images = await leadImages(request.tdb, releases.map((r) => r.id));
    for (const r of releases) {
      const link = `${base}/presse/${releaseRef(r)}`;
      const lead = images.get(r.id);
      const width = lead ? fallbackWidth(lead) : 0;
      const jpeg = lead?.variants.find((v) => v.format === 'jpeg' && v.width === width);
      feed.addItem({
        title: r.title,
        id: link,
        link,
        date: r.correctedAt ?? r.visibleFrom!,
        published: r.visibleFrom!,
        description: `${runningNumber(r, request.t)} – ${r.subtitle || plainText(r.body).slice(0, 280)}`,
        content: renderRelease(r.dateline, r.body, `${base}/arbeitsmarkt.svg`),
        category: r.categories.map((name) => ({ name })),
        // The lead image as enclosure (RSS) and link rel="enclosure" (Atom); the URL ends in .jpeg, which the feed
        // library turns into the type image/jpeg.
        ...(lead && jpeg ? { image: { url: publicImageUrl(base)(lead, width, 'jpeg'), type: 'image/jpeg', length: jpeg.size } } : {}),
      });
    }
    return feed;
  }

  async function rssFeed(request: FastifyRequest, reply: FastifyReply) {
    const feed = await build(request);
    return reply.type('application/rss+xml; charset=utf-8').header('cache-control', 'public, max-age=60').send(feed.rss2());
  }

  async function atomFeed(request: FastifyRequest, reply: FastifyReply) {
    const feed = await build(request);
    return reply.type('application/atom+xml; charset=utf-8').header('cache-control', 'public, max-age=60').send(feed.atom1());
  }

  async function sitemap(request: FastifyRequest, reply: FastifyReply) {
    const base = `${origin}/t/${request.tenant.slug}`;
    const releases = await latest(request.tdb, deps.clock.now(), { limit: 5000 });
    const urls = [`${base}/presse`, `${base}/arbeitsmarkt`, ...releases.map((r) => `${base}/presse/${releaseRef(r)}`)];
    const lastmod = new Map(releases.map((r) => [`${base}/presse/${releaseRef(r)}`, (r.correctedAt ?? r.visibleFrom!).toISOString()]));
    const body = urls.map((u) => `<url><loc>${escapeXml(u)}</loc>${lastmod.has(u) ? `<lastmod>${lastmod.get(u)}</lastmod>` : ''}</url>`).join('');
    return reply
      .type('application/xml; charset=utf-8')
      .header('cache-control', 'public, max-age=60')
      .send(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${body}</urlset>\n`);
  }

  return { rssFeed, atomFeed, sitemap };
}
