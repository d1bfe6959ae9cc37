import { describe, expect, it } from 'vitest';
import { createNormaliser, loadNormalisationRules, NormalisationRulesSchema } from '../../../src/language/normaliseText.js';

const normalise = createNormaliser(loadNormalisationRules());

describe('normaliseText', () => {
  it.each([
    ['My son\u2019s SENDCo said NO!', 'my son senco said no'],
    ['What is an EHC plan?', 'what is an ehcp'],
    ['education, health and care plan', 'ehcp'],
    ['echp timescale', 'ehcp timescales'],
    ['Statutory assessment', 'ehcna'],
    ['his behavior at school', 'his behaviour at school'],
    ['we got no dx', 'we got no diagnosis'],
    ['the special educational needs co-ordinator', 'the senco'],
    ['speech and language therapy referral', 'salt referral'],
    ['i recieved the assesment', 'i received the assessment'],
  ])('normalises %j to %j', (input, expected) => {
    expect(normalise(input)).toBe(expected);
  });

  it('expands capitalised acronyms that are also ordinary words only when written in capitals', () => {
    expect(normalise('Does the TA help him?')).toBe('does the teaching assistant help him');
    expect(normalise('ta very much')).toBe('ta very much');
    expect(normalise('What is SEND support')).toBe('what is sen support');
    expect(normalise('where do I send the letter')).toBe('where do i send the letter');
    expect(normalise('an EP came in')).toBe('an ep came in');
    expect(normalise('the LA refused')).toBe('the la refused');
  });

  it('keeps dates and fractions as single tokens', () => {
    expect(normalise('sent on 3/4/2026')).toBe('sent on 3/4/2026');
  });

  it('returns an empty string for punctuation only', () => {
    expect(normalise(' ?!... ')).toBe('');
  });
});

describe('content/language/normalisation.yaml', () => {
  const rules = loadNormalisationRules();

  it('has the shape the normaliser expects', () => {
    expect(NormalisationRulesSchema.safeParse(rules).success).toBe(true);
  });

  it('never lists one variant under two different acronyms', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const acronym of rules.acronyms) {
      for (const variant of acronym.variants.map((v) => v.toLowerCase())) {
        const previous = owner.get(variant);
        if (previous !== undefined && previous !== acronym.term) clashes.push(`${variant}: ${previous} / ${acronym.term}`);
        owner.set(variant, acronym.term);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('never maps a word to itself or chains one word fix into another', () => {
    const problems = Object.entries(rules.words).filter(([from, to]) => from === to || (to in rules.words && rules.words[to] !== to));
    expect(problems).toEqual([]);
  });
});
