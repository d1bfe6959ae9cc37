// Structured JSON logs with levels; the only way the app writes operational output (never message text).
import { createHash } from 'node:crypto';
import { BoundedCache } from '../boundedCache.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export type LogFields = Record<string, string | number | boolean | null | undefined | string[]>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

export type LogSink = (line: string) => void;

/** Every turn logs with its conversation's hash, and a conversation's turns come close together. */
const RECENT_HASHES = new BoundedCache<string>({ maxEntries: 1000, maxKeyChars: 200_000, maxKeyLength: 1000 });

/** Hashes an identifier (user id, conversation id, phone number) so logs can group by it without revealing it. */
export function hashId(id: string | undefined | null): string | undefined {
  if (!id) return undefined;
  return RECENT_HASHES.getOrCompute(id, (key) => createHash('sha256').update(`sen-guide:${key}`).digest('hex').slice(0, 16));
}

export function createLogger(level: LogLevel, sink: LogSink = (line) => process.stdout.write(`${line}\n`), base: LogFields = {}): Logger {
  const write = (at: Exclude<LogLevel, 'silent'>, event: string, fields?: LogFields) => {
    if (ORDER[at] < ORDER[level]) return;
    sink(JSON.stringify({ time: new Date().toISOString(), level: at, event, ...base, ...fields }));
  };
  return {
    debug: (event, fields) => write('debug', event, fields),
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
    child: (fields) => createLogger(level, sink, { ...base, ...fields }),
  };
}
