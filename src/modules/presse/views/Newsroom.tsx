import { Button, SelectField, TextField } from '#shared/html/components.js';
import { useT, useTenantBase, useView } from '#shared/html/context.js';
import { Layout } from '#shared/html/Layout.js';
import { formatDateLong } from '#shared/time.js';
import { releaseRef } from '../newsroom.service.js';
import type { PressRelease } from '../presse.tables.js';
import { runningNumber } from '../format.js';

export interface NewsroomProps {
  releases: PressRelease[];
  years: number[];
  categories: string[];
  query: { jahr?: number | undefined; kategorie?: string | undefined; q?: string | undefined };
  page: number;
  hasMore: boolean;
}

function queryString(query: NewsroomProps['query'], page?: number) {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.kategorie) params.set('kategorie', query.kategorie);
  if (query.jahr) params.set('jahr', String(query.jahr));
  if (page && page > 1) params.set('seite', String(page));
  const s = params.toString();
  return s ? `?${s}` : '';
}

export function ReleaseTeaser({ release }: { release: PressRelease }) {
  const { lang } = useView();
  const t = useT();
  const base = useTenantBase();
  return (
    <li class="pr-teaser">
      <article>
        <h2 class="kern-heading-small">
          <a class="kern-link" href={`${base}/presse/${releaseRef(release)}`}>
            {release.title}
          </a>
        </h2>
        <p class="kern-body kern-body--small pr-meta">
          <time datetime={release.visibleFrom!.toISOString()}>{formatDateLong(release.visibleFrom!, lang)}</time> · {runningNumber(release, t)}
          {release.status === 'withdrawn' ? <> · <strong>{t('presse:release.withdrawnShort')}</strong></> : null}
        </p>
        {release.subtitle ? <p class="kern-body">{release.subtitle}</p> : null}
      </article>
    </li>
  );
}

export function NewsroomPage({ releases, years, categories, query, page, hasMore }: NewsroomProps) {
  const t = useT();
  const base = useTenantBase();
  const filtered = Boolean(query.q || query.kategorie || query.jahr);
  const title = query.jahr ? t('presse:newsroom.yearTitle', { year: query.jahr }) : t('presse:newsroom.title');
  return (
    <Layout title={title} wide>
      <h1 class="kern-heading-large">{title}</h1>
      <p class="kern-body">{t('presse:newsroom.intro')}</p>
      <div class="pr-newsroom">
        <div class="pr-newsroom__main">
          <form method="get" action={`${base}/presse`} class="pr-search" role="search" aria-label={t('presse:newsroom.searchLabel')}>
            <TextField name="q" type="search" label={t('presse:newsroom.q')} value={query.q} />
            <SelectField name="kategorie" label={t('presse:newsroom.category')} value={query.kategorie ?? ''} options={[{ value: '', label: t('presse:newsroom.allCategories') }, ...categories.map((c) => ({ value: c, label: c }))]} />
            <SelectField name="jahr" label={t('presse:newsroom.year')} value={query.jahr ? String(query.jahr) : ''} options={[{ value: '', label: t('presse:newsroom.allYears') }, ...years.map((y) => ({ value: String(y), label: String(y) }))]} />
            <Button variant="secondary">{t('presse:newsroom.search')}</Button>
          </form>
          <p class="kern-body" role="status">
            {filtered ? t('presse:newsroom.found', { count: releases.length + (hasMore ? 1 : 0), more: hasMore ? '+' : '' }) : null}
          </p>
          {releases.length === 0 ? (
            <p class="kern-body">{t('presse:newsroom.none')}</p>
          ) : (
            <ol class="pr-list">
              {releases.map((r) => (
                <ReleaseTeaser key={r.id} release={r} />
              ))}
            </ol>
          )}
          <nav class="ww-actions" aria-label={t('presse:newsroom.pages')}>
            {page > 1 ? (
              <a class="kern-link" href={`${base}/presse${queryString(query, page - 1)}`}>
                {t('presse:newsroom.newer')}
              </a>
            ) : null}
            {hasMore ? (
              <a class="kern-link" href={`${base}/presse${queryString(query, page + 1)}`}>
                {t('presse:newsroom.older')}
              </a>
            ) : null}
          </nav>
        </div>
        <aside class="pr-newsroom__aside" aria-labelledby="pr-archive">
          <h2 id="pr-archive" class="kern-heading-small">
            {t('presse:newsroom.archive')}
          </h2>
          <ul class="pr-plain-list">
            {years.map((y) => (
              <li key={y}>
                <a class="kern-link" href={`${base}/presse?jahr=${y}`} aria-current={query.jahr === y ? 'page' : undefined}>
                  {y}
                </a>
              </li>
            ))}
          </ul>
          <h2 class="kern-heading-small">{t('presse:newsroom.more')}</h2>
          <ul class="pr-plain-list">
            <li>
              <a class="kern-link" href={`${base}/arbeitsmarkt`}>
                {t('presse:figures.title')}
              </a>
            </li>
            <li>
              <a class="kern-link" href={`${base}/presse/verteiler`}>
                {t('presse:list.link')}
              </a>
            </li>
            <li>
              <a class="kern-link" href={`${base}/presse/feed.rss`} type="application/rss+xml">
                {t('presse:newsroom.rss')}
              </a>
            </li>
            <li>
              <a class="kern-link" href={`${base}/presse/feed.atom`} type="application/atom+xml">
                {t('presse:newsroom.atom')}
              </a>
            </li>
          </ul>
        </aside>
      </div>
    </Layout>
  );
}
