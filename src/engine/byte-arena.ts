/**
 * Bytes outside the garbage-collected heap, handed out at increasing offsets: one buffer while the arena
 * is small (doubled, and copied, until it is a chunk of 1 MiB), then chunk after chunk, never copied. A
 * block (a slot's strings) lies within one buffer; a block larger than a chunk gets a buffer of its own.
 *
 * Why chunks: one buffer doubled means every byte is copied again into memory the process has never
 * touched, and a page touched for the first time costs a page fault: on the virtual machines measured
 * (2 x AMD EPYC) 11 µs each, a third of all the page faults of a server issuing Uphold tokens, and a
 * pause of a fifth of a second when a 64 MiB arena doubled.
 *
 * Offsets are numbers below 2^31 (the owner keeps them in an Int32Array); the buffer holding an offset
 * is `buffers[offset >>> chunkShift]`, and starts at `starts[...]` (the same for every chunk of a buffer).
 */
export class ByteArena {
  private buffers: Buffer[] = [];
  private starts: number[] = [];
  /** Where the next block goes, at the earliest. */
  private cursor = 0;
  /** The end of the last buffer. */
  private end = 0;
  private allocated = 0;
  private readonly chunkShift: number;
  /** During a compaction: the buffers read from, and the run of adjacent blocks not yet copied. */
  private source: { buffers: Buffer[]; starts: number[] } | undefined;
  private runFrom = 0;
  private runEnd = 0;
  private runTo = 0;

  /**
   * @param initialBytes the first buffer's size (and the smallest it shrinks back to)
   * @param maxBytes how many bytes it hands out at most
   * @param chunkBytes a power of two (tests set it small)
   */
  constructor(
    private readonly initialBytes: number,
    private readonly maxBytes: number,
    private readonly chunkBytes = defaultChunkBytes,
  ) {
    this.chunkShift = Math.log2(chunkBytes);
    if (!Number.isInteger(this.chunkShift)) throw new RangeError('chunkBytes must be a power of two');
    this.reset(this.firstSize(initialBytes));
  }

  /** Bytes allocated. */
  get bytes(): number {
    return this.allocated;
  }

  /** The end of the bytes handed out so far. */
  get used(): number {
    return this.cursor;
  }

  /** Takes `length` bytes within one buffer, allocating when none has room; their offset, or -1 past maxBytes. */
  take(length: number): number {
    return this.place(length, true);
  }

  /** Writes `text` (latin1) at `offset`, inside a block taken before; the number of bytes written. */
  write(offset: number, text: string): number {
    if (text.length === 0) return 0;
    const k = offset >>> this.chunkShift;
    return (this.buffers[k] ?? empty).write(text, offset - (this.starts[k] ?? 0), 'latin1');
  }

  text(offset: number, length: number): string {
    if (length === 0) return '';
    const k = offset >>> this.chunkShift;
    const at = offset - (this.starts[k] ?? 0);
    return (this.buffers[k] ?? empty).toString('latin1', at, at + length);
  }

  /**
   * Starts moving the live blocks down, in offset order: in place (each block lands at or before where it
   * was), or, when `inPlace` is false (blocks are out of order), into new buffers. `move` each block, then
   * `endCompaction`.
   */
  beginCompaction(inPlace: boolean, liveBytes: number): void {
    this.source = { buffers: this.buffers, starts: this.starts };
    if (inPlace) this.cursor = 0;
    else this.reset(this.firstSize(liveBytes * 2));
    this.runFrom = 0;
    this.runEnd = 0;
    this.runTo = 0;
  }

  /** Moves the block of `length` bytes at `from`; its new offset. */
  move(from: number, length: number): number {
    const source = this.source;
    if (source === undefined) throw new Error('move outside a compaction');
    const to = this.place(length, source.buffers !== this.buffers);
    // Adjacent blocks that stay adjacent, in the same buffers, are copied as one run.
    const runLength = this.runEnd - this.runFrom;
    const adjacent =
      from === this.runEnd &&
      to === this.runTo + runLength &&
      source.buffers[from >>> this.chunkShift] === source.buffers[this.runFrom >>> this.chunkShift] &&
      this.buffers[to >>> this.chunkShift] === this.buffers[this.runTo >>> this.chunkShift];
    if (!adjacent) {
      this.copyRun();
      this.runFrom = from;
      this.runTo = to;
    }
    this.runEnd = from + length;
    return to;
  }

