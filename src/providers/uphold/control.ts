import type { UserRecord, UserStatus } from '../../engine/records.js';
import { scopedKey } from '../../engine/records.js';
import type { Store } from '../../engine/store.js';

/**
 * Blocks or unblocks an Uphold user at run time (for the control plane). A blocked user's non-GET
 * calls answer 409 `user-blocked` from the next request on; tokens are untouched. Returns the updated
 * user, or undefined if there is no such user.
 */
export async function setUpholdUserStatus(
  store: Store,
  userId: string,
  status: UserStatus,
): Promise<UserRecord | undefined> {
  const user = await store.find('user', scopedKey('uphold', userId.toLowerCase()));
  if (!user || user.deletedAt !== undefined) return undefined;
  const updated: UserRecord = { ...user, status };
  await store.upsert('user', updated);
  return updated;
}
