// State in one SQLite file under DATA_DIR: the default store, durable across restarts on a single host.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { StoreItems } from 'botbuilder';
import { ETagConflictError } from './eTagConflictError.js';
import { GroupCommit, type GroupCommitStats } from './groupCommit.js';
import type { StateStore } from './stateStore.js';
import { checkChanges, checkKeys, checkPrefixes, requiredETag } from './storeArguments.js';

export interface SqliteStorageOptions {
  /** Folder for the database file; created when missing. */
  dataDir: string;
  /** Defaults to bot-state.sqlite. */
  fileName?: string;
  /**
   * FULL (the default) fsyncs the write-ahead log on every commit, so a write or a "forget me" deletion that has
   * been confirmed survives a power cut or kernel crash. NORMAL only risks losing the last commits in that case
   * (never corruption, and never on a mere process crash), and is offered for benchmarks and comparison.
   */
  synchronous?: 'FULL' | 'NORMAL';
}

interface Row {
  key: string;
  value: string;
  etag: string;
}

/** An item ready to store: serialised when write() is called, so later changes to the caller's object are not saved. */
interface Entry {
  key: string;
  json: string;
  /** The eTag the stored item must still have, or undefined to overwrite. */
  expected: string | undefined;
}

export class SqliteStorage implements StateStore {
  readonly kind = 'sqlite' as const;
  readonly file: string;
  private readonly db: Database.Database;
  private readonly statements: ReturnType<typeof prepare>;
  private readonly queue: GroupCommit;
  private readonly writeInSavepoint: (entries: Entry[]) => void;

  /** Opens (creating when needed) the database; throws the driver's error when the folder or file is unusable. */
  constructor(options: SqliteStorageOptions) {
    const dataDir = resolve(options.dataDir);
    mkdirSync(dataDir, { recursive: true });
    this.file = join(dataDir, options.fileName ?? 'bot-state.sqlite');
    this.db = new Database(this.file);
    try {
      // WAL lets /readyz and reads run while a turn writes, and lets a second process share the file.
      this.db.pragma('journal_mode = WAL');
      // Why FULL by default: we promise that "forget me" deletes at once; with NORMAL a power cut just after the
      // confirmation could bring the deleted state back. See SqliteStorageOptions.synchronous.
      this.db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
      // A second process (or a two-process test) holding the write lock makes us wait rather than fail at once.
      this.db.pragma('busy_timeout = 5000');
      this.db.exec(`
        CREATE TABLE IF NOT EXISTS bot_state (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL,
          etag TEXT NOT NULL,
          updated_at INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS bot_state_updated_at ON bot_state (updated_at);
      `);
      this.statements = prepare(this.db);
    } catch (error) {
      this.db.close();
      throw error;
    }

    // Called inside the batch's transaction, better-sqlite3 runs this as a savepoint: a conflict on a later item
    // of one write undoes that write's earlier items, and only those.
    this.writeInSavepoint = this.db.transaction((entries: Entry[]) => this.writeEntries(entries));
    // Group commit: every change of one event-loop turn goes into one transaction, so under load many turns share
    // one fsync, while synchronous=FULL still makes each confirmed change durable. IMMEDIATE takes the write lock
    // before the first eTag check, so no other connection can change a row between our check and our update.
    const transaction = this.db.transaction((body: () => void) => body()).immediate;
    this.queue = new GroupCommit({ transaction, describeFailure: (where, size, cause) => this.commitFailed(where, size, cause) });
  }

  /** What SQLite actually granted: "wal" normally; another value means the filesystem refused WAL. */
  get journalMode(): string {
    return String(this.db.pragma('journal_mode', { simple: true }));
  }

  /** The durability level in force on this connection (see SqliteStorageOptions.synchronous). */
  get synchronous(): string {
    const level = Number(this.db.pragma('synchronous', { simple: true }));
    return ['OFF', 'NORMAL', 'FULL', 'EXTRA'][level] ?? String(level);
  }

  /** Transactions committed and changes in them since opening: how many changes share each fsync. */
  get commitStats(): GroupCommitStats {
    return this.queue.stats;
  }

