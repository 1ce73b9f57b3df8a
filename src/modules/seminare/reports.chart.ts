// One bar chart per report (rendered by shared/chart): a horizontal bar per row, rows with fewer than five people
// left out (the table beside it says so). Bars are labelled with their value, so colour carries no meaning.
import { chartConfig, vegaLiteSvg } from '#shared/chart.js';

export function reportChartSvg(rows: { label: string; value: number }[], labels: { title: string; value: string; row: string; percent: boolean }): Promise<string> {
  const encodingY = { field: 'label', type: 'nominal' as const, title: labels.row, sort: null, axis: { labelLimit: 220 } };
  const x = { field: 'value', type: 'quantitative' as const, title: labels.value, ...(labels.percent ? { axis: { format: '.0%' }, scale: { domain: [0, 1] } } : {}) };
  return vegaLiteSvg({
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: labels.title,
    width: 520,
    height: Math.max(40, rows.length * 26),
    background: '#ffffff',
    data: { values: rows },
    layer: [
      { mark: { type: 'bar', color: '#004b76' }, encoding: { y: encodingY, x } },
      {
        mark: { type: 'text', align: 'left', dx: 4, color: '#1b1b1b' },
        encoding: { y: encodingY, x, text: { field: 'value', type: 'quantitative', format: labels.percent ? '.1%' : ',.0f' } },
      },
    ],
    config: { ...chartConfig, locale: { number: { decimal: ',', thousands: '.', grouping: [3], currency: ['', ' €'] } } },
  });
}
