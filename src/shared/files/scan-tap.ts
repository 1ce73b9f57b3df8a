// Scans bytes while they pass: an upload is written to disk and streamed to clamd in the same pass, so the scan
// costs no second read of the file and runs while the rest of the request still arrives (ADR 0270).
import { PassThrough, Transform, type TransformCallback } from 'node:stream';
import type { ScanVerdict, Scanner } from './scanner.js';

/** Bytes that must start the stream for it to be scanned on the way (`%PDF-`: only PDFs are stored as sent). */
export interface ScanTapOptions {
  startsWith?: Buffer;
  /** Bytes buffered towards the scanner before the writer waits for it (backpressure). */
  highWaterMark?: number;
}

/**
 * A pass-through stream that feeds every chunk to `scanner` as well. `verdict()` is the scanner's answer, or
 * undefined when the stream did not start with `startsWith` (nothing was scanned: the caller scans later).
 * The scanner is never faster than it can read: the pass-through waits for it. When the scanner stops reading
 * (it answered early or failed) the bytes still pass on to the file.
 */
export class ScanTap extends Transform {
  private feed: PassThrough | undefined;
  private result: Promise<ScanVerdict> | undefined;
  private decided = false;

  constructor(
    private readonly scanner: Scanner,
    private readonly options: ScanTapOptions = {},
  ) {
    super();
  }

  verdict(): Promise<ScanVerdict> | undefined {
    return this.result;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (!this.decided) {
      this.decided = true;
      const prefix = this.options.startsWith;
      if (!prefix || chunk.subarray(0, prefix.length).equals(prefix)) {
        this.feed = new PassThrough({ highWaterMark: this.options.highWaterMark ?? 1024 * 1024 });
        this.result = this.scanner.scan(this.feed);
      }
    }
    const feed = this.feed;
    if (!feed || feed.destroyed || feed.writableEnded || feed.write(chunk)) {
      callback(null, chunk);
      return;
    }
    const go = () => {
      feed.off('drain', go);
      feed.off('close', go);
      callback(null, chunk);
    };
    feed.on('drain', go);
    feed.on('close', go);
  }

  override _flush(callback: TransformCallback): void {
    if (this.feed && !this.feed.destroyed) this.feed.end();
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    // Ended normally, the scanner still reads the rest; broken off, it gets no verdict (pending) and is not used.
    if (error && this.feed && !this.feed.writableEnded) this.feed.destroy();
    callback(error);
  }
}
