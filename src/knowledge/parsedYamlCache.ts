// Remembers what each YAML text parsed to, so a restart with unchanged content skips the YAML parser (most of the
// time loading content took). Keyed by a hash of the text, how it was parsed and the yaml package's version; kept as
// one JSON file rewritten whole. Only the parsing is skipped: every caller still validates what it gets.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { startupCacheDirectory } from '../startupCache/startupCacheDirectory.js';
import { writeFileAtomically } from '../startupCache/writeFileAtomically.js';

export const PARSED_YAML_FILE = 'parsed-yaml.json';
/** Bump when the file's layout changes, so an old file is ignored rather than misread. */
const FORMAT = 1;
/** Texts no run has used for this long (edited content, old test fixtures) are dropped when the file is rewritten. */
export const UNUSED_ENTRY_DAYS = 30;
/** Beyond this much stored JSON, the least recently used entries are dropped too (the content takes about 0.3 MB). */
export const MAX_STORED_CHARACTERS = 16_000_000;

export interface ParsedYamlCache {
  /** What `text` parsed to when parsed the way `parsedAs` names, as a fresh copy; undefined when not cached. */
  recall(text: string, parsedAs: string): { value: unknown } | undefined;
  /**
   * Keeps `value` as what `text` parses to, if it comes back from JSON unchanged (no Infinity, NaN, -0 or odd
   * prototypes). Written to disk on the next turn of the event loop, once for a whole batch of files.
   */
  remember(text: string, parsedAs: string, value: unknown): void;
  /** Writes what was remembered now; never throws (a read-only install just parses on every start). */
  flush(): void;
}

interface Entry {
  /** Milliseconds since 1970 of the last run that wrote the file having used this entry. */
  used: number;
  /** The parsed value as JSON (parsed again for each recall, so callers never share one object). */
  json: string;
}

export function parsedYamlCache(directory: string, now: () => number = Date.now): ParsedYamlCache {
  const file = join(directory, PARSED_YAML_FILE);
  let entries: Map<string, Entry> | undefined;
  const usedThisRun = new Set<string>();
  let unsaved = false;
  let flushScheduled = false;

  const load = (): Map<string, Entry> => {
    entries ??= readEntries(file);
    return entries;
  };
  const flush = () => {
    flushScheduled = false;
    if (!unsaved) return;
    unsaved = false;
    try {
      writeFileAtomically(file, JSON.stringify({ format: FORMAT, entries: Object.fromEntries(entriesToKeep(load(), usedThisRun, now())) }));
    } catch {
      // Caching is only a speed-up: an unwritable folder must not stop the bot.
    }
  };

  return {
    recall(text, parsedAs) {
      const key = keyOf(text, parsedAs);
      const entry = load().get(key);
      if (!entry) return undefined;
      try {
        const value: unknown = JSON.parse(entry.json);
        usedThisRun.add(key);
        return { value };
      } catch {
        load().delete(key);
        return undefined;
      }
    },
    remember(text, parsedAs, value) {
      const json = losslessJson(value);
      if (json === undefined) return;
      const key = keyOf(text, parsedAs);
      load().set(key, { used: now(), json });
      usedThisRun.add(key);
      unsaved = true;
      if (!flushScheduled) {
        flushScheduled = true;
        setImmediate(flush);
      }
    },
    flush,
  };
}

let shared: ParsedYamlCache | undefined;

/** The one cache in this project's cache folder that every loader shares, so the file is read and written once. */
export function sharedParsedYamlCache(): ParsedYamlCache {
  shared ??= parsedYamlCache(startupCacheDirectory());
  return shared;
}

/** `value` as JSON, or undefined when JSON would change it or cannot hold it: Infinity, NaN, -0, odd prototypes, cycles. */
function losslessJson(value: unknown): string | undefined {
  try {
    const json = JSON.stringify(value) as string | undefined;
    return json !== undefined && isDeepStrictEqual(JSON.parse(json), value) ? json : undefined;
  } catch {
    return undefined;
  }
}

// A new yaml release may parse some text differently, so its version is part of every key.
const YAML_VERSION = (() => {
  try {
    return String((createRequire(import.meta.url)('yaml/package.json') as { version?: unknown }).version);
  } catch {
    return 'unknown';
  }
})();

function keyOf(text: string, parsedAs: string): string {
  return createHash('sha256').update(`${FORMAT}\n${YAML_VERSION}\n${parsedAs}\n`).update(text).digest('hex');
}

/** The stored entries; empty when the file is missing, unreadable, truncated or not in this format. */
function readEntries(file: string): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { format?: unknown; entries?: unknown } | null;
    if (stored?.format !== FORMAT || typeof stored.entries !== 'object' || stored.entries === null) return entries;
    for (const [key, entry] of Object.entries(stored.entries as Record<string, unknown>)) {
      const { used, json } = (entry ?? {}) as Partial<Entry>;
      if (typeof used === 'number' && typeof json === 'string') entries.set(key, { used, json });
    }
  } catch {
    // Parsed again and rewritten: a bad cache file costs one slower start, never a failed one.
  }
  return entries;
}

/**
 * Everything this run used, then other entries most recently used first while they are recent enough and fit:
 * entries another kind of run relies on (the bot, the content check, the tests) survive each other's writes.
 */
function entriesToKeep(entries: Map<string, Entry>, usedThisRun: Set<string>, now: number): Array<[string, Entry]> {
  const kept: Array<[string, Entry]> = [];
  let characters = 0;
  for (const key of usedThisRun) {
    const entry = entries.get(key);
    if (!entry) continue;
    kept.push([key, { used: now, json: entry.json }]);
    characters += entry.json.length;
  }
  const oldest = now - UNUSED_ENTRY_DAYS * 24 * 60 * 60 * 1000;
  const others = [...entries].filter(([key, entry]) => !usedThisRun.has(key) && entry.used >= oldest).sort(([, a], [, b]) => b.used - a.used);
  for (const [key, entry] of others) {
    characters += entry.json.length;
    if (characters > MAX_STORED_CHARACTERS) break;
    kept.push([key, entry]);
  }
  return kept;
}
