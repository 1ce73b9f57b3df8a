import { describe, expect, it } from 'vitest';
import { formatBytes, receiptStatus, worstScanStatus } from './receipt.js';

describe('receipt formatting', () => {
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
