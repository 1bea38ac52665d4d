import { resolve } from 'node:path';
import type { Store } from '../engine/store.js';
import type { StoreLogger } from './file-store.js';

export interface StoreFlags {
  /** `--state-file FILE`: one durable file (FileStore). */
  stateFile?: string | undefined;
  /** `--store URL`: a shared store. */
  store?: string | undefined;
}

/** The store the CLI flags ask for, opened; undefined for the default memory store. */
export async function openStore(flags: StoreFlags, logger: StoreLogger): Promise<Store | undefined> {
  if (flags.stateFile !== undefined && flags.store !== undefined) {
    throw new Error('--state-file and --store each choose where state lives: pass one of them');
  }
  // Imported only when asked for: ioredis alone would add ~80 ms to every start.
  if (flags.stateFile !== undefined) {
    const { FileStore } = await import('./file-store.js');
    return FileStore.open(resolve(flags.stateFile), { logger });
  }
  if (flags.store !== undefined) {
    const { RedisStore } = await import('./redis-store.js');
    return RedisStore.openUrl(flags.store, { logger });
  }
  return undefined;
}
