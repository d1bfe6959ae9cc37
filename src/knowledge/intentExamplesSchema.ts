// The zod schema for content/intents/<intent>.yaml: one control intent (greeting, thanks, none, ...) and its training examples.
import { z } from 'zod';
import { kebabId, nonEmptyText } from './fieldSchemas.js';

export const INTENT_FILE_FIELDS = ['intent', 'examples'] as const;

export const intentExamplesSchema = z.strictObject({
  intent: kebabId,
  examples: z
    .array(nonEmptyText('a message as someone might send it'), { error: 'must be a list of messages' })
    .min(1, { error: 'is empty. Add the ways people say this, one per line starting "- "' }),
});

export type IntentExamplesFile = z.output<typeof intentExamplesSchema>;
