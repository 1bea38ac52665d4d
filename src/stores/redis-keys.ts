import type { ProviderId } from '../engine/http.js';
import type { RecordKind } from '../engine/records.js';

/**
 * The keyspace of one shared sandbox, every key under `{prefix}:`. The Lua scripts in redis-scripts.ts
 * build the same names from the prefix; keep the two in step.
 *
 * - `r:{kind}:{key}`      a record, as the JSON the store was given (plus stamps added by the scripts)
 * - `k:{kind}`            every key of a kind, scored by first insertion (so lists keep insertion order)
 * - `p:{kind}:{provider}` the same, per provider
 * - `g:{grantId}`         `{kind}:{key}` of every token and code issued under a grant
 * - `x:{kind}`            access tokens and codes scored by expiry, for sweep
 * - `n:{kind}`            a hash from each name a live record holds (records.ts recordNames) to its key
 * - `rn:{kind}:{key}`     the names a record holds, so that a new version or a removal lets go of them
 * - `seq`                 the insertion counter
 * - `clock`, `claim`      the shared clock state and the seeding claim; reset keeps both
 */
export class RedisKeys {
  constructor(readonly prefix: string) {
    if (prefix === '' || /[\s*?[\]\\]/.test(prefix)) {
      throw new Error(`a Redis key prefix must be non-empty, without spaces or glob characters: "${prefix}"`);
    }
  }

  record(kind: RecordKind, key: string): string {
    return `${this.prefix}:r:${kind}:${key}`;
  }

  kindIndex(kind: RecordKind): string {
    return `${this.prefix}:k:${kind}`;
  }

  providerIndex(kind: RecordKind, provider: ProviderId): string {
    return `${this.prefix}:p:${kind}:${provider}`;
  }

  /** Names (records.ts recordNames) -> the key of the live record holding each. */
  nameIndex(kind: RecordKind): string {
    return `${this.prefix}:n:${kind}`;
  }

  /** The `{kind}:{key}` members issued under a grant (revokeByGrant's index). */
  grant(grantId: string): string {
    return `${this.prefix}:g:${grantId}`;
  }

  get clock(): string {
    return `${this.prefix}:clock`;
  }

  /** Set by the first server that finds the keyspace empty; the others wait for its clock, then resume. */
  get claim(): string {
    return `${this.prefix}:claim`;
  }

  /** The pub/sub channel clock changes are published on (channels do not share the keyspace). */
  get clockChannel(): string {
    return `${this.prefix}:clock`;
  }

  /** SCAN pattern for every key of this sandbox (the prefix holds no glob characters). */
  get everything(): string {
    return `${this.prefix}:*`;
  }

  /** Keys reset() leaves alone: the clock belongs to the engine, the claim to the first server. */
  keptOnReset(key: string): boolean {
    return key === this.clock || key === this.claim;
  }
}
