// The bookings chart of the desk statistics: bookings per day, stacked by channel (rendered by shared/chart).
import { chartConfig, countAxis, vegaLiteSvg } from '#shared/chart.js';

export interface ChartRow {
  day: string;
  kind: string;
  count: number;
}

export function bookingsChartSvg(rows: ChartRow[], labels: { day: string; count: number | string; kind: string; title: string }): Promise<string> {
  return vegaLiteSvg({
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: labels.title,
    width: 560,
    height: 220,
    background: '#ffffff',
    data: { values: rows },
    mark: { type: 'bar' },
    encoding: {
      x: { field: 'day', type: 'ordinal', title: labels.day },
      y: { field: 'count', type: 'quantitative', title: String(labels.count), stack: 'zero', axis: countAxis },
      color: { field: 'kind', type: 'nominal', title: labels.kind, scale: { range: ['#004b76', '#c2185b', '#2e7d32'] } },
    },
    config: chartConfig,
  });
}
