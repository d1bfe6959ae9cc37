// yaml's parse(), answered from the parsed-YAML cache when the same text parsed cleanly before: a drop-in for
// loaders that read YAML at start-up.
import { parse, parseDocument } from 'yaml';
import { type ParsedYamlCache, sharedParsedYamlCache } from './parsedYamlCache.js';

const PARSED_AS = 'parse()';

/** Returns what parse(text) returns, and throws what it throws; `cache` null to always parse. */
export function recallOrParseYaml(text: string, cache: ParsedYamlCache | null = sharedParsedYamlCache()): unknown {
  const cached = cache?.recall(text, PARSED_AS);
  if (cached) return cached.value;
  const document = parseDocument(text);
  // Left to parse() itself, so errors are thrown and warnings printed exactly as before, and on every start.
  if (document.errors.length > 0 || document.warnings.length > 0) return parse(text);
  const value: unknown = document.toJS();
  cache?.remember(text, PARSED_AS, value);
  return value;
}
