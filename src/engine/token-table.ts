import { randomInt } from 'node:crypto';
import type { ProviderId } from './http.js';
import { Interned, InternedLists } from './interned.js';
import type { AccessToken, GrantKind } from './records.js';

/**
 * The memory store's access tokens, packed outside the garbage-collected heap: token strings in one byte
 * arena, every other field in typed arrays (times as numbers, strings and lists as ids of values kept
 * once), found through an open-addressing index of the tokens' hashes.
 *
 * Why: a server keeps every token it issues, and each token kept as objects (its string, the record, two
 * boxed times: ~600 bytes for a JWT) is first copied by the young-generation collector and then makes
 * every later collection slower. Measured with --trace-gc on a server issuing Uphold tokens: young
 * collections went from 1.6 to 4.4 ms each as the store grew to a million tokens, and the server's rate
 * fell by a quarter over 36 s; a hand-written issuer keeping its tokens in a Map does the same. Packed, the
 * collections stay short and the rate stays level.
 *
 * A record comes back as a fresh object on every read (as from the other stores), equal to what was
 * written: the fields of `AccessToken`, no others (lists come back frozen and shared). Tokens with
 * characters outside ASCII (only a seeded value could have them), and any past a 1 GiB arena, are kept as
 * objects in a plain map, listed after the packed ones. Slots keep insertion order, as a Map does, except
 * that a token moved to another grant goes to the end. Removed slots are reclaimed by compaction, after a
 * sweep or a removal, when they outnumber the live ones.
 */
export class TokenTable {
  private arena: Buffer;
  private arenaUsed = 0;
  private arenaGarbage = 0;
  /**
   * Per slot: [hash, arena offset, value length (-1: removed), refresh token length, revokes length,
   * the grant's previous slot (-1: none)].
   */
  private cells: Int32Array;
  /** Per slot: [provider, kind, client, grant, user, companies, scopes] ids; -1 when absent. */
  private refs: Int32Array;
  /** Per slot: [issuedAt, expiresAt, revokedAt, firstUsedAt]; NaN when absent. */
  private times: Float64Array;
  private slots = 0;
  private live = 0;
  /** Open addressing: 0 empty, -1 removed, else slot + 1. */
  private index: Int32Array;
  private indexUsed = 0;
  private readonly seed = randomInt(2 ** 31);
  private readonly providers = new Interned<ProviderId>();
  private readonly kinds = new Interned<GrantKind>();
  /** Client, grant and user ids. */
  private strings = new Interned<string>();
  private lists = new InternedLists();
  /** By grant id: the grant's newest slot (-1: none); its slots are chained through their previous-slot cell. */
  private lastOfGrant = new Int32Array(64).fill(-1);
  private readonly unpacked = new Map<string, AccessToken>();
  private walkers = 0;
  /** The value last found and its slot: a client presents the same token with call after call. */
  private lastFound: string | undefined;
  private lastFoundSlot = -1;

  private readonly minimumSlots: number;

  private readonly maxArenaBytes: number;

  /**
   * @param minimumSlots the table's starting (and smallest) size in tokens (a power of two, or the next)
   * @param maxArenaBytes how many bytes of token strings it packs at most (tests set less)
   */
  constructor(minimumSlots = 256, maxArenaBytes = arenaLimit) {
    this.minimumSlots = nextPowerOfTwo(minimumSlots);
    this.maxArenaBytes = Math.min(maxArenaBytes, arenaLimit);
    this.arena = Buffer.allocUnsafe(Math.min(this.maxArenaBytes, this.minimumSlots * 64));
    this.cells = new Int32Array(this.minimumSlots * cellWidth);
    this.refs = new Int32Array(this.minimumSlots * refWidth);
    this.times = new Float64Array(this.minimumSlots * timeWidth);
    this.index = new Int32Array(this.minimumSlots * 2);
  }

  get size(): number {
    return this.live + this.unpacked.size;
  }

  /** What the table holds beyond its live tokens' count: slots (removed ones too), arena bytes, interned values. */
  footprint(): { slots: number; arenaBytes: number; interned: number } {
    return {
      slots: this.slots,
      arenaBytes: this.arena.length,
      interned: this.strings.size + this.lists.size,
    };
  }

