// The shape every candidate intent model shares, so the classifier and the comparison script can swap them.

/** A trained model: given normalised text, one score per class (same order as the class list), best is highest. */
export interface ScoringModel {
  scores(normalised: string): Float64Array;
}

export interface TrainingSet {
  /** Normalised texts. */
  texts: string[];
  /** Class index of each text. */
  labels: number[];
  classes: string[];
}

export interface ModelTrainer {
  /** Short name used in the comparison table. */
  name: string;
  train(data: TrainingSet, seed: number): ScoringModel;
}

export function softmaxInPlace(scores: Float64Array): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < scores.length; i++) if ((scores[i] as number) > max) max = scores[i] as number;
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    const e = Math.exp((scores[i] as number) - max);
    scores[i] = e;
    sum += e;
  }
  for (let i = 0; i < scores.length; i++) scores[i] = (scores[i] as number) / sum;
  return scores;
}
