// The contract every conversation-state backend meets: botbuilder's Storage plus retention, forget-me and health.
import type { Storage } from 'botbuilder';

export type StorageKind = 'memory' | 'sqlite' | 'blob';

/**
 * botbuilder's `Storage` (read, write, delete with eTags) plus what our privacy promises need.
 *
 * Concurrency, the same on every backend: a write whose item has no eTag, an empty eTag or `'*'` overwrites
 * (last write wins, which is what BotState.saveChanges uses); a write with any other eTag succeeds only if it
 * matches the stored item's current eTag, otherwise it rejects with ETagConflictError (see isETagConflict).
 * A specific eTag on a key that no longer exists is a conflict too, as in Azure Blob Storage: the writer saw a
 * version that has since been deleted (for example by "forget me"), so it must not silently bring it back.
 * Reads omit missing keys; deleting a missing key is not an error.
 */
export interface StateStore extends Storage {
  readonly kind: StorageKind;
  /** Deletes every item last written before `cutoff`; resolves to how many were deleted. */
  purgeUnusedSince(cutoff: Date): Promise<number>;
  /**
   * Deletes every item whose key starts with one of `prefixes` (each must be non-empty); resolves to how many
   * were deleted. End a prefix with "/" so that conversation "c1" does not also match "c10".
   */
  deleteByPrefix(prefixes: readonly string[]): Promise<number>;
  /** Resolves when the store answers; rejects with an operator-readable reason otherwise (used by /readyz). */
  ping(): Promise<void>;
  /** Releases files and connections; calling it twice is harmless. */
  close(): Promise<void>;
}
