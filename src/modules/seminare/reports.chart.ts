// One bar chart per report (rendered by shared/chart): a horizontal bar per row, rows with fewer than five people
// left out (the table beside it says so). Bars are labelled with their value, so colour carries no meaning.
import { chartConfig, countAxis, vegaLiteSvg, type ChartSize } from '#shared/chart.js';

/**
 * The phone drawing is narrower, with shorter row labels (cut with "…"; the table beside it has them whole) and no
 * axis title beside them (the table's head names the rows): it fits 390 px at the same type size.
 */
const sizes = {
  wide: { width: 520, labelLimit: 220, rowTitle: true },
  narrow: { width: 160, labelLimit: 140, rowTitle: false },
} as const;

export type ValueKind = 'count' | 'percent' | 'amount';

export function reportChartSvg(rows: { label: string; value: number }[], labels: { title: string; value: string; row: string; kind: ValueKind }, size: ChartSize = 'wide'): Promise<string> {
  const box = sizes[size];
  const encodingY = { field: 'label', type: 'nominal' as const, title: box.rowTitle ? labels.row : null, sort: null, axis: { labelLimit: box.labelLimit } };
  const axis = labels.kind === 'percent' ? { format: '.0%' } : labels.kind === 'count' ? countAxis : {};
  const x = { field: 'value', type: 'quantitative' as const, title: labels.value, axis: { ...axis, ...(size === 'narrow' ? { tickCount: 4 } : {}) }, ...(labels.kind === 'percent' ? { scale: { domain: [0, 1] } } : {}) };
  return vegaLiteSvg({
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    // The narrow drawing goes without a title: the section's heading above it says the same, and a title wider
    // than the chart would set the drawing's width.
    ...(size === 'wide' ? { title: labels.title } : {}),
    width: box.width,
    height: Math.max(40, rows.length * 26),
    background: '#ffffff',
    data: { values: rows },
    layer: [
      { mark: { type: 'bar', color: '#004b76' }, encoding: { y: encodingY, x } },
      {
        mark: { type: 'text', align: 'left', dx: 4, color: '#1b1b1b' },
        encoding: { y: encodingY, x, text: { field: 'value', type: 'quantitative', format: labels.kind === 'percent' ? '.1%' : labels.kind === 'count' ? ',d' : ',.0f' } },
      },
    ],
    config: { ...chartConfig, locale: { number: { decimal: ',', thousands: '.', grouping: [3], currency: ['', ' €'] } } },
  });
}
