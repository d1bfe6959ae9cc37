// Multinomial logistic regression over TF-IDF features, trained by seeded stochastic gradient descent.
import { seededRandom, shuffleInPlace } from '../seededRandom.js';
import { DEFAULT_FEATURE_OPTIONS, type FeatureOptions, fitTfIdf, restoreTfIdf, type SparseVector, TF_IDF_SOURCE, type TfIdfState } from '../textFeatures.js';
import { type ModelTrainer, type ScoringModel, softmaxInPlace, type TrainingSet } from './scoringModel.js';
import { sharedTrainedModelCache, type TrainedModelCache, trainedModelKey } from './trainedModelCache.js';

export interface SoftmaxRegressionOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  /** Weight each class by 1/frequency so the large "none" class does not swamp small topics. */
  balanceClasses: boolean;
  /** Extra multipliers on class weights by class name, e.g. { none: 0.5 } to lean towards answering. */
  classWeightScale: Record<string, number>;
  /** Classes whose gradient for an example is smaller than this are not updated for it (a speed-up). */
  updateThreshold: number;
  features: FeatureOptions;
}

export const DEFAULT_SOFTMAX_OPTIONS: SoftmaxRegressionOptions = {
  epochs: 5,
  learningRate: 5,
  l2: 1e-5,
  balanceClasses: true,
  updateThreshold: 1e-2,
  classWeightScale: {},
  features: { ...DEFAULT_FEATURE_OPTIONS, charNgrams: { min: 3, max: 4 } },
};

/** Everything training learns: with it, a model scores text without its training data (and can be saved). */
export interface SoftmaxRegressionParameters {
  features: TfIdfState;
  /** classCount weights per feature, feature-major. */
  weights: Float32Array;
  /** One per class. */
  bias: Float64Array;
}

/** @param cache where trained models are kept between runs; null to always train */
export function softmaxRegressionTrainer(options: Partial<SoftmaxRegressionOptions> = {}, cache: TrainedModelCache | null = sharedTrainedModelCache()): ModelTrainer {
  const settings = { ...DEFAULT_SOFTMAX_OPTIONS, ...options };
  return {
    name: 'tfidf+softmax-regression',
    train: (data, seed) => trainSoftmaxRegression(data, seed, settings, cache),
  };
}

/**
 * Trains the model, or loads it from `cache` when exactly these inputs were trained on before (training is
 * deterministic, so the loaded model scores every text exactly as a newly trained one would).
 */
export function trainSoftmaxRegression(
  data: TrainingSet,
  seed: number,
  options: SoftmaxRegressionOptions,
  cache: TrainedModelCache | null = sharedTrainedModelCache(),
): ScoringModel {
  if (!cache) return softmaxRegressionModel(fitSoftmaxRegression(data, seed, options));
  const key = trainedModelKey({ data, seed, options, trainingCode: TRAINING_SOURCE });
  let parameters = cache.load(key, options.features);
  if (!parameters) {
    parameters = fitSoftmaxRegression(data, seed, options);
    cache.save(key, parameters);
  }
  return softmaxRegressionModel(parameters);
}

export function softmaxRegressionModel({ features, weights, bias }: SoftmaxRegressionParameters): ScoringModel {
  const vectoriser = restoreTfIdf(features);
  const classCount = bias.length;
  return {
    scores(normalised: string): Float64Array {
      const out = new Float64Array(classCount);
      computeScores(vectoriser.vectorise(normalised), weights, bias, classCount, out);
      return softmaxInPlace(out);
    },
  };
}

export function fitSoftmaxRegression(data: TrainingSet, seed: number, options: SoftmaxRegressionOptions): SoftmaxRegressionParameters {
  const vectoriser = fitTfIdf(data.texts, options.features);
  const vectors = vectoriser.trainingVectors();
  const classCount = data.classes.length;
  const dims = vectoriser.size;
  // Float32 halves the memory the hot loops walk through; the precision lost does not change any decision.
  const weights = new Float32Array(classCount * dims);
  const bias = new Float64Array(classCount);
  const classWeight = classWeights(data.labels, classCount, options.balanceClasses);
  data.classes.forEach((name, c) => {
    classWeight[c] = (classWeight[c] as number) * (options.classWeightScale[name] ?? 1);
  });
  const order = vectors.map((_, i) => i);
  const random = seededRandom(seed);
  const scores = new Float64Array(classCount);
  const gradients = new Float64Array(classCount);
  const activeClasses = new Int32Array(classCount);
  const lastTrueProbability = new Float64Array(vectors.length);

  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffleInPlace(order, random);
    const rate = options.learningRate / (1 + epoch * 0.5);
    for (const i of order) {
      // An example the model already got right with near certainty is skipped every other epoch: its gradient is
      // almost zero, and skipping it roughly halves training time without changing the result.
      if (epoch % 2 === 1 && (lastTrueProbability[i] as number) > 0.98) continue;
      const x = vectors[i] as SparseVector;
      const label = data.labels[i] as number;
      computeScores(x, weights, bias, classCount, scores);
      softmaxInPlace(scores);
      lastTrueProbability[i] = scores[label] as number;
      const w = classWeight[label] as number;
      for (let c = 0; c < classCount; c++) gradients[c] = ((scores[c] as number) - (c === label ? 1 : 0)) * w;
      // Weights are stored feature-major (all classes of one feature side by side) to keep updates cache-friendly.
      // Classes the model already gets right for this example have a negligible gradient; skipping them is what
      // keeps training on the whole content well under a second.
      let active = 0;
      for (let c = 0; c < classCount; c++) if (Math.abs(gradients[c] as number) > options.updateThreshold) activeClasses[active++] = c;
      for (let k = 0; k < x.indices.length; k++) {
        const base = (x.indices[k] as number) * classCount;
        const value = x.values[k] as number;
        for (let a = 0; a < active; a++) {
          const c = activeClasses[a] as number;
          const current = weights[base + c] as number;
          weights[base + c] = current - rate * ((gradients[c] as number) * value + options.l2 * current);
        }
      }
      for (let c = 0; c < classCount; c++) bias[c] = (bias[c] as number) - rate * (gradients[c] as number);
    }
  }

  return { features: vectoriser.state, weights, bias };
}

function computeScores(x: SparseVector, weights: Float32Array, bias: Float64Array, classCount: number, out: Float64Array): void {
  out.set(bias);
  for (let k = 0; k < x.indices.length; k++) {
    const base = (x.indices[k] as number) * classCount;
    const value = x.values[k] as number;
    for (let c = 0; c < classCount; c++) out[c] = (out[c] as number) + value * (weights[base + c] as number);
  }
}

/** Inverse-frequency weights scaled so their mean over examples is 1. */
export function classWeights(labels: number[], classCount: number, balance: boolean): Float64Array {
  const weights = new Float64Array(classCount).fill(1);
  if (!balance) return weights;
  const counts = new Float64Array(classCount);
  for (const label of labels) counts[label] = (counts[label] as number) + 1;
  const present = [...counts].filter((c) => c > 0).length;
  for (let c = 0; c < classCount; c++) {
    const count = counts[c] as number;
    weights[c] = count > 0 ? labels.length / (present * count) : 0;
  }
  return weights;
}

/** The code whose result a cached model stands for (see trainedModelKey). */
const TRAINING_SOURCE = [fitSoftmaxRegression, computeScores, classWeights, softmaxInPlace, seededRandom, shuffleInPlace, TF_IDF_SOURCE].join('\n');
