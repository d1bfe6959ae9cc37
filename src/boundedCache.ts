// A small least-recently-used cache, bounded in entries and in characters of key: for work that gives the same
// answer every turn (rendering content, the clients a turn calls out with), where inputs that vary (dates, council
// names, service URLs) must not grow it without limit in the server's small heap.

export interface BoundedCacheLimits {
  /** At most this many entries. */
  maxEntries: number;
  /** At most this many characters of keys in all; values are about the size of their keys. */
  maxKeyChars: number;
  /** A key longer than this is never cached: computed every time instead. */
  maxKeyLength: number;
}

/** Room for every topic, message and prompt in content several times over, and at most a few MB per cache. */
export const RENDER_CACHE_LIMITS: Readonly<BoundedCacheLimits> = { maxEntries: 2000, maxKeyChars: 1_000_000, maxKeyLength: 20_000 };

export class BoundedCache<V> {
  private readonly entries = new Map<string, V>();
  private keyChars = 0;

  constructor(private readonly limits: Readonly<BoundedCacheLimits> = RENDER_CACHE_LIMITS) {}

  /**
   * The value for key: computed on first use, then kept until it is the least recently used. `compute` must be a
   * pure function of the key, and what it returns is shared by every caller: freeze it, or copy it on the way out.
   */
  getOrCompute(key: string, compute: (key: string) => V): V {
    const found = this.entries.get(key);
    if (found !== undefined) {
      // Map keeps insertion order: moving a hit to the end makes the first entry always the least recently used.
      this.entries.delete(key);
      this.entries.set(key, found);
      return found;
    }
    const value = compute(key);
    if (key.length > this.limits.maxKeyLength) return value;
    this.entries.set(key, value);
    this.keyChars += key.length;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.limits.maxEntries && this.keyChars <= this.limits.maxKeyChars) break;
      this.entries.delete(oldest);
      this.keyChars -= oldest.length;
    }
    return value;
  }

  /** Drops key, e.g. a client that failed to build, so the next caller tries again. */
  forget(key: string): void {
    if (this.entries.delete(key)) this.keyChars -= key.length;
  }

  get size(): number {
    return this.entries.size;
  }
}
