// Turns zod validation issues into content problems an editor can act on, naming the file and the field.
import type { z } from 'zod';
import type { ContentProblem } from './contentProblem.js';

const DEFAULT_FIX = 'Correct it; content/README.md describes every field';

function fieldName(path: ReadonlyArray<PropertyKey>): string {
  return path.length === 0 ? '(file)' : path.map(String).join('.');
}

/** Splits "what is wrong. How to fix" written in one schema message into its two halves. */
function splitMessage(text: string): { message: string; fix: string } {
  const at = text.search(/\.\s+(?=[A-Z])/);
  if (at === -1) return { message: text, fix: DEFAULT_FIX };
  return { message: text.slice(0, at), fix: text.slice(at + 1).trim() };
}

/** Parses with zod and reports every issue as a ContentProblem under the given rule name. */
export function validate<S extends z.ZodType>(
  schema: S,
  data: unknown,
  file: string,
  rule: string,
  knownFields?: readonly string[],
): { data?: z.output<S>; problems: ContentProblem[] } {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return { data: result.data, problems: [] };
  const problems = result.error.issues.flatMap((issue): ContentProblem[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        file,
        field: fieldName([...issue.path, key]),
        message: `is not a field this file can have`,
        fix: knownFields && issue.path.length === 0
          ? `Remove it or correct its spelling; the fields are ${knownFields.join(', ')}`
          : 'Remove it or correct its spelling; content/README.md lists the fields',
        rule,
      }));
    }
    if (issue.code === 'invalid_type' && issue.input === undefined) {
      return [{ file, field: fieldName(issue.path), message: 'is missing', fix: 'Add it; content/README.md describes every field', rule }];
    }
    return [{ file, field: fieldName(issue.path), ...splitMessage(issue.message), rule }];
  });
  return { problems };
}
