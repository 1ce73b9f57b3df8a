// A server-drawn chart as an image that phones get in its narrow drawing (shared/chart.ts ChartSize): the same
// address with `groesse=schmal`, chosen by the browser through a media query, so no script is needed.
import type { JSX } from 'preact';

/** Below this width the narrow drawing is shown (KERN's small breakpoint, 576 px at 16 px). */
export const NARROW_CHART_MEDIA = '(max-width: 36em)';

/** The address of the narrow drawing of a chart. */
export function narrowChartSrc(src: string): string {
  return `${src}${src.includes('?') ? '&' : '?'}groesse=schmal`;
}

interface Props {
  src: string;
  alt: string;
  /** Intrinsic sizes (avoid layout shift) where a chart's size is known in advance. */
  wide?: { width: number; height: number };
  narrow?: { width: number; height: number };
}

export function ChartPicture({ src, alt, wide, narrow }: Props): JSX.Element {
  return (
    <picture>
      <source media={NARROW_CHART_MEDIA} srcset={narrowChartSrc(src)} {...narrow} />
      <img src={src} alt={alt} {...wide} />
    </picture>
  );
}
