import { describe, expect, it } from 'vitest';
import { attackedPause, pauseAfter } from './throttle.js';

describe('login throttle policy', () => {
  it('allows one client a few mistakes per account, then pauses with growing delays up to one hour', () => {
    expect(pauseAfter('pair', 1)).toBe(0);
    expect(pauseAfter('pair', 2)).toBe(0);
    expect(pauseAfter('pair', 3)).toBe(30_000);
    expect(pauseAfter('pair', 4)).toBe(60_000);
    expect(pauseAfter('pair', 5)).toBe(120_000);
    expect(pauseAfter('pair', 20)).toBe(3_600_000);
  });

  it('gives an IP address (a shared office network) more room', () => {
    expect(pauseAfter('ip', 19)).toBe(0);
    expect(pauseAfter('ip', 20)).toBe(60_000);
    expect(pauseAfter('ip', 21)).toBe(120_000);
  });

  it('pauses every failing client of an attacked account, longer with every failure of the account', () => {
    expect(attackedPause(9)).toBe(0);
    expect(attackedPause(10)).toBe(60_000);
    expect(attackedPause(11)).toBe(120_000);
    expect(attackedPause(40)).toBe(3_600_000);
  });
});
