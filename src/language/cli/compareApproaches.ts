// Compares candidate intent classifiers by measurement: 5-fold cross-validation on the training examples picks each
// approach's thresholds (best in-scope accuracy with out-of-scope recall >= 0.85), then each is trained on everything and scored on the held-out test set, with its
// training time and classify latency. Usage: npx tsx src/language/cli/compareApproaches.ts [test.jsonl] [--write out.md]
import { writeFileSync } from 'node:fs';
import { bm25Trainer } from '../classifiers/bm25Baseline.js';
import { naiveBayesTrainer } from '../classifiers/naiveBayes.js';
import { nearestCentroidTrainer } from '../classifiers/nearestCentroid.js';
import { nearestNeighboursTrainer } from '../classifiers/nearestNeighbours.js';
import type { ModelTrainer } from '../classifiers/scoringModel.js';
import { softmaxRegressionTrainer } from '../classifiers/softmaxRegression.js';
import { twoStageTrainer } from '../classifiers/twoStage.js';
import { DEFAULT_FEATURE_OPTIONS } from '../textFeatures.js';
import { chooseThresholds, crossValidateScores } from '../evaluation/crossValidate.js';
import { intentMetrics } from '../evaluation/intentMetrics.js';
import { readLabelledFile } from '../evaluation/readLabelledFile.js';
import { buildTrainingSet, createIntentClassifier, defaultTrainer } from '../intentClassifier.js';
import { createNormaliser, loadNormalisationRules, type Normaliser, tokeniseRaw } from '../normaliseText.js';
import { readTrainingExamples } from '../readTrainingExamples.js';

interface Candidate {
  label: string;
  trainer: ModelTrainer;
  normalise: Normaliser;
}

function main(): void {
  const args = process.argv.slice(2);
  const writeAt = args.indexOf('--write');
  const outFile = writeAt >= 0 ? args[writeAt + 1] : undefined;
  const testFile = args.find((a, i) => !a.startsWith('--') && (writeAt < 0 || i !== writeAt + 1)) ?? 'test/eval/nlu-test.jsonl';
  const examples = readTrainingExamples();
  const normalise = createNormaliser(loadNormalisationRules());
  const plain: Normaliser = (text) => tokeniseRaw(text).map((t) => t.toLowerCase()).join(' ');
  const candidates: Candidate[] = [
    { label: 'A. chosen: TF-IDF (char 3-4 + word 1-2) + softmax regression (SGD, 5 epochs) + wrapped copies of topic examples', trainer: defaultTrainer(normalise, undefined, null), normalise },
    { label: 'A1. A without the wrapped copies', trainer: softmaxRegressionTrainer({}, null), normalise },
    { label: 'A2. A1 with char 3-5 and 8 epochs', trainer: softmaxRegressionTrainer({ epochs: 8, features: DEFAULT_FEATURE_OPTIONS }, null), normalise },
    { label: 'A3. A1 in two stages (in scope? then which intent?)', trainer: twoStageTrainer(softmaxRegressionTrainer({}, null), softmaxRegressionTrainer({}, null)), normalise },
    { label: 'A0. A without the normaliser (lower case and words only)', trainer: defaultTrainer(plain, undefined, null), normalise: plain },
    { label: 'B. complement naive Bayes (TF-IDF char 3-5 + word 1-2)', trainer: naiveBayesTrainer(), normalise },
    { label: 'C. TF-IDF 5-nearest neighbours (cosine)', trainer: nearestNeighboursTrainer(5), normalise },
    { label: 'D. TF-IDF nearest centroid', trainer: nearestCentroidTrainer(), normalise },
    { label: 'E. BM25 baseline (MiniSearch, each intent\'s examples as one document)', trainer: bm25Trainer(), normalise },
  ];
  const test = readLabelledFile(testFile).filter((m) => m.safeguarding !== true);
  const rows: string[] = [];
  rows.push(`Training examples: ${[...examples.values()].reduce((n, l) => n + l.length, 0)} over ${examples.size} intents. Test file: ${testFile} (${test.length} messages, safeguarding lines excluded).`);
  rows.push('');
  rows.push('Thresholds: per approach, the best in-scope accuracy over two 5-fold CV runs (pooled) with CV out-of-scope recall >= 0.85 (else the best average). Times are CPU time (process.cpuUsage) on a shared 2-core machine, so they are not inflated by waiting for a core.');
  rows.push('');
  rows.push('| approach | CV in-scope acc | CV OOS recall | threshold / margin | test in-scope acc | test macro-F1 | test OOS recall | test OOS precision | train CPU ms (median of 3) | p99 classify CPU ms |');
  rows.push('|---|---|---|---|---|---|---|---|---|---|');
  for (const candidate of candidates) {
    // Two shuffles of the folds, pooled: with one, the choice flips between near-equal settings.
    const first = crossValidateScores(examples, candidate.normalise, candidate.trainer, 5, 7);
    const second = crossValidateScores(examples, candidate.normalise, candidate.trainer, 5, 11);
    const choice = chooseThresholds({ classes: first.classes, results: [...first.results, ...second.results] }, 0.85);
    const best = { threshold: choice.threshold, margin: choice.margin, inScope: choice.inScopeAccuracy, oos: choice.outOfScopeRecall };
    // CPU time, not wall time: on a shared machine, waiting for a core is not the classifier's cost.
    const cpuMs = (since: NodeJS.CpuUsage) => {
      const used = process.cpuUsage(since);
      return (used.user + used.system) / 1000;
    };
    const times: number[] = [];
    let classifier = undefined as ReturnType<typeof createIntentClassifier> | undefined;
    for (let run = 0; run < 3; run++) {
      const started = process.cpuUsage();
      const data = buildTrainingSet(examples, candidate.normalise);
      const model = candidate.trainer.train(data, 20261123);
      classifier = createIntentClassifier(model, data.classes, candidate.normalise, { threshold: best.threshold, margin: best.margin, rankedSize: 5 });
      times.push(cpuMs(started));
    }
    if (!classifier) throw new Error('compareApproaches(): no classifier was trained.');
    const trained = classifier;
    const metrics = intentMetrics(test.map((m) => ({ expected: m.intent, predicted: trained.classify(m.text).intent })));
    const latencies: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (const m of test) {
        const started = process.cpuUsage();
        trained.classify(m.text);
        latencies.push(cpuMs(started));
      }
    }
    latencies.sort((a, b) => a - b);
    times.sort((a, b) => a - b);
    const p99 = latencies[Math.floor(latencies.length * 0.99)] ?? 0;
    rows.push(
      `| ${candidate.label} | ${pct(best.inScope)} | ${pct(best.oos)} | ${best.threshold} / ${best.margin} | ${pct(metrics.inScopeAccuracy)} | ${metrics.macroF1.toFixed(3)} | ${pct(metrics.outOfScopeRecall)} | ${pct(metrics.outOfScopePrecision)} | ${Math.round(times[1] ?? 0)} | ${p99.toFixed(2)} |`,
    );
    process.stderr.write(`done: ${candidate.label}\n`);
  }
  const report = rows.join('\n');
  process.stdout.write(`${report}\n`);
  if (outFile) writeFileSync(outFile, `${report}\n`);
}

function pct(n: number): string {
  return `${(n * 100).toFixed(1)}%`;
}

main();
