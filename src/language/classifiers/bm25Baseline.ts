// The plain-search baseline: BM25 (MiniSearch) over each intent's examples as one document, no learning.
import MiniSearch from 'minisearch';
import type { ModelTrainer, ScoringModel, TrainingSet } from './scoringModel.js';

export function bm25Trainer(): ModelTrainer {
  return { name: 'bm25-minisearch', train: (data) => trainBm25(data) };
}

export function trainBm25(data: TrainingSet): ScoringModel {
  const search = new MiniSearch<{ id: number; text: string }>({ fields: ['text'], storeFields: [] });
  const docs = data.classes.map((_, c) => ({ id: c, text: '' }));
  data.texts.forEach((text, i) => {
    const doc = docs[data.labels[i] as number];
    if (doc) doc.text += ` ${text}`;
  });
  search.addAll(docs);
  return {
    scores(normalised: string): Float64Array {
      const out = new Float64Array(data.classes.length);
      const results = search.search(normalised, { fuzzy: 0.2, prefix: true, combineWith: 'OR' });
      const best = results[0]?.score ?? 0;
      // Scaled so the best document scores by its own strength (saturating) and the rest relative to it.
      const confidence = best / (best + 10);
      for (const r of results) out[r.id as number] = (r.score / best) * confidence;
      return out;
    },
  };
}
