import { describe, expect, it } from 'vitest';
import { createSafeguardingDetector, detectSafeguarding } from '../../../src/language/detectSafeguarding.js';
import { compileLexicon, compilePattern, loadSafeguardingLexicon, prepareForSafeguarding, SafeguardingLexiconSchema } from '../../../src/language/safeguardingLexicon.js';
import { loadSafeguardingExamples } from '../../../src/language/safeguardingModel.js';
import type { SafeguardingCategory } from '../../../src/language/types.js';

describe('detectSafeguarding: categories and who is at risk', () => {
  const cases: Array<[string, SafeguardingCategory, 'child' | 'adult' | 'unknown']> = [
    ['my daughter has run away and we cannot find her anywhere', 'immediate-danger', 'child'],
    ['he has swallowed a handful of pills', 'immediate-danger', 'child'],
    ['I just want to kill myself', 'suicide', 'adult'],
    ['my son keeps saying he wishes he was dead', 'suicide', 'child'],
    ['she has been cutting her arms', 'self-harm', 'child'],
    ["I've been self-harming again", 'self-harm', 'adult'],
    ['her uncle touched her and she is scared of him', 'abuse', 'child'],
    ['the TA dragged him across the classroom', 'abuse', 'child'],
    ['my partner strangled me last night', 'domestic-violence', 'adult'],
    ['I am frightened of my husband', 'domestic-violence', 'adult'],
    ['someone on snapchat asked my son to send nudes', 'exploitation', 'child'],
    ['a gang is making him sell drugs', 'exploitation', 'child'],
    ['nobody at home looks after them and they are never fed properly', 'neglect', 'child'],
  ];
  it.each(cases)('%j -> %s (%s)', (text, category, about) => {
    expect(detectSafeguarding(text)).toEqual({ category, about });
  });

  it('puts the most urgent category first when several match', () => {
    expect(detectSafeguarding('he has a knife and says he wants to kill himself')?.category).toBe('immediate-danger');
  });
});

describe('detectSafeguarding: ordinary SEN talk is not flagged (policy in content/safeguarding.yaml)', () => {
  it.each([
    "he hits out when he's overwhelmed",
    'she bites and kicks during meltdowns',
    'he hits me when he is overloaded after school',
    "she's anxious about school",
    'he has meltdowns every night',
    "she's being bullied and won't go to school",
    'he is missing a lot of school because of anxiety',
    'his hearing aid went missing at school',
    'he takes his ADHD tablets every morning',
    'he is in danger of being excluded',
    'can we have an emergency annual review',
    'he cannot use a knife and fork yet',
    'the school is neglecting his needs',
    'the council neglected their duty to assess',
    'he has never self harmed but he is very anxious',
    'the wait is killing me',
    "I'm dying to know what the tribunal said",
    'he doesnt want to live with his dad',
    'she got good marks on her spelling test',
  ])('%j', (text) => {
    expect(detectSafeguarding(text)).toBeNull();
  });

  it('still flags bullying when it comes with a risk sign', () => {
    expect(detectSafeguarding('she is being bullied and now she is self harming')?.category).toBe('self-harm');
  });

  it('only ignores a negation right before the risk words', () => {
    expect(detectSafeguarding("I don't know if she is self harming")?.category).toBe('self-harm');
    expect(detectSafeguarding('she has never been suicidal before but last night she said she wants to die')?.category).toBe('suicide');
  });

  it('patterns treat an accident as an accident', () => {
    const patternsOnly = createSafeguardingDetector(loadSafeguardingLexicon());
    expect(patternsOnly('he hurts himself by accident because of his dyspraxia')).toBeNull();
    expect(patternsOnly('he hurts himself when he is upset')?.category).toBe('self-harm');
  });

  it('patterns never reach across two sentences', () => {
    const patternsOnly = createSafeguardingDetector(loadSafeguardingLexicon());
    expect(patternsOnly('My partner came to the meeting. He hits the table when he is cross, like me.')).toBeNull();
    expect(patternsOnly('My partner came to the meeting. He hits me.')).toBeNull();
    expect(patternsOnly('My partner hits me.')).toEqual({ category: 'domestic-violence', about: 'adult' });
  });

  it('the model catches risk the patterns do not list', () => {
    const patternsOnly = createSafeguardingDetector(loadSafeguardingLexicon());
    const text = 'my son keeps running off with men he meets on discord';
    expect(patternsOnly(text)).toBeNull();
    expect(detectSafeguarding(text)).not.toBeNull();
  });
});

describe('content/safeguarding-examples.yaml', () => {
  it('every risk example is flagged, with its category', () => {
    const examples = loadSafeguardingExamples();
    const wrong = Object.entries(examples.risk).flatMap(([category, texts]) =>
      (texts ?? []).filter((text) => detectSafeguarding(text)?.category !== category).map((text) => `${category}: ${text}`),
    );
    expect(wrong).toEqual([]);
  });
});

describe('safeguarding lexicon compiler', () => {
  it('compiles the readable syntax', () => {
    const lists = new Map([['kid', ['my son', 'my daughter']]]);
    const regex = compilePattern('(hurt|hurting) ~ @kid [again] $', lists);
    expect(prepareForSafeguarding('Someone is hurting my son again.').match(regex)?.[0]).toBe('hurting my son again');
    expect(prepareForSafeguarding('hurting the cat and my son').match(regex)?.[0]).toBe('hurting the cat and my son');
    expect(prepareForSafeguarding('hurting my son at school').match(compilePattern('hurt* @kid $', lists))).toBeNull();
    expect(prepareForSafeguarding('suicidal thoughts').match(compilePattern('suicid*', lists))?.[0]).toBe('suicidal');
  });

  it('explains a broken pattern, naming the file and the pattern', () => {
    const data = SafeguardingLexiconSchema.parse({
      about: { adult: ['i'], child: ['he'] },
      categories: { suicide: { patterns: ['want to @nowhere'] } },
    });
    expect(() => compileLexicon(data, 'content/safeguarding.yaml')).toThrow(/content\/safeguarding\.yaml categories\.suicide\.patterns pattern "want to @nowhere".*list @nowhere is not defined/);
    expect(() => compilePattern("can-not stop", new Map())).toThrow(/other than a-z/);
  });

  it('covers every safeguarding category the bot can reply to', () => {
    const lexicon = loadSafeguardingLexicon();
    expect(lexicon.categories.map((c) => c.category).sort()).toEqual(['abuse', 'domestic-violence', 'exploitation', 'immediate-danger', 'neglect', 'self-harm', 'suicide']);
  });

  it('a detector built from other data uses that data', () => {
    const detect = createSafeguardingDetector(
      compileLexicon(SafeguardingLexiconSchema.parse({ about: { adult: ['i'], child: ['he'] }, categories: { neglect: { 'default-about': 'child', patterns: ['no dinner'] } } })),
    );
    expect(detect('there was no dinner again')).toEqual({ category: 'neglect', about: 'child' });
    expect(detect('I want to die')).toBeNull();
  });
});
