// Server-rendered SVG bar chart (vega-lite → vega → SVG). The CSP forbids inline styles, so style
// attributes vega may write are removed; presentation attributes (fill, font-size, …) stay.
import type { TopLevelSpec } from 'vega-lite';
import { loadVega } from '../../shared/libraries.js';

export interface ChartRow {
  day: string;
  kind: string;
  count: number;
}

export async function bookingsChartSvg(rows: ChartRow[], labels: { day: string; count: number | string; kind: string; title: string }): Promise<string> {
  const spec: TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: labels.title,
    width: 560,
    height: 220,
    background: '#ffffff',
    data: { values: rows },
    mark: { type: 'bar' },
    encoding: {
      x: { field: 'day', type: 'ordinal', title: labels.day },
      y: { field: 'count', type: 'quantitative', title: String(labels.count), stack: 'zero' },
      color: { field: 'kind', type: 'nominal', title: labels.kind, scale: { range: ['#004b76', '#c2185b', '#2e7d32'] } },
    },
    config: { font: 'Fira Sans, sans-serif', axis: { labelFontSize: 12, titleFontSize: 13 } },
  };
  const { vega, vegaLite } = await loadVega();
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return stripStyles(svg);
}

/** Removes style attributes and <style> elements (CSP: no inline styles). */
export function stripStyles(svg: string): string {
  return svg.replace(/\sstyle="[^"]*"/g, '').replace(/<style[\s\S]*?<\/style>/g, '');
}