  get(value: string): AccessToken | undefined {
    if (value === this.lastFound) return this.read(this.lastFoundSlot, value);
    // A value outside ASCII never matches a packed one (the comparison is exact): no check needed here.
    const slot = this.slotOf(value, this.hashOf(value));
    if (slot >= 0) {
      this.lastFound = value;
      this.lastFoundSlot = slot;
      return this.read(slot, value);
    }
    // A token whose value is ASCII is kept unpacked when its other strings are not.
    return this.unpacked.size === 0 ? undefined : this.unpacked.get(value);
  }

  /** Keeps a token under its value (`key`, as the store passes it, is that value). */
  set(_key: string, record: AccessToken): void {
    const { value, refreshToken, revokesOnFirstUse } = record;
    if (!isAscii(value) || !isAscii(refreshToken) || !isAscii(revokesOnFirstUse)) {
      this.keepUnpacked(record);
      return;
    }
    const length = value.length + (refreshToken?.length ?? 0) + (revokesOnFirstUse?.length ?? 0);
    const hash = this.hashOf(value);
    const position = this.positionOf(value, hash);
    const slot = position < 0 ? -1 : (this.index[position] ?? 0) - 1;
    if (slot >= 0 && this.refs[slot * refWidth + 3] === this.grantIdOf(record)) {
      // An update (revoked, first used) with strings of the same lengths is written over the old bytes.
      const c = slot * cellWidth;
      const inPlace =
        this.cells[c + 3] === (refreshToken?.length ?? -1) &&
        this.cells[c + 4] === (revokesOnFirstUse?.length ?? -1);
      if (inPlace || this.reserveArena(length)) {
        if (!inPlace) this.arenaGarbage += this.blockLength(slot);
        this.write(slot, hash, record, inPlace ? this.cells[c + 1] : undefined);
        return;
      }
    }
    // Moved to another grant (no issuer does it): written anew, at the end of its new grant's chain.
    if (slot >= 0) this.removeAt(position);
    if (!this.reserveArena(length)) {
      // The arena is as large as it gets: this token is kept as an object.
      this.keepUnpacked(record);
      return;
    }
    if (this.unpacked.size > 0) this.unpacked.delete(value);
    const added = this.newSlot();
    this.write(added, hash, record);
    this.chainInto(added, this.refs, this.cells);
    this.live++;
    this.indexAdd(added, hash);
  }

  private keepUnpacked(record: AccessToken): void {
    this.delete(record.value);
    this.unpacked.set(record.value, record);
  }

  delete(value: string): boolean {
    const position = this.positionOf(value, this.hashOf(value));
    if (position < 0) return this.unpacked.size > 0 && this.unpacked.delete(value);
    this.removeAt(position);
    if (this.walkers === 0) this.compactIfSparse();
    return true;
  }

  /** Every record, or every one of a provider (only those are decoded). */
  *values(provider?: ProviderId): IterableIterator<AccessToken> {
    const wanted = provider === undefined ? -1 : (this.providers.find(provider) ?? -2);
    if (wanted !== -2) {
      for (let slot = 0; slot < this.slots; slot++) {
        if (this.isLive(slot) && (wanted < 0 || this.refs[slot * refWidth] === wanted)) {
          yield this.read(slot, this.valueOf(slot));
        }
      }
    }
    for (const token of this.unpacked.values()) {
      if (provider === undefined || token.provider === provider) yield token;
    }
  }

  *entries(): IterableIterator<[string, AccessToken]> {
    for (const record of this.values()) yield [record.value, record];
  }

  /** The tokens issued under a grant, oldest first (found through the grant's chain of slots). */
  ofGrant(grantId: string): AccessToken[] {
    const tokens: AccessToken[] = [];
    const grant = this.strings.find(grantId);
    let slot = grant === undefined ? -1 : (this.lastOfGrant[grant] ?? -1);
    for (; slot >= 0; slot = this.cells[slot * cellWidth + 5] ?? -1) {
      if (this.isLive(slot) && this.refs[slot * refWidth + 3] === grant) {
        tokens.push(this.read(slot, this.valueOf(slot)));
      }
    }
    tokens.reverse();
    for (const token of this.unpacked.values()) if (token.grantId === grantId) tokens.push(token);
    return tokens;
  }

