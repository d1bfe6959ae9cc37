// The trained-model cache: a restored model scores exactly as a trained one, any change to the inputs is a miss,
// and a damaged or unwritable cache only ever costs a training run.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TrainingSet } from '../../../../src/language/classifiers/scoringModel.js';
import { DEFAULT_SOFTMAX_OPTIONS, type SoftmaxRegressionOptions, trainSoftmaxRegression } from '../../../../src/language/classifiers/softmaxRegression.js';
import { trainedModelCache, trainedModelKey } from '../../../../src/language/classifiers/trainedModelCache.js';
import { decodeTrainedModel } from '../../../../src/language/classifiers/trainedModelFile.js';
import { buildTrainingSet, DEFAULT_INTENT_OPTIONS, defaultTrainer } from '../../../../src/language/intentClassifier.js';
import { createNormaliser, loadNormalisationRules } from '../../../../src/language/normaliseText.js';
import { readTrainingExamples } from '../../../../src/language/readTrainingExamples.js';
import { loadSafeguardingExamples, trainSafeguardingModel } from '../../../../src/language/safeguardingModel.js';
import { shuffleInPlace } from '../../../../src/language/seededRandom.js';

// Training shuffles the examples once an epoch and nothing else calls the shuffle, so counting shuffles counts
// training runs without touching the code under test.
vi.mock('../../../../src/language/seededRandom.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../../src/language/seededRandom.js')>();
  return { ...actual, shuffleInPlace: vi.fn(actual.shuffleInPlace) };
});
const shuffles = vi.mocked(shuffleInPlace);

// The default cache (the one the bot's own training calls use) points at a temporary folder for this file.
const temporary = mkdtempSync(path.join(tmpdir(), 'trained-model-cache-'));
const defaultCacheDirectory = path.join(temporary, 'default');
vi.mock('../../../../src/startupCache/startupCacheDirectory.js', () => ({ startupCacheDirectory: () => defaultCacheDirectory }));

afterAll(() => {
  chmodSync(temporary, 0o700);
  rmSync(temporary, { recursive: true, force: true });
});

const CONTENT_DIR = fileURLToPath(new URL('../../../../content', import.meta.url));
const HELD_OUT = fileURLToPath(new URL('../../../eval/nlu-test.jsonl', import.meta.url));
const heldOut = readFileSync(HELD_OUT, 'utf8')
  .split('\n')
  .filter((line) => line.trim().length > 0)
  .map((line) => (JSON.parse(line) as { text: string }).text);

const small: TrainingSet = {
  texts: ['who is the senco', 'who is the senco at school', 'what is an ehc plan', 'how do i ask for an ehc plan', 'hello there', 'hello', 'what is the weather', 'is it the weather'],
  labels: [0, 0, 1, 1, 2, 2, 3, 3],
  classes: ['senco', 'ehc-plan', 'greeting', 'none'],
};
const options: SoftmaxRegressionOptions = DEFAULT_SOFTMAX_OPTIONS;
const probes = [...small.texts, 'senco please', 'unseen words only'];

let folders = 0;
function freshFolder(): string {
  const folder = path.join(temporary, `cache-${++folders}`);
  mkdirSync(folder);
  return folder;
}

function modelFiles(folder: string): string[] {
  return readdirSync(folder).filter((name) => name.endsWith('.bin'));
}

/** Trains the small set through `cache` and says whether it really trained (rather than loading). */
function trainSmall(folder: string, seed = 1, data = small) {
  shuffles.mockClear();
  const model = trainSoftmaxRegression(data, seed, options, trainedModelCache(folder));
  return { model, trained: shuffles.mock.calls.length > 0 };
}

beforeEach(() => {
  shuffles.mockClear();
});

describe('the real models, restored from the cache', () => {
  const normalise = createNormaliser(loadNormalisationRules(CONTENT_DIR));
  const examples = readTrainingExamples(CONTENT_DIR);

  it('intent classifier: trains once, then loads a model that scores every held-out message identically', () => {
    const data = buildTrainingSet(examples, normalise);
    const trained = defaultTrainer(normalise, CONTENT_DIR).train(data, DEFAULT_INTENT_OPTIONS.seed);
    expect(shuffles).toHaveBeenCalled();
    shuffles.mockClear();
    const restored = defaultTrainer(normalise, CONTENT_DIR).train(data, DEFAULT_INTENT_OPTIONS.seed);
    expect(shuffles).not.toHaveBeenCalled();
    expect(heldOut.length).toBeGreaterThan(200);
    for (const text of heldOut) expect([...restored.scores(normalise(text))], text).toEqual([...trained.scores(normalise(text))]);
  });

  it('safeguarding model: trains once, then loads a model that assesses every held-out message identically', () => {
    const safeguarding = loadSafeguardingExamples(CONTENT_DIR);
    const ordinary = [...examples.values()].flat();
    // Threshold 0: every message gets an assessment, so each risk score is compared, not only the alarms.
    const trained = trainSafeguardingModel(safeguarding, ordinary, normalise, 0);
    expect(shuffles).toHaveBeenCalled();
    shuffles.mockClear();
    const restored = trainSafeguardingModel(safeguarding, ordinary, normalise, 0);
    expect(shuffles).not.toHaveBeenCalled();
    for (const text of heldOut) expect(restored.assess(text), text).toEqual(trained.assess(text));
    expect(modelFiles(defaultCacheDirectory)).toHaveLength(2);
  });
});

