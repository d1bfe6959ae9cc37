// Where in our code an error was thrown, for the logs: "src/…/file.ts:line:column", even when running from the bundle.
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm start` runs without node's --enable-source-maps, which reads the bundle's whole source map at start-up (about
 * a tenth of a second). An error is rare, so its position in the bundle is mapped back here, reading the map the
 * first time one is needed.
 */
const maps = new Map<string, SourceMap | null>();

export function codeLocation(error: Error): string | undefined {
  const frame = (error.stack ?? '').split('\n').find((line) => line.trim().startsWith('at '));
  const match = frame?.match(/\(?([^()\s]+):(\d+):(\d+)\)?$/);
  if (!match) return undefined;
  const [, file = '', line = '', column = ''] = match;
  const original = mapped(file, Number(line), Number(column)) ?? `${file}:${line}:${column}`;
  return original.replace(/^.*\/(src|dialogs|node_modules)\//, '$1/');
}

function mapped(file: string, line: number, column: number): string | undefined {
  if (!file.endsWith('.mjs')) return undefined;
  const bundle = file.startsWith('file://') ? fileURLToPath(file) : file;
  // Stack positions count from 1; source maps count from 0.
  const entry = sourceMapOf(bundle)?.findEntry(line - 1, column - 1);
  if (!entry || !('originalSource' in entry) || !entry.originalSource) return undefined;
  const source = entry.originalSource.startsWith('file://') ? fileURLToPath(entry.originalSource) : path.resolve(path.dirname(bundle), entry.originalSource);
  return `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
}

function sourceMapOf(bundle: string): SourceMap | null {
  if (!maps.has(bundle)) {
    try {
      maps.set(bundle, new SourceMap(JSON.parse(readFileSync(`${bundle}.map`, 'utf8'))));
    } catch {
      maps.set(bundle, null);
    }
  }
  return maps.get(bundle) ?? null;
}
