import { useT } from '#shared/html/context.js';
import { fallbackWidth } from '../media.js';
import type { ImageWithVariants } from '../media.service.js';
import type { ImageFormat } from '../presse.tables.js';

/** URL of one variant of an image (public or the press office's, see media.routes.ts). */
export type VariantUrl = (image: ImageWithVariants, width: number, format: ImageFormat) => string;

/** At most the text column's width (KERN's content column), else the screen's. */
export const FIGURE_SIZES = '(min-width: 48rem) 46rem, 100vw';

function srcset(image: ImageWithVariants, format: ImageFormat, url: VariantUrl): string {
  return image.variants
    .filter((v) => v.format === format)
    .map((v) => `${url(image, v.width, format)} ${v.width}w`)
    .join(', ');
}

/** An image with WebP and JPEG srcsets, its alt text, and the caption with the credit (Bildnachweis). */
export function ReleaseFigure({ image, url, microdata = false }: { image: ImageWithVariants; url: VariantUrl; microdata?: boolean }) {
  const t = useT();
  return (
    <figure class="pr-figure">
      <picture>
        <source type="image/webp" srcset={srcset(image, 'webp', url)} sizes={FIGURE_SIZES} />
        <img
          src={url(image, fallbackWidth(image), 'jpeg')}
          srcset={srcset(image, 'jpeg', url)}
          sizes={FIGURE_SIZES}
          alt={image.alt}
          width={image.width}
          height={image.height}
          loading="lazy"
          decoding="async"
          itemprop={microdata ? 'image' : undefined}
        />
      </picture>
      <figcaption class="kern-body">
        {image.caption ? <span>{image.caption}</span> : null}
        <span class="pr-credit">{t('presse:media.creditLine', { credit: image.credit })}</span>
      </figcaption>
    </figure>
  );
}
