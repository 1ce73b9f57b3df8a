// The figures page's line chart: the district's unemployment rate against its region's over 24 months. The two
// lines differ in dash and point shape as well as colour (colour alone must not carry meaning); the data table
// beside the chart carries the same values.
import { chartConfig, vegaLiteSvg, type ChartSize } from '#shared/chart.js';
import type { FiguresView } from './figures.service.js';

/** The narrow drawing has fewer ticks and a stacked legend: the same type size at 390 px. */
const sizes = {
  wide: { width: 600, height: 260, ticks: 12, legend: 'horizontal' },
  narrow: { width: 290, height: 240, ticks: 6, legend: 'vertical' },
} as const;

export function rateChartSvg(view: FiguresView, labels: { title: string; month: string; rate: string; region: string }, size: ChartSize = 'wide'): Promise<string> {
  const box = sizes[size];
  const values = view.months.flatMap(({ month, district, comparison }) => [
    ...(district ? [{ month: `${month}-01`, region: view.districtName, rate: district.rateTenths / 10 }] : []),
    ...(comparison ? [{ month: `${month}-01`, region: view.comparisonName, rate: comparison.rateTenths / 10 }] : []),
  ]);
  const domain = [view.districtName, view.comparisonName];
  return vegaLiteSvg({
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: labels.title,
    width: box.width,
    height: box.height,
    background: '#ffffff',
    data: { values },
    mark: { type: 'line', point: { filled: true, size: 40 }, strokeWidth: 2 },
    encoding: {
      x: { field: 'month', type: 'temporal', timeUnit: 'yearmonth', title: labels.month, axis: { format: '%m/%Y', labelAngle: -45, tickCount: box.ticks } },
      y: { field: 'rate', type: 'quantitative', title: labels.rate, scale: { zero: true } },
      color: { field: 'region', type: 'nominal', title: labels.region, scale: { domain, range: ['#004b76', '#c2185b'] }, legend: { orient: 'bottom', direction: box.legend } },
      strokeDash: { field: 'region', type: 'nominal', scale: { domain, range: [[1, 0], [6, 4]] } },
      shape: { field: 'region', type: 'nominal', scale: { domain, range: ['circle', 'square'] } },
    },
    config: { ...chartConfig, locale: { number: { decimal: ',', thousands: '.', grouping: [3], currency: ['', ' €'] } } },
  });
}
