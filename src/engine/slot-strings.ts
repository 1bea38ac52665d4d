import { randomInt } from 'node:crypto';
import { ByteArena, nextPowerOfTwo } from './byte-arena.js';

/**
 * Numbered slots, each holding a key string and up to two more strings, all in a byte arena outside the
 * garbage-collected heap (byte-arena.ts), and found by key through an open-addressing index of the keys'
 * hashes. The packed token table keeps a token's value, refresh token and revokes-on-first-use here, and
 * its other fields in arrays of its own, by slot number.
 *
 * Strings are ASCII only (one byte each, read back as latin1): `fits` says whether a string can go in.
 * Slots are handed out in order and never reused until `compact`, which moves the live ones down over the
 * removed ones, keeping their order, and says how each moved.
 */
export class SlotStrings {
  private readonly arena: ByteArena;
  /** Bytes of the blocks written, and of those no slot holds any more. */
  private blockBytes = 0;
  private arenaGarbage = 0;
  /** Per slot: [hash, arena offset, key length (-1: removed), second length, third length] (-1: none). */
  private cells: Int32Array;
  private slots = 0;
  private live = 0;
  /** Open addressing: 0 empty, -1 removed, else slot + 1. */
  private index: Int32Array;
  private indexUsed = 0;
  private readonly seed = randomInt(2 ** 31);
  /** The key last looked up and its hash. */
  private lastKey: string | undefined;
  private lastHash = 0;
  /** Whether long keys are hashed whole (after too many shared a sampled hash), and how many have. */
  private wholeKeys = false;
  private sampledCollisions = 0;

  /**
   * @param minimumSlots the starting (and smallest) number of slots, a power of two
   * @param maxArenaBytes how many bytes of strings it holds at most
   * @param chunkBytes the arena's chunk size (tests set it small)
   */
  constructor(
    private readonly minimumSlots: number,
    maxArenaBytes: number,
    chunkBytes?: number,
  ) {
    this.arena = new ByteArena(minimumSlots * 64, maxArenaBytes, chunkBytes);
    this.cells = new Int32Array(minimumSlots * cellWidth);
    this.index = new Int32Array(minimumSlots * 2);
  }

  /** Slots handed out so far, removed ones included: the live ones are below this. */
  get count(): number {
    return this.slots;
  }

  /** How many slots the owner's per-slot arrays must have room for. */
  get capacity(): number {
    return this.cells.length / cellWidth;
  }

  get liveCount(): number {
    return this.live;
  }

  get arenaBytes(): number {
    return this.arena.bytes;
  }

  /** The live slot holding `key`, or -1; `hash` is hashOf(key), when the caller has it already. */
  find(key: string, hash = this.hashOf(key)): number {
    let position = this.positionOf(key, hash);
    if (this.sampledCollisions > sampledCollisionLimit && !this.wholeKeys) {
      this.hashWholeKeys();
      hash = this.hashOf(key);
      position = this.positionOf(key, hash);
    }
    this.lastKey = key;
    this.lastHash = hash;
    return position < 0 ? -1 : (this.index[position] ?? 0) - 1;
  }

  /** Whether long keys are hashed whole rather than sampled (see hashOf). */
  get hashesWholeKeys(): boolean {
    return this.wholeKeys;
  }

  /** A new slot, after the others, holding the strings; -1 when the arena cannot take them. */
  add(key: string, second: string | undefined, third: string | undefined): number {
    const length = blockLengthOf(key, second, third);
    const offset = this.take(length);
    if (offset < 0) return -1;
    if (this.slots === this.capacity) {
      this.cells = grown(this.cells, new Int32Array(this.capacity * 2 * cellWidth));
    }
    const slot = this.slots++;
    // An insert follows a find of the same key (is it there already?): its hash is known.
    const hash = key === this.lastKey ? this.lastHash : this.hashOf(key);
    this.write(slot, hash, key, second, third, offset);
    this.live++;
    this.indexAdd(slot, hash);
    return slot;
  }

  /**
   * New second and third strings for a live slot (its key stays): written over the old ones when their
   * lengths are the same, else at the arena's end. False when the arena cannot take them.
   */
  rewrite(slot: number, second: string | undefined, third: string | undefined): boolean {
    const c = slot * cellWidth;
    const offset = this.cells[c + 1] ?? 0;
    const key = this.key(slot);
    if (this.cells[c + 3] === lengthOf(second) && this.cells[c + 4] === lengthOf(third)) {
      this.write(slot, this.cells[c] ?? 0, key, second, third, offset);
      return true;
    }
    const at = this.take(blockLengthOf(key, second, third));
    if (at < 0) return false;
    this.arenaGarbage += this.blockLength(slot);
    this.write(slot, this.cells[c] ?? 0, key, second, third, at);
    return true;
  }

