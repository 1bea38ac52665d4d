import type { MemoryStore } from '../../../src/engine/memory-store.js';
import type { Store } from '../../../src/engine/store.js';

/** The memory store seen only through the async Store interface, as a networked store is. */
export function asyncOnly(inner: MemoryStore): Store {
  return {
    upsert: (kind, record) => inner.upsert(kind, record),
    find: (kind, key) => inner.find(kind, key),
    list: (kind, provider) => inner.list(kind, provider),
    each: (kind) => inner.each(kind),
    recent: (kind, limit, provider) => inner.recent(kind, limit, provider),
    remove: (kind, key) => inner.remove(kind, key),
    findNamed: (kind, name) => inner.findNamed(kind, name),
    insertNamed: (kind, record) => inner.insertNamed(kind, record),
    consume: (kind, key, at) => inner.consume(kind, key, at),
    accessTokensOfGrant: (grantId) => inner.accessTokensOfGrant(grantId),
    revokeByGrant: (grantId, at) => inner.revokeByGrant(grantId, at),
    sweep: (before) => inner.sweep(before),
    reset: () => inner.reset(),
    snapshot: () => inner.snapshot(),
    restore: (snapshot) => inner.restore(snapshot),
  };
}
