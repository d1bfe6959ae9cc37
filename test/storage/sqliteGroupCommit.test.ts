// SqliteStorage's group commit: changes made in one event-loop turn share one durable transaction, and nothing else
// about the store changes. Commits are counted in the real write-ahead log file, not through a hook of our own.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { isETagConflict } from '../../src/storage/eTagConflictError.js';
import { SqliteStorage } from '../../src/storage/sqliteStorage.js';

const root = mkdtempSync(join(tmpdir(), 'sqlite-group-commit-'));
let folders = 0;
afterAll(() => rmSync(root, { recursive: true, force: true }));

/**
 * Commits recorded in the WAL file: frames whose salts match the header (the current generation of the log) and
 * whose "database size after commit" field is set, which SQLite writes only on a transaction's last frame.
 * Layout from https://www.sqlite.org/fileformat.html#the_write_ahead_log.
 */
function walCommits(databaseFile: string): number {
  const wal = `${databaseFile}-wal`;
  if (!existsSync(wal)) return 0;
  const bytes = readFileSync(wal);
  if (bytes.length < 32) return 0;
  const pageSize = bytes.readUInt32BE(8);
  const [salt1, salt2] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
  let commits = 0;
  for (let at = 32; at + 24 + pageSize <= bytes.length; at += 24 + pageSize) {
    if (bytes.readUInt32BE(at + 8) !== salt1 || bytes.readUInt32BE(at + 12) !== salt2) break;
    if (bytes.readUInt32BE(at + 4) !== 0) commits += 1;
  }
  return commits;
}

async function outcome(promise: Promise<unknown>): Promise<'ok' | 'conflict' | Error> {
  return promise.then(
    () => 'ok' as const,
    (error: unknown) => (isETagConflict(error) ? ('conflict' as const) : (error as Error)),
  );
}