  remove(slot: number): void {
    const mask = this.index.length - 1;
    let position = (this.cells[slot * cellWidth] ?? 0) & mask;
    while (this.index[position] !== slot + 1) position = (position + 1) & mask;
    this.index[position] = -1;
    this.arenaGarbage += this.blockLength(slot);
    this.cells[slot * cellWidth + 2] = -1;
    this.live--;
  }

  isLive(slot: number): boolean {
    return (this.cells[slot * cellWidth + 2] ?? -1) >= 0;
  }

  key(slot: number): string {
    const c = slot * cellWidth;
    return this.text(this.cells[c + 1] ?? 0, this.cells[c + 2] ?? 0);
  }

  second(slot: number): string | undefined {
    const c = slot * cellWidth;
    const length = this.cells[c + 3] ?? -1;
    return length < 0 ? undefined : this.text((this.cells[c + 1] ?? 0) + (this.cells[c + 2] ?? 0), length);
  }

  third(slot: number): string | undefined {
    const c = slot * cellWidth;
    const length = this.cells[c + 4] ?? -1;
    const offset = (this.cells[c + 1] ?? 0) + (this.cells[c + 2] ?? 0) + Math.max(0, this.cells[c + 3] ?? -1);
    return length < 0 ? undefined : this.text(offset, length);
  }

  /** Whether removed slots outnumber live ones, or garbage bytes live ones: time to compact. */
  get sparse(): boolean {
    const liveBytes = this.blockBytes - this.arenaGarbage;
    return (
      this.slots - this.live > Math.max(this.live, this.minimumSlots) ||
      this.arenaGarbage > Math.max(liveBytes, this.arena.bytes / 4)
    );
  }

  /**
   * Moves the live slots down over the removed ones, in order, calling `moved(from, to)` for each (after
   * the ones before it moved: the owner can move its own arrays in place), and their strings down the
   * arena: in place, unless an update moved a slot's strings past later ones (then into new buffers). The
   * slots shrink to a quarter when they can; `capacity` says so.
   */
  compact(moved: (from: number, to: number) => void): void {
    const capacity = Math.max(this.minimumSlots, nextPowerOfTwo(this.live * 2));
    const cells = capacity * 2 <= this.capacity ? new Int32Array(capacity * cellWidth) : this.cells;
    const liveBytes = this.blockBytes - this.arenaGarbage;
    this.arena.beginCompaction(this.inOrder(), liveBytes);
    let slots = 0;
    for (let slot = 0; slot < this.slots; slot++) {
      if (!this.isLive(slot)) continue;
      const c = slot * cellWidth;
      const offset = this.arena.move(this.cells[c + 1] ?? 0, this.blockLength(slot));
      const n = slots * cellWidth;
      for (let i = 0; i < cellWidth; i++) cells[n + i] = this.cells[c + i] ?? 0;
      cells[n + 1] = offset;
      moved(slot, slots);
      slots++;
    }
    this.arena.endCompaction();
    this.cells = cells;
    this.slots = slots;
    this.blockBytes = liveBytes;
    this.arenaGarbage = 0;
    this.rebuildIndex(Math.max(this.minimumSlots * 2, nextPowerOfTwo(this.live * 4)));
  }

  /** Whether live slots' strings lie in the arena in slot order (a rewrite can append a slot's anew). */
  private inOrder(): boolean {
    let end = 0;
    for (let slot = 0; slot < this.slots; slot++) {
      if (!this.isLive(slot)) continue;
      const offset = this.cells[slot * cellWidth + 1] ?? 0;
      if (offset < end) return false;
      end = offset + this.blockLength(slot);
    }
    return true;
  }

  private write(
    slot: number,
    hash: number,
    key: string,
    second: string | undefined,
    third: string | undefined,
    offset: number,
  ): void {
    let at = offset + this.arena.write(offset, key);
    if (second !== undefined) at += this.arena.write(at, second);
    if (third !== undefined) this.arena.write(at, third);
    const c = slot * cellWidth;
    this.cells[c] = hash;
    this.cells[c + 1] = offset;
    this.cells[c + 2] = key.length;
    this.cells[c + 3] = lengthOf(second);
    this.cells[c + 4] = lengthOf(third);
  }

  /** Takes `length` bytes of the arena; where they start, or -1 past its limit. */
  private take(length: number): number {
    const offset = this.arena.take(length);
    if (offset >= 0) this.blockBytes += length;
    return offset;
  }

  private text(offset: number, length: number): string {
    return this.arena.text(offset, length);
  }

