// The second safeguarding check: a small classifier trained at startup on content/safeguarding-examples.yaml (risk
// messages by category, plus ordinary SEN talk) and on every intent training example as "not risk". It catches risk
// worded in ways the patterns in content/safeguarding.yaml do not list.
import { loadYamlFile } from '../knowledge/loadYamlFile.js';
import { join } from 'node:path';
import { z } from 'zod';
import type { ScoringModel } from './classifiers/scoringModel.js';
import { DEFAULT_SOFTMAX_OPTIONS, trainSoftmaxRegression } from './classifiers/softmaxRegression.js';
import { DEFAULT_CONTENT_DIR } from './contentDir.js';
import type { Normaliser } from './normaliseText.js';
import type { SafeguardingCategory } from './types.js';

export const SAFEGUARDING_EXAMPLES_FILE = 'safeguarding-examples.yaml';
const CATEGORIES = ['immediate-danger', 'suicide', 'self-harm', 'abuse', 'neglect', 'domestic-violence', 'exploitation'] as const;
const NOT_RISK = 'not-risk';

export const SafeguardingExamplesSchema = z.object({
  risk: z.partialRecord(z.enum(CATEGORIES), z.array(z.string().min(1))),
  'not-risk': z.array(z.string().min(1)).default([]),
});
export type SafeguardingExamples = z.infer<typeof SafeguardingExamplesSchema>;

/** Below this share of probability on the risk categories, the model stays quiet (chosen on challenge round 4, see test/eval/README.md). */
export const SAFEGUARDING_MODEL_THRESHOLD = 0.3;

export interface SafeguardingModel {
  /** The most likely risk category when the model thinks the message is risky, else null. */
  assess(text: string): { category: SafeguardingCategory; risk: number } | null;
}

export function loadSafeguardingExamples(contentDir: string = DEFAULT_CONTENT_DIR): SafeguardingExamples {
  const file = join(contentDir, SAFEGUARDING_EXAMPLES_FILE);
  return loadYamlFile(file, SafeguardingExamplesSchema, 'loadSafeguardingExamples()');
}

/**
 * @param ordinary every intent training example: the model learns what ordinary messages look like from them
 */
export function trainSafeguardingModel(examples: SafeguardingExamples, ordinary: string[], normalise: Normaliser, threshold = SAFEGUARDING_MODEL_THRESHOLD): SafeguardingModel {
  const classes = [NOT_RISK, ...CATEGORIES];
  const texts: string[] = [];
  const labels: number[] = [];
  const add = (text: string, label: number) => {
    const normalised = normalise(text);
    if (normalised.length === 0) return;
    texts.push(normalised);
    labels.push(label);
  };
  for (const text of [...ordinary, ...examples['not-risk']]) add(text, 0);
  CATEGORIES.forEach((category, i) => {
    for (const text of examples.risk[category] ?? []) add(text, i + 1);
  });
  // Not balanced: risk messages are rare, and weighting them up made the model raise alarms on ordinary questions.
  const model: ScoringModel = trainSoftmaxRegression({ texts, labels, classes }, 20261123, { ...DEFAULT_SOFTMAX_OPTIONS, balanceClasses: false });
  return {
    assess(text: string) {
      const normalised = normalise(text);
      if (normalised.length === 0) return null;
      const scores = model.scores(normalised);
      const risk = 1 - (scores[0] as number);
      if (risk < threshold) return null;
      let best = 1;
      for (let c = 2; c < scores.length; c++) if ((scores[c] as number) > (scores[best] as number)) best = c;
      return { category: CATEGORIES[best - 1] as SafeguardingCategory, risk };
    },
  };
}
