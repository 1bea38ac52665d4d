import type { ProviderId } from './http.js';
import { NamedMap } from './named-map.js';
import {
  type AccessToken,
  grantOf,
  type RecordKind,
  type RecordKinds,
  recordKey,
  recordKinds,
  recordNames,
} from './records.js';
import type { ConsumableKind, ConsumeResult, Recent, Store, StoreSnapshot } from './store.js';
import { TokenTable } from './token-table.js';

/** What the store needs of a table: a Map has it, and so has the packed table of access tokens. */
interface Table<T> {
  get(key: string): T | undefined;
  set(key: string, record: T): unknown;
  delete(key: string): boolean;
  /** Every record; a table may leave out other providers' (the store filters again). */
  values(provider?: ProviderId): IterableIterator<T>;
  entries(): IterableIterator<[string, T]>;
  /** Store.recent, for a table that can answer it without listing every record. */
  recent?(limit: number, provider?: ProviderId): Recent<T>;
  /** The key of the live record holding a name (records.ts recordNames), for a kind with names. */
  holderOf?(name: string): string | undefined;
}

type Tables = { [K in RecordKind]: Table<RecordKinds[K]> };

/**
 * The kinds issued under a grant that the grant index lists. Access tokens are not in it: the packed
 * table chains each grant's slots itself, and keeps no string per token.
 */
type MemberKind = 'refreshToken' | 'code';

/**
 * The keys of what was issued under one grant, by kind: the keys themselves (strings the tables hold
 * already, their hashes computed), not a "kind + key" string built, hashed and kept per token.
 */
type Members = { [K in MemberKind]?: Set<string> };

function isMemberKind(kind: RecordKind): kind is MemberKind {
  return kind === 'refreshToken' || kind === 'code';
}

function emptyTables(tokens: TokenTable): Tables {
  return {
    client: new Map(),
    user: new NamedMap('user'),
    company: new Map(),
    grant: new Map(),
    accessToken: tokens,
    refreshToken: new Map(),
    code: new Map(),
    resource: new Map(),
  };
}

/** The last `limit` of records in insertion order (only one provider's, when given), newest first. */
function newestOf<T extends { provider: ProviderId }>(
  records: T[],
  limit: number,
  provider: ProviderId | undefined,
): Recent<T> {
  const kept = provider === undefined ? records : records.filter((record) => record.provider === provider);
  return { records: kept.slice(Math.max(0, kept.length - Math.max(0, limit))).reverse(), total: kept.length };
}

/** Records a sweep walks between two turns of the event loop (about 5 ms of work). */
const sweepSlice = 20_000;

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * The default store: access tokens in a packed table (token-table.ts: the kind a server keeps by the
 * million), everything else in plain maps, with an index from grant to the refresh tokens and codes
 * issued under it.
 */
export class MemoryStore implements Store {
  private tokens = new TokenTable();
  private tables: Tables = emptyTables(this.tokens);
  private byGrant = new Map<string, Members>();
  /**
   * No access token or code expires before this (ms): a sweep with nothing due returns without walking
   * the tables. It may be early (the record that set it was replaced or removed), never late.
   */
  private earliestExpiry = Number.POSITIVE_INFINITY;

  async upsert<K extends RecordKind>(kind: K, record: RecordKinds[K]): Promise<void> {
    this.upsertNow(kind, record);
  }

  upsertNow<K extends RecordKind>(kind: K, record: RecordKinds[K]): void {
    const key = recordKey(kind, record);
    this.table(kind).set(key, record);
    if (
      (kind === 'accessToken' || kind === 'code') &&
      'expiresAt' in record &&
      record.expiresAt !== undefined
    ) {
      this.earliestExpiry = Math.min(this.earliestExpiry, record.expiresAt);
    }
    const grantId = grantOf(kind, record);
    if (grantId !== undefined && isMemberKind(kind)) this.addMember(kind, grantId, key);
  }