  /** Stamps `revokedAt` on every token of a grant not revoked yet; returns how many. */
  revokeGrant(grantId: string, at: number): number {
    let changed = 0;
    const grant = this.strings.find(grantId);
    let slot = grant === undefined ? -1 : (this.lastOfGrant[grant] ?? -1);
    for (; slot >= 0; slot = this.cells[slot * cellWidth + 5] ?? -1) {
      const t = slot * timeWidth;
      if (this.isLive(slot) && this.refs[slot * refWidth + 3] === grant && Number.isNaN(this.times[t + 2])) {
        this.times[t + 2] = at;
        changed++;
      }
    }
    for (const [value, token] of this.unpacked) {
      if (token.grantId === grantId && token.revokedAt === undefined) {
        this.unpacked.set(value, { ...token, revokedAt: at });
        changed++;
      }
    }
    return changed;
  }

  /**
   * Removes what expired before `before` among `count` slots from `from`; returns where to go on (past
   * the end: done), how many went and the earliest expiry kept. A walk spans turns of the event loop:
   * between `beginWalk` and `endWalk` slots keep their numbers (no compaction).
   */
  sweepSlots(from: number, count: number, before: number): { next: number; removed: number; kept: number } {
    let removed = 0;
    let kept = Number.POSITIVE_INFINITY;
    const end = Math.min(this.slots, from + count);
    for (let slot = from; slot < end; slot++) {
      if (!this.isLive(slot)) continue;
      const expiresAt = this.times[slot * timeWidth + 1] ?? Number.NaN;
      if (expiresAt < before) {
        this.removeAt(this.positionOfSlot(slot));
        removed++;
      } else if (expiresAt < kept) {
        kept = expiresAt;
      }
    }
    if (end >= this.slots) {
      for (const [value, token] of this.unpacked) {
        if (token.expiresAt < before) {
          this.unpacked.delete(value);
          removed++;
        } else if (token.expiresAt < kept) {
          kept = token.expiresAt;
        }
      }
    }
    return { next: end >= this.slots ? Number.POSITIVE_INFINITY : end, removed, kept };
  }

  beginWalk(): void {
    this.walkers++;
  }

  /** Ends a walk; the last one out reclaims removed slots and arena bytes when they outnumber the rest. */
  endWalk(): void {
    this.walkers--;
    if (this.walkers === 0) this.compactIfSparse();
  }

  /** Compacts when removed slots outnumber live ones, or garbage bytes live ones. */
  private compactIfSparse(): void {
    const deadSlots = this.slots - this.live;
    const liveBytes = this.arenaUsed - this.arenaGarbage;
    if (
      deadSlots > Math.max(this.live, this.minimumSlots) ||
      this.arenaGarbage > Math.max(liveBytes, this.arena.length / 4)
    ) {
      this.compact();
    }
  }

