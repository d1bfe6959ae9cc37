// The one error every state store throws when an optimistic-concurrency check fails.
import { hashId } from '../logging/logger.js';

/**
 * botbuilder's own stores (MemoryStorage, BlobsStorage) signal a conflict with a plain Error whose message is
 * `Storage: error writing "<key>" due to eTag conflict.`; we keep that wording so code written against them still
 * recognises ours, but show a hashed key because on SMS the key holds the sender's phone number.
 */
export class ETagConflictError extends Error {
  readonly code = 'ETAG_CONFLICT';
  /** The HTTP status Azure Storage and Cosmos DB use for the same failure, for code that checks `statusCode`. */
  readonly statusCode = 412;
  /** hashId(key): lets logs group conflicts on one item without revealing whose item it is. */
  readonly keyHash: string;

  constructor(key: string) {
    const keyHash = hashId(key) ?? 'empty-key';
    super(`Storage: error writing "${keyHash}" due to eTag conflict.`);
    this.name = 'ETagConflictError';
    this.keyHash = keyHash;
  }
}

const CONFLICT_MESSAGE = /^Storage: error writing "(.*)" due to eTag conflict\.$/s;

/** True for our ETagConflictError and for the conflict errors thrown by botbuilder's own Storage classes. */
export function isETagConflict(error: unknown): boolean {
  if (error instanceof ETagConflictError) return true;
  return error instanceof Error && CONFLICT_MESSAGE.test(error.message);
}

/** Turns a botbuilder conflict error (which names the raw key) into an ETagConflictError; other errors pass through. */
export function toETagConflictError(error: unknown): unknown {
  if (error instanceof ETagConflictError || !(error instanceof Error)) return error;
  const match = CONFLICT_MESSAGE.exec(error.message);
  return match ? new ETagConflictError(match[1] ?? '') : error;
}
