// What the public sees of the newsroom: the list with archive, search and category filter, one release, the data
// for feeds and the sitemap; a release's images and attachments come with it. Every function reads through `visibleAt(now)`: before its embargo a release does not exist.
import type { TenantDb } from '#shared/db/tenant-scope.js';
import { NotFoundError } from '#shared/http/errors.js';
import type { Tenant } from '#shared/tenancy/index.js';
import { settingsOf } from './figures.service.js';
import { attachmentsOf, imagesOf } from './media.repository.js';
import type { PressRelease } from './presse.tables.js';
import * as repo from './release.repository.js';

export const PAGE_SIZE = 20;

export interface NewsroomQuery {
  jahr?: number | undefined;
  kategorie?: string | undefined;
  q?: string | undefined;
  seite?: number | undefined;
}

export async function newsroom(tdb: TenantDb, now: Date, query: NewsroomQuery) {
  const page = query.seite ?? 1;
  const rows = await repo.listVisible(tdb, now, { year: query.jahr, category: query.kategorie, q: query.q, limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE });
  return { releases: rows.slice(0, PAGE_SIZE), hasMore: rows.length > PAGE_SIZE, page, ...(await repo.facets(tdb, now)) };
}

/** The public reference of a release: "2020-530". */
export function releaseRef(release: Pick<PressRelease, 'year' | 'number'>): string {
  return `${release.year}-${release.number}`;
}

export function parseRef(ref: string): { year: number; number: number } | undefined {
  const match = /^(\d{4})-(\d{1,6})$/.exec(ref);
  return match ? { year: Number(match[1]), number: Number(match[2]) } : undefined;
}

export async function publicRelease(tdb: TenantDb, tenant: Tenant, now: Date, ref: string) {
  const parsed = parseRef(ref);
  const release = parsed && (await repo.getVisible(tdb, now, parsed.year, parsed.number));
  if (!release) throw new NotFoundError();
  return { release, contact: (await settingsOf(tdb, tenant)).contact, images: await imagesOf(tdb, release.id), attachments: await attachmentsOf(tdb, release.id) };
}

/** The newest releases for feeds, the API and the sitemap (optionally of one category). */
export function latest(tdb: TenantDb, now: Date, options: { category?: string | undefined; limit?: number } = {}) {
  return repo.listVisible(tdb, now, { category: options.category, limit: options.limit ?? 50 });
}
