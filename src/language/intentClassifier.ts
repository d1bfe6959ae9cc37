// The intent classifier the bot uses: normalise, score every intent with the chosen model, and answer "none" when
// the best intent is "none" or the model is not sure enough (low score, or two intents too close to call).
import { augmentedTrainer, loadAugmentation } from './classifiers/augmentedTrainer.js';
import type { ModelTrainer, ScoringModel, TrainingSet } from './classifiers/scoringModel.js';
import { softmaxRegressionTrainer } from './classifiers/softmaxRegression.js';
import { sharedTrainedModelCache, type TrainedModelCache } from './classifiers/trainedModelCache.js';
import { DEFAULT_CONTENT_DIR } from './contentDir.js';
import { createNormaliser, loadNormalisationRules, type Normaliser } from './normaliseText.js';
import { CONTROL_INTENTS, type IntentName, type RankedIntent } from './types.js';

export const NONE_INTENT = 'none';

export interface IntentResult {
  intent: IntentName;
  /** Confidence in the returned intent, 0 to 1. For a rejected guess it is 1 minus the best intent's score. */
  score: number;
  /**
   * Every intent, "none" included, best first, at most `rankedSize`. When the answer is "none", ranked[0] tells the
   * dialogs why: "none" itself means out of scope; a topic means "not sure", and the top topics are worth offering.
   */
  ranked: RankedIntent[];
}

export interface IntentClassifier {
  readonly intents: string[];
  classify(text: string): IntentResult;
}

export interface IntentClassifierOptions {
  /** The model; defaults to `defaultTrainer()` (softmax regression with wrapped copies of topic examples). */
  trainer?: ModelTrainer;
  /** Where language/normalisation.yaml and language/augmentation.yaml are read from. */
  contentDir: string;
  /** Below this score for the best intent, answer "none". */
  threshold: number;
  /** When the best two intents are closer than this, answer "none". */
  margin: number;
  seed: number;
  normaliser?: Normaliser;
  rankedSize: number;
}

/**
 * Thresholds chosen by cross-validation over the training examples (src/language/cli/compareApproaches.ts, see
 * test/eval/approach-comparison.md). Neighbouring settings score within a point of each other.
 */
export const DEFAULT_INTENT_OPTIONS: IntentClassifierOptions = {
  contentDir: DEFAULT_CONTENT_DIR,
  threshold: 0.3,
  margin: 0.1,
  seed: 20261123,
  rankedSize: 5,
};

/** Turns a map of intent -> examples into the normalised, indexed form the models train on. */
export function buildTrainingSet(examples: Map<string, string[]>, normalise: Normaliser): TrainingSet {
  const classes = [...examples.keys()].sort();
  if (!classes.includes(NONE_INTENT)) classes.push(NONE_INTENT);
  const texts: string[] = [];
  const labels: number[] = [];
  classes.forEach((intent, c) => {
    for (const example of examples.get(intent) ?? []) {
      const normalised = normalise(example);
      if (normalised.length === 0) continue;
      texts.push(normalised);
      labels.push(c);
    }
  });
  return { texts, labels, classes };
}

/** Topics get wrapped copies; control intents and "none" do not ("hello" plus a greeting is still a greeting). */
export function isTopicIntent(intent: string): boolean {
  return intent !== NONE_INTENT && !(CONTROL_INTENTS as readonly string[]).includes(intent);
}

/**
 * The chosen model (see the comparison in src/language/cli/compareApproaches.ts).
 * @param cache where trained models are kept between starts; null to always train (evaluation folds, timings)
 */
export function defaultTrainer(normalise: Normaliser, contentDir: string = DEFAULT_CONTENT_DIR, cache: TrainedModelCache | null = sharedTrainedModelCache()): ModelTrainer {
  const augmentation = loadAugmentation(contentDir);
  const normalised = { share: augmentation.share, before: augmentation.before.map(normalise), after: augmentation.after.map(normalise) };
  return augmentedTrainer(softmaxRegressionTrainer({}, cache), normalised, isTopicIntent);
}

export function trainIntentClassifier(examples: Map<string, string[]>, options: Partial<IntentClassifierOptions> = {}): IntentClassifier {
  const settings = { ...DEFAULT_INTENT_OPTIONS, ...options };
  const normalise = settings.normaliser ?? createNormaliser(loadNormalisationRules(settings.contentDir));
  const data = buildTrainingSet(examples, normalise);
  if (data.texts.length === 0) {
    throw new Error('trainIntentClassifier(): no training examples because every intent\'s example list is empty. Check content/topics/*.md "examples" and content/intents/*.yaml.');
  }
  const trainer = settings.trainer ?? defaultTrainer(normalise, settings.contentDir);
  const model = trainer.train(data, settings.seed);
  return createIntentClassifier(model, data.classes, normalise, settings);
}

/** Wraps a trained model with the decision rule; exported so the comparison script can reuse it. */
export function createIntentClassifier(
  model: ScoringModel,
  classes: string[],
  normalise: Normaliser,
  settings: Pick<IntentClassifierOptions, 'threshold' | 'margin' | 'rankedSize'>,
): IntentClassifier {
  const noneIndex = classes.indexOf(NONE_INTENT);
  return {
    intents: classes,
    classify(text: string): IntentResult {
      const normalised = normalise(text);
      if (normalised.length === 0) return { intent: NONE_INTENT, score: 1, ranked: [] };
      const scores = model.scores(normalised);
      const order = [...scores.keys()].sort((a, b) => (scores[b] as number) - (scores[a] as number));
      const best = order[0] as number;
      const bestScore = scores[best] as number;
      const ranked = order
        .slice(0, settings.rankedSize)
        .map((c) => ({ intent: classes[c] as string, score: round(scores[c] as number) }));
      if (best === noneIndex) return { intent: NONE_INTENT, score: round(bestScore), ranked };
      const runnerUp = order[1] === undefined ? 0 : (scores[order[1]] as number);
      if (bestScore < settings.threshold || bestScore - runnerUp < settings.margin) {
        return { intent: NONE_INTENT, score: round(1 - bestScore), ranked };
      }
      return { intent: classes[best] as string, score: round(bestScore), ranked };
    },
  };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
