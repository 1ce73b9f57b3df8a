// Embargo everywhere: one release with a Sperrfrist is walked through every reader — newsroom page, year archive,
// search, category filter, release page, RSS and Atom (also per category), sitemap, API list, API release, and the
// press list mail — with a fake clock, one second before and at the embargo. The feeds are checked by parsing them.
import { parse, validate } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TenantDb } from '#shared/db/tenant-scope.js';
import { createTestContext, type TestContext } from '../../testing/app.js';
import * as release from './release.service.js';

let ctx: TestContext;
const base = '/t/neue-wege';
const api = '/api/v1/t/neue-wege';
const title = 'Sperrfrist-Meldung Zauberwort';
const embargo = new Date('2026-03-12T09:00:00Z');

beforeAll(async () => {
  ctx = await createTestContext({ now: '2026-03-10T09:00:00Z' });
  const pctx = { tdb: new TenantDb(ctx.deps.database.db, ctx.tenant.id), deps: ctx.deps };
  const a = { userId: '10000000-0000-4000-8000-000000000001', roles: ['presse'] };
  const b = { userId: '10000000-0000-4000-8000-000000000002', roles: ['presse'] };
  const r = await release.createDraft(pctx, a, { title, subtitle: 'Untertitel', dateline: 'Kreis Bergstraße (kb).', body: 'Zauberwort im Text.', categories: ['Gesperrt'], embargoUntil: embargo });
  await release.submit(pctx, a, r.id);
  await release.approve(pctx, b, r.id);
  await release.publish(pctx, a, r.id);
});
afterAll(async () => ctx?.close());

/** Every public reader, and whether `title` appears in its answer. */
const readers: Record<string, string> = {
  newsroom: `${base}/presse`,
  archive: `${base}/presse?jahr=2026`,
  search: `${base}/presse?q=Zauberwort`,
  category: `${base}/presse?kategorie=Gesperrt`,
  page: `${base}/presse/2026-1`,
  rss: `${base}/presse/feed.rss`,
  atom: `${base}/presse/feed.atom`,
  categoryFeed: `${base}/presse/feed.rss?kategorie=Gesperrt`,
  sitemap: `${base}/presse/sitemap.xml`,
  apiList: `${api}/press-releases`,
  apiSearch: `${api}/press-releases?q=Zauberwort`,
  apiRelease: `${api}/press-releases/2026-1`,
};

async function shows(url: string): Promise<boolean> {
  const res = await ctx.app.inject({ url });
  return res.body.includes(title) || (url.endsWith('sitemap.xml') && res.body.includes('/presse/2026-1<'));
}

describe('embargo', () => {
  it('hides the release from every reader until the second of its embargo', async () => {
    ctx.clock.set(new Date(embargo.getTime() - 1000));
    const before = Object.fromEntries(await Promise.all(Object.entries(readers).map(async ([name, url]) => [name, await shows(url)] as const)));
    expect(before).toEqual(Object.fromEntries(Object.keys(readers).map((k) => [k, false])));
    expect((await ctx.app.inject({ url: readers.page! })).statusCode).toBe(404);
    expect((await ctx.app.inject({ url: readers.apiRelease! })).statusCode).toBe(404);
    expect((await ctx.app.inject({ url: `${readers.page!}/pdf` })).statusCode).toBe(404);
    ctx.clock.set(embargo);
    expect((await ctx.app.inject({ url: `${readers.page!}/pdf` })).statusCode).toBe(200);
    const after = Object.fromEntries(await Promise.all(Object.entries(readers).map(async ([name, url]) => [name, await shows(url)] as const)));
    expect(after).toEqual(Object.fromEntries(Object.keys(readers).map((k) => [k, true])));
  });

  it('serves feeds that parse as RSS 2.0 and Atom with the release, its link and category', async () => {
    ctx.clock.set(embargo);
    const parser = { parse: (xml: string) => parse(xml, { ignoreAttributes: false, attributeNamePrefix: '@_' }, true) };
    const rssText = (await ctx.app.inject({ url: readers.rss! })).body;
    expect(validate(rssText)).toBe(true);
    const rss = parser.parse(rssText);
    expect(rss.rss['@_version']).toBe('2.0');
    const items = [rss.rss.channel.item].flat();
    expect(items[0].title).toBe(title);
    expect(items[0].link).toBe('http://localhost:3000/t/neue-wege/presse/2026-1');
    expect([items[0].category].flat()).toContain('Gesperrt');
    expect(items.map((i: { title: string }) => i.title)).toContain('Neue Perspektiven für Langzeitarbeitslose');
    const atomText = (await ctx.app.inject({ url: readers.atom! })).body;
    expect(validate(atomText)).toBe(true);
    const atom = parser.parse(atomText);
    expect(atom.feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    const entries = [atom.feed.entry].flat();
    expect(entries[0].title['#text'] ?? entries[0].title).toBe(title);
    expect(entries[0].id).toBe('http://localhost:3000/t/neue-wege/presse/2026-1');
    const perCategory = parser.parse((await ctx.app.inject({ url: `${base}/presse/feed.atom?kategorie=Digitalisierung` })).body);
    expect([perCategory.feed.entry].flat().map((e: { title: string | { '#text': string } }) => (typeof e.title === 'string' ? e.title : e.title['#text']))).toEqual(['Auf dem Weg in die Zukunft']);
  });
});
