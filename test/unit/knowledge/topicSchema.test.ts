// The topic front matter schema: a complete topic passes, and each field's limit fails at its edge.
import { describe, expect, it } from 'vitest';
import { createTopicFrontMatterSchema, MAX_SUMMARY_CHARS, MIN_EXAMPLES } from '../../../src/knowledge/topicSchema.js';
import { validate } from '../../../src/knowledge/zodProblems.js';

const schema = createTopicFrontMatterSchema({ today: '2026-11-23' });

function topic(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'what-is-sen-support',
    title: 'What SEN support is',
    summary: 'SEN support is extra help at school. The school plans it with you.',
    audiences: ['parent', 'staff'],
    sources: [{ label: 'SEND Code of Practice 6.44', url: 'https://www.gov.uk/government/publications/send-code-of-practice-0-to-25' }],
    examples: Array.from({ length: MIN_EXAMPLES }, (_, i) => `question number ${i}`),
    related: ['senco'],
    lastReviewed: '2026-11-23',
    ...overrides,
  };
}

function fieldsWithProblems(data: unknown): string[] {
  return validate(schema, data, 'topics/x.md', 'topic-schema').problems.map((p) => p.field);
}

describe('topic front matter schema', () => {
  it('accepts a complete topic, with or without a staff version, and defaults related to []', () => {
    expect(fieldsWithProblems(topic())).toEqual([]);
    expect(fieldsWithProblems(topic({ staff: { summary: 'For staff.', body: 'Tell the family.' } }))).toEqual([]);
    const { related: _related, ...withoutRelated } = topic();
    expect(schema.parse(withoutRelated).related).toEqual([]);
  });

  it('allows a summary of exactly 300 characters and refuses 301', () => {
    const exactly = `${'a'.repeat(MAX_SUMMARY_CHARS - 1)}.`;
    expect(fieldsWithProblems(topic({ summary: exactly }))).toEqual([]);
    expect(fieldsWithProblems(topic({ summary: `a${exactly}` }))).toEqual(['summary']);
  });

  it('allows two summary sentences and refuses three', () => {
    expect(fieldsWithProblems(topic({ summary: 'One. Two.' }))).toEqual([]);
    expect(fieldsWithProblems(topic({ summary: 'One. Two. Three.' }))).toEqual(['summary']);
  });

  it('needs at least 12 examples', () => {
    expect(fieldsWithProblems(topic({ examples: Array.from({ length: MIN_EXAMPLES - 1 }, (_, i) => `q ${i}`) }))).toEqual(['examples']);
  });

  it('refuses an empty example', () => {
    const examples = Array.from({ length: MIN_EXAMPLES }, (_, i) => (i === 3 ? '  ' : `q ${i}`));
    expect(fieldsWithProblems(topic({ examples }))).toEqual(['examples.3']);
  });

  it('needs audiences from parent and staff only, each once, at least one', () => {
    expect(fieldsWithProblems(topic({ audiences: ['staff'] }))).toEqual([]);
    expect(fieldsWithProblems(topic({ audiences: ['teacher'] }))).toEqual(['audiences.0']);
    expect(fieldsWithProblems(topic({ audiences: [] }))).toEqual(['audiences']);
    expect(fieldsWithProblems(topic({ audiences: ['parent', 'parent'] }))).toEqual(['audiences']);
  });

  it('needs each source to have a label and an https address', () => {
    expect(fieldsWithProblems(topic({ sources: [] }))).toEqual(['sources']);
    expect(fieldsWithProblems(topic({ sources: [{ label: 'Code', url: 'www.gov.uk' }] }))).toEqual(['sources.0.url']);
    expect(fieldsWithProblems(topic({ sources: [{ label: 'Code', url: 'http://www.gov.uk' }] }))).toEqual(['sources.0.url']);
    expect(fieldsWithProblems(topic({ sources: [{ url: 'https://www.gov.uk' }] }))).toEqual(['sources.0.label']);
  });

  it('needs kebab-case ids in id and related', () => {
    expect(fieldsWithProblems(topic({ id: 'What_Is' }))).toEqual(['id']);
    expect(fieldsWithProblems(topic({ related: ['ok-id', 'Not OK'] }))).toEqual(['related.1']);
  });

  it('takes today as the latest review date and refuses tomorrow or an impossible date', () => {
    expect(fieldsWithProblems(topic({ lastReviewed: '2026-11-23' }))).toEqual([]);
    expect(fieldsWithProblems(topic({ lastReviewed: '2026-11-24' }))).toEqual(['lastReviewed']);
    expect(fieldsWithProblems(topic({ lastReviewed: '2026-02-29' }))).toEqual(['lastReviewed']);
    expect(fieldsWithProblems(topic({ lastReviewed: '23/11/2026' }))).toEqual(['lastReviewed']);
  });

  it('names unknown fields and missing ones', () => {
    const { title: _title, ...withoutTitle } = topic();
    const problems = validate(schema, { ...withoutTitle, tittle: 'x' }, 'topics/x.md', 'topic-schema').problems;
    expect(problems.map((p) => [p.field, p.message])).toEqual(
      expect.arrayContaining([
        ['title', 'is missing'],
        ['tittle', 'is not a field this file can have'],
      ]),
    );
  });

  it('needs both parts of a staff version', () => {
    expect(fieldsWithProblems(topic({ staff: { summary: 'For staff.' } }))).toEqual(['staff.body']);
  });
});
