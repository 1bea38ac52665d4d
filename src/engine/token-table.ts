import { nextPowerOfTwo } from './byte-arena.js';
import type { ProviderId } from './http.js';
import { Interned, InternedLists } from './interned.js';
import type { AccessToken, GrantKind } from './records.js';
import { fits, grown, SlotStrings } from './slot-strings.js';
import type { Recent } from './store.js';

/**
 * The memory store's access tokens, packed outside the garbage-collected heap: a token's value, refresh
 * token and revokes-on-first-use in slot-strings.ts (a byte arena, a hash index on the value), every
 * other field in typed arrays by slot (times as numbers, strings and lists as ids of values kept once).
 *
 * Why: a server keeps every token it issues; kept as objects (~600 bytes for a JWT), each is copied by the
 * young-generation collector and makes every later collection slower (--trace-gc, Uphold tokens: young
 * collections went from 1.6 to 4.4 ms each as the store grew to a million tokens, and the rate fell by a
 * quarter over 36 s, as for a hand-written issuer keeping a Map). Packed, they stay short and level.
 *
 * A record comes back as a fresh object on every read (as from the other stores), equal to what was
 * written: the fields of `AccessToken`, no others (lists come back frozen and shared). Tokens with
 * characters outside ASCII (only a seeded value could have them), and any past a 1 GiB arena, are kept as
 * objects in a plain map, listed after the packed ones. Slots keep insertion order, as a Map does, except
 * that a token moved to another grant goes to the end. Removed slots are reclaimed by compaction, after a
 * sweep, a removal or a walk, when they outnumber the live ones; never during a walk.
 */
export class TokenTable {
  private readonly strings: SlotStrings;
  /** Per slot: [provider, kind, client, grant, user, companies, scopes] ids; -1 when absent. */
  private refs: Int32Array;
  /** Per slot: [issuedAt, expiresAt, revokedAt, firstUsedAt]; NaN when absent. */
  private times: Float64Array;
  /** Per slot: the previous slot of its grant (-1: none); with `lastOfGrant`, a chain per grant. */
  private previousOfGrant: Int32Array;
  /** By grant id: the grant's newest slot (-1: none). */
  private lastOfGrant = new Int32Array(64).fill(-1);
  private readonly providers = new Interned<ProviderId>();
  private readonly kinds = new Interned<GrantKind>();
  /** Client, grant and user ids. */
  private ids = new Interned<string>();
  private lists = new InternedLists();
  private readonly unpacked = new Map<string, AccessToken>();
  private walkers = 0;
  /**
   * The value last found, its hash and slot: a client presents one token call after call. It may be
   * another client's, so a value is compared with it only under the same seeded hash, as in the index.
   */
  private lastFound: string | undefined;
  private lastFoundHash = 0;
  private lastFoundSlot = -1;

  /**
   * @param minimumSlots the table's starting (and smallest) size in tokens (a power of two, or the next)
   * @param maxArenaBytes how many bytes of token strings it packs at most (tests set less)
   * @param chunkBytes the arena's chunk size, a power of two (tests set less than the 1 MiB default)
   */
  constructor(minimumSlots = 256, maxArenaBytes = arenaLimit, chunkBytes?: number) {
    this.strings = new SlotStrings(
      nextPowerOfTwo(minimumSlots),
      Math.min(maxArenaBytes, arenaLimit),
      chunkBytes,
    );
    const { capacity } = this.strings;
    this.refs = new Int32Array(capacity * refWidth);
    this.times = new Float64Array(capacity * timeWidth);
    this.previousOfGrant = new Int32Array(capacity);
  }

  get size(): number {
    return this.strings.liveCount + this.unpacked.size;
  }

  /** What the table holds beyond its live tokens' count: slots (removed ones too), arena bytes, interned values. */
  footprint(): { slots: number; arenaBytes: number; interned: number } {
    const { count, arenaBytes } = this.strings;
    return { slots: count, arenaBytes, interned: this.ids.size + this.lists.size };
  }

