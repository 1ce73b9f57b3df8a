// Scans bytes while they pass: an upload is written to disk and streamed to clamd in the same pass, so the scan
// costs no second read of the file and runs while the rest of the request still arrives (ADR 0270).
import type { ScanVerdict, Scanner } from './scanner.js';
import { TeeTap, type TeeTapOptions } from './tee.js';

/**
 * A pass-through stream that feeds every chunk to `scanner` as well. `verdict()` is the scanner's answer, or
 * undefined when the stream did not start with `startsWith` (nothing was scanned: the caller scans later).
 * Broken off, the scanner gets no verdict (pending) and it is not used.
 */
export class ScanTap extends TeeTap<ScanVerdict> {
  constructor(scanner: Scanner, options: TeeTapOptions = {}) {
    super((feed) => scanner.scan(feed), options);
  }

  verdict(): Promise<ScanVerdict> | undefined {
    return this.result();
  }
}
