// Chooses and opens the state store named by STORAGE, failing at startup with the variable to fix.
import { resolve } from 'node:path';
import type { AppConfig } from '../config/loadConfig.js';
import type { Logger } from '../logging/logger.js';
// Type only: the Azure SDK behind it adds about a second and 40 MB to every start, so it loads only for STORAGE=blob.
import type { BlobStorage } from './blobStorage.js';
import { InMemoryStorage } from './inMemoryStorage.js';
import { SqliteStorage } from './sqliteStorage.js';
import type { StateStore } from './stateStore.js';

export type StorageConfig = Pick<AppConfig, 'STORAGE' | 'DATA_DIR' | 'BLOB_CONNECTION_STRING' | 'BLOB_CONTAINER' | 'NODE_ENV'>;

export interface CreateStorageOptions {
  /** How long the first contact with Azure Blob Storage may take; defaults to 10 seconds. */
  blobTimeoutMs?: number;
}

/** Opens the configured store and checks it answers; rejects with an operator message naming the variable. */
export async function createStorage(config: StorageConfig, logger: Logger, options: CreateStorageOptions = {}): Promise<StateStore> {
  switch (config.STORAGE) {
    case 'memory':
      return openMemory(config, logger);
    case 'sqlite':
      return openSqlite(config, logger);
    case 'blob':
      return openBlob(config, logger, options);
    default:
      throw new Error(`createStorage(): STORAGE is ${JSON.stringify(config.STORAGE)}, which is not a store this bot has. Set STORAGE to memory, sqlite or blob.`);
  }
}

function openMemory(config: StorageConfig, logger: Logger): StateStore {
  if (config.NODE_ENV === 'production') {
    logger.warn('storage.memory_in_production', {
      advice: 'STORAGE=memory loses every conversation on restart and cannot be shared by two instances; use sqlite or blob',
    });
  }
  logger.info('storage.ready', { store: 'memory' });
  return new InMemoryStorage();
}

async function openSqlite(config: StorageConfig, logger: Logger): Promise<StateStore> {
  const folder = resolve(config.DATA_DIR);
  let store: SqliteStorage;
  try {
    store = new SqliteStorage({ dataDir: folder });
    await store.ping();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const fix =
      code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT'
        ? 'Move the damaged bot-state.sqlite out of DATA_DIR (a new one is created), or point DATA_DIR at another folder'
        : 'Point DATA_DIR at a folder this process can create and write to';
    throw new Error(
      `createStorage(): cannot open the state database in DATA_DIR (${folder}) because ${firstLine(error)}. ` +
        `${fix}, or set STORAGE=memory for a throwaway run.`,
      { cause: error },
    );
  }
  if (store.journalMode !== 'wal') {
    // Still correct, but writers block readers and a second process may see "database is locked".
    logger.warn('storage.sqlite.no_wal', { file: store.file, journalMode: store.journalMode, advice: 'put DATA_DIR on a local disk' });
  }
  logger.info('storage.ready', { store: 'sqlite', file: store.file });
  return store;
}

async function openBlob(config: StorageConfig, logger: Logger, options: CreateStorageOptions): Promise<StateStore> {
  if (!config.BLOB_CONNECTION_STRING) {
    throw new Error(
      'createStorage(): STORAGE is blob but BLOB_CONNECTION_STRING is empty, so there is no storage account to use. ' +
        'Set BLOB_CONNECTION_STRING to the connection string from the storage account\'s "Access keys" page, or set STORAGE=sqlite.',
    );
  }
  const { BlobStorage, describeBlobFailure } = await import('./blobStorage.js');
  let store: BlobStorage;
  try {
    store = new BlobStorage({
      connectionString: config.BLOB_CONNECTION_STRING,
      containerName: config.BLOB_CONTAINER,
      timeoutMs: options.blobTimeoutMs,
    });
  } catch (error) {
    // The parser's messages never echo the string, which holds the account key.
    throw new Error(
      `createStorage(): BLOB_CONNECTION_STRING is not a usable Azure Storage connection string because ${firstLine(error)}. ` +
        'Copy it again from the storage account\'s "Access keys" page; it looks like DefaultEndpointsProtocol=https;AccountName=...;AccountKey=...',
      { cause: error },
    );
  }
  try {
    await store.ensureContainer();
  } catch (error) {
    throw new Error(
      `createStorage(): cannot use the Azure Blob container "${config.BLOB_CONTAINER}" at ${store.endpoint} because ${describeBlobFailure(error)}. ` +
        'Check BLOB_CONNECTION_STRING (account name, key or SAS token), BLOB_CONTAINER, and that this host can reach the storage account.',
      { cause: error },
    );
  }
  logger.info('storage.ready', { store: 'blob', container: config.BLOB_CONTAINER });
  return store;
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split('\n')[0] ?? '').trim().replace(/\.$/, '') || 'of an unknown error';
}
