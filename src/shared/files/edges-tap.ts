// A pass-through stream that keeps the first and the last bytes of what passes: the content checks of an upload read
// only those (file type, ZIP trailer, PDF end marker), so they need not open the file again (ADR 0408).
import { Transform, type TransformCallback } from 'node:stream';

export interface Edges {
  /** Up to `headLength` bytes from the start. */
  head: Buffer;
  /** Up to `tailLength` bytes at the end (the whole stream when it is shorter). */
  tail: Buffer;
}

/**
 * Both edges are copied into buffers of their own, the tail into a ring: a fixed amount of memory per stream and one
 * copy of each byte, however small the pieces a client sends (holding on to the pieces instead would let a sender of
 * one-byte pieces make the server keep tens of thousands of them).
 */
export class EdgesTap extends Transform {
  private readonly head: Buffer;
  private headKept = 0;
  private readonly ring: Buffer;
  private seen = 0;
  private result: Edges | undefined;

  constructor(headLength: number, tailLength: number) {
    super();
    this.head = Buffer.alloc(headLength);
    this.ring = Buffer.alloc(tailLength);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.headKept < this.head.length) this.headKept += chunk.copy(this.head, this.headKept);
    const size = this.ring.length;
    // Only the chunk's last `size` bytes can end up in the tail.
    const part = chunk.length > size ? chunk.subarray(chunk.length - size) : chunk;
    const at = (this.seen + chunk.length - part.length) % size;
    const first = part.copy(this.ring, at);
    if (first < part.length) part.copy(this.ring, 0, first);
    this.seen += chunk.length;
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    const size = this.ring.length;
    const start = this.seen % size;
    const tail = this.seen < size ? Buffer.from(this.ring.subarray(0, this.seen)) : Buffer.concat([this.ring.subarray(start), this.ring.subarray(0, start)]);
    this.result = { head: Buffer.from(this.head.subarray(0, this.headKept)), tail };
    callback();
  }

  /** Available once the stream has ended. */
  get edges(): Edges {
    if (!this.result) throw new Error('EdgesTap: stream has not ended yet');
    return this.result;
  }
}