  async find<K extends RecordKind>(kind: K, key: string): Promise<RecordKinds[K] | undefined> {
    return this.findNow(kind, key);
  }

  findNow<K extends RecordKind>(kind: K, key: string): RecordKinds[K] | undefined {
    return this.table(kind).get(key);
  }

  async accessTokensOfGrant(grantId: string): Promise<AccessToken[]> {
    return this.tokens.ofGrant(grantId);
  }

  async list<K extends RecordKind>(kind: K, provider?: ProviderId): Promise<RecordKinds[K][]> {
    const all = [...this.table(kind).values(provider)];
    return provider === undefined ? all : all.filter((record) => record.provider === provider);
  }

  /** The packed table's iteration keeps its tokens in their slots until it ends; Maps iterate live. */
  each<K extends RecordKind>(kind: K): Iterable<RecordKinds[K]> {
    return this.table(kind).values();
  }

  async recent<K extends RecordKind>(
    kind: K,
    limit: number,
    provider?: ProviderId,
  ): Promise<Recent<RecordKinds[K]>> {
    const table = this.table(kind);
    return table.recent?.(limit, provider) ?? newestOf([...table.values(provider)], limit, provider);
  }

  async remove(kind: RecordKind, key: string): Promise<void> {
    this.table(kind).delete(key);
  }

  async findNamed<K extends RecordKind>(kind: K, name: string): Promise<RecordKinds[K] | undefined> {
    return this.findNamedNow(kind, name);
  }

  findNamedNow<K extends RecordKind>(kind: K, name: string): RecordKinds[K] | undefined {
    const table = this.table(kind);
    const key = table.holderOf?.(name);
    return key === undefined ? undefined : table.get(key);
  }

  async insertNamed<K extends RecordKind>(
    kind: K,
    record: RecordKinds[K],
  ): Promise<RecordKinds[K] | undefined> {
    return this.insertNamedNow(kind, record);
  }

  /** insertNamed, synchronously: nothing can interleave between the check and the write. */
  insertNamedNow<K extends RecordKind>(kind: K, record: RecordKinds[K]): RecordKinds[K] | undefined {
    const key = recordKey(kind, record);
    for (const name of recordNames(kind, record)) {
      const holder = this.findNamedNow(kind, name);
      if (holder !== undefined && recordKey(kind, holder) !== key) return holder;
    }
    this.upsertNow(kind, record);
    return undefined;
  }

  async consume<K extends ConsumableKind>(
    kind: K,
    key: string,
    at: number,
  ): Promise<ConsumeResult<RecordKinds[K]>> {
    // Runs to completion without awaiting: nothing can interleave between the check and the mark.
    const table = this.table(kind);
    const record = table.get(key);
    if (!record) return { ok: false, reason: 'unknown' };
    if (record.revokedAt !== undefined) return { ok: false, reason: 'revoked', record };
    if (record.consumedAt !== undefined) return { ok: false, reason: 'reused', record };
    if (record.expiresAt !== undefined && record.expiresAt <= at)
      return { ok: false, reason: 'expired', record };
    const consumed: RecordKinds[K] = { ...record, consumedAt: at };
    table.set(key, consumed);
    return { ok: true, record: consumed };
  }

  async revokeByGrant(grantId: string, at: number): Promise<number> {
    let changed = 0;
    const grant = this.tables.grant.get(grantId);
    if (grant && grant.revokedAt === undefined) {
      this.tables.grant.set(grantId, { ...grant, revokedAt: at });
      changed++;
    }
    changed += this.tokens.revokeGrant(grantId, at);
    const members = this.byGrant.get(grantId);
    for (const kind of ['refreshToken', 'code'] as const) {
      for (const key of members?.[kind] ?? []) changed += this.revokeMember(kind, key, at);
    }
    return changed;
  }

