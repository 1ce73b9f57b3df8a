import { describe, expect, it } from 'vitest';
import { bookingCode } from './booking-code.js';

describe('booking code', () => {
  it('is stable, 8 Crockford characters, and differs per appointment, tenant and key', () => {
    const a = bookingCode('secret', 't1', 'a1');
    expect(a).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(bookingCode('secret', 't1', 'a1')).toBe(a);
    expect(bookingCode('secret', 't1', 'a2')).not.toBe(a);
    expect(bookingCode('secret', 't2', 'a1')).not.toBe(a);
    expect(bookingCode('other', 't1', 'a1')).not.toBe(a);
  });

  it('keeps the codes issued before it moved into termine', () => {
    expect(bookingCode('secret', 't1', 'a1')).toBe('51XC-V8VK');
  });
});
