// Stratified k-fold cross-validation over the training examples: each example is predicted by a model that never
// saw it. Used to pick the decision thresholds and to compare approaches without touching the held-out test set.
import { buildTrainingSet, NONE_INTENT } from '../intentClassifier.js';
import type { ModelTrainer, TrainingSet } from '../classifiers/scoringModel.js';
import type { Normaliser } from '../normaliseText.js';
import { seededRandom, shuffleInPlace } from '../seededRandom.js';

export interface FoldScores {
  expected: string;
  /** The model's score for every class, in `classes` order. */
  scores: Float64Array;
}

export interface CrossValidationRun {
  classes: string[];
  results: FoldScores[];
}

/** Trains k models and returns, for every training example, the scores from the model that held it out. */
export function crossValidateScores(
  examples: Map<string, string[]>,
  normalise: Normaliser,
  trainer: ModelTrainer,
  folds = 5,
  seed = 7,
): CrossValidationRun {
  const data = buildTrainingSet(examples, normalise);
  const random = seededRandom(seed);
  // Stratified: deal each class's examples round-robin into the folds after a seeded shuffle.
  const foldOf = new Int32Array(data.texts.length);
  data.classes.forEach((_, c) => {
    const members = shuffleInPlace(
      data.labels.flatMap((label, i) => (label === c ? [i] : [])),
      random,
    );
    members.forEach((i, k) => {
      foldOf[i] = k % folds;
    });
  });
  const results: FoldScores[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const train: TrainingSet = { texts: [], labels: [], classes: data.classes };
    const held: number[] = [];
    data.texts.forEach((text, i) => {
      if (foldOf[i] === fold) held.push(i);
      else {
        train.texts.push(text);
        train.labels.push(data.labels[i] as number);
      }
    });
    const model = trainer.train(train, seed + fold);
    for (const i of held) results.push({ expected: data.classes[data.labels[i] as number] as string, scores: model.scores(data.texts[i] as string) });
  }
  return { classes: data.classes, results };
}

/** Applies the same decision rule as the classifier (best is none, or too unsure -> none) to stored scores. */
export function decide(scores: Float64Array, classes: string[], threshold: number, margin: number): string {
  let best = -1;
  let second = -1;
  for (let c = 0; c < scores.length; c++) {
    if (best < 0 || (scores[c] as number) > (scores[best] as number)) {
      second = best;
      best = c;
    } else if (second < 0 || (scores[c] as number) > (scores[second] as number)) second = c;
  }
  const intent = classes[best] ?? NONE_INTENT;
  if (intent === NONE_INTENT) return NONE_INTENT;
  const top = scores[best] as number;
  const runnerUp = second < 0 ? 0 : (scores[second] as number);
  return top < threshold || top - runnerUp < margin ? NONE_INTENT : intent;
}

export interface ThresholdChoice {
  threshold: number;
  margin: number;
  inScopeAccuracy: number;
  outOfScopeRecall: number;
}

export const THRESHOLD_GRID = [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7];
export const MARGIN_GRID = [0, 0.02, 0.05, 0.1, 0.15, 0.2];

/**
 * Picks the decision rule the way the floors are written: the highest in-scope accuracy among the settings whose
 * out-of-scope recall reaches `minOutOfScopeRecall` (with at least half the in-scope questions right); if none does,
 * the best average of the two.
 */
export function chooseThresholds(run: CrossValidationRun, minOutOfScopeRecall = 0.85): ThresholdChoice {
  const options: ThresholdChoice[] = [];
  for (const threshold of THRESHOLD_GRID) {
    for (const margin of MARGIN_GRID) {
      let inScope = 0;
      let inScopeRight = 0;
      let outOfScope = 0;
      let outOfScopeRight = 0;
      for (const result of run.results) {
        const predicted = decide(result.scores, run.classes, threshold, margin);
        if (result.expected === NONE_INTENT) {
          outOfScope++;
          if (predicted === NONE_INTENT) outOfScopeRight++;
        } else {
          inScope++;
          if (predicted === result.expected) inScopeRight++;
        }
      }
      options.push({ threshold, margin, inScopeAccuracy: inScope ? inScopeRight / inScope : 0, outOfScopeRecall: outOfScope ? outOfScopeRight / outOfScope : 0 });
    }
  }
  // A setting that refuses most in-scope questions to reach the recall does not count as meeting it.
  const meeting = options.filter((o) => o.outOfScopeRecall >= minOutOfScopeRecall && o.inScopeAccuracy >= 0.5);
  const pool = meeting.length > 0 ? meeting : options;
  const score = (o: ThresholdChoice) => (meeting.length > 0 ? o.inScopeAccuracy : (o.inScopeAccuracy + o.outOfScopeRecall) / 2);
  // Ties go to the earlier (lower) setting, which keeps the rule as permissive as the data allows.
  return pool.reduce((best, o) => (score(o) > score(best) + 1e-12 ? o : best));
}
