// Server-rendered SVG charts (vega-lite → vega → SVG) for every module: no client script, and a data table goes
// beside every chart. The CSP forbids inline styles, so style attributes and elements vega may write are removed;
// presentation attributes (fill, font-size, …) stay.
import type { TopLevelSpec } from 'vega-lite';
import { loadVega } from './libraries.js';

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
