import { describe, expect, it } from 'vitest';
import { readIntentExamples, readTrainingExamples } from '../../../src/language/readTrainingExamples.js';
import { CONTROL_INTENTS } from '../../../src/language/types.js';
import { DEFAULT_CONTENT_DIR } from '../../../src/language/contentDir.js';
import { join } from 'node:path';

describe('training data for the intent classifier (content/intents, topic examples)', () => {
  const intents = readIntentExamples(join(DEFAULT_CONTENT_DIR, 'intents'));

  it.each([...CONTROL_INTENTS])('%s has at least 40 examples, none repeated', (intent) => {
    const examples = intents.get(intent) ?? [];
    expect(examples.length).toBeGreaterThanOrEqual(40);
    expect(new Set(examples.map((e) => e.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim())).size).toBe(examples.length);
  });

  it('the out-of-scope class "none" has at least 150 examples, none repeated', () => {
    const examples = intents.get('none') ?? [];
    expect(examples.length).toBeGreaterThanOrEqual(150);
    expect(new Set(examples.map((e) => e.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim())).size).toBe(examples.length);
  });

  it('no example is given to two different intents', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const [intent, examples] of readTrainingExamples()) {
      for (const example of examples) {
        const key = example.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
        const previous = owner.get(key);
        if (previous !== undefined && previous !== intent) clashes.push(`"${example}": ${previous} and ${intent}`);
        owner.set(key, intent);
      }
    }
    expect(clashes).toEqual([]);
  });
});
