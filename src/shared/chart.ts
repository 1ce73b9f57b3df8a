// Server-rendered SVG charts (vega-lite → vega → SVG) for every module: no client script, and a data table goes
// beside every chart. The CSP forbids inline styles, so style attributes and elements vega may write are removed;
// presentation attributes (fill, font-size, …) stay.
import type { TopLevelSpec } from 'vega-lite';
import { z } from 'zod';
import { parseInput } from './http/validation.js';
import { loadVega } from './libraries.js';

/**
 * Every chart is drawn twice: `wide` for desks and print, `narrow` for phones, asked for as `?groesse=schmal` (the
 * picture element of html/chart-picture.tsx picks it by media query). A desk drawing scaled down to 360 px has
 * 6 px labels.
 */
export type ChartSize = 'wide' | 'narrow';

const chartSizeQuery = z.object({ groesse: z.enum(['schmal']).optional() });

/** The size a chart request asks for (`groesse=schmal` or nothing; anything else is refused with 422). */
export function chartSizeOf(query: unknown): ChartSize {
  return parseInput(chartSizeQuery, query ?? {}).groesse === 'schmal' ? 'narrow' : 'wide';
}

/** The axis of a count (people, places, bookings): whole-number ticks only, never "0,5 participants". */
export const countAxis = { tickMinStep: 1, format: ',d' } as const;

/** The font and axis sizes every chart shares (KERN's Fira Sans). */
export const chartConfig = { font: 'Fira Sans, sans-serif', axis: { labelFontSize: 12, titleFontSize: 13 } } as const;

export async function vegaLiteSvg(spec: TopLevelSpec): Promise<string> {
  const { vega, vegaLite } = await loadVega();
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
  try {
    return stripStyles(await view.toSVG());
  } finally {
    view.finalize();
  }
}

/** Removes style attributes and <style> elements (CSP: no inline styles). */
export function stripStyles(svg: string): string {
  return svg.replace(/\sstyle="[^"]*"/g, '').replace(/<style[\s\S]*?<\/style>/g, '');
}
