import { type RecordKind, type RecordKinds, recordNames } from './records.js';

/**
 * The memory store's map of a kind whose records have names (records.ts recordNames: users), which also
 * finds the live record holding a name. A name stays with whichever record took it last; a record's old
 * version lets go only of the names still pointing at it.
 */
export class NamedMap<K extends RecordKind> extends Map<string, RecordKinds[K]> {
  /** Name -> the key of the record holding it. */
  private readonly holders = new Map<string, string>();

  constructor(private readonly kind: K) {
    super();
  }

  override set(key: string, record: RecordKinds[K]): this {
    this.rename(key, this.get(key), record);
    return super.set(key, record);
  }

  override delete(key: string): boolean {
    this.rename(key, this.get(key), undefined);
    return super.delete(key);
  }

  override clear(): void {
    this.holders.clear();
    super.clear();
  }

  /** The key of the live record holding `name`, if any. */
  holderOf(name: string): string | undefined {
    return this.holders.get(name);
  }

  private rename(key: string, before: RecordKinds[K] | undefined, after: RecordKinds[K] | undefined): void {
    if (before !== undefined) {
      for (const name of recordNames(this.kind, before)) {
        if (this.holders.get(name) === key) this.holders.delete(name);
      }
    }
    if (after !== undefined) {
      for (const name of recordNames(this.kind, after)) this.holders.set(name, key);
    }
  }
}