  /**
   * FNV-1a, seeded per table, then mixed (murmur3's finalizer: the index uses the low bits). A key of up
   * to `fullyHashed` characters is hashed whole; a longer one by its last `hashedTail` characters and every
   * `hashStride`th before them: a token's random part is at its end (a JWT's signature) or is all of it,
   * and a loop over all 500 characters of a JWT costs more than the rest of a lookup. Keys that differ
   * only elsewhere share a hash and are told apart by the exact comparison (only seeded values can).
   * Once more than `sampledCollisionLimit` lookups have met such a key, every key is hashed whole: many
   * of them would otherwise make each lookup walk through all the others.
   */
  hashOf(key: string): number {
    const { length } = key;
    let hash = this.seed ^ length;
    const tail = length <= fullyHashed || this.wholeKeys ? 0 : length - hashedTail;
    for (let i = tail; i < length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
    for (let i = 0; i < tail; i += hashStride) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
    hash ^= hash >>> 16;
    hash = Math.imul(hash, 0x85ebca6b);
    hash ^= hash >>> 13;
    hash = Math.imul(hash, 0xc2b2ae35);
    return hash ^ (hash >>> 16);
  }

  /** Where the index holds this key's slot, or -1. */
  private positionOf(key: string, hash: number): number {
    const mask = this.index.length - 1;
    for (let position = hash & mask; ; position = (position + 1) & mask) {
      const entry = this.index[position] ?? 0;
      if (entry === 0) return -1;
      if (entry > 0 && this.holds(entry - 1, key, hash)) return position;
    }
  }

  private holds(slot: number, key: string, hash: number): boolean {
    const c = slot * cellWidth;
    if (this.cells[c] !== hash || this.cells[c + 2] !== key.length) return false;
    // Native: a string of the bytes and one comparison cost a tenth of a loop over the characters.
    if (this.text(this.cells[c + 1] ?? 0, key.length) === key) return true;
    if (key.length > fullyHashed) this.sampledCollisions++;
    return false;
  }

  /** Hashes every live key whole from now on, and indexes them again by those hashes. */
  private hashWholeKeys(): void {
    this.wholeKeys = true;
    this.lastKey = undefined;
    for (let slot = 0; slot < this.slots; slot++) {
      if (this.isLive(slot)) this.cells[slot * cellWidth] = this.hashOf(this.key(slot));
    }
    this.rebuildIndex(this.index.length);
  }

  private blockLength(slot: number): number {
    const c = slot * cellWidth;
    return (
      Math.max(0, this.cells[c + 2] ?? 0) +
      Math.max(0, this.cells[c + 3] ?? -1) +
      Math.max(0, this.cells[c + 4] ?? -1)
    );
  }

  /** Indexes a slot already written (a rebuild, when the index is full, takes it in with the others). */
  private indexAdd(slot: number, hash: number): void {
    // At most half full, removed entries included: probes stay short.
    if ((this.indexUsed + 1) * 2 > this.index.length) {
      this.rebuildIndex(Math.max(this.index.length, nextPowerOfTwo(this.live * 4)));
      return;
    }
    const mask = this.index.length - 1;
    let position = hash & mask;
    while ((this.index[position] ?? 0) !== 0) position = (position + 1) & mask;
    this.index[position] = slot + 1;
    this.indexUsed++;
  }

  private rebuildIndex(size: number): void {
    this.index = new Int32Array(size);
    this.indexUsed = 0;
    const mask = size - 1;
    for (let slot = 0; slot < this.slots; slot++) {
      if (!this.isLive(slot)) continue;
      let position = (this.cells[slot * cellWidth] ?? 0) & mask;
      while ((this.index[position] ?? 0) !== 0) position = (position + 1) & mask;
      this.index[position] = slot + 1;
      this.indexUsed++;
    }
  }
}

const cellWidth = 5;
const fullyHashed = 160;
const hashedTail = 64;
const hashStride = 8;
/** Lookups that may meet a long key sharing their sampled hash before every key is hashed whole. */
const sampledCollisionLimit = 1024;

/** Whether a string can go in a slot: ASCII only (stored as one byte per character, read back as latin1). */
export function fits(value: string | undefined): boolean {
  return value === undefined || Buffer.byteLength(value, 'utf8') === value.length;
}

/** `to` (a longer array) with `from` copied into its start. */
export function grown<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

function lengthOf(value: string | undefined): number {
  return value === undefined ? -1 : value.length;
}

function blockLengthOf(key: string, second: string | undefined, third: string | undefined): number {
  return key.length + (second?.length ?? 0) + (third?.length ?? 0);
}