  private revokeMember<K extends MemberKind>(kind: K, key: string, at: number): number {
    const table: Table<RecordKinds[K]> = this.table(kind);
    const record = table.get(key);
    if (!record || record.revokedAt !== undefined) return 0;
    const revoked: RecordKinds[K] = { ...record, revokedAt: at };
    table.set(key, revoked);
    return 1;
  }

  /** Whether a sweep with this cut-off would forget anything (or might: the earliest expiry can be early). */
  hasDue(before: number): boolean {
    return this.earliestExpiry < before;
  }

  /**
   * Forgets what expired before `before`, in slices of `sweepSlice` records with a turn of the event loop
   * between them: a million tokens take a few hundred milliseconds to walk, and requests go on meanwhile.
   * When nothing is due (the usual case: the server sweeps every minute) nothing is walked.
   */
  async sweep(before: number): Promise<number> {
    if (!this.hasDue(before)) return 0;
    // Records written during the walk lower this again; the walk adds the earliest of those it keeps.
    this.earliestExpiry = Number.POSITIVE_INFINITY;
    let kept = Number.POSITIVE_INFINITY;
    let removed = 0;
    const { tokens } = this;
    tokens.beginWalk();
    try {
      for (let slot = 0; slot < Number.POSITIVE_INFINITY; ) {
        const slice = tokens.sweepSlots(slot, sweepSlice, before);
        removed += slice.removed;
        kept = Math.min(kept, slice.kept);
        slot = slice.next;
        if (slot < Number.POSITIVE_INFINITY) await nextTurn();
      }
    } finally {
      tokens.endWalk();
    }
    let walked = 0;
    const codes = this.tables.code;
    for (const [key, record] of codes.entries()) {
      if (record.expiresAt < before) {
        if (codes.delete(key)) {
          this.forgetMember('code', record.grantId, key);
          removed++;
        }
      } else if (record.expiresAt < kept) {
        kept = record.expiresAt;
      }
      if (++walked % sweepSlice === 0) await nextTurn();
    }
    this.earliestExpiry = Math.min(this.earliestExpiry, kept);
    return removed;
  }

  private addMember(kind: MemberKind, grantId: string, key: string): void {
    let members = this.byGrant.get(grantId);
    if (!members) {
      members = {};
      this.byGrant.set(grantId, members);
    }
    let keys = members[kind];
    if (!keys) {
      keys = new Set();
      members[kind] = keys;
    }
    keys.add(key);
  }

  private forgetMember(kind: MemberKind, grantId: string | undefined, key: string): void {
    if (grantId === undefined) return;
    const members = this.byGrant.get(grantId);
    if (!members) return;
    const keys = members[kind];
    keys?.delete(key);
    if (keys?.size === 0) delete members[kind];
    if (!members.refreshToken && !members.code) this.byGrant.delete(grantId);
  }

  async reset(): Promise<void> {
    this.tokens = new TokenTable();
    this.tables = emptyTables(this.tokens);
    this.byGrant = new Map();
    this.earliestExpiry = Number.POSITIVE_INFINITY;
  }

  async snapshot(): Promise<StoreSnapshot> {
    return {
      version: 1,
      records: {
        client: [...this.tables.client.values()],
        user: [...this.tables.user.values()],
        company: [...this.tables.company.values()],
        grant: [...this.tables.grant.values()],
        accessToken: [...this.tables.accessToken.values()],
        refreshToken: [...this.tables.refreshToken.values()],
        code: [...this.tables.code.values()],
        resource: [...this.tables.resource.values()],
      },
    };
  }

  async restore(snapshot: StoreSnapshot): Promise<void> {
    await this.reset();
    for (const kind of recordKinds) this.restoreKind(kind, snapshot);
  }

  private restoreKind<K extends RecordKind>(kind: K, snapshot: StoreSnapshot): void {
    const records: RecordKinds[K][] = snapshot.records[kind];
    for (const record of records) this.upsertNow(kind, record);
  }

  private table<K extends RecordKind>(kind: K): Table<RecordKinds[K]> {
    return this.tables[kind];
  }
}
