// Argument checks shared by every store, so a wrong call fails the same way whichever backend is configured.
import type { StoreItem, StoreItems } from 'botbuilder';

export function checkKeys(where: string, keys: unknown): string[] {
  if (!Array.isArray(keys) || keys.some((key) => typeof key !== 'string' || key.length === 0)) {
    throw new ReferenceError(`${where}: keys must be an array of non-empty strings.`);
  }
  return keys as string[];
}

export function checkChanges(where: string, changes: unknown): Array<[string, StoreItem]> {
  if (typeof changes !== 'object' || changes === null || Array.isArray(changes)) {
    throw new ReferenceError(`${where}: changes must be an object of items indexed by key.`);
  }
  const entries = Object.entries(changes as StoreItems);
  for (const [key, item] of entries) {
    if (key.length === 0) throw new ReferenceError(`${where}: an item has an empty key.`);
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new TypeError(`${where}: the item for a key is not a plain object, so it cannot carry an eTag.`);
    }
  }
  return entries as Array<[string, StoreItem]>;
}

export function checkPrefixes(where: string, prefixes: unknown): string[] {
  // An empty prefix would match every key: deleting all state must never happen by accident.
  if (!Array.isArray(prefixes) || prefixes.some((prefix) => typeof prefix !== 'string' || prefix.length === 0)) {
    throw new RangeError(`${where}: prefixes must be non-empty strings, because an empty prefix matches every item.`);
  }
  return prefixes as string[];
}

/**
 * The eTag a write must match, or undefined for an unconditional write. Like botbuilder's MemoryStorage, any
 * falsy eTag or '*' means "overwrite whatever is there".
 */
export function requiredETag(item: StoreItem): string | undefined {
  const eTag: unknown = item.eTag;
  if (!eTag || eTag === '*') return undefined;
  return String(eTag);
}
