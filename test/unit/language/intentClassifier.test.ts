import { describe, expect, it } from 'vitest';
import { softmaxRegressionTrainer } from '../../../src/language/classifiers/softmaxRegression.js';
import { augment } from '../../../src/language/classifiers/augmentedTrainer.js';
import { isTopicIntent, NONE_INTENT, trainIntentClassifier } from '../../../src/language/intentClassifier.js';

const small = new Map<string, string[]>([
  ['ehc-request', ['how do i ask for an ehc needs assessment', 'can i request an assessment myself', 'how do i apply for an ehcp', 'write to the council to ask for an assessment']],
  ['senco', ['who is the senco', 'what does the sendco do', 'how do i contact the senco', 'is the senco a teacher']],
  ['greeting', ['hello', 'hi there', 'good morning', 'hiya']],
  [NONE_INTENT, ['what is the weather like', 'how do i pay council tax', 'when is half term', 'tell me a joke', 'how do i claim dla']],
]);

describe('trainIntentClassifier', () => {
  // The plain model, so these tests are about the decision rule and not about augmentation (tested below); no model
  // cache, so they are about training itself.
  const plain = softmaxRegressionTrainer({}, null);
  const classifier = trainIntentClassifier(small, { trainer: plain, threshold: 0, margin: 0 });

  it('finds the intent of new wording, through typos and acronyms', () => {
    expect(classifier.classify('how can I request an EHC needs assesment?').intent).toBe('ehc-request');
    expect(classifier.classify("what's the SENDCo for").intent).toBe('senco');
    expect(classifier.classify('HELLO!').intent).toBe('greeting');
    expect(classifier.classify('how do I pay my council tax bill').intent).toBe(NONE_INTENT);
  });

  it('ranks every intent, none included, best first, with scores between 0 and 1', () => {
    const { ranked, score, intent } = classifier.classify('who is the senco');
    expect(ranked.map((r) => r.intent).sort()).toEqual([...small.keys()].sort());
    expect(ranked[0]).toEqual({ intent, score });
    for (let i = 1; i < ranked.length; i++) expect(ranked[i]!.score).toBeLessThanOrEqual(ranked[i - 1]!.score);
    expect(ranked.every((r) => r.score >= 0 && r.score <= 1)).toBe(true);
  });

  it('answers none when it is not sure enough', () => {
    const strict = trainIntentClassifier(small, { trainer: plain, threshold: 0.99, margin: 0 });
    const result = strict.classify('school');
    expect(result.intent).toBe(NONE_INTENT);
    expect(result.ranked[0]?.intent).not.toBe(NONE_INTENT);
  });

  it('answers none for an empty message', () => {
    expect(classifier.classify('   ')).toEqual({ intent: NONE_INTENT, score: 1, ranked: [] });
  });

  it('is deterministic: the same data and seed give the same scores', () => {
    const again = trainIntentClassifier(small, { trainer: plain, threshold: 0, margin: 0 });
    for (const text of ['can i ask for an assessment', 'hi', 'who runs sen']) expect(again.classify(text)).toEqual(classifier.classify(text));
  });

  it('explains an empty training set', () => {
    expect(() => trainIntentClassifier(new Map([['senco', []]]))).toThrow(/no training examples/);
  });

  it('can use another model', () => {
    const other = trainIntentClassifier(small, { trainer: softmaxRegressionTrainer({ epochs: 2 }, null), threshold: 0, margin: 0 });
    expect(other.intents).toContain('senco');
  });
});

describe('augment', () => {
  const data = { texts: ['who is the senco', 'hello', 'what is the weather'], labels: [0, 1, 2], classes: ['senco', 'greeting', 'none'] };
  const wrappers = { share: 2, before: ['can someone explain'], after: ['please'] };

  it('adds wrapped copies of topic examples only, keeping their labels', () => {
    const out = augment(data, wrappers, isTopicIntent, 1);
    expect(out.texts.slice(0, 3)).toEqual(data.texts);
    const added = out.texts.slice(3);
    expect(added).toHaveLength(2);
    expect(added.every((t) => t.includes('who is the senco') && t !== 'who is the senco')).toBe(true);
    expect(out.labels.slice(3)).toEqual([0, 0]);
  });

  it('is deterministic for a seed', () => {
    expect(augment(data, { ...wrappers, before: ['a', 'b', 'c'], share: 0.5 }, isTopicIntent, 9)).toEqual(augment(data, { ...wrappers, before: ['a', 'b', 'c'], share: 0.5 }, isTopicIntent, 9));
  });
});

