// The bookings chart of the desk statistics: bookings per day, stacked by channel (rendered by shared/chart).
import { chartConfig, countAxis, vegaLiteSvg, type ChartSize } from '#shared/chart.js';

export interface ChartRow {
  /** The day as the page shows it ("30.11."), in order. */
  day: string;
  kind: string;
  count: number;
}

/** The legend goes under the bars (the desk drawing then fits a tablet); on a phone the drawing is narrower, its legend one entry a line: the same type size at 390 px. */
const sizes = {
  wide: { width: 560, height: 220, legend: 'bottom', direction: 'horizontal' },
  narrow: { width: 220, height: 200, legend: 'bottom', direction: 'vertical' },
} as const;

export function bookingsChartSvg(rows: ChartRow[], labels: { day: string; count: number | string; kind: string; title: string }, size: ChartSize = 'wide'): Promise<string> {
  const box = sizes[size];
  return vegaLiteSvg({
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: labels.title,
    width: box.width,
    height: box.height,
    background: '#ffffff',
    data: { values: rows },
    mark: { type: 'bar' },
    encoding: {
      x: { field: 'day', type: 'ordinal', title: labels.day, sort: null },
      y: { field: 'count', type: 'quantitative', title: String(labels.count), stack: 'zero', axis: countAxis },
      color: { field: 'kind', type: 'nominal', title: labels.kind, scale: { range: ['#004b76', '#c2185b', '#2e7d32'] }, legend: { orient: box.legend, direction: box.direction, labelFontSize: 12, titleFontSize: 13 } },
    },
    config: chartConfig,
  });
}
