import { describe, expect, it } from 'vitest';
import { bookingCode } from '../termine/index.js';
import { averageMinutes, estimateWait, instantOf, normaliseCode, openCounters, ticketLabel } from './queue.js';

describe('typed booking code', () => {
  it('accepts typed variants and rejects malformed input', () => {
    expect(normaliseCode(' abcd 2345 ')).toBe('ABCD-2345');
    expect(normaliseCode('abcd-o1il')).toBe('ABCD-0111');
    expect(normaliseCode('ABCD-234')).toBeUndefined();
    expect(normaliseCode('ABCU-2345')).toBeUndefined();
    const code = bookingCode('s', 't', 'x');
    expect(normaliseCode(code.toLowerCase())).toBe(code);
  });
});

describe('local time', () => {
  it('uses Europe/Berlin whatever the process time zone', () => {
    expect(instantOf('2026-11-25', '09:15')?.toISOString()).toBe('2026-11-25T08:15:00.000Z');
    expect(instantOf('2026-07-01', '09:15')?.toISOString()).toBe('2026-07-01T07:15:00.000Z');
    expect(instantOf('2026-11-25', '9:15')).toBeUndefined();
    expect(instantOf('2026-03-29', '02:30')).toBeUndefined();
  });

  it('pads ticket numbers', () => {
    expect(ticketLabel(7)).toBe('007');
    expect(ticketLabel(1234)).toBe('1234');
  });
});

describe('waiting time estimate', () => {
  it('shares the people ahead among the counters and rounds up to 5 minutes', () => {
    // Nobody ahead, one counter busy: from now until one visit length, never "about 0 minutes".
    expect(estimateWait({ ahead: 0, handlingMinutes: 15, counters: 1, freeSeats: 3 })).toEqual({ fromMinutes: 0, toMinutes: 15, noSeatsLeft: false });
    expect(estimateWait({ ahead: 0, handlingMinutes: 2, counters: 2, freeSeats: 3 })).toEqual({ fromMinutes: 0, toMinutes: 5, noSeatsLeft: false });
    expect(estimateWait({ ahead: 3, handlingMinutes: 12, counters: 2, freeSeats: 3 })).toEqual({ fromMinutes: 15, toMinutes: 30, noSeatsLeft: false });
    expect(estimateWait({ ahead: 3, handlingMinutes: 12, counters: 0, freeSeats: 0 })).toEqual({ fromMinutes: 35, toMinutes: 50, noSeatsLeft: true });
  });

  it('counts the counters that called someone within the last hour as open', () => {
    const now = new Date(Date.UTC(2026, 0, 1, 10, 0));
    const at = (m: number) => new Date(now.getTime() - m * 60_000);
    const visits = [
      { counter: '1', calledAt: at(5) },
      { counter: '1', calledAt: at(20) },
      { counter: '2', calledAt: at(59) },
      { counter: '3', calledAt: at(90) },
      { counter: null, calledAt: null },
    ];
    expect(openCounters(visits, now)).toBe(2);
    expect(openCounters([], now)).toBe(0);
  });

  it('averages only complete, non-negative durations', () => {
    const t = (m: number) => new Date(Date.UTC(2026, 0, 1, 8, m));
    expect(averageMinutes([])).toBeUndefined();
    expect(averageMinutes([{ from: t(0), to: t(10) }, { from: t(0), to: t(20) }, { from: t(5), to: null }, { from: t(30), to: t(0) }])).toBe(15);
  });
});