  get(value: string): AccessToken | undefined {
    const hash = this.strings.hashOf(value);
    if (hash === this.lastFoundHash && value === this.lastFound) return this.read(this.lastFoundSlot, value);
    // A value outside ASCII never matches a packed one (the comparison is exact): no check needed here.
    const slot = this.strings.find(value, hash);
    if (slot >= 0) {
      this.lastFound = value;
      this.lastFoundHash = hash;
      this.lastFoundSlot = slot;
      return this.read(slot, value);
    }
    // A token whose value is ASCII is kept unpacked when its other strings are not.
    return this.unpacked.size === 0 ? undefined : this.unpacked.get(value);
  }

  /** Keeps a token under its value (`key`, as the store passes it, is that value). */
  set(_key: string, record: AccessToken): void {
    const { value, refreshToken, revokesOnFirstUse } = record;
    if (!fits(value) || !fits(refreshToken) || !fits(revokesOnFirstUse)) {
      this.keepUnpacked(record);
      return;
    }
    const slot = this.strings.find(value);
    if (slot >= 0) {
      // An update (revoked, first used) keeps its slot, unless the token moved to another grant (no
      // issuer does it): then it is written anew, at the end of its new grant's chain.
      if (this.refs[slot * refWidth + 3] === this.grantIdOf(record)) {
        if (this.strings.rewrite(slot, refreshToken, revokesOnFirstUse)) {
          this.write(slot, record);
          return;
        }
      }
      this.removeSlot(slot);
    }
    const added = this.strings.add(value, refreshToken, revokesOnFirstUse);
    if (added < 0) {
      // The arena is as large as it gets: this token is kept as an object.
      this.keepUnpacked(record);
      return;
    }
    if (this.unpacked.size > 0) this.unpacked.delete(value);
    this.ensureCapacity();
    this.write(added, record);
    this.chain(added);
  }

  delete(value: string): boolean {
    const slot = this.strings.find(value);
    if (slot < 0) return this.unpacked.size > 0 && this.unpacked.delete(value);
    this.removeSlot(slot);
    if (this.walkers === 0) this.compactIfSparse();
    return true;
  }

  /** Every record, or a provider's (only those decoded); a walk: slots stay put until the iteration ends. */
  *values(provider?: ProviderId): IterableIterator<AccessToken> {
    const wanted = provider === undefined ? -1 : (this.providers.find(provider) ?? -2);
    this.beginWalk();
    try {
      for (let slot = 0; wanted !== -2 && slot < this.strings.count; slot++) {
        if (this.strings.isLive(slot) && (wanted < 0 || this.refs[slot * refWidth] === wanted)) {
          yield this.read(slot, this.strings.key(slot));
        }
      }
      for (const token of this.unpacked.values()) {
        if (provider === undefined || token.provider === provider) yield token;
      }
    } finally {
      this.endWalk();
    }
  }

  /**
   * The newest `limit` tokens (only one provider's, when given), newest first in the order `values` lists
   * them, and how many there are: only those are decoded, walking back from the last slot.
   */
  recent(limit: number, provider?: ProviderId): Recent<AccessToken> {
    const records: AccessToken[] = [];
    let total = 0;
    const unpacked = [...this.unpacked.values()];
    for (let i = unpacked.length - 1; i >= 0; i--) {
      const token = unpacked[i];
      if (token === undefined || (provider !== undefined && token.provider !== provider)) continue;
      total++;
      if (records.length < limit) records.push(token);
    }
    const wanted = provider === undefined ? -1 : (this.providers.find(provider) ?? -2);
    if (wanted === -2) return { records, total };
    for (let slot = this.strings.count - 1; slot >= 0; slot--) {
      if (!this.strings.isLive(slot) || (wanted >= 0 && this.refs[slot * refWidth] !== wanted)) continue;
      total++;
      if (records.length < limit) records.push(this.read(slot, this.strings.key(slot)));
    }
    return { records, total };
  }

  *entries(): IterableIterator<[string, AccessToken]> {
    for (const record of this.values()) yield [record.value, record];
  }

  /** The tokens issued under a grant, oldest first. */
  ofGrant(grantId: string): AccessToken[] {
    const tokens = this.slotsOfGrant(grantId).map((slot) => this.read(slot, this.strings.key(slot)));
    for (const token of this.unpacked.values()) if (token.grantId === grantId) tokens.push(token);
    return tokens;
  }

