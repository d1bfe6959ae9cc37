// State kept in this process only (tests, throwaway runs): botbuilder's MemoryStorage plus retention and forget-me.
import { MemoryStorage, type StoreItems } from 'botbuilder';
import { ETagConflictError } from './eTagConflictError.js';
import type { StateStore } from './stateStore.js';
import { checkChanges, checkKeys, checkPrefixes, requiredETag } from './storeArguments.js';

export class InMemoryStorage implements StateStore {
  readonly kind = 'memory' as const;
  /** The dictionary MemoryStorage keeps its JSON in; we hold it too so we can list keys and check eTags. */
  private readonly memory: Record<string, string> = {};
  private readonly storage = new MemoryStorage(this.memory);
  private readonly writtenAt = new Map<string, number>();

  async read(keys: string[]): Promise<StoreItems> {
    return this.storage.read(checkKeys('InMemoryStorage.read()', keys));
  }

  async write(changes: StoreItems): Promise<void> {
    const entries = checkChanges('InMemoryStorage.write()', changes);
    // Check every eTag before writing anything: MemoryStorage alone writes the other keys of a batch even when one
    // conflicts, and it accepts a stale eTag for a deleted key; SqliteStorage and BlobStorage do neither.
    for (const [key, item] of entries) {
      const expected = requiredETag(item);
      if (expected !== undefined && this.currentETag(key) !== expected) throw new ETagConflictError(key);
    }
    await this.storage.write(changes);
    const now = Date.now();
    for (const [key] of entries) this.writtenAt.set(key, now);
  }

  async delete(keys: string[]): Promise<void> {
    this.forget(checkKeys('InMemoryStorage.delete()', keys));
  }

  async purgeUnusedSince(cutoff: Date): Promise<number> {
    const limit = cutoff.getTime();
    const stale = [...this.writtenAt].filter(([, at]) => at < limit).map(([key]) => key);
    this.forget(stale);
    return stale.length;
  }

  async deleteByPrefix(prefixes: readonly string[]): Promise<number> {
    const wanted = checkPrefixes('InMemoryStorage.deleteByPrefix()', prefixes);
    const matching = [...this.writtenAt.keys()].filter((key) => wanted.some((prefix) => key.startsWith(prefix)));
    this.forget(matching);
    return matching.length;
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}

  private currentETag(key: string): string | undefined {
    const json = this.memory[key];
    if (json === undefined) return undefined;
    const eTag: unknown = (JSON.parse(json) as { eTag?: unknown }).eTag;
    return typeof eTag === 'string' ? eTag : undefined;
  }

  private forget(keys: string[]): void {
    // MemoryStorage.delete leaves the key behind with an undefined value; removing it keeps long runs from growing.
    for (const key of keys) {
      delete this.memory[key];
      this.writtenAt.delete(key);
    }
  }
}
