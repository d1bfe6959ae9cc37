// Reads one YAML content file and checks it against a zod schema, failing with the file, the fields and the fix.
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { type ParsedYamlCache, sharedParsedYamlCache } from './parsedYamlCache.js';
import { recallOrParseYaml } from './recallOrParseYaml.js';

/**
 * `where` names the caller in the message ("loadNormalisationRules()"); `hint` adds advice for that file's own
 * syntax traps (e.g. quoting patterns that start with @). `cache` skips parsing text that parsed cleanly before
 * (null to always parse); the schema check runs every time.
 */
export function loadYamlFile<T>(file: string, schema: z.ZodType<T>, where: string, hint = '', cache: ParsedYamlCache | null = sharedParsedYamlCache()): T {
  let raw: unknown;
  try {
    raw = recallOrParseYaml(readFileSync(file, 'utf8'), cache);
  } catch (error) {
    throw new Error(`${where}: cannot read ${file} because ${(error as Error).message.split('\n')[0]}. Check the file exists and is valid YAML${hint ? ` (${hint})` : ''}.`);
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const fields = result.error.issues.map((issue) => `${issue.path.join('.') || '(top level)'}: ${issue.message}`).join('; ');
    throw new Error(`${where}: ${file} has the wrong shape because ${fields}. Fix those fields.`);
  }
  return result.data;
}
