import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../../src/knowledge/loadKnowledge.js';
import { createLanguageUnderstanding, type LanguageUnderstanding } from '../../../src/language/createLanguageUnderstanding.js';

const CONTENT_DIR = fileURLToPath(new URL('../../../content/', import.meta.url));
// Monday 23 November 2026.
const referenceDate = new Date(Date.UTC(2026, 10, 23, 12));

describe('createLanguageUnderstanding', () => {
  let language: LanguageUnderstanding;
  beforeAll(async () => {
    language = createLanguageUnderstanding(await loadKnowledge(CONTENT_DIR));
  });

  it('returns intent, entities and no safeguarding signal for an ordinary question', () => {
    const understanding = language.understand('We asked the council for an EHC needs assessment 7 weeks ago, how long do they have to decide?', referenceDate);
    expect(understanding.text).toContain('7 weeks ago');
    expect(understanding.intent).toBe('ehc-timescales');
    expect(understanding.score).toBeGreaterThan(0);
    expect(understanding.ranked[0]?.intent).toBe('ehc-timescales');
    expect(understanding.entities.dates).toEqual([{ text: '7 weeks ago', date: '2026-10-05' }]);
    expect(understanding.safeguarding).toBeNull();
  });

  it('raises the safeguarding signal whatever the intent', () => {
    const understanding = language.understand('my partner hits me, how do I ask for an EHCP?', referenceDate);
    expect(understanding.safeguarding).toEqual({ category: 'domestic-violence', about: 'adult' });
  });

  it('classifies a message only when its intent is read, once, and safeguarding never waits for that', () => {
    let calls = 0;
    const classify = language.classifier.classify.bind(language.classifier);
    language.classifier.classify = (text) => {
      calls += 1;
      return classify(text);
    };
    try {
      const understanding = language.understand('I think my son is being groomed online, what is an EHCP?', referenceDate);
      expect(understanding.safeguarding?.category).toBe('exploitation');
      expect(calls).toBe(0);
      expect(understanding.intent).not.toBe('');
      expect(understanding.score).toBeGreaterThan(0);
      expect(understanding.ranked[0]?.intent).toBe(understanding.intent);
      expect(calls).toBe(1);
    } finally {
      language.classifier.classify = classify;
    }
  });

  it('says none, with none first in the ranking, for an out-of-scope question', () => {
    const understanding = language.understand('how do I pay my council tax online', referenceDate);
    expect(understanding.intent).toBe('none');
    expect(understanding.ranked[0]?.intent).toBe('none');
  });
});