  /**
   * Moves the live slots down over the removed ones, in order, and their strings down the arena (runs of
   * adjacent strings in one copy): in place, unless the table has shrunk to a quarter of its size (then
   * into smaller arrays) or an update moved a token's strings past later ones (then into a new arena).
   * Interned ids are given afresh when the interned values outnumber the live tokens twice: the strings
   * and lists that only removed tokens had go with them.
   */
  private compact(): void {
    this.lastFound = undefined;
    const capacity = Math.max(this.minimumSlots, nextPowerOfTwo(this.live * 2));
    const smaller = capacity * 2 <= this.cells.length / cellWidth;
    const cells = smaller ? new Int32Array(capacity * cellWidth) : this.cells;
    const refs = smaller ? new Int32Array(capacity * refWidth) : this.refs;
    const times = smaller ? new Float64Array(capacity * timeWidth) : this.times;
    const liveBytes = this.arenaUsed - this.arenaGarbage;
    const arenaSize = Math.min(
      this.maxArenaBytes,
      Math.max(this.minimumSlots * 64, nextPowerOfTwo(liveBytes * 2)),
    );
    const arena =
      arenaSize * 2 <= this.arena.length || !this.stringsInOrder()
        ? Buffer.allocUnsafe(arenaSize)
        : this.arena;
    const reintern = this.strings.size + this.lists.size > 2 * this.live + 1024;
    const strings = reintern ? new Interned<string>() : this.strings;
    const lists = reintern ? new InternedLists() : this.lists;
    const stringIds = new Int32Array(reintern ? this.strings.size : 0).fill(-1);
    const listIds = new Int32Array(reintern ? this.lists.size : 0).fill(-1);
    const stringId = (id: number): number => {
      if (!reintern || id < 0) return id;
      let fresh = stringIds[id] ?? -1;
      if (fresh < 0) {
        const value = this.strings.valueOf(id);
        fresh = strings.id(value, value);
        stringIds[id] = fresh;
      }
      return fresh;
    };
    const listId = (id: number): number => {
      if (!reintern) return id;
      let fresh = listIds[id] ?? -1;
      if (fresh < 0) {
        fresh = lists.id(this.lists.valueOf(id));
        listIds[id] = fresh;
      }
      return fresh;
    };
    this.lastOfGrant = new Int32Array(reintern ? 64 : this.lastOfGrant.length).fill(-1);
    let slots = 0;
    let used = 0;
    let runFrom = 0;
    let runEnd = -1;
    let runTo = 0;
    for (let slot = 0; slot < this.slots; slot++) {
      if (!this.isLive(slot)) continue;
      const c = slot * cellWidth;
      const offset = this.cells[c + 1] ?? 0;
      if (offset !== runEnd) {
        if (runEnd > runFrom) this.arena.copy(arena, runTo, runFrom, runEnd);
        runFrom = offset;
        runTo = used;
      }
      const length = this.blockLength(slot);
      runEnd = offset + length;
      const n = slots * cellWidth;
      for (let i = 0; i < cellWidth; i++) cells[n + i] = this.cells[c + i] ?? 0;
      cells[n + 1] = used;
      const from = slot * refWidth;
      const to = slots * refWidth;
      refs[to] = this.refs[from] ?? -1;
      refs[to + 1] = this.refs[from + 1] ?? -1;
      for (let field = 2; field < 5; field++) refs[to + field] = stringId(this.refs[from + field] ?? -1);
      refs[to + 5] = listId(this.refs[from + 5] ?? -1);
      refs[to + 6] = listId(this.refs[from + 6] ?? -1);
      const t = slot * timeWidth;
      const u = slots * timeWidth;
      for (let i = 0; i < timeWidth; i++) times[u + i] = this.times[t + i] ?? Number.NaN;
      this.chainInto(slots, refs, cells);
      used += length;
      slots++;
    }
    if (runEnd > runFrom) this.arena.copy(arena, runTo, runFrom, runEnd);
    this.strings = strings;
    this.lists = lists;
    this.arena = arena;
    this.cells = cells;
    this.refs = refs;
    this.times = times;
    this.slots = slots;
    this.arenaUsed = used;
    this.arenaGarbage = 0;
    this.rebuildIndex(Math.max(this.minimumSlots * 2, nextPowerOfTwo(this.live * 4)));
  }

  /** Whether live slots' strings lie in the arena in slot order (updates can append a slot's anew). */
  private stringsInOrder(): boolean {
    let end = 0;
    for (let slot = 0; slot < this.slots; slot++) {
      if (!this.isLive(slot)) continue;
      const offset = this.cells[slot * cellWidth + 1] ?? 0;
      if (offset < end) return false;
      end = offset + this.blockLength(slot);
    }
    return true;
  }

  private read(slot: number, value: string): AccessToken {
    const r = slot * refWidth;
    const t = slot * timeWidth;
    const c = slot * cellWidth;
    const token: AccessToken = {
      value,
      provider: this.providers.valueOf(this.refs[r]),
      kind: this.kinds.valueOf(this.refs[r + 1]),
      clientId: this.strings.valueOf(this.refs[r + 2]),
      companies: this.lists.valueOf(this.refs[r + 5]),
      scopes: this.lists.valueOf(this.refs[r + 6]),
      issuedAt: this.times[t] ?? Number.NaN,
      expiresAt: this.times[t + 1] ?? Number.NaN,
    };
    const grant = this.refs[r + 3] ?? -1;
    if (grant >= 0) token.grantId = this.strings.valueOf(grant);
    const user = this.refs[r + 4] ?? -1;
    if (user >= 0) token.userId = this.strings.valueOf(user);
    const revokedAt = this.times[t + 2] ?? Number.NaN;
    if (!Number.isNaN(revokedAt)) token.revokedAt = revokedAt;
    const firstUsedAt = this.times[t + 3] ?? Number.NaN;
    if (!Number.isNaN(firstUsedAt)) token.firstUsedAt = firstUsedAt;
    let at = (this.cells[c + 1] ?? 0) + (this.cells[c + 2] ?? 0);
    const refreshLength = this.cells[c + 3] ?? -1;
    if (refreshLength >= 0) {
      token.refreshToken = this.arena.toString('latin1', at, at + refreshLength);
      at += refreshLength;
    }
    const revokesLength = this.cells[c + 4] ?? -1;
    if (revokesLength >= 0) {
      token.revokesOnFirstUse = this.arena.toString('latin1', at, at + revokesLength);
    }
    return token;
  }