  endCompaction(): void {
    this.copyRun();
    this.source = undefined;
    // Buffers past the last block are let go; a lone first buffer shrinks back when a quarter full.
    const last = this.cursor === 0 ? 0 : (this.cursor - 1) >>> this.chunkShift;
    const keep = this.buffers[last] ?? this.buffers[0];
    let chunks = this.buffers.length;
    while (chunks > 1 && this.buffers[chunks - 1] !== keep) chunks--;
    if (chunks < this.buffers.length) {
      this.buffers.length = chunks;
      this.starts.length = chunks;
      const lastBuffer = this.buffers[chunks - 1] ?? empty;
      this.end = (this.starts[chunks - 1] ?? 0) + lastBuffer.length;
      this.allocated = this.distinctBytes();
    }
    const first = this.buffers[0] ?? empty;
    const target = this.firstSize(this.cursor * 2);
    if (this.buffers.length === 1 && target * 2 <= first.length) {
      const used = this.cursor;
      const smaller = Buffer.allocUnsafe(target);
      first.copy(smaller, 0, 0, used);
      this.reset(target, smaller);
      this.cursor = used;
    }
  }

  private copyRun(): void {
    const source = this.source;
    if (source === undefined || this.runEnd <= this.runFrom) return;
    const k = this.runFrom >>> this.chunkShift;
    const from = this.runFrom - (source.starts[k] ?? 0);
    const j = this.runTo >>> this.chunkShift;
    const to = this.runTo - (this.starts[j] ?? 0);
    (source.buffers[k] ?? empty).copy(this.buffers[j] ?? empty, to, from, from + this.runEnd - this.runFrom);
  }

  /**
   * The first offset at or after the cursor where `length` bytes fit within one buffer. When no buffer
   * has room and `allocate` is set: the first buffer doubles while it is smaller than a chunk and that
   * gives room, else a new buffer starts at the next chunk; -1 past maxBytes.
   */
  private place(length: number, allocate: boolean): number {
    let at = this.cursor;
    while (at < this.end) {
      const k = at >>> this.chunkShift;
      const bufferEnd = (this.starts[k] ?? 0) + (this.buffers[k] ?? empty).length;
      if (at + length <= bufferEnd) {
        this.cursor = at + length;
        return at;
      }
      // On to the next chunk (the rest of a big block's buffer, or the next buffer).
      at = (k + 1) * this.chunkBytes;
    }
    if (length === 0) return this.cursor;
    if (!allocate) throw new Error('a compaction in place ran out of room');
    const first = this.buffers[0] ?? empty;
    const needed = this.cursor + length;
    if (this.buffers.length === 1 && first.length < this.chunkBytes && needed <= this.chunkBytes) {
      if (needed > this.maxBytes) return -1;
      const size = Math.min(
        this.maxBytes,
        this.chunkBytes,
        nextPowerOfTwo(Math.max(first.length * 2, needed)),
      );
      const grown = Buffer.allocUnsafe(size);
      first.copy(grown, 0, 0, this.cursor);
      const used = this.cursor;
      this.reset(size, grown);
      this.cursor = used + length;
      return used;
    }
    const start = Math.ceil(this.end / this.chunkBytes) * this.chunkBytes;
    if (start + length > this.maxBytes) return -1;
    const size = Math.min(Math.ceil(length / this.chunkBytes) * this.chunkBytes, this.maxBytes - start);
    const buffer = Buffer.allocUnsafe(size);
    for (let k = start / this.chunkBytes; k * this.chunkBytes < start + size; k++) {
      this.buffers[k] = buffer;
      this.starts[k] = start;
    }
    this.end = start + size;
    this.allocated += size;
    this.cursor = start + length;
    return start;
  }

  /** One first buffer of `size` bytes (new unless given), nothing handed out. */
  private reset(size: number, buffer = Buffer.allocUnsafe(size)): void {
    this.buffers = [buffer];
    this.starts = [0];
    this.cursor = 0;
    this.end = buffer.length;
    this.allocated = buffer.length;
  }

  private firstSize(wanted: number): number {
    return Math.min(this.maxBytes, this.chunkBytes, Math.max(this.initialBytes, nextPowerOfTwo(wanted)));
  }

  private distinctBytes(): number {
    let total = 0;
    let previous: Buffer | undefined;
    for (const buffer of this.buffers) {
      if (buffer !== previous) total += buffer.length;
      previous = buffer;
    }
    return total;
  }
}

/** 1 MiB. */
export const defaultChunkBytes = 2 ** 20;

const empty = Buffer.alloc(0);

export function nextPowerOfTwo(n: number): number {
  return 2 ** Math.ceil(Math.log2(Math.max(2, n)));
}
