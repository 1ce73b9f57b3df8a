// The end of an upload's intake pipeline (ADR 0384). It keeps a file's first and last bytes in memory and writes the
// plaintext to disk only when `toDisk` asks for it on seeing the first bytes: a PDF whose encrypted copy lies on local
// disk is checked from that copy, so its plaintext never reaches the disk (a 10 MB write into the page cache saved).
import { createWriteStream, type WriteStream } from 'node:fs';
import { Writable } from 'node:stream';
import { fileWriteBuffer } from '#shared/files/index.js';

/** How many bytes `toDisk` is shown (fewer only when the file is shorter). */
export const decideAfter = 5;

export class PlaintextSink extends Writable {
  private readonly headParts: Buffer[] = [];
  private headSize = 0;
  private readonly tailParts: Buffer[] = [];
  private tailSize = 0;
  /** Chunks seen before the decision. */
  private undecided: Buffer[] | undefined = [];
  private file: WriteStream | undefined;

  constructor(
    private readonly path: string,
    private readonly window: { head: number; tail: number },
    private readonly toDisk: (start: Buffer) => boolean,
  ) {
    super({ highWaterMark: fileWriteBuffer });
  }

  /** Whether the plaintext was written to `path`. */
  get onDisk(): boolean {
    return this.file !== undefined;
  }

  /** The first `window.head` bytes (all of a shorter file). */
  head(): Buffer {
    return Buffer.concat(this.headParts);
  }

  /** The last `window.tail` bytes (all of a shorter file). */
  tail(): Buffer {
    const joined = Buffer.concat(this.tailParts);
    return joined.subarray(Math.max(0, joined.length - this.window.tail));
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.remember(chunk);
    const undecided = this.undecided;
    if (!undecided) return this.pass([chunk], callback);
    undecided.push(chunk);
    if (undecided.reduce((sum, c) => sum + c.length, 0) < decideAfter) return callback();
    this.decide(callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    if (!this.undecided) return this.close(callback);
    this.decide((error) => (error ? callback(error) : this.close(callback)));
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.file?.destroy();
    callback(error);
  }

  private decide(callback: (error?: Error | null) => void): void {
    const seen = Buffer.concat(this.undecided!);
    this.undecided = undefined;
    if (!this.toDisk(seen)) return callback();
    this.file = createWriteStream(this.path, { mode: 0o600, highWaterMark: fileWriteBuffer });
    this.file.once('error', (error) => this.destroy(error));
    this.pass([seen], callback);
  }

  private pass(chunks: Buffer[], callback: (error?: Error | null) => void): void {
    const file = this.file;
    if (!file) return callback();
    let ready = true;
    for (const chunk of chunks) ready = file.write(chunk);
    if (ready) callback();
    else file.once('drain', () => callback());
  }

  private close(callback: (error?: Error | null) => void): void {
    const file = this.file;
    if (!file) return callback();
    file.end((error?: Error | null) => callback(error));
  }

  private remember(chunk: Buffer): void {
    if (this.headSize < this.window.head) {
      const part = Buffer.from(chunk.subarray(0, this.window.head - this.headSize));
      this.headParts.push(part);
      this.headSize += part.length;
    }
    this.tailParts.push(chunk);
    this.tailSize += chunk.length;
    while (this.tailSize - this.tailParts[0]!.length >= this.window.tail) this.tailSize -= this.tailParts.shift()!.length;
  }
}
