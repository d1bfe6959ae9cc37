// Reads one topic file's text into a Topic, or reports why it cannot: front matter, schema, and id against file name.
import path from 'node:path';
import type { ContentProblem } from './contentProblem.js';
import { splitFrontMatter } from './frontMatter.js';
import { parseYaml } from './parseYaml.js';
import { KEBAB_CASE } from './fieldSchemas.js';
import { createTopicFrontMatterSchema } from './topicSchema.js';
import type { Topic } from './types.js';
import { validate } from './zodProblems.js';

export const TOPIC_FIELDS = ['id', 'title', 'summary', 'audiences', 'sources', 'examples', 'related', 'lastReviewed', 'staff'] as const;

type TopicSchema = ReturnType<typeof createTopicFrontMatterSchema>;

/** `schema` lets a caller build the schema once for many files; zod compiles each schema on first use. */
export function parseTopicFile(file: string, text: string, options: { today?: string; schema?: TopicSchema } = {}): { topic?: Topic; problems: ContentProblem[] } {
  const split = splitFrontMatter(text);
  if (!split.ok) return { problems: [{ file, field: '(file)', message: split.message, fix: split.fix, rule: 'front-matter' }] };

  const yaml = parseYaml(split.yaml, file, 1);
  if (yaml.problems.length > 0) return { problems: yaml.problems };
  if (yaml.data === null || typeof yaml.data !== 'object' || Array.isArray(yaml.data)) {
    return { problems: [{ file, field: '(file)', message: 'front matter is not a set of fields', fix: 'Write one "field: value" per line between the --- lines', rule: 'front-matter' }] };
  }

  const problems: ContentProblem[] = [];
  const checked = validate(options.schema ?? createTopicFrontMatterSchema(options), yaml.data, file, 'topic-schema', TOPIC_FIELDS);
  problems.push(...checked.problems);

  const expectedId = path.basename(file, '.md');
  const declaredId = (yaml.data as Record<string, unknown>).id;
  if (typeof declaredId === 'string' && declaredId !== expectedId) {
    problems.push({
      file,
      field: 'id',
      message: `is "${declaredId}" but the file is named ${expectedId}.md`,
      fix: KEBAB_CASE.test(declaredId)
        ? `Make them match: rename the file to ${declaredId}.md or set id: ${expectedId}`
        : `Set id: ${expectedId}`,
      rule: 'id-matches-file',
    });
  }
  if (split.body === '') {
    problems.push({ file, field: 'body', message: 'is empty', fix: 'Write the answer for parents in markdown after the closing --- line', rule: 'topic-schema' });
  }
  if (!checked.data || problems.length > 0) return { problems };

  const { staff, ...front } = checked.data;
  const topic: Topic = { ...front, body: split.body, file, ...(staff ? { staff } : {}) };
  return { topic, problems };
}
