import { describe, expect, it } from 'vitest';
import { stripStyles } from './chart.js';

describe('chart SVG', () => {
  it('strips style attributes and elements', () => {
    expect(stripStyles('<svg style="a:b"><style>x{}</style><g style="c"/></svg>')).toBe('<svg><g/></svg>');
  });
});
