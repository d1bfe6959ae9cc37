// The TF-IDF vectors both classifiers read: checked against a plain re-statement of the definition, feature by feature.
import { describe, expect, it } from 'vitest';
import { countFeatures, DEFAULT_FEATURE_OPTIONS, fitTfIdf, restoreTfIdf, type SparseVector, type TfIdfState } from '../../../src/language/textFeatures.js';

const TRAINING = [
  'what does a senco do',
  'how do i ask for an ehc needs assessment',
  'the council refused to assess my son',
  'what happens at a review meeting',
  'my daughter needs more help at school',
  'can the school refuse sen support',
  'how long does the council have to decide',
  'who is the senco at my childs school',
  'what is the graduated approach assess plan do review',
  'the school said we need a diagnosis first',
];

const UNSEEN = [
  'senco',
  'assesment for my sons needs',
  'zzz qqq',
  '',
  'the the the the school school',
  'ehcp ehc plan education health and care',
  'a b c d e f g h i j k l m n o p q r s t u v w x y z 0 1 2 3 4 5 6 7 8 9',
];

/** The definition, written out with Maps: sublinear TF times IDF, each block to its weight, then length 1. */
function expectedVector(state: TfIdfState, text: string): Map<number, number> {
  const { words, charKeys, charCounts } = countFeatures(text, state.options);
  const weight = (count: number, i: number) => (1 + Math.log(count)) * (state.idf[i] as number);
  const wordBlock = new Map<number, number>();
  for (const [key, count] of words) {
    const i = state.words.get(key);
    if (i !== undefined) wordBlock.set(i, weight(count, i));
  }
  const charBlock = new Map<number, number>();
  charKeys.forEach((key, k) => {
    const i = state.charGrams.get(key);
    if (i !== undefined) charBlock.set(i, weight(charCounts[k] as number, i));
  });
  const scaled = new Map<number, number>();
  for (const [block, blockWeight] of [
    [wordBlock, state.options.wordWeight],
    [charBlock, state.options.charWeight],
  ] as const) {
    const length = Math.sqrt([...block.values()].reduce((sum, v) => sum + v * v, 0));
    for (const [i, v] of block) scaled.set(i, length > 0 ? (v * blockWeight) / length : 0);
  }
  const length = Math.sqrt([...scaled.values()].reduce((sum, v) => sum + v * v, 0));
  return new Map([...scaled].map(([i, v]) => [i, length > 0 ? v / length : 0]));
}

function asMap(vector: SparseVector): Map<number, number> {
  return new Map(Array.from(vector.indices, (i, k) => [i, vector.values[k] as number]));
}

describe('TF-IDF vectors', () => {
  const fitted = fitTfIdf(TRAINING, { ...DEFAULT_FEATURE_OPTIONS, minDf: 1 });

  it('give every kept word, bigram and character gram of a text its weight, and nothing else', () => {
    for (const text of [...TRAINING, ...UNSEEN]) {
      const actual = asMap(fitted.vectorise(text));
      const expected = expectedVector(fitted.state, text);
      expect([...actual.keys()].sort((a, b) => a - b), text).toEqual([...expected.keys()].sort((a, b) => a - b));
      for (const [i, v] of expected) expect(actual.get(i), `${text}: feature ${i}`).toBeCloseTo(v, 12);
    }
  });

  it('keep indices ascending and give a text with any known feature length 1', () => {
    for (const text of [...TRAINING, ...UNSEEN]) {
      const { indices, values } = fitted.vectorise(text);
      for (let k = 1; k < indices.length; k++) expect(indices[k]).toBeGreaterThan(indices[k - 1] as number);
      const length = Math.sqrt(values.reduce((sum, v) => sum + v * v, 0));
      if (indices.length > 0) expect(length).toBeCloseTo(1, 12);
    }
    expect(fitted.vectorise('zzz qqq').indices.length).toBe(0);
  });

  it('counts raw occurrences on the same features, unweighted', () => {
    const counts = asMap(fitted.counts('the the the the school school'));
    const the = fitted.state.words.get('the');
    const school = fitted.state.words.get('school');
    expect(the).toBeDefined();
    expect(counts.get(the as number)).toBe(4);
    expect(counts.get(school as number)).toBe(2);
  });

  it('gives exactly the same vectors once restored from its saved state', () => {
    const restored = restoreTfIdf(fitted.state);
    for (const text of [...TRAINING, ...UNSEEN]) expect(restored.vectorise(text)).toEqual(fitted.vectorise(text));
  });

  it('gives the training texts the vectors it gives them afterwards', () => {
    const vectors = fitted.trainingVectors();
    TRAINING.forEach((text, i) => expect(vectors[i]).toEqual(fitted.vectorise(text)));
  });
});
