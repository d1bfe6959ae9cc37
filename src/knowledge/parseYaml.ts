// Parses YAML text, reporting a syntax error with its line number and a plain description.
import { parseDocument } from 'yaml';
import type { ContentProblem } from './contentProblem.js';

/**
 * `lineOffset` is added to reported line numbers, for YAML that starts part-way into a file (front matter).
 * Only the first syntax error is reported: after it the parser is guessing, and later "errors" are mostly echoes.
 */
export function parseYaml(text: string, file: string, lineOffset = 0): { data?: unknown; problems: ContentProblem[] } {
  const doc = parseDocument(text, { prettyErrors: true });
  const error = doc.errors[0];
  if (!error) return { data: doc.toJS(), problems: [] };
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
