// Joins plain browser script files into one served script, inside one function scope so nothing leaks into globals.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectPath } from '../../projectRoot.js';

export const STATIC_DIR = projectPath('src', 'server', 'static');

/**
 * Why join rather than load several files: the widget runs on a council's page, where every extra global or request
 * is a chance to collide with their scripts; and the chat page and the widget share one quick-exit key counter.
 */
export function browserScript(files: readonly string[], prelude = ''): string {
  const parts = files.map((file) => {
    const full = path.join(STATIC_DIR, file);
    try {
      return readFileSync(full, 'utf8');
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new Error(`browserScript(): cannot read ${full} because ${why}. Restore the file from the repository.`);
    }
  });
  return `(function () {\n'use strict';\n${prelude}${parts.join('\n')}\n})();\n`;
}
