// The one entry point the bot uses: safeguarding first, then intent, then entities, as one Understanding.
import type { KnowledgeBase } from '../knowledge/types.js';
import { loadSafeguardingDetector, type SafeguardingDetector } from './detectSafeguarding.js';
import { type IntentClassifier, type IntentClassifierOptions, type IntentResult, trainIntentClassifier } from './intentClassifier.js';
import { createNormaliser, loadNormalisationRules } from './normaliseText.js';
import { trainingExamplesFrom } from './readTrainingExamples.js';
import { recogniseEntities } from './recogniseEntities.js';
import type { Understanding } from './types.js';
import { DEFAULT_CONTENT_DIR } from './contentDir.js';

export interface LanguageUnderstanding {
  /** referenceDate anchors relative dates ("last Tuesday"); defaults to now. */
  understand(text: string, referenceDate?: Date): Understanding;
  readonly classifier: IntentClassifier;
  readonly detectSafeguarding: SafeguardingDetector;
}

export interface LanguageOptions {
  /** Folder holding language/normalisation.yaml and safeguarding.yaml; defaults to the repository's content/. */
  contentDir?: string;
  intent?: Partial<IntentClassifierOptions>;
}

/** Trains the classifier from the knowledge base's topic examples and control-intent examples (well under 1 s). */
export function createLanguageUnderstanding(kb: Pick<KnowledgeBase, 'topics' | 'intentExamples'>, options: LanguageOptions = {}): LanguageUnderstanding {
  const contentDir = options.contentDir ?? DEFAULT_CONTENT_DIR;
  const normaliser = createNormaliser(loadNormalisationRules(contentDir));
  const examples = trainingExamplesFrom(kb);
  const classifier = trainIntentClassifier(examples, { normaliser, contentDir, ...options.intent });
  const detect = loadSafeguardingDetector(contentDir, [...examples.values()].flat());
  return {
    classifier,
    detectSafeguarding: detect,
    understand(text: string, referenceDate?: Date): Understanding {
      // Safeguarding runs first and on the raw text: nothing later may hide a risk signal.
      const safeguarding = detect(text);
      // The rest is worked out the first time it is read (once per message at most): a button press or a command
      // word is routed without the intent, and only the steps that ask for a date read the entities, whose
      // recognisers cost several milliseconds a message.
      let classified: IntentResult | undefined;
      const classification = () => (classified ??= classifier.classify(text));
      let entities: Understanding['entities'] | undefined;
      return {
        text,
        get intent() {
          return classification().intent;
        },
        get score() {
          return classification().score;
        },
        get ranked() {
          return classification().ranked;
        },
        get entities() {
          entities ??= recogniseEntities(text, referenceDate ? { referenceDate } : {});
          return entities;
        },
        safeguarding,
      };
    },
  };
}
