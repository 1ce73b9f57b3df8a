import { describe, expect, it } from 'vitest';
import { formatBerlinDateTime, formatBytes, formatLocalDate, receiptStatus, worstScanStatus } from './receipt.js';

describe('receipt formatting', () => {
  it('shows Berlin time in winter and summer, whatever the process time zone', () => {
    expect(formatBerlinDateTime(new Date('2026-11-25T09:00:00Z'), 'de')).toBe('25.11.2026, 10:00:00 Uhr');
    expect(formatBerlinDateTime(new Date('2026-07-01T21:59:30Z'), 'de')).toBe('01.07.2026, 23:59:30 Uhr');
    expect(formatBerlinDateTime(new Date('2026-07-01T22:00:00Z'), 'en')).toBe('2 Jul 2026, 00:00:00');
  });

  it('shows a local date as people read it', () => {
    expect(formatLocalDate('2026-12-09', 'de')).toBe('09.12.2026');
  });

  it('gives sizes in the reader\'s number format', () => {
    expect(formatBytes(512, 'de')).toBe('512 B');
    expect(formatBytes(1536, 'de')).toBe('1,5 KB');
    expect(formatBytes(2.25 * 1024 * 1024, 'en')).toBe('2.3 MB');
  });

  it('rates a submission by its worst file', () => {
    expect(worstScanStatus(['clean', 'clean'])).toBe('clean');
    expect(worstScanStatus(['clean', 'unscanned'])).toBe('unscanned');
    expect(worstScanStatus(['unscanned', 'pending', 'clean'])).toBe('pending');
    expect(worstScanStatus(['pending', 'infected'])).toBe('infected');
    expect(receiptStatus('pending')).toBe('quarantined');
    expect(receiptStatus('unscanned')).toBe('received');
  });
});
