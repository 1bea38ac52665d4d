/**
 * Values kept once and named by a small integer, for tables that store ids instead of objects (the
 * packed token table). Ids are never reused: a table is dropped whole on reset.
 */
export class Interned<T> {
  private readonly ids = new Map<string, number>();
  private readonly values: T[] = [];

  /** The id of the value known by `key`, given one the first time. */
  id(key: string, value: T): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(key, id);
    }
    return id;
  }

  get size(): number {
    return this.values.length;
  }

  /** The id of a value already kept, if any. */
  find(key: string): number | undefined {
    return this.ids.get(key);
  }

  valueOf(id: number | undefined): T {
    const value = id === undefined ? undefined : this.values[id];
    if (value === undefined) throw new RangeError(`no interned value ${id}`);
    return value;
  }
}

/**
 * String lists (scopes, companies) kept once by content, frozen. Most records share their client's or grant's
 * list, or one the scope parser shares: those are found by identity among the lists interned lately
 * (forgotten when there are `recent` of them, so that none is held for long), checked item by item against
 * the copy kept unless frozen (a caller may have changed its list since); the others by their JSON.
 */
export class InternedLists {
  private readonly lists = new Interned<readonly string[]>();
  private recentIds = new Map<readonly string[], number>();

  constructor(private readonly recent = 64) {}

  id(list: readonly string[]): number {
    let id = this.recentIds.get(list);
    // A frozen list (the scope parser's) cannot have changed since: no need to check its items.
    if (id === undefined || (!Object.isFrozen(list) && !sameItems(list, this.lists.valueOf(id)))) {
      // JSON keeps lists apart whatever their strings hold.
      const key = JSON.stringify(list);
      // A frozen copy: records share it, and the caller may still change its own.
      id = this.lists.find(key) ?? this.lists.id(key, Object.freeze([...list]));
      if (this.recentIds.size >= this.recent) this.recentIds = new Map();
      this.recentIds.set(list, id);
    }
    return id;
  }

  get size(): number {
    return this.lists.size;
  }

  valueOf(id: number | undefined): readonly string[] {
    return this.lists.valueOf(id);
  }
}

function sameItems(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}
