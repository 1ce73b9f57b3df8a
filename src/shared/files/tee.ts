// A pass-through stream that also feeds every chunk to a consumer of its own (the virus scanner, the encryption to
// the staging file), so one read of an upload serves all of them (ADR 0270, ADR 0340).
import { PassThrough, Transform, type Readable, type TransformCallback } from 'node:stream';

export interface TeeTapOptions {
  /** Bytes that must start the stream for the consumer to get it; without them it gets nothing (result undefined). */
  startsWith?: Buffer;
  /** Bytes buffered towards the consumer before the writer waits for it (backpressure). */
  highWaterMark?: number;
}

/**
 * `consume` is given a readable side stream on the first chunk; `result()` is what it returned. The pass-through
 * is never faster than the consumer reads: it waits for it. When the consumer stops reading (it answered early or
 * failed) the bytes still pass on. Broken off with an error, the side stream is destroyed: the consumer sees the
 * error and its result must not be used.
 */
export class TeeTap<T> extends Transform {
  private feed: PassThrough | undefined;
  private output: Promise<T> | undefined;
  private decided = false;

  constructor(
    private readonly consume: (side: Readable) => Promise<T>,
    private readonly options: TeeTapOptions = {},
  ) {
    super();
  }

  result(): Promise<T> | undefined {
    return this.output;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (!this.decided) {
      this.decided = true;
      const prefix = this.options.startsWith;
      if (!prefix || chunk.subarray(0, prefix.length).equals(prefix)) {
        this.feed = new PassThrough({ highWaterMark: this.options.highWaterMark ?? 1024 * 1024 });
        this.output = this.consume(this.feed);
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
    if (error && this.feed && !this.feed.writableEnded) this.feed.destroy(error);
    callback(error);
  }
}
