// The zod schema for content/glossary.yaml: a list of terms, each with what it stands for, its meaning and its topic.
import { z } from 'zod';
import { kebabId, nonEmptyText } from './fieldSchemas.js';

export const GLOSSARY_ENTRY_FIELDS = ['term', 'standsFor', 'meaning', 'topic'] as const;

export const glossaryEntrySchema = z.strictObject({
  term: nonEmptyText('the word or abbreviation, for example "SENCO"'),
  standsFor: nonEmptyText('what the abbreviation stands for').optional(),
  meaning: nonEmptyText('one or two plain sentences saying what the term means'),
  topic: kebabId.optional(),
});

export const glossarySchema = z.array(glossaryEntrySchema, {
  error: 'must be a list of entries, each starting "- term:". See content/README.md',
});
