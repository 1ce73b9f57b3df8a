import { Alert, BackLink } from '#shared/html/components.js';
import { useT, useTenantBase, useView } from '#shared/html/context.js';
import { Layout } from '#shared/html/Layout.js';
import { fileSize } from '../format.js';
import { formatDateLong } from '#shared/time.js';
import { publicImageUrl } from '../media.js';
import type { AttachmentInfo, ImageWithVariants } from '../media.service.js';
import { releaseRef } from '../newsroom.service.js';
import type { PressRelease } from '../presse.tables.js';
import { runningNumber } from '../format.js';
import { ReleaseFigure } from './Figure.js';

export interface ReleaseProps {
  release: PressRelease;
  bodyHtml: string;
  contact: string;
  images: ImageWithVariants[];
  attachments: AttachmentInfo[];
}

/**
 * One release, marked up as a schema.org NewsArticle in microdata (no inline script, so the CSP stays strict).
 * `bodyHtml` comes from the markdown renderer with raw HTML disabled.
 */
export function ReleaseArticle({ release, bodyHtml, contact, images, attachments }: ReleaseProps) {
  const { lang, tenant } = useView();
  const base = useTenantBase();
  const t = useT();
  const visible = release.visibleFrom!;
  return (
    <article class="pr-release" itemscope itemtype="https://schema.org/NewsArticle">
      <p class="kern-body pr-meta">
        <span>{runningNumber(release, t)}</span> ·{' '}
        <time itemprop="datePublished" datetime={visible.toISOString()}>
          {formatDateLong(visible, lang)}
        </time>
        {release.correctedAt ? <meta itemprop="dateModified" content={release.correctedAt.toISOString()} /> : null}
      </p>
      <h1 class="kern-heading-large" itemprop="headline">
        {release.title}
      </h1>
      {release.subtitle ? (
        <p class="kern-heading-small pr-subtitle" itemprop="alternativeHeadline">
          {release.subtitle}
        </p>
      ) : null}
      {release.status === 'withdrawn' ? (
        <Alert type="warning" title={t('presse:release.withdrawn')}>
          <p class="kern-body">{t('presse:release.withdrawnText', { date: formatDateLong(release.withdrawnAt!, lang) })}</p>
        </Alert>
      ) : null}
      {release.correction ? (
        <Alert type="info" title={t('presse:release.correction', { date: formatDateLong(release.correctedAt!, lang) })}>
          <p class="kern-body">{release.correction}</p>
        </Alert>
      ) : null}
      <div class="kern-body pr-body" itemprop="articleBody">
        <div dangerouslySetInnerHTML={{ __html: bodyHtml }} />
      </div>
      {images.map((image) => (
        <ReleaseFigure key={image.id} image={image} url={publicImageUrl(base)} microdata />
      ))}
      {attachments.length ? (
        <section aria-labelledby="pr-attachments">
          <h2 id="pr-attachments" class="kern-heading-small">
            {t('presse:media.attachmentsPublic')}
          </h2>
          <ul class="pr-attachments">
            {attachments.map((a) => (
              <li key={a.id} class="kern-body">
                <a class="kern-link" href={`${base}/presse/${releaseRef(release)}/anhaenge/${a.id}`} type="application/pdf" download={a.fileName}>
                  {a.title}
                </a>{' '}
                ({t('presse:media.pdfInfo', { size: fileSize(a.size, lang), count: a.pages })})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {release.categories.length ? (
        <p class="kern-body kern-body--small">
          {t('presse:release.categories')}: <span itemprop="keywords">{release.categories.join(', ')}</span>
        </p>
      ) : null}
      <section class="pr-contact" aria-labelledby="pr-contact" itemprop="publisher" itemscope itemtype="https://schema.org/GovernmentOrganization">
        <h2 id="pr-contact" class="kern-heading-small">
          {t('presse:release.contact')}
        </h2>
        <meta itemprop="name" content={tenant?.name ?? ''} />
        <address class="kern-body pr-address">{contact}</address>
      </section>
      <p class="kern-body ww-no-print">
        <a class="kern-link" href={`${base}/presse/${releaseRef(release)}/pdf`} type="application/pdf">
          {t('presse:release.pdf')}
        </a>
      </p>
    </article>
  );
}

export function ReleasePage(props: ReleaseProps) {
  const base = useTenantBase();
  return (
    <Layout title={props.release.title}>
      <BackLink href={`${base}/presse`} />
      <ReleaseArticle {...props} />
    </Layout>
  );
}
