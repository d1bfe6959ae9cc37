// k nearest neighbours by cosine similarity of TF-IDF vectors: no training beyond storing the examples.
import { DEFAULT_FEATURE_OPTIONS, type FeatureOptions, fitTfIdf, sparseCosine } from '../textFeatures.js';
import type { ModelTrainer, ScoringModel, TrainingSet } from './scoringModel.js';

export function nearestNeighboursTrainer(k = 5, features: FeatureOptions = DEFAULT_FEATURE_OPTIONS): ModelTrainer {
  return { name: `tfidf+${k}-nearest-neighbours`, train: (data) => trainNearestNeighbours(data, k, features) };
}

export function trainNearestNeighbours(data: TrainingSet, k: number, features: FeatureOptions): ScoringModel {
  const vectoriser = fitTfIdf(data.texts, features);
  const vectors = vectoriser.trainingVectors();
  const classCount = data.classes.length;
  return {
    scores(normalised: string): Float64Array {
      const x = vectoriser.vectorise(normalised);
      const sims = vectors.map((v, i) => ({ sim: sparseCosine(x, v), label: data.labels[i] as number }));
      sims.sort((a, b) => b.sim - a.sim);
      const out = new Float64Array(classCount);
      // Similarity-weighted vote; the top similarity itself is kept as the confidence of the winner.
      const top = sims.slice(0, k);
      let total = 0;
      for (const { sim, label } of top) {
        out[label] = (out[label] as number) + sim;
        total += sim;
      }
      const best = top[0]?.sim ?? 0;
      for (let c = 0; c < classCount; c++) out[c] = total > 0 ? ((out[c] as number) / total) * best : 0;
      return out;
    },
  };
}