describe('SqliteStorage group commit', () => {
  const cleanups: Array<() => void | Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  function openStore(): SqliteStorage {
    const store = new SqliteStorage({ dataDir: join(root, `store-${++folders}`) });
    cleanups.push(() => store.close());
    return store;
  }

  /** A second, independent connection to the same file: what another process, or the next start, would see. */
  function secondConnection(store: SqliteStorage): Database.Database {
    const db = new Database(store.file);
    cleanups.push(() => void db.close());
    return db;
  }

  const rowValue = (db: Database.Database, key: string) =>
    (db.prepare('SELECT value FROM bot_state WHERE key = ?').get(key) as { value: string } | undefined)?.value;

  it('commits writes made in one tick in one transaction, and resolves them only once it is on disk', async () => {
    const store = openStore();
    await store.write({ warm: { v: 0 } });
    const other = secondConnection(store);
    const commitsBefore = walCommits(store.file);
    const statsBefore = store.commitStats;

    const writes = Array.from({ length: 20 }, (_, i) => store.write({ [`webchat/conversations/c${i}/`]: { turn: i } }));
    // Queued, not yet committed: nothing is in the log and another connection sees none of it.
    expect(walCommits(store.file)).toBe(commitsBefore);
    expect(rowValue(other, 'webchat/conversations/c0/')).toBeUndefined();

    await Promise.all(writes);
    expect(walCommits(store.file)).toBe(commitsBefore + 1);
    expect(store.commitStats).toEqual({ commits: statsBefore.commits + 1, changes: statsBefore.changes + 20 });
    for (let i = 0; i < 20; i += 1) expect(JSON.parse(rowValue(other, `webchat/conversations/c${i}/`) ?? 'null')).toEqual({ turn: i });
  });

  it('still commits one awaited write at a time, each in its own transaction', async () => {
    const store = openStore();
    await store.write({ warm: { v: 0 } });
    const commitsBefore = walCommits(store.file);
    for (let i = 0; i < 3; i += 1) await store.write({ k: { v: i } });
    expect(walCommits(store.file)).toBe(commitsBefore + 3);
  });

  it('rejects only the write whose eTag is stale; the rest of the batch lands', async () => {
    const store = openStore();
    await store.write({ k1: { v: 'old' }, k2: { v: 'old' } });
    const current = await store.read(['k1', 'k2']);
    await store.write({ k1: { v: 'newer' } });
    const commitsBefore = walCommits(store.file);

    const results = await Promise.all([
      outcome(store.write({ fresh: { v: 1 } })),
      outcome(store.write({ k1: { v: 'lost update', eTag: current.k1?.eTag } })),
      outcome(store.write({ k2: { v: 'updated', eTag: current.k2?.eTag } })),
      // One call is still all or nothing inside a batch: its conflicting item keeps its other item out too.
      outcome(store.write({ alsoFresh: { v: 1 }, k1: { v: 'lost too', eTag: current.k1?.eTag } })),
      // Arrival order: this write sees the eTag k2 had before the batch, which the write above has just replaced.
      outcome(store.write({ k2: { v: 'second update', eTag: current.k2?.eTag } })),
    ]);

    expect(results).toEqual(['ok', 'conflict', 'ok', 'conflict', 'conflict']);
    expect(walCommits(store.file)).toBe(commitsBefore + 1);
    const after = await store.read(['fresh', 'k1', 'k2', 'alsoFresh']);
    expect(Object.keys(after).sort()).toEqual(['fresh', 'k1', 'k2']);
    expect([after.k1?.v, after.k2?.v]).toEqual(['newer', 'updated']);
  });

  it('lets a read made after a queued change see it, without making reads of other keys wait', async () => {
    const store = openStore();
    await store.write({ k: { v: 'before' }, gone: { v: 1 }, 'webchat/users/u1/': { v: 1 }, other: { v: 1 } });
    const order: string[] = [];
    const write = store.write({ k: { v: 'after' } }).then(() => order.push('write'));
    const deletion = store.delete(['gone']);
    const forget = store.deleteByPrefix(['webchat/users/u1/']);
    const readOwn = store.read(['k', 'gone', 'webchat/users/u1/']).then((items) => (order.push('read own keys'), items));
    const readOther = store.read(['other']).then((items) => (order.push('read other key'), items));

    const own = await readOwn;
    expect(Object.keys(own)).toEqual(['k']);
    expect(own.k?.v).toBe('after');
    expect((await readOther).other?.v).toBe(1);
    await Promise.all([write, deletion, forget]);
    expect(order).toEqual(['read other key', 'write', 'read own keys']);
  });

  it('lets a read after a rejected queued write see the value that is still stored', async () => {
    const store = openStore();
    await store.write({ k: { v: 'stored' } });
    const rejected = outcome(store.write({ k: { v: 'stale', eTag: 'not-the-current-etag' } }));
    const read = await store.read(['k']);
    expect(await rejected).toBe('conflict');
    expect(read.k?.v).toBe('stored');
  });

  it('applies a delete then a write, and a write then a delete, of one key in arrival order within one batch', async () => {
    const store = openStore();
    await store.write({ a: { v: 'first' }, b: { v: 'first' } });
    const { b } = await store.read(['b']);
    const commitsBefore = walCommits(store.file);

    await Promise.all([store.delete(['a']), store.write({ a: { v: 'written after delete' } })]);
    expect(walCommits(store.file)).toBe(commitsBefore + 1);
    expect((await store.read(['a'])).a?.v).toBe('written after delete');

    await Promise.all([store.write({ a: { v: 'written before delete' } }), store.delete(['a'])]);
    expect(await store.read(['a'])).toEqual({});

    // A specific eTag queued after the item's deletion is a conflict, as it is when the two are awaited in turn.
    const results = await Promise.all([outcome(store.delete(['b'])), outcome(store.write({ b: { v: 'back', eTag: b?.eTag } }))]);
    expect(results).toEqual(['ok', 'conflict']);
    expect(await store.read(['b'])).toEqual({});
  });

  it('keeps "forget me" and retention in arrival order with the writes around them', async () => {
    const store = openStore();
    const [before, forgotten, after] = await Promise.all([
      store.write({ 'webchat/users/u1/': { v: 1 }, 'webchat/users/u10/': { v: 1 } }),
      store.deleteByPrefix(['webchat/users/u1/']),
      store.write({ 'webchat/users/u1/': { v: 'new conversation after forget' } }),
    ]);
    expect([before, forgotten, after]).toEqual([undefined, 1, undefined]);
    expect(Object.keys(await store.read(['webchat/users/u1/', 'webchat/users/u10/'])).sort()).toEqual(['webchat/users/u1/', 'webchat/users/u10/']);

    const cutoff = new Date(Date.now() + 60_000);
    const [purged] = await Promise.all([store.purgeUnusedSince(cutoff), store.write({ written: { v: 'after the purge' } })]);
    expect(purged).toBe(2);
    expect(Object.keys(await store.read(['webchat/users/u1/', 'written']))).toEqual(['written']);
  });

  it('commits queued changes when closed, so they are in the file the next start opens', async () => {
    const dataDir = join(root, `store-${++folders}`);
    const store = new SqliteStorage({ dataDir });
    await store.write({ deleted: { v: 1 } });
    const pending = [store.write({ a: { v: 'queued' } }), store.write({ b: { v: 'queued' } }), store.delete(['deleted'])];
    await store.close();
    expect(await Promise.all(pending.map(outcome))).toEqual(['ok', 'ok', 'ok']);

    const reopened = new Database(store.file, { readonly: true });
    const keys = reopened.prepare('SELECT key FROM bot_state ORDER BY key').pluck().all();
    reopened.close();
    expect(keys).toEqual(['a', 'b']);

    await expect(store.write({ c: { v: 1 } })).rejects.toThrow(/^SqliteStorage\.write\(\): the state database .*bot-state\.sqlite is closed\.$/);
    await expect(store.read(['a'])).rejects.toThrow(/^SqliteStorage\.read\(\): the state database .* is closed\.$/);
  });

  it('rejects every caller in a batch whose transaction fails, saving none of it, and carries on afterwards', async () => {
    const store = openStore();
    await store.write({ kept: { v: 'original' } });
    // A real SQLite error inside the batch's transaction, raised by the database itself as a full disk would be.
    const other = secondConnection(store);
    other.exec(`CREATE TRIGGER refuse_poison BEFORE INSERT ON bot_state WHEN NEW.key = 'poison'
      BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END;`);

    const results = await Promise.all([
      outcome(store.write({ a: { v: 1 } })),
      outcome(store.write({ poison: { v: 1 } })),
      outcome(store.delete(['kept'])),
    ]);

    for (const result of results) {
      expect(result).toBeInstanceOf(Error);
      expect((result as Error).message).toMatch(
        /^SqliteStorage\.(write|delete)\(\): the state database .*bot-state\.sqlite did not save this change because simulated write failure\. It was committed together with 2 other change\(s\); none of them was saved\. Check that DATA_DIR/,
      );
      expect((result as Error).cause).toBeInstanceOf(Error);
    }
    expect(rowValue(other, 'a')).toBeUndefined();
    expect(JSON.parse(rowValue(other, 'kept') ?? 'null')).toEqual({ v: 'original' });

    await store.write({ a: { v: 'after the failure' } });
    expect(JSON.parse(rowValue(other, 'a') ?? 'null')).toEqual({ v: 'after the failure' });
  });

  it('stores what was passed at the time of the call, even if the caller changes it before the commit', async () => {
    const store = openStore();
    const item = { v: 'at call time' };
    const write = store.write({ k: item });
    item.v = 'changed while queued';
    await write;
    expect((await store.read(['k'])).k?.v).toBe('at call time');
  });
});
