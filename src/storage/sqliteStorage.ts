// State in one SQLite file under DATA_DIR: the default store, durable across restarts on a single host.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { StoreItems } from 'botbuilder';
import { ETagConflictError } from './eTagConflictError.js';
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

export class SqliteStorage implements StateStore {
  readonly kind = 'sqlite' as const;
  readonly file: string;
  private readonly db: Database.Database;
  private readonly statements: ReturnType<typeof prepare>;
  private readonly writeBatch: (entries: Array<[string, Record<string, unknown>]>) => void;
  private readonly deletePrefixes: (prefixes: string[]) => number;

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

    const { upsert, updateIfMatch, deleteByPrefix } = this.statements;
    // IMMEDIATE takes the write lock before the first check, so no other connection can change a row between our
    // eTag comparison and our update. The batch is all or nothing.
    this.writeBatch = this.db.transaction((entries: Array<[string, Record<string, unknown>]>) => {
      const now = Date.now();
      for (const [key, item] of entries) {
        const { eTag: _ignored, ...value } = item;
        const json = JSON.stringify(value);
        const expected = requiredETag(item);
        if (expected === undefined) {
          upsert.run(key, json, newETag(), now);
        } else if (updateIfMatch.run(json, newETag(), now, key, expected).changes === 0) {
          throw new ETagConflictError(key);
        }
      }
    }).immediate;
    this.deletePrefixes = this.db.transaction((prefixes: string[]) =>
      prefixes.reduce((deleted, prefix) => deleted + deleteByPrefix.run({ prefix }).changes, 0),
    ).immediate;
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

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of checkKeys('SqliteStorage.read()', keys)) {
      const row = this.statements.read.get(key) as Row | undefined;
      if (row) items[key] = { ...(JSON.parse(row.value) as Record<string, unknown>), eTag: row.etag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    this.writeBatch(checkChanges('SqliteStorage.write()', changes));
  }

  async delete(keys: string[]): Promise<void> {
    const checked = checkKeys('SqliteStorage.delete()', keys);
    this.db.transaction(() => checked.forEach((key) => this.statements.delete.run(key)))();
  }

  async purgeUnusedSince(cutoff: Date): Promise<number> {
    return this.statements.purge.run(cutoff.getTime()).changes;
  }

  async deleteByPrefix(prefixes: readonly string[]): Promise<number> {
    return this.deletePrefixes(checkPrefixes('SqliteStorage.deleteByPrefix()', prefixes));
  }

  async ping(): Promise<void> {
    if (!this.db.open) throw new Error(`SqliteStorage.ping(): the state database ${this.file} is closed.`);
    this.statements.ping.get();
  }

  async close(): Promise<void> {
    // Closing checkpoints the write-ahead log into the main file, so a copy of the .sqlite file alone is complete.
    if (this.db.open) this.db.close();
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
