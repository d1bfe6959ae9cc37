// Two stages: first "is this something we cover at all?" (every in-scope example pooled against "none"), then
// "which intent?" among in-scope intents only. The pooled first stage sees far more in-scope wording than any
// single intent has, which keeps short or unusual in-scope questions from falling into "none".
import type { ModelTrainer, ScoringModel, TrainingSet } from './scoringModel.js';

export function twoStageTrainer(scopeTrainer: ModelTrainer, intentTrainer: ModelTrainer, noneClass = 'none'): ModelTrainer {
  return {
    name: `two-stage(${scopeTrainer.name} | ${intentTrainer.name})`,
    train: (data, seed) => trainTwoStage(data, seed, scopeTrainer, intentTrainer, noneClass),
  };
}

function trainTwoStage(data: TrainingSet, seed: number, scopeTrainer: ModelTrainer, intentTrainer: ModelTrainer, noneClass: string): ScoringModel {
  const noneIndex = data.classes.indexOf(noneClass);
  const scope = scopeTrainer.train({ texts: data.texts, labels: data.labels.map((l) => (l === noneIndex ? 1 : 0)), classes: ['in-scope', noneClass] }, seed);
  const inScopeClasses = data.classes.filter((_, c) => c !== noneIndex);
  const toInner = data.classes.map((_, c) => (c === noneIndex ? -1 : c < noneIndex || noneIndex < 0 ? c : c - 1));
  const texts: string[] = [];
  const labels: number[] = [];
  data.texts.forEach((text, i) => {
    const inner = toInner[data.labels[i] as number] as number;
    if (inner >= 0) {
      texts.push(text);
      labels.push(inner);
    }
  });
  const intents = intentTrainer.train({ texts, labels, classes: inScopeClasses }, seed + 1);
  return {
    scores(normalised: string): Float64Array {
      const pNone = scope.scores(normalised)[1] as number;
      const inner = intents.scores(normalised);
      const out = new Float64Array(data.classes.length);
      data.classes.forEach((_, c) => {
        const k = toInner[c] as number;
        out[c] = k < 0 ? pNone : (1 - pNone) * (inner[k] as number);
      });
      return out;
    },
  };
}
