// Scores the intent classifier and the safeguarding detector on a labelled JSONL file (see test/eval/README.md),
// or with --cross-validate runs k-fold cross-validation over the training examples instead.
// Usage: npm run nlu:eval -- <file.jsonl>   |   npm run nlu:eval -- --cross-validate [--folds 5]
import { crossValidateScores, decide } from '../evaluation/crossValidate.js';
import { formatIntentReport, formatSafeguardingReport } from '../evaluation/formatReport.js';
import { intentMetrics, safeguardingMetrics } from '../evaluation/intentMetrics.js';
import { readLabelledFile } from '../evaluation/readLabelledFile.js';
import { loadSafeguardingDetector } from '../detectSafeguarding.js';
import { DEFAULT_INTENT_OPTIONS, defaultTrainer, trainIntentClassifier } from '../intentClassifier.js';
import { createNormaliser, loadNormalisationRules } from '../normaliseText.js';
import { readTrainingExamples } from '../readTrainingExamples.js';

function main(): void {
  const args = process.argv.slice(2);
  const examples = readTrainingExamples();
  if (args.includes('--cross-validate')) {
    const foldsAt = args.indexOf('--folds');
    const folds = foldsAt >= 0 ? Number(args[foldsAt + 1]) : 5;
    if (!Number.isInteger(folds) || folds < 2) throw new Error('evaluate(): --folds must be a whole number of at least 2. Pass e.g. --folds 5.');
    const normalise = createNormaliser(loadNormalisationRules());
    // Fold models are thrown away: kept, they would push the bot's own models out of the start-up cache.
    const trainer = defaultTrainer(normalise, undefined, null);
    const run = crossValidateScores(examples, normalise, trainer, folds);
    const metrics = intentMetrics(run.results.map((r) => ({ expected: r.expected, predicted: decide(r.scores, run.classes, DEFAULT_INTENT_OPTIONS.threshold, DEFAULT_INTENT_OPTIONS.margin) })));
    process.stdout.write(`${formatIntentReport(`${folds}-fold cross-validation over ${run.results.length} training examples (${trainer.name})`, metrics)}\n`);
    return;
  }
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) throw new Error('evaluate(): no file given because the first argument is missing. Run: npm run nlu:eval -- test/eval/nlu-test.jsonl');
  const messages = readLabelledFile(file);
  const classifier = trainIntentClassifier(examples);
  const detect = loadSafeguardingDetector();
  const started = performance.now();
  const results = messages.map((m) => ({ message: m, intent: classifier.classify(m.text).intent, signal: detect(m.text) }));
  const perMessageMs = (performance.now() - started) / Math.max(1, messages.length);
  // A message that needs the safeguarding path never reaches intent routing, so its intent is not scored.
  const scored = results.filter((r) => r.message.safeguarding !== true);
  const intents = intentMetrics(scored.map((r) => ({ expected: r.message.intent, predicted: r.intent })));
  const safety = safeguardingMetrics(
    results.map((r) => {
      const prediction: { expected: boolean; flagged: boolean; expectedCategory?: string; category?: string } = { expected: r.message.safeguarding === true, flagged: r.signal !== null };
      if (r.message.category !== undefined) prediction.expectedCategory = r.message.category;
      if (r.signal) prediction.category = r.signal.category;
      return prediction;
    }),
  );
  const misses = results.filter((r) => r.message.safeguarding === true && r.signal === null).map((r) => `[${r.message.category ?? '?'}] ${r.message.text}`);
  const falsePositives = results.filter((r) => r.message.safeguarding !== true && r.signal !== null).map((r) => `[${r.signal?.category}] ${r.message.text}`);
  process.stdout.write(`${formatIntentReport(`intent on ${file}`, intents)}\n\n${formatSafeguardingReport(safety, misses, falsePositives)}\n\nmean time per message (intent + safeguarding): ${perMessageMs.toFixed(2)} ms\n`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