describe('trainedModelKey', () => {
  const key = (data: TrainingSet, seed: number, opts: unknown, trainingCode = 'code') => trainedModelKey({ data, seed, options: opts, trainingCode });
  const base = key(small, 1, options);

  it('is the same for the same inputs, whatever order the options were written in', () => {
    const reordered = Object.fromEntries(Object.entries(options).reverse());
    expect(key({ ...small, texts: [...small.texts] }, 1, reordered)).toBe(base);
  });

  it('changes with one training example, a label, the classes, the seed, any option or the training code', () => {
    const changed = [
      key({ ...small, texts: small.texts.map((t, i) => (i === 3 ? `${t}s` : t)) }, 1, options),
      key({ ...small, labels: small.labels.map((l, i) => (i === 0 ? 1 : l)) }, 1, options),
      key({ ...small, classes: [...small.classes.slice(0, 3), 'other'] }, 1, options),
      key(small, 2, options),
      key(small, 1, { ...options, epochs: options.epochs + 1 }),
      key(small, 1, { ...options, classWeightScale: { none: 0.5 } }),
      key(small, 1, { ...options, features: { ...options.features, minDf: 1 } }),
      key(small, 1, { ...options, features: { ...options.features, charNgrams: { min: 3, max: 5 } } }),
      key(small, 1, options, 'edited code'),
    ];
    expect(new Set([base, ...changed]).size).toBe(changed.length + 1);
  });

  it('tells apart texts that only differ in where one ends and the next starts', () => {
    expect(key({ ...small, texts: ['ab', 'c', ...small.texts.slice(2)] }, 1, options)).not.toBe(key({ ...small, texts: ['a', 'bc', ...small.texts.slice(2)] }, 1, options));
  });
});

describe('trainedModelCache', () => {
  it('misses when one training example changes, or the seed', () => {
    const folder = freshFolder();
    expect(trainSmall(folder).trained).toBe(true);
    expect(trainSmall(folder).trained).toBe(false);
    expect(trainSmall(folder, 1, { ...small, texts: small.texts.map((t, i) => (i === 0 ? 'who is the sendco' : t)) }).trained).toBe(true);
    expect(trainSmall(folder, 2).trained).toBe(true);
    expect(modelFiles(folder)).toHaveLength(3);
  });

  it.each([
    ['garbage', (file: string) => writeFileSync(file, 'not a model')],
    ['empty', (file: string) => writeFileSync(file, '')],
    ['truncated', (file: string) => truncateSync(file, Math.floor(readFileSync(file).length / 2))],
    ['one byte changed', (file: string) => {
      const bytes = readFileSync(file);
      bytes[bytes.length - 3] = (bytes[bytes.length - 3] as number) ^ 1;
      writeFileSync(file, bytes);
    }],
  ])('a %s model file falls back to training and is replaced', (_name, damage) => {
    const folder = freshFolder();
    const first = trainSmall(folder);
    const [name] = modelFiles(folder);
    const file = path.join(folder, name as string);
    damage(file);
    const again = trainSmall(folder);
    expect(again.trained).toBe(true);
    for (const text of probes) expect([...again.model.scores(text)]).toEqual([...first.model.scores(text)]);
    expect(decodeTrainedModel(readFileSync(file), options.features)).toBeDefined();
    expect(trainSmall(folder).trained).toBe(false);
  });

  it('a folder that cannot be created still trains, every time, without an error', () => {
    const blocker = path.join(freshFolder(), 'a-file');
    writeFileSync(blocker, '');
    const folder = path.join(blocker, 'cache');
    expect(trainSmall(folder).trained).toBe(true);
    expect(trainSmall(folder).trained).toBe(true);
    expect(existsSync(folder)).toBe(false);
  });

  it('a read-only folder still serves the models it holds, and training a new one does not fail', () => {
    const folder = freshFolder();
    trainSmall(folder);
    chmodSync(folder, 0o555);
    try {
      expect(trainSmall(folder).trained).toBe(false);
      expect(trainSmall(folder, 5).trained).toBe(true);
    } finally {
      chmodSync(folder, 0o755);
    }
  });

  it('keeps the most recently used files and removes older ones and abandoned temporary files', async () => {
    const folder = freshFolder();
    const pause = () => new Promise((resolve) => setTimeout(resolve, 20));
    const abandoned = path.join(folder, `model-${'0'.repeat(64)}.bin.123.abcd.tmp`);
    writeFileSync(abandoned, 'half a model');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(abandoned, twoHoursAgo, twoHoursAgo);
    const keepTwo = (seed: number) => {
      shuffles.mockClear();
      trainSoftmaxRegression(small, seed, options, trainedModelCache(folder, 2));
      return shuffles.mock.calls.length > 0;
    };
    keepTwo(1);
    await pause();
    keepTwo(2);
    await pause();
    expect(keepTwo(1)).toBe(false); // used again: now the most recent
    await pause();
    keepTwo(3);
    expect(modelFiles(folder)).toHaveLength(2);
    expect(existsSync(abandoned)).toBe(false);
    expect(keepTwo(1)).toBe(false);
    expect(keepTwo(2)).toBe(true);
  });
});
