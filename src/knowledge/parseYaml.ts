// Parses YAML text, reporting a syntax error with its line number and a plain description.
import { parseDocument } from 'yaml';
import type { ContentProblem } from './contentProblem.js';
import { type ParsedYamlCache, sharedParsedYamlCache } from './parsedYamlCache.js';

const PARSE_OPTIONS = { prettyErrors: true } as const;
const PARSED_AS = `parseDocument(${JSON.stringify(PARSE_OPTIONS)}).toJS()`;

/**
 * `lineOffset` is added to reported line numbers, for YAML that starts part-way into a file (front matter).
 * Only the first syntax error is reported: after it the parser is guessing, and later "errors" are mostly echoes.
 * Text that parsed cleanly before comes from `cache` (null to always parse); text with an error is never cached.
 */
export function parseYaml(text: string, file: string, lineOffset = 0, cache: ParsedYamlCache | null = sharedParsedYamlCache()): { data?: unknown; problems: ContentProblem[] } {
  const cached = cache?.recall(text, PARSED_AS);
  if (cached) return { data: cached.value, problems: [] };
  const doc = parseDocument(text, PARSE_OPTIONS);
  const error = doc.errors[0];
  if (!error) {
    const data = doc.toJS();
    cache?.remember(text, PARSED_AS, data);
    return { data, problems: [] };
  }
  const line = error.linePos?.[0]?.line;
  const description = (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '');
  return {
    problems: [
      {
        file,
        field: line === undefined ? '(file)' : `line ${line + lineOffset}`,
        message: `is not valid YAML (${description})`,
        fix: 'Check the indentation, the colon after each field name, and put text containing ": " or " #" in quotes',
        rule: 'yaml',
      },
    ],
  };
}
