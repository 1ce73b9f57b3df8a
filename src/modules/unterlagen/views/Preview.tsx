import { useT } from '#shared/html/context.js';
import type { UploadFile } from '../unterlagen.tables.js';

/**
 * The inline preview of one PDF (doc/adr/0231-inline-pdf-preview.md): hidden until /assets/pdf-preview.js renders
 * its pages to a canvas with pdf.js; the bytes come from the audited download route. Buttons page and zoom; with
 * focus in the viewer PageUp/PageDown and + / - do the same. Without JavaScript the download link is the fallback.
 */
export function Preview({ file, src, index }: { file: Pick<UploadFile, 'id' | 'name'>; src: string; index: number }) {
  const t = useT();
  const heading = `preview-${index}`;
  return (
    <section
      class="ww-preview"
      aria-labelledby={heading}
      hidden
      data-pdf-preview
      data-src={src}
      data-text-status={t('unterlagen:preview.status')}
      data-text-page={t('unterlagen:preview.page', { name: file.name })}
      data-text-loading={t('unterlagen:preview.loading')}
      data-text-failed={t('unterlagen:preview.failed')}
    >
      <h3 class="kern-heading-small ww-break" id={heading}>
        {t('unterlagen:preview.heading', { name: file.name })}
      </h3>
      <div class="ww-preview__controls">
        <button class="kern-btn kern-btn--secondary" type="button" data-preview-prev>
          <span class="kern-label">{t('unterlagen:preview.previous')}</span>
        </button>
        <button class="kern-btn kern-btn--secondary" type="button" data-preview-next>
          <span class="kern-label">{t('unterlagen:preview.next')}</span>
        </button>
        <button class="kern-btn kern-btn--tertiary" type="button" data-preview-zoom-out>
          <span class="kern-label">{t('unterlagen:preview.zoomOut')}</span>
        </button>
        <button class="kern-btn kern-btn--tertiary" type="button" data-preview-zoom-in>
          <span class="kern-label">{t('unterlagen:preview.zoomIn')}</span>
        </button>
        <p class="kern-body ww-preview__status" data-preview-status aria-live="polite"></p>
      </div>
      <div class="ww-preview__page" tabindex={0} role="region" aria-label={t('unterlagen:preview.region', { name: file.name })} aria-describedby={`${heading}-keys`}>
        <canvas role="img" aria-label={t('unterlagen:preview.loading')}></canvas>
      </div>
      <p class="kern-body ww-preview__keys" id={`${heading}-keys`}>
        {t('unterlagen:preview.keys')}
      </p>
    </section>
  );
}
