// Complement naive Bayes over word and character-gram counts: a fast, well-known baseline for short texts.
import { DEFAULT_FEATURE_OPTIONS, type FeatureOptions, fitTfIdf } from '../textFeatures.js';
import { type ModelTrainer, type ScoringModel, softmaxInPlace, type TrainingSet } from './scoringModel.js';

export function naiveBayesTrainer(alpha = 0.3, features: FeatureOptions = DEFAULT_FEATURE_OPTIONS): ModelTrainer {
  return { name: 'complement-naive-bayes', train: (data) => trainComplementNaiveBayes(data, alpha, features) };
}

export function trainComplementNaiveBayes(data: TrainingSet, alpha: number, features: FeatureOptions): ScoringModel {
  const vectoriser = fitTfIdf(data.texts, features);
  const dims = vectoriser.size;
  const classCount = data.classes.length;
  // TF-IDF weighted counts, as recommended for complement NB (Rennie et al. 2003).
  const perClass = new Float64Array(classCount * dims);
  const total = new Float64Array(dims);
  data.texts.forEach((text, i) => {
    const x = vectoriser.vectorise(text);
    const label = data.labels[i] as number;
    for (let k = 0; k < x.indices.length; k++) {
      const j = x.indices[k] as number;
      const v = x.values[k] as number;
      perClass[label * dims + j] = (perClass[label * dims + j] as number) + v;
      total[j] = (total[j] as number) + v;
    }
  });
  let grandTotal = 0;
  for (const v of total) grandTotal += v;
  const weights = new Float64Array(classCount * dims);
  for (let c = 0; c < classCount; c++) {
    let classTotal = 0;
    for (let j = 0; j < dims; j++) classTotal += perClass[c * dims + j] as number;
    const complementTotal = grandTotal - classTotal + alpha * dims;
    let norm = 0;
    for (let j = 0; j < dims; j++) {
      const complement = (total[j] as number) - (perClass[c * dims + j] as number) + alpha;
      const w = Math.log(complement / complementTotal);
      weights[c * dims + j] = w;
      norm += Math.abs(w);
    }
    for (let j = 0; j < dims; j++) weights[c * dims + j] = (weights[c * dims + j] as number) / norm;
  }
  return {
    scores(normalised: string): Float64Array {
      const x = vectoriser.counts(normalised);
      const out = new Float64Array(classCount);
      for (let c = 0; c < classCount; c++) {
        let sum = 0;
        for (let k = 0; k < x.indices.length; k++) sum -= (x.values[k] as number) * (weights[c * dims + (x.indices[k] as number)] as number);
        out[c] = sum;
      }
      // Complement NB scores are not probabilities; a temperature turns them into a comparable distribution.
      for (let c = 0; c < classCount; c++) out[c] = (out[c] as number) * 50;
      return softmaxInPlace(out);
    },
  };
}
