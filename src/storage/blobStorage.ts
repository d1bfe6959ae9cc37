// State in an Azure Blob Storage container, for several bot instances at once: botbuilder's BlobsStorage plus
// the listing that retention and forget-me need.
import { ContainerClient, type StoragePipelineOptions } from '@azure/storage-blob';
import type { StoreItems } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { sanitizeBlobKey } from 'botbuilder-azure-blobs/lib/sanitizeBlobKey.js';
import { toETagConflictError } from './eTagConflictError.js';
import type { StateStore } from './stateStore.js';
import { checkChanges, checkKeys, checkPrefixes, requiredETag } from './storeArguments.js';

export interface BlobStorageOptions {
  connectionString: string;
  containerName: string;
  /** How long ping() and ensureContainer() wait for an answer before giving up; defaults to 10 seconds. */
  timeoutMs?: number;
}

/** Deletions in flight at once while purging: enough to be quick, few enough not to trip account throttling. */
const DELETE_CONCURRENCY = 16;

// The SDK default retries four times from a 4-second delay; a turn should fail in about a second instead.
const PIPELINE: StoragePipelineOptions = {
  retryOptions: { maxTries: 3, retryDelayInMs: 200, maxRetryDelayInMs: 1_000, tryTimeoutInMs: 10_000 },
};

export class BlobStorage implements StateStore {
  readonly kind = 'blob' as const;
  readonly containerName: string;
  private readonly storage: BlobsStorage;
  private readonly container: ContainerClient;
  private readonly timeoutMs: number;

  /** Throws when the connection string cannot be parsed; does not contact the service (see ensureContainer). */
  constructor(options: BlobStorageOptions) {
    this.containerName = options.containerName;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.container = new ContainerClient(options.connectionString, options.containerName, PIPELINE);
    this.storage = new BlobsStorage(options.connectionString, options.containerName, { storagePipelineOptions: PIPELINE });
  }

  /** Where the container lives, without any SAS token, for operator messages. */
  get endpoint(): string {
    const url = new URL(this.container.url);
    return `${url.origin}${url.pathname}`;
  }

  /** Creates the container when missing; rejects when the account cannot be reached or refuses the credentials. */
  async ensureContainer(): Promise<void> {
    await this.container.createIfNotExists({ abortSignal: AbortSignal.timeout(this.timeoutMs) });
  }

  async read(keys: string[]): Promise<StoreItems> {
    return this.storage.read(checkKeys('BlobStorage.read()', keys));
  }

  async write(changes: StoreItems): Promise<void> {
    const entries = checkChanges('BlobStorage.write()', changes);
    // BlobsStorage turns any eTag but '*' into an If-Match condition (even an empty or non-string one); normalise
    // so every spelling of "unconditional" (missing, empty, '*') means the same as on the other stores.
    const normalised: StoreItems = {};
    for (const [key, item] of entries) normalised[key] = { ...item, eTag: requiredETag(item) ?? '*' };
    try {
      await this.storage.write(normalised);
    } catch (error) {
      throw toETagConflictError(error);
    }
  }

  async delete(keys: string[]): Promise<void> {
    await this.storage.delete(checkKeys('BlobStorage.delete()', keys));
  }

  async purgeUnusedSince(cutoff: Date): Promise<number> {
    const stale: Array<{ name: string; etag: string | undefined }> = [];
    for await (const blob of this.container.listBlobsFlat()) {
      if (blob.properties.lastModified < cutoff) stale.push({ name: blob.name, etag: blob.properties.etag });
    }
    // The eTag condition skips a conversation that was written again between listing and deleting.
    return this.deleteBlobs(stale);
  }

  async deleteByPrefix(prefixes: readonly string[]): Promise<number> {
    const matching = new Set<string>();
    for (const prefix of checkPrefixes('BlobStorage.deleteByPrefix()', prefixes)) {
      // Blob names are sanitizeBlobKey(key): "/" becomes "%2F" and a trailing "/" is dropped, so the key
      // "webchat/users/u1/" is stored as "webchat%2Fusers%2Fu1".
      const base = sanitizeBlobKey(prefix);
      const matches = prefix.endsWith('/')
        ? (name: string) => name === base || name.startsWith(`${base}%2F`)
        : (name: string) => name.startsWith(base);
      for await (const blob of this.container.listBlobsFlat({ prefix: base })) {
        if (matches(blob.name)) matching.add(blob.name);
      }
    }
    return this.deleteBlobs([...matching].map((name) => ({ name, etag: undefined })));
  }

  async ping(): Promise<void> {
    try {
      await this.container.getProperties({ abortSignal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      throw new Error(`BlobStorage.ping(): cannot reach the container "${this.containerName}" at ${this.endpoint} because ${describeBlobFailure(error)}.`, { cause: error });
    }
  }

  async close(): Promise<void> {}

  /** Deletes blobs, a few at a time; counts only those this call removed. */
  private async deleteBlobs(blobs: Array<{ name: string; etag: string | undefined }>): Promise<number> {
    let deleted = 0;
    let next = 0;
    const worker = async () => {
      while (next < blobs.length) {
        const blob = blobs[next++];
        if (!blob) return;
        try {
          await this.container.deleteBlob(blob.name, {
            deleteSnapshots: 'include',
            conditions: blob.etag ? { ifMatch: blob.etag } : {},
          });
          deleted += 1;
        } catch (error) {
          // 404: someone else deleted it first; 412: it was written again since we listed it, so it is in use.
          if (!hasStatus(error, 404) && !hasStatus(error, 412)) throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(DELETE_CONCURRENCY, blobs.length) }, worker));
    return deleted;
  }
}

function hasStatus(error: unknown, status: number): boolean {
  return typeof error === 'object' && error !== null && (error as { statusCode?: unknown }).statusCode === status;
}

/** Says why Azure Storage failed, in words an operator can act on. */
export function describeBlobFailure(error: unknown): string {
  if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) return 'it did not answer in time';
  const { statusCode, code } = (typeof error === 'object' && error !== null ? error : {}) as { statusCode?: unknown; code?: unknown };
  const codeText = typeof code === 'string' ? ` ${code}` : '';
  if (statusCode === 403) return `the account refused the credentials (HTTP 403${codeText})`;
  if (typeof statusCode === 'number') return `the service answered HTTP ${statusCode}${codeText}`;
  return `the connection failed (${(error instanceof Error ? error.message : String(error)).split('\n')[0]})`;
}