  async read(keys: string[]): Promise<StoreItems> {
    // Copies, here and below: the caller may reuse its array before the queued change or read runs.
    const checked = [...checkKeys('SqliteStorage.read()', keys)];
    // Read-your-writes: a change to one of these keys still in the queue is committed before we look.
    const pending = this.queue.whenCommitted(checked);
    if (pending) await pending;
    this.assertOpen('SqliteStorage.read()');
    const items: StoreItems = {};
    for (const key of checked) {
      const row = this.statements.read.get(key) as Row | undefined;
      if (row) items[key] = { ...(JSON.parse(row.value) as Record<string, unknown>), eTag: row.etag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const where = 'SqliteStorage.write()';
    const entries = checkChanges(where, changes).map(([key, item]): Entry => {
      const { eTag: _ignored, ...value } = item;
      return { key, json: JSON.stringify(value), expected: requiredETag(item) };
    });
    this.assertOpen(where);
    const keys = new Set(entries.map((entry) => entry.key));
    return this.queue.enqueue({
      where,
      touches: (key) => keys.has(key),
      apply: () => {
        try {
          // One item needs no savepoint: its conflict is found before anything is written.
          if (entries.length === 1) this.writeEntries(entries);
          else this.writeInSavepoint(entries);
          return { value: undefined };
        } catch (error) {
          // A conflict rejects this write alone; anything else fails the batch (see GroupCommit).
          if (error instanceof ETagConflictError) return { error };
          throw error;
        }
      },
    });
  }

  async delete(keys: string[]): Promise<void> {
    const where = 'SqliteStorage.delete()';
    const checked = [...checkKeys(where, keys)];
    this.assertOpen(where);
    const wanted = new Set(checked);
    return this.queue.enqueue({
      where,
      touches: (key) => wanted.has(key),
      apply: () => {
        for (const key of checked) this.statements.delete.run(key);
        return { value: undefined };
      },
    });
  }

  async purgeUnusedSince(cutoff: Date): Promise<number> {
    const where = 'SqliteStorage.purgeUnusedSince()';
    this.assertOpen(where);
    const limit = cutoff.getTime();
    return this.queue.enqueue({ where, touches: () => true, apply: () => ({ value: this.statements.purge.run(limit).changes }) });
  }

  async deleteByPrefix(prefixes: readonly string[]): Promise<number> {
    const where = 'SqliteStorage.deleteByPrefix()';
    const checked = [...checkPrefixes(where, prefixes)];
    this.assertOpen(where);
    return this.queue.enqueue({
      where,
      touches: (key) => checked.some((prefix) => key.startsWith(prefix)),
      apply: () => ({ value: checked.reduce((deleted, prefix) => deleted + this.statements.deleteByPrefix.run({ prefix }).changes, 0) }),
    });
  }

  async ping(): Promise<void> {
    this.assertOpen('SqliteStorage.ping()');
    this.statements.ping.get();
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    // Queued changes are committed first; if that fails their callers are rejected, and the database closes anyway.
    this.queue.flush();
    // Closing checkpoints the write-ahead log into the main file, so a copy of the .sqlite file alone is complete.
    this.db.close();
  }

  /** Applies one write's items in order, throwing ETagConflictError at the first conflict (items before it stay written). */
  private writeEntries(entries: Entry[]): void {
    const { upsert, updateIfMatch } = this.statements;
    const now = Date.now();
    for (const { key, json, expected } of entries) {
      if (expected === undefined) {
        upsert.run(key, json, newETag(), now);
      } else if (updateIfMatch.run(json, newETag(), now, key, expected).changes === 0) {
        throw new ETagConflictError(key);
      }
    }
  }

  private assertOpen(where: string): void {
    if (!this.db.open) throw new Error(`${where}: the state database ${this.file} is closed.`);
  }

  private commitFailed(where: string, batchSize: number, cause: unknown): Error {
    const reason = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    const others = batchSize > 1 ? ` It was committed together with ${batchSize - 1} other change(s); none of them was saved.` : '';
    const error = new Error(
      `${where}: the state database ${this.file} did not save this change because ${reason}.${others} ` +
        'Check that DATA_DIR has free space and is writable, then try again.',
      { cause },
    );
    // Keep the driver's code (SQLITE_FULL, SQLITE_IOERR, ...) for callers and logs that group failures by it.
    const code = (cause as { code?: unknown } | null)?.code;
    return typeof code === 'string' ? Object.assign(error, { code }) : error;
  }
}

function prepare(db: Database.Database) {
  return {
    read: db.prepare('SELECT key, value, etag FROM bot_state WHERE key = ?'),
    upsert: db.prepare(`
      INSERT INTO bot_state (key, value, etag, updated_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = excluded.etag, updated_at = excluded.updated_at
    `),
    updateIfMatch: db.prepare('UPDATE bot_state SET value = ?, etag = ?, updated_at = ? WHERE key = ? AND etag = ?'),
    delete: db.prepare('DELETE FROM bot_state WHERE key = ?'),
    // The range test lets SQLite start from the primary-key index; substr() makes the match exact.
    deleteByPrefix: db.prepare('DELETE FROM bot_state WHERE key >= :prefix AND substr(key, 1, length(:prefix)) = :prefix'),
    purge: db.prepare('DELETE FROM bot_state WHERE updated_at < ?'),
    ping: db.prepare('SELECT 1'),
  };
}

function newETag(): string {
  return randomUUID();
}
