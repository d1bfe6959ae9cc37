// The zod schema for a topic's front matter: what every content/topics/<id>.md must declare before its markdown body.
import { z } from 'zod';
import { httpsUrl, isoDate, kebabId, nonEmptyText, todayIso } from './fieldSchemas.js';
import { splitSentences } from './readability.js';

export const MIN_EXAMPLES = 12;
export const MAX_SUMMARY_CHARS = 300;

/** A summary is read alone on SMS, so it must be short: one or two sentences, at most 300 characters. */
const summary = nonEmptyText('one or two plain sentences that answer the question alone')
  .refine((text) => text.length <= MAX_SUMMARY_CHARS, {
    error: (issue) => `is ${String(issue.input).length} characters, more than ${MAX_SUMMARY_CHARS}. Shorten it: it is sent alone by SMS`,
  })
  .refine((text) => splitSentences(text).length <= 2, {
    error: (issue) => `has ${splitSentences(String(issue.input)).length} sentences, more than 2. Keep the one or two sentences that answer the question`,
  });

const source = z.strictObject({
  label: nonEmptyText('what a reader sees, for example "SEND Code of Practice 6.44"'),
  url: httpsUrl,
});

const staffVariant = z.strictObject({
  summary,
  body: nonEmptyText('the answer for school staff, in markdown'),
});

export function createTopicFrontMatterSchema(options: { today?: string } = {}) {
  const today = options.today ?? todayIso();
  return z.strictObject({
    id: kebabId,
    title: nonEmptyText('a short title such as "What SEN support is"').refine((t) => t.length <= 100, {
      error: 'is longer than 100 characters. Shorten it: it is shown as a heading and a button',
    }),
    summary,
    audiences: z
      .array(z.enum(['parent', 'staff'], { error: 'must be parent or staff' }), { error: 'must be a list, for example [parent, staff]' })
      .min(1, { error: 'is empty. List who the topic is for: [parent], [staff] or [parent, staff]' })
      .refine((list) => new Set(list).size === list.length, { error: 'lists the same audience twice. List each once' }),
    sources: z
      .array(source, { error: 'must be a list of {label, url}' })
      .min(1, { error: 'is empty. Add at least one source: the Code of Practice paragraph or law section the facts come from' }),
    examples: z
      .array(nonEmptyText('a question as a parent might ask it'), { error: 'must be a list of questions' })
      .min(MIN_EXAMPLES, {
        error: (issue) =>
          `has ${Array.isArray(issue.input) ? issue.input.length : 0} questions, fewer than ${MIN_EXAMPLES}. Add more ways a parent might ask, as real parents write them`,
      }),
    related: z.array(kebabId, { error: 'must be a list of topic ids, for example [senco, graduated-approach]' }).default([]),
    lastReviewed: isoDate(today),
    staff: staffVariant.optional(),
  });
}

export type TopicFrontMatter = z.output<ReturnType<typeof createTopicFrontMatterSchema>>;
export const topicFrontMatterSchema = createTopicFrontMatterSchema();
