import { describe, expect, it } from 'vitest';
import { bookingCode } from '../termine/index.js';
import { averageMinutes, estimateWait, instantOf, normaliseCode, ticketLabel } from './queue.js';

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
    expect(estimateWait({ ahead: 0, handlingMinutes: 15, counters: 2, freeSeats: 3 })).toEqual({ minutes: 0, noSeatsLeft: false });
    expect(estimateWait({ ahead: 3, handlingMinutes: 12, counters: 2, freeSeats: 3 })).toEqual({ minutes: 20, noSeatsLeft: false });
    expect(estimateWait({ ahead: 3, handlingMinutes: 12, counters: 0, freeSeats: 0 })).toEqual({ minutes: 40, noSeatsLeft: true });
  });

  it('averages only complete, non-negative durations', () => {
    const t = (m: number) => new Date(Date.UTC(2026, 0, 1, 8, m));
    expect(averageMinutes([])).toBeUndefined();
    expect(averageMinutes([{ from: t(0), to: t(10) }, { from: t(0), to: t(20) }, { from: t(5), to: null }, { from: t(30), to: t(0) }])).toBe(15);
  });
});