  /** Stamps `revokedAt` on every token of a grant not revoked yet; returns how many. */
  revokeGrant(grantId: string, at: number): number {
    let changed = 0;
    for (const slot of this.slotsOfGrant(grantId)) {
      const t = slot * timeWidth;
      if (Number.isNaN(this.times[t + 2])) {
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
    const end = Math.min(this.strings.count, from + count);
    for (let slot = from; slot < end; slot++) {
      if (!this.strings.isLive(slot)) continue;
      const expiresAt = this.times[slot * timeWidth + 1] ?? Number.NaN;
      if (expiresAt < before) {
        this.removeSlot(slot);
        removed++;
      } else if (expiresAt < kept) {
        kept = expiresAt;
      }
    }
    const done = end >= this.strings.count;
    if (done) {
      for (const [value, token] of this.unpacked) {
        if (token.expiresAt < before) {
          this.unpacked.delete(value);
          removed++;
        } else if (token.expiresAt < kept) {
          kept = token.expiresAt;
        }
      }
    }
    return { next: done ? Number.POSITIVE_INFINITY : end, removed, kept };
  }

  beginWalk(): void {
    this.walkers++;
  }

  /** Ends a walk; the last one out reclaims removed slots and arena bytes when they outnumber the rest. */
  endWalk(): void {
    this.walkers--;
    if (this.walkers === 0) this.compactIfSparse();
  }

  private keepUnpacked(record: AccessToken): void {
    this.delete(record.value);
    this.unpacked.set(record.value, record);
  }

  private removeSlot(slot: number): void {
    this.lastFound = undefined;
    this.strings.remove(slot);
  }

  /** The live slots of a grant, oldest first (its chain runs newest to oldest). */
  private slotsOfGrant(grantId: string): number[] {
    const grant = this.ids.find(grantId);
    const slots: number[] = [];
    if (grant === undefined) return slots;
    for (let slot = this.lastOfGrant[grant] ?? -1; slot >= 0; slot = this.previousOfGrant[slot] ?? -1) {
      if (this.strings.isLive(slot) && this.refs[slot * refWidth + 3] === grant) slots.push(slot);
    }
    return slots.reverse();
  }

  /**
   * Compacts the slots (slot-strings.ts) and these arrays along, in place, then shrinks them with the
   * slots. Interned ids are given afresh when the interned values outnumber the live tokens twice: the
   * strings and lists that only removed tokens had go with them.
   */
  private compactIfSparse(): void {
    if (!this.strings.sparse) return;
    this.lastFound = undefined;
    const reintern = this.ids.size + this.lists.size > 2 * this.strings.liveCount + 1024;
    const ids = reintern ? new Interned<string>() : this.ids;
    const lists = reintern ? new InternedLists() : this.lists;
    const idOf = remapper(reintern, this.ids.size, (id) => {
      const value = this.ids.valueOf(id);
      return ids.id(value, value);
    });
    const listOf = remapper(reintern, this.lists.size, (id) => lists.id(this.lists.valueOf(id)));
    this.lastOfGrant = new Int32Array(reintern ? 64 : this.lastOfGrant.length).fill(-1);
    const { refs, times } = this;
    this.strings.compact((from, to) => {
      const r = from * refWidth;
      const n = to * refWidth;
      refs[n] = refs[r] ?? -1;
      refs[n + 1] = refs[r + 1] ?? -1;
      for (let field = 2; field < 5; field++) refs[n + field] = idOf(refs[r + field] ?? -1);
      refs[n + 5] = listOf(refs[r + 5] ?? -1);
      refs[n + 6] = listOf(refs[r + 6] ?? -1);
      times.copyWithin(to * timeWidth, from * timeWidth, (from + 1) * timeWidth);
      this.chain(to);
    });
    this.ids = ids;
    this.lists = lists;
    const { capacity } = this.strings;
    if (this.previousOfGrant.length > capacity) {
      this.refs = refs.slice(0, capacity * refWidth);
      this.times = times.slice(0, capacity * timeWidth);
      this.previousOfGrant = this.previousOfGrant.slice(0, capacity);
    }
  }

  /** Grows the per-slot arrays as the slots grow. */
  private ensureCapacity(): void {
    const { capacity } = this.strings;
    if (this.previousOfGrant.length >= capacity) return;
    this.refs = grown(this.refs, new Int32Array(capacity * refWidth));
    this.times = grown(this.times, new Float64Array(capacity * timeWidth));
    this.previousOfGrant = grown(this.previousOfGrant, new Int32Array(capacity));
  }

  private read(slot: number, value: string): AccessToken {
    const r = slot * refWidth;
    const t = slot * timeWidth;
    const token: AccessToken = {
      value,
      provider: this.providers.valueOf(this.refs[r]),
      kind: this.kinds.valueOf(this.refs[r + 1]),
      clientId: this.ids.valueOf(this.refs[r + 2]),
      companies: this.lists.valueOf(this.refs[r + 5]),
      scopes: this.lists.valueOf(this.refs[r + 6]),
      issuedAt: this.times[t] ?? Number.NaN,
      expiresAt: this.times[t + 1] ?? Number.NaN,
    };
    const grant = this.refs[r + 3] ?? -1;
    if (grant >= 0) token.grantId = this.ids.valueOf(grant);
    const user = this.refs[r + 4] ?? -1;
    if (user >= 0) token.userId = this.ids.valueOf(user);
    const revokedAt = this.times[t + 2] ?? Number.NaN;
    if (!Number.isNaN(revokedAt)) token.revokedAt = revokedAt;
    const firstUsedAt = this.times[t + 3] ?? Number.NaN;
    if (!Number.isNaN(firstUsedAt)) token.firstUsedAt = firstUsedAt;
    const refreshToken = this.strings.second(slot);
    if (refreshToken !== undefined) token.refreshToken = refreshToken;
    const revokesOnFirstUse = this.strings.third(slot);
    if (revokesOnFirstUse !== undefined) token.revokesOnFirstUse = revokesOnFirstUse;
    return token;
  }

  /** Writes a slot's fields but its strings (SlotStrings holds those). */
  private write(slot: number, token: AccessToken): void {
    const r = slot * refWidth;
    this.refs[r] = this.providers.id(token.provider, token.provider);
    this.refs[r + 1] = this.kinds.id(token.kind, token.kind);
    this.refs[r + 2] = this.ids.id(token.clientId, token.clientId);
    this.refs[r + 3] = this.grantIdOf(token);
    this.refs[r + 4] = token.userId === undefined ? -1 : this.ids.id(token.userId, token.userId);
    this.refs[r + 5] = this.lists.id(token.companies);
    this.refs[r + 6] = this.lists.id(token.scopes);
    const t = slot * timeWidth;
    this.times[t] = token.issuedAt;
    this.times[t + 1] = token.expiresAt;
    this.times[t + 2] = token.revokedAt ?? Number.NaN;
    this.times[t + 3] = token.firstUsedAt ?? Number.NaN;
  }

  /** Links a slot, newest of its grant, behind the grant's previous newest. */
  private chain(slot: number): void {
    const grant = this.refs[slot * refWidth + 3] ?? -1;
    if (grant < 0) {
      this.previousOfGrant[slot] = -1;
      return;
    }
    if (grant >= this.lastOfGrant.length) {
      this.lastOfGrant = grown(this.lastOfGrant, new Int32Array(nextPowerOfTwo(grant + 1)).fill(-1));
    }
    this.previousOfGrant[slot] = this.lastOfGrant[grant] ?? -1;
    this.lastOfGrant[grant] = slot;
  }

  private grantIdOf(token: AccessToken): number {
    return token.grantId === undefined ? -1 : this.ids.id(token.grantId, token.grantId);
  }
}

const refWidth = 7;
const timeWidth = 4;
/**
 * 1 GiB of token strings, two million JWTs or more; past it tokens are kept as objects. (Offsets are
 * 32-bit, and node:buffer writes nothing into a buffer of 2 GiB or more at some offsets.)
 */
const arenaLimit = 2 ** 30;

/** Old interned id -> new, each computed once (the identity when not re-interning). */
function remapper(active: boolean, size: number, fresh: (id: number) => number): (id: number) => number {
  if (!active) return (id) => id;
  const known = new Int32Array(size).fill(-1);
  return (id) => {
    if (id < 0) return id;
    let mapped = known[id] ?? -1;
    if (mapped < 0) {
      mapped = fresh(id);
      known[id] = mapped;
    }
    return mapped;
  };
}
