// The on-disk form of a trained model: what is written comes back exactly, and anything damaged is refused.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SOFTMAX_OPTIONS, fitSoftmaxRegression, softmaxRegressionModel } from '../../../../src/language/classifiers/softmaxRegression.js';
import { decodeTrainedModel, encodeTrainedModel } from '../../../../src/language/classifiers/trainedModelFile.js';
import { fitTfIdf, restoreTfIdf } from '../../../../src/language/textFeatures.js';

const KEY = 'a'.repeat(64);
const texts = ['who is the senco', 'who is the senco at school', 'what is an ehc plan', 'how do i ask for an ehc plan', 'hello there', 'hello', 'what is the weather', 'is it raining'];
const data = { texts, labels: [0, 0, 1, 1, 2, 2, 3, 3], classes: ['senco', 'ehc-plan', 'greeting', 'none'] };
const options = { ...DEFAULT_SOFTMAX_OPTIONS, features: { ...DEFAULT_SOFTMAX_OPTIONS.features, minDf: 1 } };
const probes = [...texts, 'senco please', 'ehc', 'unseen words only', ''];

describe('restoreTfIdf', () => {
  it('gives exactly the vectors of the vectoriser whose state it was given', () => {
    const fitted = fitTfIdf(texts, options.features);
    const restored = restoreTfIdf(fitted.state);
    for (const text of probes) {
      expect(restored.vectorise(text)).toEqual(fitted.vectorise(text));
      expect(restored.counts(text)).toEqual(fitted.counts(text));
    }
  });
});

describe('encodeTrainedModel and decodeTrainedModel', () => {
  const parameters = fitSoftmaxRegression(data, 7, options);
  const file = encodeTrainedModel(KEY, parameters);

  it('give back the same key, vocabulary, weights and scores', () => {
    const decoded = decodeTrainedModel(file, options.features);
    expect(decoded?.key).toBe(KEY);
    expect(decoded?.parameters).toEqual(parameters);
    const original = softmaxRegressionModel(parameters);
    const restored = softmaxRegressionModel(decoded!.parameters);
    for (const text of probes) expect([...restored.scores(text)]).toEqual([...original.scores(text)]);
  });

  it('reads a file whose bytes do not start on an aligned address', () => {
    const shifted = new Uint8Array(file.length + 3);
    shifted.set(file, 3);
    expect(decodeTrainedModel(shifted.subarray(3), options.features)?.parameters).toEqual(parameters);
  });

  it('refuses a truncated file, at every length', () => {
    for (let length = 0; length < file.length; length += 7) expect(decodeTrainedModel(file.subarray(0, length), options.features)).toBeUndefined();
    expect(decodeTrainedModel(file.subarray(0, file.length - 1), options.features)).toBeUndefined();
  });

  it('refuses a file with any one byte changed, header or arrays', () => {
    for (const at of [0, 9, 41, 60, Math.floor(file.length / 2), file.length - 1]) {
      const damaged = Buffer.from(file);
      damaged[at] = (damaged[at] as number) ^ 0x40;
      expect(decodeTrainedModel(damaged, options.features), `byte ${at}`).toBeUndefined();
    }
  });

  it('refuses a file with bytes added at the end, or that is not a model at all', () => {
    expect(decodeTrainedModel(Buffer.concat([file, Buffer.alloc(8)]), options.features)).toBeUndefined();
    expect(decodeTrainedModel(Buffer.from('{"not": "a model"}'), options.features)).toBeUndefined();
  });
});
