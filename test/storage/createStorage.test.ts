// createStorage picks the store named by STORAGE and explains, naming the variable, when it cannot.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/loadConfig.js';
import { createLogger } from '../../src/logging/logger.js';
import { createStorage, type StorageConfig } from '../../src/storage/createStorage.js';
import { SqliteStorage } from '../../src/storage/sqliteStorage.js';
import type { StateStore } from '../../src/storage/stateStore.js';
import { AZURITE_KEY, startAzurite, type Azurite } from '../support/azurite.js';

const root = mkdtempSync(join(tmpdir(), 'create-storage-'));
let azurite: Azurite;
const opened: StateStore[] = [];

beforeAll(async () => {
  azurite = await startAzurite();
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
});

afterAll(async () => {
  await azurite?.stop();
  rmSync(root, { recursive: true, force: true });
});

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  return { lines, logger: createLogger('debug', (line) => lines.push(JSON.parse(line) as Record<string, unknown>)) };
}

const blobConfig = (overrides: Partial<StorageConfig>): StorageConfig => ({
  STORAGE: 'blob',
  DATA_DIR: root,
  BLOB_CONNECTION_STRING: azurite.connectionString,
  BLOB_CONTAINER: 'create-storage-test',
  NODE_ENV: 'test',
  ...overrides,
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || address === null) throw new Error('closedPort(): no port');
  return address.port;
}

async function failure(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => undefined, (rejection: unknown) => rejection);
  expect(error).toBeInstanceOf(Error);
  return (error as Error).message;
}

describe('createStorage', () => {
  it('opens SQLite by default, in DATA_DIR, from a parsed configuration', async () => {
    const { lines, logger } = capture();
    const dataDir = join(root, 'default');
    const store = await createStorage(parseConfig({ DATA_DIR: dataDir }), logger);
    opened.push(store);
    expect(store.kind).toBe('sqlite');
    expect(store).toBeInstanceOf(SqliteStorage);
    expect((store as SqliteStorage).file).toBe(join(dataDir, 'bot-state.sqlite'));
    expect(lines).toContainEqual(expect.objectContaining({ event: 'storage.ready', store: 'sqlite' }));
  });

  it('opens memory storage, warning that it is unfit for production', async () => {
    const { lines, logger } = capture();
    const store = await createStorage({ ...blobConfig({}), STORAGE: 'memory', NODE_ENV: 'production' }, logger);
    expect(store.kind).toBe('memory');
    expect(lines).toContainEqual(expect.objectContaining({ level: 'warn', event: 'storage.memory_in_production' }));
  });

  it('names DATA_DIR when the folder cannot be used', async () => {
    const notAFolder = join(root, 'a-file');
    writeFileSync(notAFolder, 'not a folder');
    const message = await failure(createStorage(parseConfig({ DATA_DIR: notAFolder }), capture().logger));
    expect(message).toContain(`createStorage(): cannot open the state database in DATA_DIR (${notAFolder}) because`);
    expect(message).toContain('STORAGE=memory');
  });

  it('names DATA_DIR when the database file is damaged', async () => {
    const dataDir = join(root, 'damaged');
    const store = new SqliteStorage({ dataDir });
    await store.close();
    writeFileSync(store.file, 'this is not an SQLite database, just text long enough to fill a header page. '.repeat(20));
    const message = await failure(createStorage(parseConfig({ DATA_DIR: dataDir }), capture().logger));
    expect(message).toMatch(/DATA_DIR .* because file is not a database\. Move the damaged bot-state.sqlite out of DATA_DIR/);
  });

  it('opens Azure Blob Storage and creates the container', async () => {
    const { lines, logger } = capture();
    const store = await createStorage(blobConfig({ BLOB_CONTAINER: 'created-at-start' }), logger);
    opened.push(store);
    expect(store.kind).toBe('blob');
    await expect(store.ping()).resolves.toBeUndefined();
    expect(lines).toContainEqual(expect.objectContaining({ event: 'storage.ready', store: 'blob', container: 'created-at-start' }));
    expect(JSON.stringify(lines)).not.toContain(AZURITE_KEY);
  });

  it('names BLOB_CONNECTION_STRING when it is missing', async () => {
    const message = await failure(createStorage(blobConfig({ BLOB_CONNECTION_STRING: undefined }), capture().logger));
    expect(message).toMatch(/^createStorage\(\): STORAGE is blob but BLOB_CONNECTION_STRING is empty/);
  });

  it('names BLOB_CONNECTION_STRING when it cannot be parsed, without echoing it', async () => {
    const secretish = 'AccountName=someaccount;AccountKey=c2VjcmV0LWtleQ==';
    const message = await failure(createStorage(blobConfig({ BLOB_CONNECTION_STRING: secretish }), capture().logger));
    expect(message).toContain('BLOB_CONNECTION_STRING is not a usable Azure Storage connection string because');
    expect(message).not.toContain('c2VjcmV0LWtleQ');
  });

  it('names BLOB_CONNECTION_STRING when the account refuses the key, without echoing the key', async () => {
    const wrongKey = Buffer.from('definitely-not-the-azurite-key').toString('base64');
    const connectionString = azurite.connectionString.replace(AZURITE_KEY, wrongKey);
    const message = await failure(createStorage(blobConfig({ BLOB_CONNECTION_STRING: connectionString }), capture().logger));
    expect(message).toContain('because the account refused the credentials (HTTP 403');
    expect(message).toContain('Check BLOB_CONNECTION_STRING');
    expect(message).not.toContain(wrongKey);
  });

  it('names BLOB_CONNECTION_STRING when nothing answers at the endpoint', async () => {
    const port = await closedPort();
    const connectionString = azurite.connectionString.replace(`127.0.0.1:${azurite.port}`, `127.0.0.1:${port}`);
    const message = await failure(createStorage(blobConfig({ BLOB_CONNECTION_STRING: connectionString }), capture().logger));
    expect(message).toContain(`cannot use the Azure Blob container "create-storage-test" at http://127.0.0.1:${port}/devstoreaccount1/create-storage-test because the connection failed`);
    expect(message).toContain('Check BLOB_CONNECTION_STRING');
  });
});
