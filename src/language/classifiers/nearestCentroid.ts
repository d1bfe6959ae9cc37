// Nearest centroid (Rocchio): each intent is the mean of its examples' TF-IDF vectors; the closest mean wins.
import { DEFAULT_FEATURE_OPTIONS, type FeatureOptions, fitTfIdf, sparseDot } from '../textFeatures.js';
import type { ModelTrainer, ScoringModel, TrainingSet } from './scoringModel.js';

export function nearestCentroidTrainer(features: FeatureOptions = DEFAULT_FEATURE_OPTIONS): ModelTrainer {
  return { name: 'tfidf+nearest-centroid', train: (data) => trainNearestCentroid(data, features) };
}

export function trainNearestCentroid(data: TrainingSet, features: FeatureOptions): ScoringModel {
  const vectoriser = fitTfIdf(data.texts, features);
  const dims = vectoriser.size;
  const classCount = data.classes.length;
  const centroids = new Float64Array(classCount * dims);
  data.texts.forEach((text, i) => {
    const x = vectoriser.vectorise(text);
    const offset = (data.labels[i] as number) * dims;
    for (let k = 0; k < x.indices.length; k++) {
      const j = offset + (x.indices[k] as number);
      centroids[j] = (centroids[j] as number) + (x.values[k] as number);
    }
  });
  for (let c = 0; c < classCount; c++) {
    let norm = 0;
    for (let j = 0; j < dims; j++) norm += (centroids[c * dims + j] as number) ** 2;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let j = 0; j < dims; j++) centroids[c * dims + j] = (centroids[c * dims + j] as number) * scale;
  }
  return {
    scores(normalised: string): Float64Array {
      const x = vectoriser.vectorise(normalised);
      const out = new Float64Array(classCount);
      for (let c = 0; c < classCount; c++) out[c] = sparseDot(x, centroids, c * dims);
      return out;
    },
  };
}
