// Formats evaluation results as a plain-text report for people (the evaluate CLI prints it).
import type { IntentMetrics, SafeguardingMetrics } from './intentMetrics.js';

export function formatIntentReport(title: string, metrics: IntentMetrics, confusedPairs = 10): string {
  const lines = [
    `== ${title} ==`,
    `messages scored for intent: ${metrics.count}`,
    `in-scope accuracy:          ${pct(metrics.inScopeAccuracy)}`,
    `macro-F1:                   ${metrics.macroF1.toFixed(3)}`,
    `out-of-scope precision:     ${pct(metrics.outOfScopePrecision)}`,
    `out-of-scope recall:        ${pct(metrics.outOfScopeRecall)}`,
    '',
    'most confused (expected -> predicted, count):',
    ...(metrics.confusedPairs.length === 0 ? ['  none'] : metrics.confusedPairs.slice(0, confusedPairs).map((p) => `  ${p.expected} -> ${p.predicted}  ${p.count}`)),
    '',
    `${'intent'.padEnd(26)} ${'support'.padStart(7)} ${'precision'.padStart(9)} ${'recall'.padStart(7)} ${'F1'.padStart(6)}`,
    ...metrics.perIntent.map(
      (r) => `${r.intent.padEnd(26)} ${String(r.support).padStart(7)} ${r.precision.toFixed(2).padStart(9)} ${r.recall.toFixed(2).padStart(7)} ${r.f1.toFixed(2).padStart(6)}`,
    ),
  ];
  return lines.join('\n');
}

export function formatSafeguardingReport(metrics: SafeguardingMetrics, misses: string[], falsePositives: string[]): string {
  return [
    '== safeguarding ==',
    `risk messages:              ${metrics.positives}`,
    `recall:                     ${pct(metrics.recall)}`,
    `category right (of found):  ${pct(metrics.categoryAccuracy)}`,
    `normal messages:            ${metrics.negatives}`,
    `false-positive rate:        ${pct(metrics.falsePositiveRate)}`,
    ...(misses.length > 0 ? ['missed:', ...misses.map((m) => `  ${m}`)] : []),
    ...(falsePositives.length > 0 ? ['raised on normal messages:', ...falsePositives.map((m) => `  ${m}`)] : []),
  ].join('\n');
}

function pct(n: number): string {
  return `${(n * 100).toFixed(1)}%`;
}
