import { describe, expect, it } from 'vitest';
import { pauseAfter } from './throttle.js';

describe('login throttle policy', () => {
  it('allows a few mistakes, then pauses with growing delays up to one hour', () => {
    expect(pauseAfter('account', 1)).toBe(0);
    expect(pauseAfter('account', 2)).toBe(0);
    expect(pauseAfter('account', 3)).toBe(30_000);
    expect(pauseAfter('account', 4)).toBe(60_000);
    expect(pauseAfter('account', 5)).toBe(120_000);
    expect(pauseAfter('account', 20)).toBe(3_600_000);
  });

  it('gives an IP address (a shared office network) more room', () => {
    expect(pauseAfter('ip', 19)).toBe(0);
    expect(pauseAfter('ip', 20)).toBe(60_000);
    expect(pauseAfter('ip', 21)).toBe(120_000);
  });
});
