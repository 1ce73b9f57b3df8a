import { describe, expect, it } from 'vitest';
import { bookingsChartSvg } from './chart.js';

describe('bookings chart', () => {
  it('renders an SVG without inline styles', async () => {
    const svg = await bookingsChartSvg(
      [
        { day: '2026-11-24', kind: 'Online', count: 3 },
        { day: '2026-11-25', kind: 'Vor Ort', count: 2 },
      ],
      { day: 'Tag', count: 'Anzahl', kind: 'Weg', title: 'Buchungen' },
    );
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Buchungen');
    expect(svg).not.toMatch(/style=|<style/);
  });
});