  /**
   * Writes a slot; its strings go at `offset` (an update of the same lengths) or at the arena's end, where
   * `reserveArena` made room.
   */
  private write(slot: number, hash: number, token: AccessToken, offset?: number): void {
    const { value, refreshToken, revokesOnFirstUse } = token;
    if (offset === undefined) {
      offset = this.arenaUsed;
      this.arenaUsed += value.length + (refreshToken?.length ?? 0) + (revokesOnFirstUse?.length ?? 0);
    }
    let at = offset + this.arena.write(value, offset, 'latin1');
    if (refreshToken !== undefined) at += this.arena.write(refreshToken, at, 'latin1');
    if (revokesOnFirstUse !== undefined) this.arena.write(revokesOnFirstUse, at, 'latin1');
    const c = slot * cellWidth;
    this.cells[c] = hash;
    this.cells[c + 1] = offset;
    this.cells[c + 2] = value.length;
    this.cells[c + 3] = refreshToken === undefined ? -1 : refreshToken.length;
    this.cells[c + 4] = revokesOnFirstUse === undefined ? -1 : revokesOnFirstUse.length;
    const r = slot * refWidth;
    this.refs[r] = this.providers.id(token.provider, token.provider);
    this.refs[r + 1] = this.kinds.id(token.kind, token.kind);
    this.refs[r + 2] = this.strings.id(token.clientId, token.clientId);
    this.refs[r + 3] = this.grantIdOf(token);
    this.refs[r + 4] = token.userId === undefined ? -1 : this.strings.id(token.userId, token.userId);
    this.refs[r + 5] = this.lists.id(token.companies);
    this.refs[r + 6] = this.lists.id(token.scopes);
    const t = slot * timeWidth;
    this.times[t] = token.issuedAt;
    this.times[t + 1] = token.expiresAt;
    this.times[t + 2] = token.revokedAt ?? Number.NaN;
    this.times[t + 3] = token.firstUsedAt ?? Number.NaN;
  }

  /** Links a new slot behind its grant's newest one. */
  private chainInto(slot: number, refs: Int32Array, cells: Int32Array): void {
    const grant = refs[slot * refWidth + 3] ?? -1;
    if (grant < 0) {
      cells[slot * cellWidth + 5] = -1;
      return;
    }
    if (grant >= this.lastOfGrant.length) {
      const longer = new Int32Array(nextPowerOfTwo(grant + 1)).fill(-1);
      longer.set(this.lastOfGrant);
      this.lastOfGrant = longer;
    }
    cells[slot * cellWidth + 5] = this.lastOfGrant[grant] ?? -1;
    this.lastOfGrant[grant] = slot;
  }

  private grantIdOf(token: AccessToken): number {
    return token.grantId === undefined ? -1 : this.strings.id(token.grantId, token.grantId);
  }

  /**
   * FNV-1a, seeded per table, then mixed (murmur3's finalizer: the index uses the low bits). A value of up
   * to `fullyHashed` characters is hashed whole; a longer one by its last `hashedTail` characters and every
   * `hashStride`th before them: a token's random part is at its end (a JWT's signature) or is all of it,
   * and a loop over all 500 characters of a JWT costs more than the rest of a lookup. Values that differ
   * only elsewhere share a hash and are told apart by the exact comparison (only seeded values can).
   */
  private hashOf(value: string): number {
    const { length } = value;
    let hash = this.seed ^ length;
    const tail = length <= fullyHashed ? 0 : length - hashedTail;
    for (let i = tail; i < length; i++) hash = Math.imul(hash ^ value.charCodeAt(i), 0x01000193);
    for (let i = 0; i < tail; i += hashStride) hash = Math.imul(hash ^ value.charCodeAt(i), 0x01000193);
    hash ^= hash >>> 16;
    hash = Math.imul(hash, 0x85ebca6b);
    hash ^= hash >>> 13;
    hash = Math.imul(hash, 0xc2b2ae35);
    return hash ^ (hash >>> 16);
  }

