// Scores predicted intents against labels: in-scope accuracy, macro-F1, out-of-scope precision/recall, the most
// confused pairs and a per-intent table. Pure functions, shared by the evaluate CLI, cross-validation and tests.
import { NONE_INTENT } from '../intentClassifier.js';

export interface IntentPrediction {
  expected: string;
  predicted: string;
}

export interface PerIntentRow {
  intent: string;
  support: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface IntentMetrics {
  count: number;
  /** Share of in-scope messages (expected intent is not "none") given exactly the right intent. */
  inScopeAccuracy: number;
  /** Mean F1 over every intent that appears in the labels, "none" included. */
  macroF1: number;
  outOfScopePrecision: number;
  outOfScopeRecall: number;
  perIntent: PerIntentRow[];
  confusedPairs: Array<{ expected: string; predicted: string; count: number }>;
}

export function intentMetrics(predictions: IntentPrediction[]): IntentMetrics {
  const intents = [...new Set(predictions.map((p) => p.expected))].sort();
  const perIntent = intents.map((intent) => {
    const tp = predictions.filter((p) => p.expected === intent && p.predicted === intent).length;
    const predicted = predictions.filter((p) => p.predicted === intent).length;
    const support = predictions.filter((p) => p.expected === intent).length;
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { intent, support, precision, recall, f1 };
  });
  const inScope = predictions.filter((p) => p.expected !== NONE_INTENT);
  const noneRow = perIntent.find((r) => r.intent === NONE_INTENT);
  const pairs = new Map<string, { expected: string; predicted: string; count: number }>();
  for (const p of predictions) {
    if (p.expected === p.predicted) continue;
    const key = `${p.expected}\u0000${p.predicted}`;
    const pair = pairs.get(key) ?? { expected: p.expected, predicted: p.predicted, count: 0 };
    pair.count += 1;
    pairs.set(key, pair);
  }
  return {
    count: predictions.length,
    inScopeAccuracy: ratio(inScope.filter((p) => p.predicted === p.expected).length, inScope.length),
    macroF1: perIntent.length === 0 ? 0 : perIntent.reduce((sum, r) => sum + r.f1, 0) / perIntent.length,
    outOfScopePrecision: noneRow?.precision ?? ratio(0, predictions.filter((p) => p.predicted === NONE_INTENT).length),
    outOfScopeRecall: noneRow?.recall ?? 0,
    perIntent,
    confusedPairs: [...pairs.values()].sort((a, b) => b.count - a.count || a.expected.localeCompare(b.expected)),
  };
}

export interface SafeguardingPrediction {
  /** Whether the label says the message needs the safeguarding path. */
  expected: boolean;
  flagged: boolean;
  expectedCategory?: string;
  category?: string;
}

export interface SafeguardingMetrics {
  positives: number;
  negatives: number;
  recall: number;
  falsePositiveRate: number;
  /** Of the flagged true positives that carry a category label, the share given that category. */
  categoryAccuracy: number;
}

export function safeguardingMetrics(predictions: SafeguardingPrediction[]): SafeguardingMetrics {
  const positives = predictions.filter((p) => p.expected);
  const negatives = predictions.filter((p) => !p.expected);
  const labelled = positives.filter((p) => p.flagged && p.expectedCategory !== undefined);
  return {
    positives: positives.length,
    negatives: negatives.length,
    recall: ratio(positives.filter((p) => p.flagged).length, positives.length),
    falsePositiveRate: ratio(negatives.filter((p) => p.flagged).length, negatives.length),
    categoryAccuracy: ratio(labelled.filter((p) => p.category === p.expectedCategory).length, labelled.length),
  };
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}
