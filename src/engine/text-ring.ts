import { constants } from 'node:buffer';

/**
 * Short strings written one block after another into a ring of bytes outside the garbage-collected heap,
 * and read back by where they were written. The journal keeps each request's path and token here: a
 * string kept on the heap for the last thousand requests outlives the young generation and gets copied
 * by every collection until it dies (a JWT is ~450 bytes), while bytes in a Buffer are never copied.
 *
 * Positions are absolute (they only grow), so a position says on its own whether the ring has gone past
 * it. The owner says, with each write, from which position on the blocks must stay (its oldest entry
 * still kept); the ring grows rather than overwrite them, up to `maxBytes`, and refuses a write it cannot
 * take without losing them: the owner keeps that string as it is.
 */
export class TextRing {
  private bytes: Buffer;
  /** Absolute position after the last block written. */
  private end = 0;

  private readonly maxBytes: number;

  constructor(initialBytes: number, maxBytes: number) {
    this.maxBytes = Math.min(maxBytes, constants.MAX_LENGTH);
    this.bytes = Buffer.allocUnsafe(Math.max(1, Math.min(initialBytes, this.maxBytes)));
  }

  /** Absolute position where the next block starts (the position of a write that keeps nothing). */
  get position(): number {
    return this.end;
  }

  get size(): number {
    return this.bytes.length;
  }

  /**
   * Writes `first` and, after it, `second` as one block (UTF-8) and returns where it starts, or -1 when the
   * ring cannot take it without overwriting a block at or after `keepFrom`. `lengths` receives their
   * byte lengths at [at] and [at + 1].
   */
  write(first: string, second: string, keepFrom: number, lengths: Int32Array, at: number): number {
    // UTF-8 takes at most three bytes per UTF-16 unit: room for that, without measuring the strings first.
    const room = (first.length + second.length) * 3;
    const start = this.startFor(room, keepFrom);
    if (start < 0) return -1;
    const offset = start % this.bytes.length;
    const firstBytes = this.bytes.write(first, offset, 'utf8');
    const secondBytes = this.bytes.write(second, offset + firstBytes, 'utf8');
    lengths[at] = firstBytes;
    lengths[at + 1] = secondBytes;
    this.end = start + firstBytes + secondBytes;
    return start;
  }

  /** The string of `length` bytes at absolute position `start` (a block's first string, or one after it). */
  read(start: number, length: number): string {
    const offset = start % this.bytes.length;
    return this.bytes.toString('utf8', offset, offset + length);
  }

  clear(): void {
    this.end = 0;
  }

  /**
   * Where a block of up to `room` bytes can start: at the end, or at the start of the next lap when it
   * would straddle the buffer's end (blocks never wrap). Grows the buffer when that would overwrite a
   * block at or after `keepFrom`; -1 when it cannot grow enough.
   */
  private startFor(room: number, keepFrom: number): number {
    for (;;) {
      const size = this.bytes.length;
      const offset = this.end % size;
      const start = offset + room <= size ? this.end : this.end + size - offset;
      if (start + room - keepFrom <= size) return start;
      if (!this.grow(Math.max(size * 2, room * 2), keepFrom)) return -1;
    }
  }

  /**
   * A buffer of (at least) `wanted` bytes, the kept blocks copied to their positions in it. Sizes double,
   * so a block that did not cross the old buffer's end does not cross the new one's.
   */
  private grow(wanted: number, keepFrom: number): boolean {
    let size = this.bytes.length;
    while (size < wanted) size *= 2;
    if (size > this.maxBytes) return false;
    let bytes: Buffer;
    try {
      bytes = Buffer.allocUnsafe(size);
    } catch (error) {
      // Past what this process can allocate: the owner keeps the string as it is.
      if (error instanceof RangeError) return false;
      throw error;
    }
    for (let from = keepFrom; from < this.end; ) {
      const offset = from % this.bytes.length;
      const length = Math.min(this.end - from, this.bytes.length - offset);
      this.bytes.copy(bytes, from % size, offset, offset + length);
      from += length;
    }
    this.bytes = bytes;
    return true;
  }
}