  private slotOf(value: string, hash: number): number {
    const position = this.positionOf(value, hash);
    return position < 0 ? -1 : (this.index[position] ?? 0) - 1;
  }

  /** Where the index holds this value's slot, or -1. */
  private positionOf(value: string, hash: number): number {
    const mask = this.index.length - 1;
    for (let position = hash & mask; ; position = (position + 1) & mask) {
      const entry = this.index[position] ?? 0;
      if (entry === 0) return -1;
      if (entry > 0 && this.holds(entry - 1, value, hash)) return position;
    }
  }

  /** Where the index holds a live slot. */
  private positionOfSlot(slot: number): number {
    const mask = this.index.length - 1;
    let position = (this.cells[slot * cellWidth] ?? 0) & mask;
    while (this.index[position] !== slot + 1) position = (position + 1) & mask;
    return position;
  }

  private holds(slot: number, value: string, hash: number): boolean {
    const c = slot * cellWidth;
    if (this.cells[c] !== hash || this.cells[c + 2] !== value.length) return false;
    const offset = this.cells[c + 1] ?? 0;
    // Native: a string of the bytes and one comparison cost a tenth of a loop over the characters.
    return this.arena.toString('latin1', offset, offset + value.length) === value;
  }

  private removeAt(position: number): void {
    this.lastFound = undefined;
    const slot = (this.index[position] ?? 0) - 1;
    this.index[position] = -1;
    this.arenaGarbage += this.blockLength(slot);
    this.cells[slot * cellWidth + 2] = -1;
    this.live--;
  }

  private isLive(slot: number): boolean {
    return (this.cells[slot * cellWidth + 2] ?? -1) >= 0;
  }

  private valueOf(slot: number): string {
    const c = slot * cellWidth;
    const offset = this.cells[c + 1] ?? 0;
    return this.arena.toString('latin1', offset, offset + (this.cells[c + 2] ?? 0));
  }

  private blockLength(slot: number): number {
    const c = slot * cellWidth;
    return (
      Math.max(0, this.cells[c + 2] ?? 0) +
      Math.max(0, this.cells[c + 3] ?? -1) +
      Math.max(0, this.cells[c + 4] ?? -1)
    );
  }

  private newSlot(): number {
    if ((this.slots + 1) * cellWidth > this.cells.length) {
      const capacity = (this.cells.length / cellWidth) * 2;
      this.cells = grown(this.cells, new Int32Array(capacity * cellWidth));
      this.refs = grown(this.refs, new Int32Array(capacity * refWidth));
      this.times = grown(this.times, new Float64Array(capacity * timeWidth));
    }
    return this.slots++;
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

  /** Makes room for `length` more bytes at the arena's end; false past the arena's limit. */
  private reserveArena(length: number): boolean {
    const needed = this.arenaUsed + length;
    if (needed <= this.arena.length) return true;
    if (needed > this.maxArenaBytes) return false;
    const arena = Buffer.allocUnsafe(
      Math.min(this.maxArenaBytes, nextPowerOfTwo(Math.max(this.arena.length * 2, needed))),
    );
    this.arena.copy(arena, 0, 0, this.arenaUsed);
    this.arena = arena;
    return true;
  }
}

const cellWidth = 6;
const refWidth = 7;
const timeWidth = 4;
/**
 * 1 GiB of token strings, two million JWTs or more; past it tokens are kept as objects. (Offsets are
 * 32-bit, and node:buffer writes nothing into a buffer of 2 GiB or more at some offsets.)
 */
const arenaLimit = 2 ** 30;
const fullyHashed = 160;
const hashedTail = 64;
const hashStride = 8;

/** ASCII only: stored as one byte per character and read back as latin1. */
function isAscii(value: string | undefined): boolean {
  return value === undefined || Buffer.byteLength(value, 'utf8') === value.length;
}

function nextPowerOfTwo(n: number): number {
  return 2 ** Math.ceil(Math.log2(Math.max(2, n)));
}

function grown<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
