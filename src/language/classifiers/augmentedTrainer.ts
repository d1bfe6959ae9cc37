// Training-time augmentation: copies some topic examples with everyday openers and closers ("can someone explain",
// "hi", "please") so the model learns that these words do not change what a question is about. The phrases live in
// content/language/augmentation.yaml.
import { loadYamlFile } from '../../knowledge/loadYamlFile.js';
import { join } from 'node:path';
import { z } from 'zod';
import { seededRandom } from '../seededRandom.js';
import type { ModelTrainer, TrainingSet } from './scoringModel.js';

export const AugmentationSchema = z.object({
  share: z.number().min(0).max(5),
  before: z.array(z.string().min(1)).min(1),
  after: z.array(z.string().min(1)).min(1),
});
export type Augmentation = z.infer<typeof AugmentationSchema>;

export const AUGMENTATION_FILE = 'language/augmentation.yaml';

export function loadAugmentation(contentDir: string): Augmentation {
  const file = join(contentDir, AUGMENTATION_FILE);
  return loadYamlFile(file, AugmentationSchema, 'loadAugmentation()');
}

/**
 * @param augmentation phrases already normalised the way training texts are
 * @param shouldAugment which classes get copies (topics only: "hello" + a greeting is still a greeting)
 */
export function augmentedTrainer(base: ModelTrainer, augmentation: Augmentation, shouldAugment: (className: string) => boolean): ModelTrainer {
  return {
    name: `${base.name}+wrappers`,
    train: (data, seed) => base.train(augment(data, augmentation, shouldAugment, seed), seed),
  };
}

/** Adds wrapped copies: `share` copies per example on average (0.5 = every other example, 2 = two each). */
export function augment(data: TrainingSet, augmentation: Augmentation, shouldAugment: (className: string) => boolean, seed: number): TrainingSet {
  const random = seededRandom(seed ^ 0x5eed);
  const pick = (list: string[]) => list[Math.floor(random() * list.length)] ?? '';
  const texts = [...data.texts];
  const labels = [...data.labels];
  data.texts.forEach((text, i) => {
    const label = data.labels[i] as number;
    if (!shouldAugment(data.classes[label] as string)) return;
    let copies = Math.floor(augmentation.share);
    if (random() < augmentation.share - copies) copies++;
    for (let k = 0; k < copies; k++) {
      const before = random() < 0.75 ? pick(augmentation.before) : '';
      const after = before === '' || random() < 0.25 ? pick(augmentation.after) : '';
      texts.push([before, text, after].filter((p) => p.length > 0).join(' '));
      labels.push(label);
    }
  });
  return { texts, labels, classes: data.classes };
}
