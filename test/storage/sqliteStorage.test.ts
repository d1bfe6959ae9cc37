// SqliteStorage against the shared contract, plus what only a file-backed store must do.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { isETagConflict } from '../../src/storage/eTagConflictError.js';
import { SqliteStorage } from '../../src/storage/sqliteStorage.js';
import { storageContract } from './storageContract.js';

const root = mkdtempSync(join(tmpdir(), 'sqlite-storage-'));
let folders = 0;
const freshFolder = () => join(root, `store-${++folders}`, 'nested');

afterAll(() => rmSync(root, { recursive: true, force: true }));

storageContract('SqliteStorage', { open: async () => new SqliteStorage({ dataDir: freshFolder() }), timestampResolutionMs: 5 });

describe('SqliteStorage on disk', () => {
  const open: SqliteStorage[] = [];
  const track = (store: SqliteStorage) => (open.push(store), store);

  afterEach(async () => {
    await Promise.all(open.splice(0).map((store) => store.close()));
  });

  it('creates DATA_DIR when missing and uses write-ahead logging with full sync', async () => {
    const dataDir = freshFolder();
    expect(existsSync(dataDir)).toBe(false);
    const store = track(new SqliteStorage({ dataDir }));
    expect(existsSync(store.file)).toBe(true);
    expect(store.journalMode).toBe('wal');
    expect(store.synchronous).toBe('FULL');
    // WAL is recorded in the file itself, so any other process opening it shares the log.
    const peek = new Database(store.file, { readonly: true });
    expect(peek.pragma('journal_mode', { simple: true })).toBe('wal');
    peek.close();
  });

  it('keeps its data when closed and opened again', async () => {
    const dataDir = freshFolder();
    const first = new SqliteStorage({ dataDir });
    await first.write({ 'webchat/conversations/c1/': { step: 'stage-assess', note: 'dŵr 👍' } });
    const before = await first.read(['webchat/conversations/c1/']);
    await first.close();
    await first.close();

    const second = track(new SqliteStorage({ dataDir }));
    expect(await second.read(['webchat/conversations/c1/'])).toEqual(before);
  });

  it('sees writes and enforces eTags across two connections to the same file', async () => {
    const dataDir = freshFolder();
    const a = track(new SqliteStorage({ dataDir }));
    const b = track(new SqliteStorage({ dataDir }));
    await a.write({ k: { v: 'from a' } });
    const seenByB = await b.read(['k']);
    expect(seenByB.k.v).toBe('from a');
    await a.write({ k: { v: 'a again', eTag: seenByB.k.eTag } });
    const error = await b.write({ k: { v: 'b, stale', eTag: seenByB.k.eTag } }).catch((rejection: unknown) => rejection);
    expect(isETagConflict(error)).toBe(true);
    expect((await b.read(['k'])).k.v).toBe('a again');
  });

  it('writes a batch all or nothing: one conflicting item leaves the others unwritten', async () => {
    const store = track(new SqliteStorage({ dataDir: freshFolder() }));
    await store.write({ k: { v: 1 } });
    const error = await store.write({ fresh: { v: 1 }, k: { v: 2, eTag: 'stale' } }).catch((rejection: unknown) => rejection);
    expect(isETagConflict(error)).toBe(true);
    expect(Object.keys(await store.read(['fresh', 'k']))).toEqual(['k']);
  });

  it('fails ping with a clear message once closed', async () => {
    const store = new SqliteStorage({ dataDir: freshFolder() });
    await store.close();
    await expect(store.ping()).rejects.toThrow(/SqliteStorage\.ping\(\): the state database .*bot-state\.sqlite is closed/);
  });
});
